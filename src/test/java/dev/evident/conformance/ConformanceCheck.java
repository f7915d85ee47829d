package dev.evident.conformance;

import dev.evident.model.Counts;
import dev.evident.model.Problem;
import dev.evident.model.RunDetail;
import dev.evident.model.RunError;
import dev.evident.model.Severity;
import dev.evident.service.IngestService;
import dev.evident.service.InputException;
import dev.evident.service.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every fixture of the shared conformance corpus (MANIFEST.tsv) through the real ingest path
 * and compares the counts with the ones the source projects state, under each source's counting
 * rules. Differences must be listed, with a reason, in conformance/accepted-differences.tsv. Exits
 * 1 on a crash, an unlisted difference, or a must-reject file that was read without complaint.
 *
 * <p>Usage: {@code ConformanceCheck [CORPUS_DIR] [ACCEPTED_DIFFERENCES_TSV]}.
 */
public final class ConformanceCheck {

  private final Path corpus;
  private final Accepted accepted;
  private final Workspace workspace;
  private final PrintStream out;
  private int project;

  private ConformanceCheck(Path corpus, Accepted accepted, Workspace workspace, PrintStream out) {
    this.corpus = corpus;
    this.accepted = accepted;
    this.workspace = workspace;
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
    Path acceptedFile = Path.of(args.length > 1 ? args[1] : "conformance/accepted-differences.tsv");
    if (!Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
      System.err.println("conformance: no MANIFEST.tsv in " + corpus + "; nothing to check");
      System.exit(2);
    }
    Path db = Files.createTempDirectory("evident-conformance").resolve("conformance.db");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int failures;
    try (Workspace workspace = Workspace.open(db.toString())) {
      failures = new ConformanceCheck(corpus, Accepted.read(acceptedFile), workspace, out).run();
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** What one ingest gave, in the numbers the manifest uses. */
  record Read(
      Counts counts,
      long topLevelTests,
      List<Problem> problems,
      List<RunError> runErrors,
      long suites,
      RunDetail detail,
      String rejection) {

    boolean rejected() {
      return rejection != null || problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    String firstError() {
      if (rejection != null) {
        return rejection;
      }
      return problems.stream()
          .filter(p -> p.severity() == Severity.ERROR)
          .findFirst()
          .map(Problem::message)
          .orElse("");
    }
  }

  Read ingest(List<String> files) {
    String name = "conformance-" + (++project);
    try {
      var ingested =
          workspace
              .ingest()
              .ingest(
                  new IngestService.Request(files, corpus, name, Map.of(), "auto"),
                  IngestService.Progress.NONE);
      RunDetail detail = workspace.runs().detail(ingested.run(), Integer.MAX_VALUE);
      long topLevel =
          detail.suites().stream()
              .filter(s -> !s.name().contains(" > "))
              .mapToLong(s -> s.counts().collected())
              .sum();
      long suites = detail.suites().stream().filter(s -> s.counts().collected() > 0).count();
      return new Read(
          ingested.run().counts(),
          topLevel,
          ingested.problems(),
          detail.runErrors(),
          suites,
          detail,
          null);
    } catch (InputException e) {
      return new Read(Counts.ZERO, 0, List.of(), List.of(), 0, null, e.getMessage());
    }
  }

  int run() throws IOException {
    List<Map<String, String>> rows = Tsv.read(corpus.resolve("MANIFEST.tsv"));
    Tally tally = new Tally();
    out.println("Conformance against " + corpus.toAbsolutePath().normalize());
    out.println();
    out.printf(
        Locale.ROOT,
        "%-10s %-24s %-26s %s%n",
        "VERDICT",
        "OURS t/p/f/e/s",
        "STATED t/p/f/e/s",
        "FILE");
    for (Map<String, String> row : rows) {
      if (!"fixture".equals(row.get("role"))) {
        continue;
      }
      String file = row.get("file");
      Read read;
      try {
        read = ingest(List.of(file));
      } catch (RuntimeException e) {
        tally.crash(out, file, e);
        continue;
      }
      new FileCheck(row, read, accepted).report(out, tally);
    }
    out.println();
    new GroupCheck(this, corpus, accepted).run(out, tally);
    tally.staleExceptions(out, accepted);
    tally.summary(out);
    return tally.failures();
  }

  /** Rows of a tab-separated file with a header line. */
  static final class Tsv {
    private Tsv() {}

    static List<Map<String, String>> read(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String[] header = lines.get(0).split("\t", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < cells.length ? cells[i].strip() : "");
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
