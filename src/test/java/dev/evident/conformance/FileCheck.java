package dev.evident.conformance;

import dev.evident.model.Counts;
import dev.evident.model.RunError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares one fixture's counts with the stated ones under its source's counting rules (the
 * manifest's notes column says them).
 */
final class FileCheck {

  private static final String[] FIELDS = {"tests", "passed", "failed", "errors", "skipped"};

  private final Map<String, String> row;
  private final ConformanceCheck.Read read;
  private final Accepted accepted;

  FileCheck(Map<String, String> row, ConformanceCheck.Read read, Accepted accepted) {
    this.row = row;
    this.read = read;
    this.accepted = accepted;
  }

  /** Our counts in the stated counts' terms. */
  Map<String, Long> ours() {
    String notes = row.getOrDefault("notes", "");
    String source = row.getOrDefault("source_repo", "");
    Counts c = read.counts();
    boolean foldErrors =
        notes.contains("folded into failed")
            || notes.contains("failed includes errors")
            || notes.contains("failCount = failures+errors");
    Map<String, Long> ours = new LinkedHashMap<>();
    ours.put("tests", source.equals("tupilabs/tap4j") ? read.topLevelTests() : c.collected());
    ours.put("passed", c.passed() + c.flaky());
    long failed = c.failed() + (foldErrors ? c.errored() : 0);
    long errors = c.errored();
    if (source.equals("gotestyourself/gotestsum")) {
      // gotestsum: failures include package-level failures, errors are build/setup errors
      failed += read.runErrors().size();
      errors =
          read.runErrors().stream()
              .filter(e -> e.kind() == RunError.Kind.BUILD || e.kind() == RunError.Kind.SETUP)
              .count();
    }
    ours.put("failed", failed);
    ours.put("errors", errors);
    ours.put("skipped", c.skipped());
    return ours;
  }

  void report(PrintStream out, Tally tally) {
    tally.read++;
    String file = row.get("file");
    String mustReject = row.getOrDefault("expected_parse_error", "");
    boolean rejectExpected = mustReject.startsWith("yes") || mustReject.startsWith("must not");
    if (rejectExpected) {
      if (read.rejected()) {
        tally.rejectedAsExpected++;
        line(out, "REJECTED", "", "must reject", file, "as expected: " + read.firstError());
      } else {
        String reason = accepted.reason(file, "rejection", "read", "reject");
        if (reason != null) {
          tally.accepted++;
          line(out, "ACCEPTED", "read", "must reject", file, reason);
        } else {
          tally.notRejected++;
          line(
              out,
              "NOT-REJ",
              describe(ours()),
              "must reject",
              file,
              "read without an error: " + mustReject);
        }
      }
      return;
    }
    Map<String, Long> ours = ours();
    List<String> stated = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    boolean anyStated = false;
    for (String field : FIELDS) {
      String value = row.getOrDefault("expected_" + field, "");
      stated.add(value.isEmpty() ? "-" : value);
      if (value.isEmpty()) {
        continue;
      }
      anyStated = true;
      long expected = Long.parseLong(value);
      long actual = read.rejection() == null ? ours.get(field) : -1;
      if (actual != expected) {
        String oursText = actual < 0 ? "rejected" : Long.toString(actual);
        String reason = accepted.reason(file, field, oursText, value);
        if (reason == null) {
          differences.add(field + " " + oursText + " vs " + value);
        } else {
          reasons.add(field + ": " + reason);
        }
      }
    }
    String oursText = read.rejection() != null ? "rejected" : describe(ours);
    if (!anyStated) {
      tally.noCounts++;
      String note =
          read.rejection() != null
              ? read.rejection()
              : read.rejected() ? "error: " + read.firstError() : "";
      line(out, "READ", oursText, "(none stated)", file, note);
    } else if (!differences.isEmpty()) {
      tally.disagree++;
      line(
          out,
          "DISAGREE",
          oursText,
          String.join("/", stated),
          file,
          String.join("; ", differences) + "  [" + row.getOrDefault("notes", "") + "]");
    } else if (!reasons.isEmpty()) {
      tally.accepted++;
      line(out, "ACCEPTED", oursText, String.join("/", stated), file, String.join("; ", reasons));
    } else {
      tally.agree++;
      line(out, "AGREE", oursText, String.join("/", stated), file, "");
    }
  }

  private static String describe(Map<String, Long> ours) {
    return ours.values().stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse("");
  }

  private static void line(
      PrintStream out, String verdict, String ours, String stated, String file, String note) {
    out.printf(
        Locale.ROOT,
        "%-10s %-24s %-26s %s%s%n",
        verdict,
        ours,
        stated,
        file,
        note.isEmpty() ? "" : "\n" + " ".repeat(11) + note);
  }
}
