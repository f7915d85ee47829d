package dev.evident.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A runner's call inside a command line, seen through wrappers ({@code python -m}, {@code uv run},
 * {@code npx}, {@code env}, ...) and {@code sh -c} scripts: which program it is, its arguments, and
 * how to add options right after a word of it.
 */
final class Call {

  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh");
  private static final Set<String> PLAIN_WRAPPERS =
      Set.of("time", "nohup", "exec", "command", "xvfb-run", "stdbuf", "!", "then", "do", "else");
  private static final Set<String> RUN_WRAPPERS =
      Set.of("uv", "poetry", "pipenv", "pdm", "rye", "hatch");
  private static final Set<String> PACKAGE_RUNNERS = Set.of("npx", "bunx", "pnpx");
  private static final Set<String> JS_BINARIES = Set.of("jest", "vitest", "mocha");

  /** Options of the wrappers above that take a separate value. */
  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--with",
          "--with-editable",
          "--with-requirements",
          "--python",
          "-p",
          "--project",
          "--directory",
          "--package",
          "--extra",
          "--group",
          "--env-file",
          "--index",
          "-n",
          "-u",
          "-s",
          "-k",
          "-X",
          "-W",
          "-r",
          "--require",
          "--import",
          "--loader",
          "--experimental-loader");

  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*|py|pypy[0-9.]*");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

  private final List<String> command;
  private final List<Shell.Word> words;
  private final int program;
  private final int scriptArgument;
  private final boolean pipedOut;

  private Call(
      List<String> command,
      List<Shell.Word> words,
      int program,
      int scriptArgument,
      boolean pipedOut) {
    this.command = command;
    this.words = words;
    this.program = program;
    this.scriptArgument = scriptArgument;
    this.pipedOut = pipedOut;
  }

  /**
   * The first call in {@code command} that {@code wanted} accepts: the command itself once wrappers
   * are peeled off, else, for {@code sh -c SCRIPT}, each simple command of the script.
   */
  static Optional<Call> find(List<String> command, Predicate<Call> wanted) {
    if (command.isEmpty()) {
      return Optional.empty();
    }
    var argv = new ArrayList<Shell.Word>();
    for (int i = 0; i < command.size(); i++) {
      argv.add(new Shell.Word(command.get(i), i, i));
    }
    int start = program(argv, 0);
    if (start < 0) {
      return Optional.empty();
    }
    var direct = new Call(List.copyOf(command), argv, start, -1, false);
    if (wanted.test(direct)) {
      return Optional.of(direct);
    }
    int script = scriptArgument(command, start);
    if (script < 0) {
      return Optional.empty();
    }
    for (var segment : Shell.segments(command.get(script))) {
      int p = program(segment.words(), 0);
      if (p >= 0) {
        var call = new Call(command, segment.words(), p, script, segment.pipedOut());
        if (wanted.test(call)) {
          return Optional.of(call);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The last simple command of a shell script (an npm script's text), wrappers peeled off: the one
   * that receives arguments appended to the script.
   */
  static Optional<Call> last(String script) {
    var segments = Shell.segments(script);
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    var segment = segments.get(segments.size() - 1);
    int p = program(segment.words(), 0);
    return p < 0
        ? Optional.empty()
        : Optional.of(new Call(List.of(script), segment.words(), p, 0, false));
  }

  /** Whether some call in {@code command} runs {@code program}. */
  static boolean runs(List<String> command, String program) {
    return find(command, c -> c.program().equals(program)).isPresent();
  }

  /**
   * A program's name as typed: the base name without directories and without {@code .exe}, {@code
   * .cmd}, {@code .bat} or a JavaScript extension ({@code node_modules/jest/bin/jest.js} is {@code
   * jest}).
   */
  static String name(String word) {
    String base = word.substring(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
    String lower = base.toLowerCase(Locale.ROOT);
    for (String ext : List.of(".exe", ".cmd", ".bat", ".js", ".mjs", ".cjs")) {
      if (lower.endsWith(ext)) {
        return base.substring(0, base.length() - ext.length());
      }
    }
    return base;
  }

  /** The program's name, see {@link #name}. */
  String program() {
    return name(words.get(program).text());
  }

  /** The words after the program. */
  List<String> args() {
    return words.subList(program + 1, words.size()).stream().map(Shell.Word::text).toList();
  }

  /** The first argument that does not start with {@code -}, or empty. */
  String subcommand() {
    return args().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
  }

  /** Whether the call's output goes into a pipe inside a script. */
  boolean pipedOut() {
    return pipedOut;
  }

  /**
   * The whole command with {@code extra} inserted after argument {@code index} of this call ({@code
   * 0}: right after the program; {@code args().size()}: at the end of the call). Inside a script,
   * the words are quoted and spliced into the script text.
   */
  List<String> insert(int index, List<String> extra) {
    if (extra.isEmpty()) {
      return command;
    }
    int after = program + index;
    var result = new ArrayList<>(command);
    if (scriptArgument < 0) {
      result.addAll(after + 1, extra);
    } else {
      String script = command.get(scriptArgument);
      int at = words.get(after).end();
      var quoted = new StringBuilder();
      for (String word : extra) {
        quoted.append(' ').append(Shell.quote(word));
      }
      result.set(scriptArgument, script.substring(0, at) + quoted + script.substring(at));
    }
    return List.copyOf(result);
  }

  /** The command with {@code extra} added at the end of this call. */
  List<String> append(List<String> extra) {
    return insert(args().size(), extra);
  }

  /** The index of the runner's program in {@code words}, wrappers peeled off; -1 when none. */
  private static int program(List<Shell.Word> words, int from) {
    int i = from;
    while (i < words.size()) {
      String word = words.get(i).text();
      String name = name(word);
      String next = i + 1 < words.size() ? words.get(i + 1).text() : "";
      if (ASSIGNMENT.matcher(word).matches() || PLAIN_WRAPPERS.contains(name)) {
        i++;
      } else if (name.equals("env") || name.equals("nice")) {
        i = skipOptions(words, i + 1, true);
      } else if (name.equals("timeout")) {
        // timeout [options] DURATION COMMAND
        i = skipOptions(words, i + 1, false) + 1;
      } else if (RUN_WRAPPERS.contains(name) && next.equals("run")) {
        i = skipOptions(words, i + 2, false);
      } else if (PACKAGE_RUNNERS.contains(name)) {
        i = skipOptions(words, i + 1, false);
      } else if (Set.of("npm", "yarn", "pnpm", "bun").contains(name)
          && Set.of("exec", "dlx", "x").contains(next)) {
        i = skipOptions(words, i + 2, false);
      } else if (Set.of("yarn", "pnpm").contains(name) && JS_BINARIES.contains(next)) {
        i++;
      } else if (PYTHON.matcher(name).matches()) {
        int j = skipOptions(words, i + 1, false, "-m");
        return j + 1 < words.size() && words.get(j).text().equals("-m") ? j + 1 : i;
      } else if (name.equals("node")) {
        // node [options] SCRIPT: the script names the runner; `node --test` is node's own.
        int j = skipOptions(words, i + 1, false);
        boolean nodeTest =
            words.subList(i + 1, j).stream().anyMatch(w -> w.text().equals("--test"));
        return j < words.size() && !nodeTest ? j : i;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static int skipOptions(List<Shell.Word> words, int from, boolean assignments) {
    return skipOptions(words, from, assignments, null);
  }

  /** The index of the first word from {@code from} that is not an option (or {@code stop}). */
  private static int skipOptions(
      List<Shell.Word> words, int from, boolean assignments, String stop) {
    int i = from;
    while (i < words.size()) {
      String word = words.get(i).text();
      if (word.equals(stop)) {
        return i;
      }
      if (word.equals("--")) {
        return i + 1;
      }
      if (word.startsWith("-") && word.length() > 1) {
        i += VALUE_OPTIONS.contains(word) ? 2 : 1;
      } else if (assignments && ASSIGNMENT.matcher(word).matches()) {
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  /** For {@code sh -c SCRIPT ...}: the index of SCRIPT in {@code command}; else -1. */
  private static int scriptArgument(List<String> command, int program) {
    if (!SHELLS.contains(name(command.get(program)))) {
      return -1;
    }
    boolean c = false;
    for (int i = program + 1; i < command.size(); i++) {
      String word = command.get(i);
      if (word.startsWith("-") || word.startsWith("+")) {
        c |= !word.startsWith("--") && word.indexOf('c') > 0;
        if (word.equals("-o") || word.equals("+o")) {
          i++;
        }
      } else {
        return c ? i : -1;
      }
    }
    return -1;
  }
}
