package dev.evident.execute;

import java.util.List;
import java.util.function.Supplier;

/**
 * Picks the runner adapter for a command. Thread safe; the adapters are stateless.
 *
 * <p>Detection looks at the program (the base name of the first word) through wrappers: {@code
 * python -m pytest}, {@code uv run}/{@code poetry run}/{@code pipenv run}, {@code npx}/{@code
 * yarn}/{@code pnpm exec}, {@code node path/to/jest.js}, {@code env A=b}, {@code timeout 60}, and
 * into {@code sh -c}/{@code bash -c} scripts, simple command by simple command.
 */
public final class RunnerAdapters {

  /**
   * In detection order; the generic adapter comes after all of them. Made one by one as detection
   * goes: each adapter's class compiles its patterns when first used, and {@code evident run} waits
   * for detection before its command starts (pytest, the first, needs no other).
   */
  private static final List<Supplier<RunnerAdapter>> ORDER =
      List.of(
          PytestAdapter::new,
          MavenAdapter::new,
          GradleAdapter::new,
          GoAdapter::new,
          NextestAdapter::new,
          CargoTestAdapter::new,
          VitestAdapter::new,
          JestAdapter::new,
          NodeTestAdapter::new,
          NpmScriptAdapter::new);

  /** All of them, for the generic adapter's console summaries. */
  private static final class All {
    static final List<RunnerAdapter> ADAPTERS = ORDER.stream().map(Supplier::get).toList();
  }

  private RunnerAdapters() {}

  /**
   * The adapter for {@code command}: with {@code resultGlobs} (the user's {@code --results}), the
   * generic adapter reading those files, relative to the work dir; else the first adapter that
   * handles the command; else the generic adapter with no result files, which reads console
   * summaries only.
   */
  public static RunnerAdapter detect(List<String> command, List<String> resultGlobs) {
    if (!resultGlobs.isEmpty()) {
      return new GenericAdapter(resultGlobs, All.ADAPTERS);
    }
    for (Supplier<RunnerAdapter> next : ORDER) {
      RunnerAdapter adapter = next.get();
      if (adapter.handles(command)) {
        return adapter;
      }
    }
    return new GenericAdapter(List.of(), All.ADAPTERS);
  }
}
