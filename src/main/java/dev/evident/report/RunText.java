package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunError;
import dev.evident.model.RunQuarantine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The plain-text summary of one run that {@code show} and {@code ingest} print. */
public final class RunText {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Suites listed by name; the rest are summed up in one line. */
  private static final int MAX_SUITES = 20;

  private RunText() {}

  public static String render(RunDetail detail) {
    return render(detail, "");
  }

  /** With a line on the top causes (from a diagnosis) after the counts; empty for none. */
  public static String render(RunDetail detail, String topCauses) {
    return render(detail, topCauses, RunQuarantine.NONE);
  }

  /** With the failures of quarantined tests marked and counted in the status line. */
  public static String render(RunDetail detail, String topCauses, RunQuarantine quarantine) {
    StringBuilder out = new StringBuilder();
    Run run = detail.run();
    out.append("Run ")
        .append(run.id())
        .append(" · project ")
        .append(run.project())
        .append(" · ")
        .append(run.source());
    out.append(" · stored ").append(WHEN.format(run.created())).append('\n');
    if (!run.labels().isEmpty()) {
      out.append("Labels: ").append(labels(run.labels())).append('\n');
    }
    if (!run.command().isEmpty()) {
      out.append("Command: ").append(run.command());
      if (run.exitCode() != null) {
        out.append("  (exit ").append(run.exitCode()).append(')');
      }
      out.append('\n');
    }
    String commit = run.attributes().get("git.commit");
    if (commit != null) {
      out.append("Git: ").append(commit, 0, Math.min(12, commit.length()));
      String branch = run.attributes().get("git.branch");
      if (branch != null) {
        out.append(" on ").append(branch);
      }
      if ("true".equals(run.attributes().get("git.dirty"))) {
        out.append(", with uncommitted changes");
      }
      out.append('\n');
    }
    out.append(StatusLine.of(run, quarantine)).append('\n');
    Counts c = run.counts();
    out.append("  collected ")
        .append(Numbers.count(c.collected()))
        .append(" · executed ")
        .append(Numbers.count(c.executed()))
        .append(" · passed ")
        .append(Numbers.count(c.passed()))
        .append(" · failed ")
        .append(Numbers.count(c.failed()))
        .append(" · errored ")
        .append(Numbers.count(c.errored()))
        .append(" · skipped ")
        .append(Numbers.count(c.skipped()))
        .append(" · flaky ")
        .append(Numbers.count(c.flaky()));
    if (c.executed() > 0) {
      out.append(" · pass rate ")
          .append(Numbers.percent(c.passed() + c.flaky(), c.executed()))
          .append(" (")
          .append(Numbers.count(c.passed() + c.flaky()))
          .append(" of ")
          .append(Numbers.count(c.executed()))
          .append(')');
    }
    out.append('\n');
    if (run.started() != null && run.finished() != null) {
      out.append("  tests ran ")
          .append(WHEN.format(run.started()))
          .append(" for ")
          .append(Numbers.duration(java.time.Duration.between(run.started(), run.finished())))
          .append('\n');
    }
    if (!topCauses.isEmpty()) {
      out.append(topCauses).append('\n');
    }
    suites(out, detail.suites());
    failures(out, detail, quarantine);
    runErrors(out, detail.runErrors());
    problems(out, detail.problems());
    files(out, detail.files());
    return out.toString();
  }

  private static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static void suites(StringBuilder out, List<RunDetail.SuiteCounts> all) {
    List<RunDetail.SuiteCounts> suites =
        all.stream().filter(s -> s.counts().collected() > 0).toList();
    if (suites.isEmpty()) {
      return;
    }
    out.append('\n').append("Suites (").append(Numbers.count(suites.size())).append("):\n");
    List<RunDetail.SuiteCounts> shown =
        suites.stream()
            .sorted(
                Comparator.comparingLong(
                        (RunDetail.SuiteCounts s) -> -(s.counts().failed() + s.counts().errored()))
                    .thenComparing(s -> -s.counts().flaky())
                    .thenComparing(RunDetail.SuiteCounts::name))
            .limit(MAX_SUITES)
            .toList();
    int width =
        Math.min(60, shown.stream().mapToInt(s -> display(s.name()).length()).max().orElse(10));
    for (RunDetail.SuiteCounts s : shown) {
      Counts c = s.counts();
      out.append("  ")
          .append(pad(display(s.name()), width))
          .append("  ")
          .append(Numbers.count(c.collected(), "test", "tests"))
          .append(": ")
          .append(Numbers.count(c.passed()))
          .append(" passed");
      append(out, c.failed(), "failed");
      append(out, c.errored(), "errored");
      append(out, c.skipped(), "skipped");
      append(out, c.flaky(), "flaky");
      if (s.duration() != null) {
        out.append("  ").append(Numbers.duration(s.duration()));
      }
      out.append('\n');
    }
    if (suites.size() > shown.size()) {
      Counts rest = Counts.ZERO;
      for (RunDetail.SuiteCounts s : suites.subList(0, suites.size())) {
        if (!shown.contains(s)) {
          rest = rest.plus(s.counts());
        }
      }
      out.append("  and ")
          .append(Numbers.count(suites.size() - shown.size()))
          .append(" more suites: ")
          .append(Numbers.count(rest.collected(), "test", "tests"))
          .append(", ")
          .append(Numbers.count(rest.passed()))
          .append(" passed");
      append(out, rest.failed(), "failed");
      append(out, rest.errored(), "errored");
      append(out, rest.skipped(), "skipped");
      append(out, rest.flaky(), "flaky");
      out.append('\n');
    }
  }

