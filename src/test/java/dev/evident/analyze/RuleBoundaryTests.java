package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.service.Rules;
import org.junit.jupiter.api.Test;

/**
 * Where the built-in rules draw the line between two categories, or between a category and an
 * honest "other": the same words in two situations, one of each. The texts are written for these
 * tests.
 */
class RuleBoundaryTests {

  private static final RuleClassifier RULES = new RuleClassifier(Rules.builtIn());

  private static Diagnosis classify(String runner, String text) {
    return RULES.classify(FailureInput.ofText(runner, text));
  }

  @Test
  void aSecretNamedAsAnIdentifierIsConfigurationButAPlainWordIsTheCodesOwnMessage() {
    Diagnosis option = classify("jest", "Error: webhookSecret must have a value\n");
    assertThat(option.category()).isEqualTo(Category.CONFIGURATION_MISSING);
    assertThat(option.entities()).containsEntry("setting", "webhookSecret");

    Diagnosis message = classify("jest", "Error: token is missing from the callback URL\n");
    assertThat(message.category()).isEqualTo(Category.OTHER);
    assertThat(message.confidence()).isLessThanOrEqualTo(0.4);
  }

  @Test
  void aBareKillOrAStackOverflowIsOtherWithLowConfidenceButAnOomKillIsResourceExhaustion() {
    Diagnosis bare = classify("go", "signal: killed\nFAIL\tgithub.com/acme/x\t90.1s\n");
    assertThat(bare.category()).isEqualTo(Category.OTHER);
    assertThat(bare.confidence()).isLessThanOrEqualTo(0.4);
    assertThat(bare.rule()).isEqualTo("killed-by-signal");

    assertThat(
            classify("pytest", "E   RecursionError: maximum recursion depth exceeded\n").category())
        .isEqualTo(Category.OTHER);
    assertThat(
            classify("go", "signal: killed\nError: Process completed with exit code 137.\n")
                .category())
        .isEqualTo(Category.RESOURCE_EXHAUSTION);
  }

  @Test
  void aJsonParseErrorIsNotTheProjectsSyntax() {
    Diagnosis json =
        classify("vitest", "SyntaxError: Unexpected token 'N', \"Not Found\" is not valid JSON\n");
    assertThat(json.category()).isEqualTo(Category.OTHER);

    assertThat(classify("vitest", "SyntaxError: Unexpected token '}'\n").category())
        .isEqualTo(Category.SYNTAX_OR_COMPILE_ERROR);
  }

  @Test
  void anImportFromTheProjectsOwnModuleIsNotALibraryApiChange() {
    String error = "E   ImportError: cannot import name 'parse_row' from 'reports.csv' (%s)\n";

    assertThat(classify("pytest", error.formatted("/app/reports/csv.py")).category())
        .isEqualTo(Category.SYNTAX_OR_COMPILE_ERROR);
    assertThat(
            classify(
                    "pytest",
                    error.formatted("/app/.venv/lib/python3.12/site-packages/reports/csv.py"))
                .category())
        .isEqualTo(Category.API_BREAKING_CHANGE);
  }

  @Test
  void aRerunByHandCountsOnlyWhenTheSameRunnerStartsAgainAndPasses() {
    String failed =
        "E       assert 2 == 3\n"
            + "FAILED tests/test_lru.py::test_evicts - assert 2 == 3\n"
            + "========== 1 failed, 40 passed in 2.10s ==========\n";

    assertThat(
            classify("pytest", failed + "$ pytest tests/test_lru.py\n== 6 passed in 0.20s ==\n")
                .category())
        .isEqualTo(Category.FLAKY_NONDETERMINISM);
    assertThat(
            classify("pytest", failed + "$ pytest tests/test_lru.py\n== 1 failed in 0.2s ==\n")
                .category())
        .isEqualTo(Category.ASSERTION_FAILURE);
    assertThat(classify("pytest", failed + "$ ruff check .\nAll checks passed!\n").category())
        .isEqualTo(Category.ASSERTION_FAILURE);
  }

  @Test
  void aClientUsedAfterItWasClosedIsAsyncLifecycleButAShutdownLogLineIsNot() {
    assertThat(classify("pytest", "E   RuntimeError: Session is closed\n").category())
        .isEqualTo(Category.ASYNC_LIFECYCLE);
    assertThat(
            classify(
                    "maven",
                    "INFO  HikariPool-1 - Shutdown completed. Pool is closed.\n"
                        + "org.opentest4j.AssertionFailedError: expected: <3> but was: <2>\n")
                .category())
        .isEqualTo(Category.ASSERTION_FAILURE);
  }

  @Test
  void aCompileErrorInsideTheModuleCacheIsAConflictButInTheProjectItIsItsOwn() {
    String go = "%s:12:7: undefined: otel.Tracer\nFAIL\tgithub.com/acme/api [build failed]\n";

    assertThat(
            classify("go", go.formatted("/root/go/pkg/mod/github.com/acme/otelx@v1.3.0/trace.go"))
                .category())
        .isEqualTo(Category.DEPENDENCY_CONFLICT);
    assertThat(classify("go", go.formatted("./trace.go")).category())
        .isEqualTo(Category.API_BREAKING_CHANGE);
  }
}
