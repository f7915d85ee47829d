package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.report.StatusReport.RunRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link StatusReport} as GitHub-flavoured Markdown that fits a size budget (GitHub takes 65,535
 * bytes for a check or step summary). Everything is rendered, then lists are cut, the least
 * important first, until the text fits: slowest tests, progress, flaky and suspicious tests, the
 * comparison's other buckets, skip reasons, errors, next steps, and last the root causes and new
 * failures, which keep at least a few items. A cut list says how many items it left out.
 */
public final class ReportMarkdown {

  /** The default budget: below GitHub's 65,535 bytes, with room for other steps' summaries. */
  public static final int DEFAULT_MAX_BYTES = 60_000;

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The lists of a report, least important first, with how many items they show at most/least. */
  enum Part {
    SLOW_TESTS(20, 0),
    SUITES(15, 0),
    CATEGORIES(30, 0),
    SUSPECTS(20, 0),
    FLAKY(20, 0),
    OTHER_BUCKETS(30, 0),
    SKIPS(20, 0),
    PROBLEMS(10, 0),
    ERRORS(30, 1),
    STEPS(10, 3),
    CAUSE_TESTS(5, 1),
    CAUSES(15, 3),
    NEW_FAILURES(200, 5);

    final int full;
    final int min;

    Part(int full, int min) {
      this.full = full;
      this.min = min;
    }
  }

  private ReportMarkdown() {}

  /** The report in at most {@code maxBytes} bytes of UTF-8. */
  public static String render(StatusReport report, int maxBytes) {
    Map<Part, Integer> limits = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      limits.put(p, p.full);
    }
    while (true) {
      String md = render(report, limits);
      if (md.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
        return md;
      }
      Part next = null;
      for (Part p : Part.values()) {
        if (limits.get(p) > p.min) {
          next = p;
          break;
        }
      }
      if (next == null) {
        return cut(md, maxBytes);
      }
      limits.put(next, Math.max(next.min, limits.get(next) / 2));
    }
  }

  static String render(StatusReport r, Map<Part, Integer> limits) {
    StringBuilder out = new StringBuilder();
    headline(out, r);
    ChangeSection.render(out, r.change(), limits);
    ReportSections s = new ReportSections(out, limits);
    if (r.headline().environmentFirst() || !r.notExecuted().errors().isEmpty()) {
      // Environment problems and errors that kept tests from running explain the rest: first.
      s.notExecuted(r.notExecuted());
      s.rootCauses(r.rootCauses(), r.notExecuted().errors().size());
    } else {
      s.rootCauses(r.rootCauses(), r.notExecuted().errors().size());
      s.notExecuted(r.notExecuted());
    }
    s.nextSteps(r.nextSteps(), r.run().id());
    ReportHistorySections h = new ReportHistorySections(out, limits);
    h.flaky(r.flaky(), r.run().id());
    if (r.progress() != null) {
      h.progress(r.progress());
    }
    h.slowest(r.slowest());
    List<Long> all = new ArrayList<>(r.change().runs());
    if (all.isEmpty()) {
      all.add(r.run().id());
    }
    out.append("\n---\n<sub>evident report of ")
        .append(Md.runs(all))
        .append(", generated ")
        .append(WHEN.format(r.generated()))
        .append(". Every number is counted from the stored results of the runs named.</sub>\n");
    return out.toString();
  }

  private static void headline(StringBuilder out, StatusReport r) {
    RunRef run = r.run();
    out.append("## Evident report: run ")
        .append(run.id())
        .append(" of ")
        .append(Md.text(run.project()))
        .append("\n\n**")
        .append(Md.text(r.headline().statement()))
        .append("**\n\n");
    if (r.headline().environmentFirst()) {
      out.append("> **Environment problem:** ")
          .append(Md.text(r.headline().environment()))
          .append("\n\n");
    }
    out.append(describe(run)).append("\n\n");
    counts(out, r.headline().counts());
  }

  /** "Run 12 · commit `abc` on `main` · started ... · tests ran 30 s · CI job". */
  static String describe(RunRef run) {
    StringBuilder s = new StringBuilder("Run ").append(run.id()).append(" · ");
    s.append(run.status().name());
    if (!run.commit().isEmpty()) {
      s.append(" · commit ")
          .append(Md.code(run.commit().substring(0, Math.min(12, run.commit().length()))));
    }
    if (!run.branch().isEmpty()) {
      s.append(" on ").append(Md.code(run.branch()));
    }
    s.append(" · started ").append(WHEN.format(run.started()));
    if (run.durationMillis() >= 0) {
      s.append(" · tests ran ").append(Numbers.duration(Duration.ofMillis(run.durationMillis())));
    }
    if (!run.ciUrl().isEmpty()) {
      s.append(" · [CI job](").append(run.ciUrl().replace(")", "%29")).append(')');
    }
    return s.toString();
  }

  private static void counts(StringBuilder out, Counts c) {
    out.append("| collected | executed | passed | failed | errored | skipped | flaky |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    out.append("| ")
        .append(
            String.join(
                " | ",
                Numbers.count(c.collected()),
                Numbers.count(c.executed()),
                Numbers.count(c.passed()),
                Numbers.count(c.failed()),
                Numbers.count(c.errored()),
                Numbers.count(c.skipped()),
                Numbers.count(c.flaky())))
        .append(" |\n\n");
    if (c.executed() > 0) {
      long passed = c.passed() + c.flaky();
      out.append("Passed: ")
          .append(Numbers.count(passed))
          .append(" of ")
          .append(Numbers.count(c.executed()))
          .append(" executed tests (")
          .append(Numbers.percent(passed, c.executed()))
          .append(c.flaky() > 0 ? ", " + Numbers.count(c.flaky()) + " of them only on a rerun" : "")
          .append(").\n\n");
    } else {
      out.append("No test executed: there is no pass rate.\n\n");
    }
  }

  /** The last resort when even the shortest lists do not fit: cut at a line, say so. */
  private static String cut(String md, int maxBytes) {
    String note =
        "\n\n(cut to " + Numbers.count(maxBytes) + " bytes; --format json has everything)\n";
    byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
    int room = Math.max(0, maxBytes - note.getBytes(StandardCharsets.UTF_8).length);
    String head = new String(bytes, 0, Math.min(room, bytes.length), StandardCharsets.UTF_8);
    // A character split by the byte cut decodes as U+FFFD; drop it with the partial line.
    int line = head.lastIndexOf('\n');
    head = line > 0 ? head.substring(0, line) : "";
    String out = head + note;
    return out.getBytes(StandardCharsets.UTF_8).length <= maxBytes ? out : "";
  }
}