  private static String display(String suite) {
    return suite.isEmpty() ? "(no suite)" : suite;
  }

  private static void append(StringBuilder out, long n, String what) {
    if (n > 0) {
      out.append(", ").append(Numbers.count(n)).append(' ').append(what);
    }
  }

  private static String pad(String s, int width) {
    if (s.length() >= width) {
      return s;
    }
    return s + " ".repeat(width - s.length());
  }

  private static void failures(StringBuilder out, RunDetail detail, RunQuarantine quarantine) {
    if (detail.totalFailures() == 0) {
      return;
    }
    out.append('\n')
        .append("Failed, errored and flaky tests (")
        .append(Numbers.count(detail.totalFailures()))
        .append("):\n");
    for (RunDetail.FailedTest f : detail.failures()) {
      out.append("  ").append(pad(f.outcome().name(), 7)).append(' ').append(f.id());
      if (f.attempts() > 1) {
        out.append(" (").append(f.attempts()).append(" attempts)");
      }
      String reason = quarantine.reasons().get(f.id());
      if (reason != null) {
        out.append(reason.isEmpty() ? " (quarantined)" : " (quarantined: " + reason + ")");
      }
      String why = why(f.failure().type(), f.failure().firstLine());
      if (!why.isEmpty()) {
        out.append("\n          ").append(why);
      }
      out.append('\n');
    }
    long more = detail.totalFailures() - detail.failures().size();
    if (detail.failures().isEmpty()) {
      out.append(
          "  (no per-test results were recorded; the counts come from the runner's console)\n");
    } else if (more > 0) {
      out.append("  and ")
          .append(Numbers.count(more))
          .append(" more (use --json or --max-failures)\n");
    }
  }

  private static String why(String type, String firstLine) {
    String shortType = type.contains(".") ? type.substring(type.lastIndexOf('.') + 1) : type;
    if (shortType.isEmpty()) {
      return truncate(firstLine);
    }
    if (firstLine.isEmpty() || firstLine.startsWith(type) || firstLine.startsWith(shortType)) {
      return truncate(firstLine.isEmpty() ? shortType : firstLine);
    }
    return truncate(shortType + ": " + firstLine);
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  private static void runErrors(StringBuilder out, List<RunError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    out.append('\n')
        .append("Errors outside tests (")
        .append(Numbers.count(errors.size()))
        .append("):\n");
    for (RunError e : errors) {
      out.append("  ").append(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      if (!e.scope().isEmpty()) {
        out.append(' ').append(e.scope());
      }
      String why = why(e.failure().type(), e.failure().firstLine());
      if (!why.isEmpty()) {
        out.append(": ").append(why);
      }
      if (e.where() != null) {
        out.append("  (").append(e.where()).append(')');
      }
      out.append('\n');
    }
  }

  private static void problems(StringBuilder out, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    out.append('\n')
        .append("Problems while reading the input (")
        .append(Numbers.count(problems.size()))
        .append("):\n");
    for (Problem p : problems) {
      out.append("  ").append(p).append('\n');
    }
  }

  private static void files(StringBuilder out, List<InputFile> files) {
    if (files.isEmpty()) {
      return;
    }
    Map<String, Long> formats =
        files.stream()
            .filter(f -> f.format() != null)
            .collect(
                Collectors.groupingBy(
                    InputFile::format, java.util.TreeMap::new, Collectors.counting()));
    long duplicates = files.stream().filter(f -> f.duplicateOf() != null).count();
    long unread = files.stream().filter(f -> f.format() == null && f.duplicateOf() == null).count();
    out.append('\n').append("Inputs: ").append(Numbers.count(files.size(), "file", "files"));
    if (!formats.isEmpty()) {
      out.append(" (")
          .append(
              formats.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey())
                  .collect(Collectors.joining(", ")))
          .append(')');
    }
    if (duplicates > 0) {
      out.append(", ").append(Numbers.count(duplicates)).append(" exact duplicates not counted");
    }
    if (unread > 0) {
      out.append(", ").append(Numbers.count(unread)).append(" unreadable");
    }
    out.append('\n');
  }
}
