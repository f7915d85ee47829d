package dev.evident.execute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The facts about where a run happened, recorded as run attributes: git commit, branch and dirty
 * flag, OS and CPUs, the runtime versions that matter to the runner, the CI provider and job URL,
 * the command and its directory. Environment variables' values are never recorded, except the ones
 * the user names.
 */
public final class RunEnvironment {

  private RunEnvironment() {}

  /**
   * Collects the attributes; takes a few hundred milliseconds (it runs git and version commands),
   * so callers run it beside the tests.
   *
   * @param adapter the runner adapter's name, which says which runtimes matter
   * @param command the command as the user gave it
   * @param workDir where it runs
   * @param recordEnv names of environment variables whose values may be recorded
   * @param env the environment to read (System.getenv() outside tests)
   */
  public static Map<String, String> collect(
      String adapter,
      List<String> command,
      Path workDir,
      List<String> recordEnv,
      Map<String, String> env) {
    return collect(adapter, command, workDir, recordEnv, env, Set.of());
  }

  /**
   * As {@link #collect(String, List, Path, List, Map)}, without probing the runtimes named in
   * {@code reported}, whose versions the command writes itself (see {@link #reported}).
   */
  public static Map<String, String> collect(
      String adapter,
      List<String> command,
      Path workDir,
      List<String> recordEnv,
      Map<String, String> env,
      Set<String> reported) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("command", shellQuoted(command));
    attributes.put("workdir", workDir.toAbsolutePath().normalize().toString());
    attributes.put("runner", adapter);
    attributes.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    attributes.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    git(workDir, attributes);
    runtimes(adapter, workDir, attributes, name -> !reported.contains(name));
    ci(env, attributes);
    for (String name : recordEnv) {
      String value = env.get(name);
      if (value != null) {
        attributes.put("env." + name, value);
      }
    }
    return attributes;
  }

  /**
   * Commit, branch and dirty flag from one {@code git status}: its second porcelain format heads
   * the changes with the commit ({@code # branch.oid}) and the branch ({@code # branch.head}, or
   * {@code (detached)}, recorded as {@code HEAD} as {@code git rev-parse --abbrev-ref} names it).
   * Nothing for a directory outside a repository or a repository without a commit.
   */
  static void git(Path workDir, Map<String, String> attributes) {
    Commands.probe(
            workDir, 5, "git", "status", "--porcelain=v2", "--branch", "--untracked-files=no")
        .ifPresent(status -> gitStatus(status, attributes));
  }

  static void gitStatus(String status, Map<String, String> attributes) {
    String commit = null;
    String branch = null;
    boolean dirty = false;
    for (String line : status.split("\n")) {
      if (line.startsWith("# branch.oid ")) {
        commit = line.substring("# branch.oid ".length()).strip();
      } else if (line.startsWith("# branch.head ")) {
        branch = line.substring("# branch.head ".length()).strip();
      } else if (!line.isBlank() && !line.startsWith("#")) {
        dirty = true;
      }
    }
    if (commit == null || commit.equals("(initial)")) {
      return;
    }
    attributes.put("git.commit", commit);
    if (branch != null) {
      attributes.put("git.branch", branch.equals("(detached)") ? "HEAD" : branch);
    }
    attributes.put("git.dirty", Boolean.toString(dirty));
  }

  /**
   * Once the command has ended: the versions it wrote into {@code reports} (runtime name to file),
   * probed now for a file it did not write (the plugin that writes it was not loaded).
   */
  public static void reported(
      Map<String, Path> reports, String adapter, Path workDir, Map<String, String> attributes) {
    Set<String> missing = new HashSet<>();
    reports.forEach(
        (name, file) -> {
          String version = firstLine(file);
          if (version.isEmpty()) {
            missing.add(name);
          } else {
            attributes.put("runtime." + name, version);
          }
        });
    runtimes(adapter, workDir, attributes, missing::contains);
  }

  private static String firstLine(Path file) {
    try (var lines = Files.lines(file)) {
      return lines.findFirst().orElse("").strip();
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /** Probes the versions of the runtimes that matter to {@code adapter} and are {@code wanted}. */
  private static void runtimes(
      String adapter, Path workDir, Map<String, String> attributes, Predicate<String> wanted) {
    Map<String, String[]> probes = new LinkedHashMap<>();
    switch (adapter) {
      case "pytest" -> probes.put("python", new String[] {"python3", "--version"});
      case "maven", "gradle" -> probes.put("java", new String[] {"java", "-version"});
      case "jest", "vitest" -> probes.put("node", new String[] {"node", "--version"});
      case "go" -> probes.put("go", new String[] {"go", "version"});
      case "cargo" -> probes.put("rust", new String[] {"rustc", "--version"});
      default -> {}
    }
    probes.keySet().removeIf(wanted.negate());
    probes.forEach(
        (name, command) ->
            Commands.probe(workDir, 5, command)
                .map(v -> v.lines().findFirst().orElse(""))
                .ifPresent(v -> attributes.put("runtime." + name, v)));
  }

  private static void ci(Map<String, String> env, Map<String, String> attributes) {
    if ("true".equals(env.get("GITHUB_ACTIONS"))) {
      attributes.put("ci.provider", "github-actions");
      String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
      if (env.containsKey("GITHUB_REPOSITORY") && env.containsKey("GITHUB_RUN_ID")) {
        attributes.put(
            "ci.url",
            server
                + "/"
                + env.get("GITHUB_REPOSITORY")
                + "/actions/runs/"
                + env.get("GITHUB_RUN_ID"));
      }
    } else if (env.containsKey("GITLAB_CI")) {
      put(attributes, "gitlab", env.get("CI_JOB_URL"));
    } else if (env.containsKey("JENKINS_URL")) {
      put(attributes, "jenkins", env.get("BUILD_URL"));
    } else if (env.containsKey("BUILDKITE")) {
      put(attributes, "buildkite", env.get("BUILDKITE_BUILD_URL"));
    } else if (env.containsKey("CIRCLECI")) {
      put(attributes, "circleci", env.get("CIRCLE_BUILD_URL"));
    } else if (env.containsKey("TF_BUILD")) {
      put(attributes, "azure-pipelines", null);
    } else if ("true".equals(env.get("CI"))) {
      put(attributes, "unknown", null);
    }
  }

  private static void put(Map<String, String> attributes, String provider, String url) {
    attributes.put("ci.provider", provider);
    if (url != null && !url.isBlank()) {
      attributes.put("ci.url", url);
    }
  }

  /** The command as a shell would take it back: arguments with spaces or quotes are quoted. */
  public static String shellQuoted(List<String> command) {
    StringBuilder out = new StringBuilder();
    for (String arg : command) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      if (!arg.isEmpty()
          && arg.chars()
              .allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./=:,+@%".indexOf(ch) >= 0)) {
        out.append(arg);
      } else {
        out.append('\'').append(arg.replace("'", "'\\''")).append('\'');
      }
    }
    return out.toString();
  }
}
