package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunnerAdaptersTests {

  /** Words separated by spaces; a quoted last part is one word (a shell script). */
  private static List<String> command(String line) {
    int quote = line.indexOf('\'');
    if (quote < 0) {
      return List.of(line.split(" "));
    }
    var words = new java.util.ArrayList<>(List.of(line.substring(0, quote).strip().split(" ")));
    words.add(line.substring(quote + 1, line.length() - 1));
    return words;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          pytest tests/                                   => pytest
          py.test -q                                      => pytest
          /usr/local/bin/pytest -x                        => pytest
          python -m pytest tests                          => pytest
          python3 -m pytest                               => pytest
          python3.12 -X dev -m pytest                     => pytest
          uv run pytest -q                                => pytest
          uv run --with pytest-cov pytest                 => pytest
          poetry run pytest                               => pytest
          pipenv run python -m pytest                     => pytest
          env PYTHONPATH=src pytest                       => pytest
          timeout 600 pytest                              => pytest
          mvn -B verify                                   => maven
          ./mvnw test                                     => maven
          mvnw.cmd test                                   => maven
          gradle test                                     => gradle
          ./gradlew :app:test --tests *Cart*              => gradle
          go test ./...                                   => go
          go -C service test -run TestCart ./...          => go
          cargo test --workspace                          => cargo
          cargo +nightly test                             => cargo
          cargo nextest run --workspace                   => nextest
          cargo --locked nextest run                      => nextest
          cargo-nextest nextest run                       => nextest
          npx jest --ci                                   => jest
          yarn jest                                       => jest
          pnpm exec jest                                  => jest
          npm exec -- jest                                => jest
          node node_modules/jest/bin/jest.js              => jest
          ./node_modules/.bin/jest                        => jest
          npx vitest run                                  => vitest
          pnpm vitest                                     => vitest
          bun x vitest run                                => vitest
          npm test                                        => npm-script
          npm run test:unit                               => npm-script
          yarn test                                       => npm-script
          pnpm test:e2e                                   => npm-script
          bun run test                                    => npm-script
          bash -c 'cd app && pytest -q'                   => pytest
          sh -c 'npm ci && npm test'                      => npm-script
          bash -lc 'source .venv/bin/activate; python -m pytest tests 2>&1 | tee log' => pytest
          sh -c 'FOO=1 go test ./... > out.json'          => go
          make test                                       => generic
          tox -e py312                                    => generic
          go build ./...                                  => generic
          cargo build                                     => generic
          bun test                                        => generic
          node --test                                     => node-test
          npm install                                     => generic
          bash -c 'echo pytest'                           => generic
          python -c 'import pytest'                       => generic
          """)
  void detectsTheRunnerFromTheProgramThroughWrappersAndScripts(String line, String adapter) {
    assertThat(RunnerAdapters.detect(command(line.strip()), List.of()).name()).isEqualTo(adapter);
  }

  @ParameterizedTest
  @CsvSource({"pytest tests", "make test"})
  void readsTheNamedResultFilesWithTheGenericAdapterWhenTheUserGivesGlobs(String line) {
    var adapter = RunnerAdapters.detect(command(line), List.of("build/*.xml"));

    assertThat(adapter.name()).isEqualTo("generic");
  }
}
