package dev.evident.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A hidden command the {@code ./evident} launcher runs once after each build, with {@code
 * -XX:AOTCacheOutput}, to record which classes a typical session loads: it ingests the sample
 * results and runs a small command through {@code evident run}, then shows, lists, compares and
 * trends the runs, checks them for suspicious tests and progress, diagnoses and reports the latest
 * run (Markdown, JSON, HTML), verifies a small report, and calls the common tools of an {@code
 * evident mcp} session ({@link McpTraining}). The JDK's ahead-of-time cache made from it starts
 * later commands about three times faster. With {@code --run} it runs only {@code evident run}
 * (pytest's path: a stand-in script that writes JUnit XML where it is asked to, then TAP, then no
 * results), for the launcher's smaller cache for {@code run}: a cache loads all its classes at
 * start, and the run's command starts that much sooner with fewer.
 */
@Command(
    name = "aot-training",
    hidden = true,
    description = "Exercises the common commands (for the launcher's JVM cache).")
final class TrainingCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SAMPLES", description = "The sample results directory.")
  Path samples;

  @Option(names = "--run", description = "Exercise `evident run` only.")
  boolean runOnly;

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("evident-training-");
    try {
      String db = dir.resolve("training.db").toString();
      if (runOnly) {
        runs(samples, dir, db);
        return ExitCodes.OK;
      }
      evident("ingest", samples.toString(), "--db", db);
      runs(samples, dir, db);
      evident("show", "latest", "--db", db, "--json");
      evident("show", "1", "--db", db);
      evident("runs", "--db", db);
      evident("logs", "latest", "--db", db);
      evident("compare", "--db", db);
      evident("compare", "--db", db, "--json");
      evident("trend", "--db", db);
      evident("trend", "--db", db, "--json");
      evident("doctor", "-C", dir.toString());
      evident("suspicious", "latest", "--db", db);
      Path targets = dir.resolve("targets.yaml");
      Files.writeString(
          targets,
          "categories:\n  it:\n    match: {suite: '*IT', path: '**/it/**', tag: it}\n"
              + "    target: {tests: 2, pass_rate: 90%}\n");
      evident("progress", "latest", "--db", db, "--config", targets.toString());
      evident("ingest", samples.toString(), "--db", db); // failures seen before: history lookups
      evident("diagnose", "latest", "--db", db);
      evident("report", "latest", "--db", db, "--config", targets.toString());
      evident("report", "latest", "--db", db, "--format", "json");
      evident(
          "report",
          "latest",
          "--db",
          db,
          "--format",
          "html",
          "--output",
          dir.resolve("report.html").toString());
      Path report = dir.resolve("report.md");
      Files.writeString(
          report,
          "# Status\n\n## Tests\n\n- 13 passing tests, 3 failing (81% pass rate).\n"
              + "- Passing tests went from 12 to 13, a 1.1x improvement.\n"
              + "- `test_a` passes. All unit tests pass. The app is production ready.\n\n"
              + "| Suite | Passed | Failed |\n|---|---|---|\n| CartTest | 4 | 0 |\n");
      evident("verify", report.toString(), "--db", db);
      evident("verify", report.toString(), "--db", db, "--json");
      McpTraining.run(db);
      return ExitCodes.OK;
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code evident run} as people call it: pytest (here a stand-in), a --results glob, nothing. */
  static void runs(Path samples, Path dir, String db) throws IOException {
    Path pytest = dir.resolve("pytest");
    Files.writeString(
        pytest,
        "#!/bin/sh\nfor a; do case \"$a\" in --junitxml=*) cp '"
            + samples.toAbsolutePath().resolve("python/pytest-worker.xml")
            + "' \"${a#--junitxml=}\";; esac; done\n");
    pytest.toFile().setExecutable(true);
    String junit =
        samples.toAbsolutePath().resolve("java/TEST-com.acme.shop.CartTest.xml").toString();
    for (int i = 0; i < 2; i++) {
      evident("run", "--db", db, "-C", dir.toString(), "--", "./pytest", "-q", "tests");
      evident(
          "run", "--db", db, "-C", dir.toString(), "--quiet", "--no-preflight", "--", "./pytest");
    }
    evident(
        "run",
        "--db",
        db,
        "-C",
        dir.toString(),
        "--results",
        "*.xml",
        "--",
        "sh",
        "-c",
        "cp '" + junit + "' junit.xml");
    evident(
        "run",
        "--db",
        db,
        "-C",
        dir.toString(),
        "--results",
        "*.tap",
        "--",
        "sh",
        "-c",
        "printf '1..2\\nok 1 - a\\nnot ok 2 - b\\n' > results.tap");
    evident("run", "--db", db, "-C", dir.toString(), "--json", "--", "sh", "-c", "exit 0");
  }

  private static void evident(String... args) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(Writer.nullWriter()));
    cl.setErr(new PrintWriter(Writer.nullWriter()));
    cl.execute(args);
  }
}
