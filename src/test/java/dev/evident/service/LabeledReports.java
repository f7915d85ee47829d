package dev.evident.service;

import dev.evident.verify.CheckedClaim;
import dev.evident.verify.Verdict;
import dev.evident.verify.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The labeled reports of {@code src/test/resources/dev/evident/verify/cases/}: each case is a
 * directory with a report ({@code report.md}, or {@code report.path} naming a shared report as
 * {@code shared:NAME.md}, read from ../shared/reports and never copied), its evidence ({@code
 * runs/NAME/}: each directory ingested as one run, in name order), optional {@code args} ({@code
 * --run R}, {@code --baseline R}, one per line), optional {@code evident.yaml} (categories) and
 * {@code labels.tsv}: line, kind, expected verdict (NONE: no claim may be read on that line), note.
 * Shared by {@code LabeledReportsTests} and {@code bench/verify-accuracy}.
 */
public final class LabeledReports {

  /** Where the case directories are. */
  public static final Path CASES = Path.of("src/test/resources/dev/evident/verify/cases");

  /** One expected verdict. */
  public record Label(int line, String kind, String verdict, String note) {}

  /** One labeled report with its evidence. */
  public record Case(
      String name,
      Path report,
      List<Path> runs,
      List<String> args,
      Path config,
      List<Label> labels) {}

  /** How a verification compares with the labels of its case. */
  public record Score(
      int labeled, int found, int correct, int falseContradicted, List<String> errors) {}

  private LabeledReports() {}

  /**
   * The shared reports directory: $EVIDENT_SHARED_REPORTS, else ../shared/reports; may not exist.
   */
  public static Path sharedReports() {
    String env = System.getenv("EVIDENT_SHARED_REPORTS");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/reports");
  }

  /** Every case whose report can be read (shared ones only when the shared reports are there). */
  public static List<Case> load(Path cases, Path shared) {
    List<Case> all = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(cases)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path report = dir.resolve("report.md");
        if (!Files.exists(report)) {
          String ref = Files.readString(dir.resolve("report.path")).strip();
          report = shared.resolve(ref.substring("shared:".length()));
          if (!Files.isRegularFile(report)) {
            continue;
          }
        }
        List<Path> runs;
        try (Stream<Path> r = Files.list(dir.resolve("runs"))) {
          runs = r.filter(Files::isDirectory).sorted().toList();
        }
        Path argsFile = dir.resolve("args");
        List<String> args =
            Files.exists(argsFile)
                ? Files.readAllLines(argsFile).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        all.add(
            new Case(
                dir.getFileName().toString(),
                report,
                runs,
                args,
                Files.exists(dir.resolve("evident.yaml")) ? dir.resolve("evident.yaml") : null,
                labels(dir.resolve("labels.tsv"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private static List<Label> labels(Path file) throws IOException {
    List<Label> labels = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("line\t") || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      labels.add(
          new Label(
              Integer.parseInt(f[0].strip()),
              f[1].strip(),
              f[2].strip(),
              f.length > 3 ? f[3] : ""));
    }
    return labels;
  }

  /** Ingests the case's runs into a new store under {@code work} and verifies its report. */
  public static Verification verify(Case c, Path work) {
    try (Workspace w = Workspace.open(work.resolve(c.name() + ".db").toString())) {
      for (Path run : c.runs()) {
        w.ingest()
            .ingest(
                new IngestService.Request(
                    List.of(run.toString()), Path.of(""), "demo", Map.of(), "auto"),
                IngestService.Progress.NONE);
      }
      List<String> runs = new ArrayList<>();
      String baseline = null;
      for (String a : c.args()) {
        String[] kv = a.strip().split("\\s+", 2);
        switch (kv[0]) {
          case "--run" -> runs.add(kv[1]);
          case "--baseline" -> baseline = kv[1];
          default -> throw new IllegalArgumentException(c.name() + "/args: unknown " + kv[0]);
        }
      }
      return w.verifier()
          .verify(
              new VerifyService.Request(
                  c.report(), c.report().toString(), runs, baseline, null, c.config(), work, false))
          .verification();
    }
  }

  /** Compares a verification with the case's labels. */
  public static Score score(Case c, Verification v) {
    List<CheckedClaim> unmatched = new ArrayList<>(v.claims());
    List<String> errors = new ArrayList<>();
    int labeled = 0;
    int found = 0;
    int correct = 0;
    for (Label l : c.labels()) {
      if (l.verdict().equals("NONE")) {
        continue;
      }
      labeled++;
      CheckedClaim match = null;
      for (CheckedClaim cc : unmatched) {
        if (cc.claim().line() == l.line() && cc.claim().kind().id().equals(l.kind())) {
          match = cc;
          break;
        }
      }
      if (match == null) {
        errors.add(
            "%s:%d: no %s claim found (expected %s; %s)"
                .formatted(c.name(), l.line(), l.kind(), l.verdict(), l.note()));
        continue;
      }
      unmatched.remove(match);
      found++;
      if (match.verdict().name().equals(l.verdict())) {
        correct++;
      } else {
        errors.add(
            "%s:%d: %s claim is %s, labeled %s (%s): %s"
                .formatted(
                    c.name(),
                    l.line(),
                    l.kind(),
                    match.verdict(),
                    l.verdict(),
                    l.note(),
                    match.reason()));
      }
    }
    int falseContradicted = 0;
    for (CheckedClaim cc : v.claims()) {
      boolean labeledContradicted =
          c.labels().stream()
              .anyMatch(
                  l ->
                      l.line() == cc.claim().line()
                          && l.kind().equals(cc.claim().kind().id())
                          && l.verdict().equals("CONTRADICTED"));
      if (cc.verdict() == Verdict.CONTRADICTED && !labeledContradicted) {
        falseContradicted++;
      }
    }
    for (CheckedClaim cc : unmatched) {
      boolean trap =
          c.labels().stream()
              .anyMatch(l -> l.line() == cc.claim().line() && l.verdict().equals("NONE"));
      errors.add(
          "%s:%d: %s %s claim %s: %s"
              .formatted(
                  c.name(),
                  cc.claim().line(),
                  trap ? "a non-claim read as a" : "unlabeled",
                  cc.claim().kind().id(),
                  cc.verdict(),
                  cc.claim().text()));
    }
    return new Score(labeled, found, correct, falseContradicted, errors);
  }
}
