package dev.evident.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A package.json script run through npm, yarn, pnpm or bun ({@code npm test}, {@code npm run
 * test:unit}, {@code yarn test}, {@code pnpm test}, {@code bun run test}). When the script's last
 * command is Jest or Vitest, the options their adapters add are appended to the script's arguments
 * (after {@code --} for npm, which would otherwise take them as its own); else the command runs
 * unchanged and only console summaries (Jest, Vitest, Mocha, node:test, TAP) are read. The script
 * text comes from the work dir's package.json; an unreadable one means console only.
 */
final class NpmScriptAdapter implements RunnerAdapter {

  private static final Set<String> PROGRAMS = Set.of("npm", "yarn", "pnpm", "bun");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JestAdapter jest = new JestAdapter();
  private final VitestAdapter vitest = new VitestAdapter();

  @Override
  public String name() {
    return "npm-script";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, c -> script(c) != null).isPresent();
  }

  /** The script a package manager call runs, or null. */
  static String script(Call call) {
    if (!PROGRAMS.contains(call.program())) {
      return null;
    }
    List<String> words = call.args().stream().filter(a -> !a.startsWith("-")).toList();
    String first = words.isEmpty() ? "" : words.get(0);
    String second = words.size() > 1 ? words.get(1) : null;
    return switch (call.program()) {
      case "npm" ->
          Set.of("test", "t", "tst").contains(first)
              ? "test"
              : Set.of("run", "run-script").contains(first) ? second : null;
      case "bun" -> first.equals("run") ? second : null;
      default -> first.equals("run") ? second : first.startsWith("test") ? first : null;
    };
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    Call call = Call.find(command, c -> script(c) != null).orElseThrow();
    var unchanged = new Invocation(command, Map.of(), List.of(), false, null, name());
    Optional<Call> runner = scriptText(workDir, script(call)).flatMap(Call::last);
    if (runner.isEmpty()) {
      return unchanged;
    }
    var args = new ArrayList<>(runner.get().args());
    args.addAll(call.args());
    return switch (runner.get().program()) {
      case "jest" ->
          JestAdapter.hasJestJunit(workDir)
              ? JestAdapter.junit(
                  withArgs(call, JestAdapter.reporterOptions(args)), scratch, name())
              : unchanged;
      case "vitest" -> {
        List<String> options = VitestAdapter.reporterOptions(args, scratch);
        yield options.isEmpty()
            ? unchanged
            : new Invocation(
                withArgs(call, options),
                Map.of(),
                List.of(new Invocation.ResultLocation(scratch, VitestAdapter.REPORT)),
                false,
                null,
                name());
      }
      default -> unchanged;
    };
  }

  /** The command with {@code options} passed on to the script. */
  private static List<String> withArgs(Call call, List<String> options) {
    if (options.isEmpty() || !call.program().equals("npm") || call.args().contains("--")) {
      return call.append(options);
    }
    var withSeparator = new ArrayList<String>();
    withSeparator.add("--");
    withSeparator.addAll(options);
    return call.append(withSeparator);
  }

  private static Optional<String> scriptText(Path workDir, String script) {
    Path file = workDir.resolve("package.json");
    if (script == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode text = JSON.readTree(file.toFile()).path("scripts").path(script);
      return text.isTextual() ? Optional.of(text.asText()) : Optional.empty();
    } catch (IOException e) {
      // Not worth failing the run: without the script text the console summary still counts.
      return Optional.empty();
    }
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    return jest.summarize(outputTail)
        .or(() -> vitest.summarize(outputTail))
        .or(() -> ConsoleShapes.summarize(outputTail));
  }

  @Override
  public ProgressCounter progress() {
    return ConsoleShapes.firstCounting(
        List.of(vitest.progress(), jest.progress(), ConsoleShapes.tapProgress()));
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    return jest.whyBroken(outputTail).or(() -> vitest.whyBroken(outputTail));
  }
}
