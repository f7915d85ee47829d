package dev.evident.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.Check;
import dev.evident.model.VersionConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the version of a runtime (python, java, node, go) or package (pip:NAME, npm:NAME) by asking
 * the tools the user's command would run, and compares it with a constraint. Each probe is one
 * short process with a time limit.
 */
final class VersionProbe {

  // importlib.metadata reads what pip show reads, 8 times faster; pip show is the fallback for
  // pythons older than 3.8.
  private static final String PIP_VERSION =
      """
      import sys
      try:
          from importlib.metadata import version, PackageNotFoundError
      except ImportError:
          sys.exit(3)
      try:
          print(version(sys.argv[1]))
      except PackageNotFoundError:
          sys.exit(1)
      """;

  private static final Pattern PYTHON = Pattern.compile("Python\\s+(\\d\\S*)");
  private static final Pattern JAVA = Pattern.compile("version \"([^\"]+)\"");
  private static final Pattern NODE = Pattern.compile("^v?(\\d\\S*)", Pattern.MULTILINE);
  private static final Pattern GO = Pattern.compile("go version go(\\d\\S*)");
  private static final Pattern FIRST_LINE =
      Pattern.compile("^\\s*(\\d\\S*)\\s*$", Pattern.MULTILINE);
  private static final Pattern PIP_SHOW = Pattern.compile("^Version:\\s*(\\S+)", Pattern.MULTILINE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path workDir;
  private final Map<String, String> env;
  private final Duration timeout;
  private final PathLookup commands;

  VersionProbe(Path workDir, Map<String, String> env, Duration timeout) {
    this.workDir = workDir;
    this.env = env;
    this.timeout = timeout;
    this.commands = new PathLookup(env, workDir);
  }

  Check check(String name, VersionConstraint constraint) {
    if (name.startsWith("pip:")) {
      return pip(name, name.substring(4), constraint);
    }
    if (name.startsWith("npm:")) {
      return npm(name, name.substring(4), constraint);
    }
    return switch (name) {
      case "python" -> python(constraint);
      case "java" -> java(constraint);
      case "node" -> runtime(name, commands.find("node"), List.of("--version"), NODE, constraint);
      case "go" -> runtime(name, commands.find("go"), List.of("version"), GO, constraint);
      default ->
          Check.missing(
              Check.Kind.VERSION,
              name,
              "Evident cannot check the version of '" + name + "'",
              "use python, java, node, go, pip:NAME or npm:NAME");
    };
  }

  private Optional<Path> python() {
    return commands.find("python3").or(() -> commands.find("python"));
  }

  private Check python(VersionConstraint constraint) {
    return runtime("python", python(), List.of("--version"), PYTHON, constraint);
  }

  private Check java(VersionConstraint constraint) {
    String home = env.get("JAVA_HOME");
    if (home != null && !home.isBlank()) {
      Path java = Path.of(home, "bin", "java");
      if (Files.isExecutable(java)) {
        return runtime("java", Optional.of(java), List.of("-version"), JAVA, constraint);
      }
    }
    return runtime("java", commands.find("java"), List.of("-version"), JAVA, constraint);
  }

  private Check runtime(
      String name,
      Optional<Path> executable,
      List<String> args,
      Pattern version,
      VersionConstraint constraint) {
    if (executable.isEmpty()) {
      String where = name.equals("java") ? "in JAVA_HOME or on PATH" : "on PATH";
      return Check.missing(
          Check.Kind.VERSION,
          name,
          name + " not found " + where,
          "install " + name + " " + constraint + (name.equals("java") ? " and set JAVA_HOME" : ""));
    }
    List<String> command = new ArrayList<>();
    command.add(executable.get().toString());
    command.addAll(args);
    Probe.Result result = Probe.run(command, workDir, env, timeout);
    String shown = executable.get() + " " + String.join(" ", args);
    Optional<String> found =
        result.succeeded() ? first(version, result.output()) : Optional.empty();
    if (found.isEmpty()) {
      return Check.missing(
          Check.Kind.VERSION, name, failed(shown, result), "check the " + name + " installation");
    }
    String v = name.equals("java") ? javaVersion(found.get()) : found.get();
    String fix =
        switch (constraint.violated(v).map(c -> c.operator()).orElse(null)) {
          case null -> "";
          case AT_LEAST, ABOVE -> "install a newer " + name;
          case AT_MOST, BELOW -> "install an older " + name;
          case EQUAL, NOT_EQUAL -> "install " + name + " " + constraint;
        };
    if (name.equals("java") && !fix.isEmpty()) {
      fix += " and set JAVA_HOME to it";
    }
    return compare(name, name + " " + v, "(" + executable.get() + ")", v, constraint, fix);
  }

  private Check pip(String name, String pkg, VersionConstraint constraint) {
    String install = "python3 -m pip install '" + pkg + constraint + "'";
    Optional<Path> python = python();
    if (python.isEmpty()) {
      return Check.missing(
          Check.Kind.VERSION,
          name,
          "no python3 or python on PATH to ask",
          "install python, then " + install);
    }
    String exe = python.get().toString();
    Probe.Result result = Probe.run(List.of(exe, "-c", PIP_VERSION, pkg), workDir, env, timeout);
    Pattern pattern = FIRST_LINE;
    if (result.status() == Probe.Status.EXITED && result.exitCode() == 3) {
      result = Probe.run(List.of(exe, "-m", "pip", "show", pkg), workDir, env, timeout);
      pattern = PIP_SHOW;
    }
    if (result.status() == Probe.Status.EXITED && result.exitCode() == 1) {
      return Check.missing(Check.Kind.VERSION, name, pkg + " not installed for " + exe, install);
    }
    Optional<String> found =
        result.succeeded() ? first(pattern, result.output()) : Optional.empty();
    if (found.isEmpty()) {
      return Check.missing(
          Check.Kind.VERSION, name, failed(exe + " (asking for " + pkg + ")", result), install);
    }
    String v = found.get();
    String fix = constraint.allows(v) ? "" : install;
    return compare(name, pkg + " " + v, "(" + exe + ")", v, constraint, fix);
  }

  private Check npm(String name, String pkg, VersionConstraint constraint) {
    String install = "npm install '" + pkg + "@" + constraint.toString().replace(',', ' ') + "'";
    for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path manifest = dir.resolve("node_modules").resolve(pkg).resolve("package.json");
      if (Files.isRegularFile(manifest)) {
        String v;
        try {
          JsonNode version = JSON.readTree(manifest.toFile()).path("version");
          v = version.isTextual() ? version.asText() : "";
        } catch (IOException e) {
          v = "";
        }
        if (v.isEmpty()) {
          return Check.missing(
              Check.Kind.VERSION, name, manifest + " has no readable version", install);
        }
        String fix = constraint.allows(v) ? "" : install;
        return compare(name, pkg + " " + v, "(" + manifest.getParent() + ")", v, constraint, fix);
      }
    }
    return Check.missing(
        Check.Kind.VERSION,
        name,
        pkg + " not found in node_modules (" + workDir.toAbsolutePath() + " and above)",
        install);
  }

