package dev.evident.bench;

import dev.evident.service.LabeledReports;
import dev.evident.verify.CheckedClaim;
import dev.evident.verify.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Accuracy of {@code evident verify} over the labeled reports (issue 7, "Measure"): claims found vs
 * labeled (recall), verdict accuracy, false CONTRADICTED verdicts, and the errors. A labeled claim
 * is matched by line, preferring a found claim of the labeled kind (named, universal and count are
 * often two readings of one sentence); the verdict is judged on the matched claim, and the kind
 * agreement and the strict figures (line and kind, as first measured) are printed beside. Exit
 * status 1 when a target is missed (recall >= 0.9, accuracy >= 0.9, no false contradiction), on the
 * lenient figures.
 *
 * <p>Usage: {@code VerifyAccuracy [--verbose] [--cases DIR]} from the project root (default: the
 * tuned cases; {@code --cases src/test/resources/dev/evident/verify/fresh} for the held-out set);
 * shared reports from $EVIDENT_SHARED_REPORTS or ../shared/reports when there.
 */
public final class VerifyAccuracy {

  public static void main(String[] args) throws Exception {
    boolean verbose = List.of(args).contains("--verbose");
    Path shared = LabeledReports.sharedReports();
    int at = List.of(args).indexOf("--cases");
    Path dir = at >= 0 && at + 1 < args.length ? Path.of(args[at + 1]) : LabeledReports.CASES;
    List<LabeledReports.Case> cases = LabeledReports.load(dir, shared);
    Path work = Files.createTempDirectory("verify-accuracy");
    int labeled = 0, found = 0, correct = 0, falseContradicted = 0, claims = 0, sharedCases = 0;
    int kindAgreed = 0, strictFound = 0, strictCorrect = 0, strictFalse = 0;
    List<String> errors = new java.util.ArrayList<>();
    for (LabeledReports.Case c : cases) {
      Verification v = LabeledReports.verify(c, work);
      LabeledReports.Score s = LabeledReports.score(c, v);
      labeled += s.labeled();
      found += s.found();
      correct += s.correct();
      falseContradicted += s.falseContradicted();
      kindAgreed += s.kindAgreed();
      strictFound += s.strictFound();
      strictCorrect += s.strictCorrect();
      strictFalse += s.strictFalseContradicted();
      claims += v.claims().size();
      errors.addAll(s.errors());
      sharedCases += c.report().startsWith(shared) ? 1 : 0;
      System.out.printf(
          "%-40s %3d labeled %3d found %3d correct %d false CONTRADICTED%n",
          c.name(), s.labeled(), s.found(), s.correct(), s.falseContradicted());
      if (verbose) {
        for (CheckedClaim cc : v.claims()) {
          System.out.printf(
              "    %4d %-9s %-12s %s%n",
              cc.claim().line(), cc.claim().kind().id(), cc.verdict(), cc.claim().text());
        }
      }
    }
    double recall = labeled == 0 ? 0 : (double) found / labeled;
    double accuracy = labeled == 0 ? 0 : (double) correct / labeled;
    System.out.printf(
        "%n%d reports (%d over shared reports%s), %d claims read, %d labeled%n",
        cases.size(),
        sharedCases,
        Files.isDirectory(shared) ? " from " + shared : "; " + shared + " not found",
        claims,
        labeled);
    System.out.printf(
        "recall %.3f (%d/%d)   accuracy %.3f (%d/%d)   false CONTRADICTED %d%n",
        recall, found, labeled, accuracy, correct, labeled, falseContradicted);
    System.out.printf(
        "kind agreement %.3f (%d/%d matched claims of the labeled kind)%n",
        found == 0 ? 0 : (double) kindAgreed / found, kindAgreed, found);
    System.out.printf(
        "strict (line and kind): recall %.3f (%d/%d)   accuracy %.3f (%d/%d)"
            + "   false CONTRADICTED %d%n",
        labeled == 0 ? 0 : (double) strictFound / labeled,
        strictFound,
        labeled,
        labeled == 0 ? 0 : (double) strictCorrect / labeled,
        strictCorrect,
        labeled,
        strictFalse);
    if (!errors.isEmpty()) {
      System.out.println("errors:");
      errors.forEach(e -> System.out.println("  " + e));
    }
    boolean met = recall >= 0.9 && accuracy >= 0.9 && falseContradicted == 0;
    System.out.println(
        (met ? "TARGET MET" : "TARGET NOT MET")
            + ": recall >= 0.9, accuracy >= 0.9, false CONTRADICTED = 0");
    System.exit(met ? 0 : 1);
  }
}
