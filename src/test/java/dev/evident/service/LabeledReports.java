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

  /**
   * How a verification compares with the labels of its case. Lenient figures (the headline) match a
   * labeled claim by line, preferring a claim of the labeled kind: {@code found}, {@code correct}
   * (the matched claim has the labeled verdict), {@code falseContradicted} (a claim CONTRADICTED on
   * a line with no CONTRADICTED label, whatever the kinds) and {@code kindAgreed} (matched claims
   * whose kind is the labeled one). Strict figures match by line AND kind, as the first measures
   * did: {@code strictFound}, {@code strictCorrect}, {@code strictFalseContradicted} (a
   * CONTRADICTED claim with no CONTRADICTED label of its line and kind).
   */
  public record Score(
      int labeled,
      int found,
      int correct,
      int falseContradicted,
      int kindAgreed,
      int strictFound,
      int strictCorrect,
      int strictFalseContradicted,
      List<String> errors) {}

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

  /**
   * Compares a verification with the case's labels: each label takes an unmatched claim of its line
   * and kind, else (lenient) an unmatched claim of its line of another kind (named, universal and
   * count are often two readings of one sentence).
   */
  public static Score score(Case c, Verification v) {
    List<Label> labels = c.labels().stream().filter(l -> !l.verdict().equals("NONE")).toList();
    List<CheckedClaim> unmatched = new ArrayList<>(v.claims());
    Map<Label, CheckedClaim> strict = new java.util.LinkedHashMap<>();
    for (Label l : labels) {
      take(unmatched, l, true).ifPresent(cc -> strict.put(l, cc));
    }
    Map<Label, CheckedClaim> lenient = new java.util.LinkedHashMap<>(strict);
    for (Label l : labels) {
      if (!strict.containsKey(l)) {
        take(unmatched, l, false).ifPresent(cc -> lenient.put(l, cc));
      }
    }
    List<String> errors = new ArrayList<>();
    int correct = 0;
    int strictCorrect = 0;
    int kindAgreed = 0;
    for (Label l : labels) {
      CheckedClaim match = lenient.get(l);
      if (match == null) {
        errors.add(
            "%s:%d: no %s claim found (expected %s; %s)"
                .formatted(c.name(), l.line(), l.kind(), l.verdict(), l.note()));
        continue;
      }
      boolean sameKind = strict.containsKey(l);
      kindAgreed += sameKind ? 1 : 0;
      boolean right = match.verdict().name().equals(l.verdict());
      correct += right ? 1 : 0;
      strictCorrect += right && sameKind ? 1 : 0;
      if (!right) {
        errors.add(
            "%s:%d: %s claim is %s, labeled %s (%s): %s"
                .formatted(
                    c.name(),
                    l.line(),
                    match.claim().kind().id(),
                    match.verdict(),
                    l.verdict(),
                    l.note(),
                    match.reason()));
      } else if (!sameKind) {
        errors.add(
            "%s:%d: right verdict %s, but read as %s, labeled %s (kind only): %s"
                .formatted(
                    c.name(),
                    l.line(),
                    l.verdict(),
                    match.claim().kind().id(),
                    l.kind(),
                    match.claim().text()));
      }
    }
    int falseContradicted = 0;
    int strictFalseContradicted = 0;
    for (CheckedClaim cc : v.claims()) {
      if (cc.verdict() != Verdict.CONTRADICTED) {
        continue;
      }
      int line = cc.claim().line();
      String kind = cc.claim().kind().id();
      boolean onLine =
          labels.stream().anyMatch(l -> l.line() == line && l.verdict().equals("CONTRADICTED"));
      boolean sameKind =
          labels.stream()
              .anyMatch(
                  l ->
                      l.line() == line
                          && l.kind().equals(kind)
                          && l.verdict().equals("CONTRADICTED"));
      falseContradicted += onLine ? 0 : 1;
      strictFalseContradicted += sameKind ? 0 : 1;
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
    return new Score(
        labels.size(),
        lenient.size(),
        correct,
        falseContradicted,
        kindAgreed,
        strict.size(),
        strictCorrect,
        strictFalseContradicted,
        errors);
  }

  private static java.util.Optional<CheckedClaim> take(
      List<CheckedClaim> unmatched, Label l, boolean sameKind) {
    for (CheckedClaim cc : unmatched) {
      if (cc.claim().line() == l.line() && (!sameKind || cc.claim().kind().id().equals(l.kind()))) {
        unmatched.remove(cc);
        return java.util.Optional.of(cc);
      }
    }
    return java.util.Optional.empty();
  }
}