  private static Check compare(
      String name,
      String found,
      String where,
      String version,
      VersionConstraint constraint,
      String fix) {
    if (constraint.allows(version)) {
      return Check.met(Check.Kind.VERSION, name, found + " " + where + " satisfies " + constraint);
    }
    return Check.missing(
        Check.Kind.VERSION, name, found + " found " + where + ", " + constraint + " required", fix);
  }

  private String failed(String command, Probe.Result result) {
    return switch (result.status()) {
      case TIMED_OUT -> command + " did not answer within " + Preflight.seconds(timeout);
      case NOT_STARTED -> "could not run " + command + ": " + result.output();
      case EXITED ->
          command
              + (result.exitCode() == 0
                  ? " printed no version"
                  : " exited with " + result.exitCode())
              + firstLine(result.output());
    };
  }

  private static String firstLine(String output) {
    String line = output.strip().lines().findFirst().orElse("");
    return line.isEmpty()
        ? ""
        : ": " + (line.length() > 120 ? line.substring(0, 120) + "..." : line);
  }

  private static Optional<String> first(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Java 8 and older call themselves 1.8.0_292; compare them as 8.0.292. */
  private static String javaVersion(String version) {
    return version.startsWith("1.") ? version.substring(2).replace('_', '.') : version;
  }
}
