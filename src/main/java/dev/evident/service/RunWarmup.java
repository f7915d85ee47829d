package dev.evident.service;

import dev.evident.execute.CommandRunner;
import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import dev.evident.report.RunText;
import dev.evident.store.ResultStore;
import dev.evident.store.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reads a generated JUnit XML file into a writer that keeps nothing, while the command of {@code
 * evident run} is still running: the reader's code is then loaded, initialised and compiled by the
 * time the command's own results are read. On a machine with a core to spare (the test command
 * mostly uses one) this takes nothing from the command and shortens the wait after it: the reading
 * of pytest's 2,000 results went from about 30 ms to about 10 ms (bench/run-overhead). Never fails:
 * a warm-up that cannot run is skipped.
 */
final class RunWarmup {

  /** Test cases in the generated file: enough for the quick compiler to take the hot loops. */
  static final int TESTS = 1_500;

  private static final java.util.concurrent.atomic.AtomicBoolean DONE =
      new java.util.concurrent.atomic.AtomicBoolean();

  private RunWarmup() {}

  /**
   * Once {@code probes} are done, while {@code command} still runs and a core is to spare: the
   * warm-up, on a thread nobody waits for. Once a process: a server running tasks is warm after its
   * first.
   *
   * @param store the store whose latest run's summary to render; its value may be null (a run
   *     recorded for a server)
   */
  static void after(
      CompletableFuture<?> probes,
      CommandRunner command,
      Path scratch,
      Supplier<ResultStore> store,
      String project) {
    if (Runtime.getRuntime().availableProcessors() < 2 || !DONE.compareAndSet(false, true)) {
      return;
    }
    probes.thenRunAsync(
        () -> {
          if (command.running()) {
            run(scratch, store.get(), project);
            Timing.mark("warmed up");
          }
        });
  }

  /**
   * Reads the generated file in {@code scratch} (then deletes it) and, with a store, renders the
   * summary of the project's latest run.
   */
  static void run(Path scratch, ResultStore store, String project) {
    read(scratch);
    if (store != null) {
      try {
        store.latest(project).ifPresent(r -> RunText.render(store.detail(r.id(), 10), ""));
      } catch (RuntimeException e) {
        // a warm-up only
      }
    }
  }

  private static void read(Path scratch) {
    Path file = scratch.resolve("evident-warmup.xml");
    try {
      Files.writeString(file, junit(TESTS));
      IngestService.read(
          new Discard(),
          List.of(new InputFiles.Candidate(file, file.toString(), true)),
          null,
          IngestService.Progress.NONE);
    } catch (IOException | RuntimeException e) {
      // a warm-up only: the run does not depend on it
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left in the run's scratch directory, which is deleted with it
      }
    }
  }

  /** A pytest-shaped JUnit XML file: suites of 100 tests, one in 50 failing. */
  static String junit(int tests) {
    StringBuilder xml = new StringBuilder(tests * 120);
    xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites>");
    for (int s = 0; s * 100 < tests; s++) {
      xml.append("<testsuite name=\"pytest\" tests=\"100\" time=\"0.5\">");
      for (int t = s * 100; t < Math.min(tests, (s + 1) * 100); t++) {
        xml.append("<testcase classname=\"tests.test_module_")
            .append(s)
            .append("\" name=\"test_case_")
            .append(t)
            .append("\" time=\"0.001\"");
        if (t % 50 == 49) {
          xml.append("><failure message=\"assert 1 == 2\">def test():\n&gt; assert 1 == 2")
              .append("\nE assert 1 == 2</failure><system-out>output</system-out></testcase>");
        } else {
          xml.append("/>");
        }
      }
      xml.append("</testsuite>");
    }
    return xml.append("</testsuites>").toString();
  }

  /** A writer that keeps nothing. */
  private static final class Discard implements RunWriter {
    @Override
    public void add(TestResult result) {}

    @Override
    public void suite(SuiteInfo suite) {}

    @Override
    public void problem(Problem problem) {}

    @Override
    public void runError(RunError error) {}

    @Override
    public void file(InputFile file) {}

    @Override
    public void consoleCounts(Counts counts) {}

    @Override
    public void log(String stream, String excerpt, long fullLength) {}

    @Override
    public void attributes(Map<String, String> learned) {}

    @Override
    public Counts counts() {
      return Counts.ZERO;
    }

    @Override
    public Run commit(RunStatus status) {
      throw new UnsupportedOperationException("a warm-up stores nothing");
    }

    @Override
    public void close() {}
  }
}
