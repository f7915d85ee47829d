package dev.evident.conformance;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.RunDetail;
import dev.evident.model.RunStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks GROUP_EXPECTATIONS.tsv: expectations that hold when several files are read together
 * (suites split over files, duplicate files, merges, reruns). The expectation texts are prose; the
 * checks below read the numbers they state.
 */
final class GroupCheck {

  private static final Pattern TESTS = Pattern.compile("(\\d+) tests\\b");
  private static final Pattern SUITES = Pattern.compile("(\\d+) suites?\\b");
  private static final Pattern TOTALS =
      Pattern.compile("total (\\d+), pass (\\d+), fail (\\d+), skip (\\d+)");
  private static final Pattern FAIL_COUNT =
      Pattern.compile("(first alone|merged|first\\.merge\\(second\\)): failCount (\\d+)");
  private static final Pattern RERUNS = Pattern.compile("([\\w./-]+) (\\d+) runs (\\d+) failures");

  private final ConformanceCheck check;
  private final Path corpus;
  private final Accepted accepted;

  GroupCheck(ConformanceCheck check, Path corpus, Accepted accepted) {
    this.check = check;
    this.corpus = corpus;
    this.accepted = accepted;
  }

  void run(PrintStream out, Tally tally) throws IOException {
    Path file = corpus.resolve("GROUP_EXPECTATIONS.tsv");
    out.println("Groups of files read together (GROUP_EXPECTATIONS.tsv)");
    for (Map<String, String> row : ConformanceCheck.Tsv.read(file)) {
      String id = row.get("group_id");
      List<String> files = Arrays.asList(row.get("files").split(";"));
      String expectation = row.get("expectation");
      List<String> differences = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      String checked = check(files, expectation, id, differences, reasons);
      String verdict;
      if (!differences.isEmpty()) {
        tally.groupsDisagree++;
        verdict = "DISAGREE";
      } else if (!reasons.isEmpty()) {
        tally.groupsAccepted++;
        verdict = "ACCEPTED";
      } else {
        tally.groupsAgree++;
        verdict = "AGREE";
      }
      out.printf(Locale.ROOT, "%-10s %s: %s%n", verdict, id, checked);
      for (String d : differences) {
        out.println("           " + d + "   [expected: " + expectation + "]");
      }
      for (String r : reasons) {
        out.println("           accepted: " + r);
      }
    }
  }

  private String check(
      List<String> files,
      String expectation,
      String id,
      List<String> differences,
      List<String> reasons) {
    String first = expectation.split(";")[0];
    ConformanceCheck.Read all = check.ingest(files);
    List<String> checked = new ArrayList<>();
    Counts c = all.counts();
    Matcher totals = TOTALS.matcher(expectation);
    if (totals.find()) {
      compare(id, "tests", c.collected(), totals.group(1), differences, reasons, checked);
      compare(id, "passed", c.passed() + c.flaky(), totals.group(2), differences, reasons, checked);
      compare(
          id, "failed", c.failed() + c.errored(), totals.group(3), differences, reasons, checked);
      compare(id, "skipped", c.skipped(), totals.group(4), differences, reasons, checked);
    } else if (first.startsWith("parsed together")
        || first.startsWith("both parsed")
        || first.contains("pipeline steps")
        || first.startsWith("parse ")) {
      Matcher tests = TESTS.matcher(first);
      if (tests.find()) {
        compare(id, "tests", c.collected(), tests.group(1), differences, reasons, checked);
      }
      Matcher suites = SUITES.matcher(first);
      if (suites.find()) {
        compare(id, "suites", all.suites(), suites.group(1), differences, reasons, checked);
      }
    }
    Matcher failCount = FAIL_COUNT.matcher(expectation);
    while (failCount.find()) {
      boolean alone = failCount.group(1).equals("first alone");
      ConformanceCheck.Read read = alone ? check.ingest(files.subList(0, 1)) : all;
      compare(
          id,
          "failCount (" + failCount.group(1) + ")",
          read.counts().failed() + read.counts().errored(),
          failCount.group(2),
          differences,
          reasons,
          checked);
    }
    if (expectation.contains("exit 1")) {
      String status = all.detail() == null ? "rejected" : all.detail().run().status().name();
      compare(
          id,
          "status",
          status.equals(RunStatus.FAILED.name()) ? 1 : 0,
          "1",
          differences,
          reasons,
          checked);
    }
    Matcher reruns = RERUNS.matcher(expectation);
    String previous = null;
    while (reruns.find()) {
      String test = reruns.group(1);
      List<RunDetail.FailedTest> found = new ArrayList<>();
      if (all.detail() != null) {
        for (RunDetail.FailedTest f : all.detail().failures()) {
          String full = f.id().suite() + "." + f.id().name();
          boolean match =
              test.equals("subcases") && previous != null
                  ? full.endsWith(
                          previous.substring(previous.lastIndexOf('.') + 1)
                              + "/"
                              + f.id().name().substring(f.id().name().indexOf('/') + 1))
                      && f.id().name().contains("/")
                  : f.id().name().equals(test) || full.endsWith(test);
          if (match) {
            found.add(f);
          }
        }
      }
      if (found.isEmpty()) {
        compare(id, test + " runs", 0, reruns.group(2), differences, reasons, checked);
      }
      for (RunDetail.FailedTest f : found) {
        long runs = f.attempts();
        long failures = f.outcome() == Outcome.FLAKY ? runs - 1 : runs;
        String label = test.equals("subcases") ? f.id().name() : test;
        compare(id, label + " runs", runs, reruns.group(2), differences, reasons, checked);
        compare(id, label + " failures", failures, reruns.group(3), differences, reasons, checked);
      }
      previous = test;
    }
    if (checked.isEmpty()) {
      differences.add("no check understands this expectation; extend GroupCheck");
    }
    return String.join(", ", checked);
  }

  private void compare(
      String id,
      String field,
      long ours,
      String stated,
      List<String> differences,
      List<String> reasons,
      List<String> checked) {
    checked.add(
        field + " " + ours + (Long.parseLong(stated) == ours ? "" : " (stated " + stated + ")"));
    if (Long.parseLong(stated) == ours) {
      return;
    }
    String reason = accepted.reason(id, field, Long.toString(ours), stated);
    if (reason == null) {
      differences.add(field + ": ours " + ours + ", stated " + stated);
    } else {
      reasons.add(field + ": " + reason);
    }
  }
}
