package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.report.HtmlList.Column;
import dev.evident.report.HtmlList.Row;
import dev.evident.report.StatusReport.BucketTests;
import dev.evident.report.StatusReport.Cause;
import dev.evident.report.StatusReport.Change;
import dev.evident.report.StatusReport.ErrorLine;
import dev.evident.report.StatusReport.NextStep;
import dev.evident.report.StatusReport.NotExecuted;
import dev.evident.report.StatusReport.RootCauses;
import dev.evident.report.StatusReport.SkipReason;
import dev.evident.report.StatusReport.TestLine;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The HTML report's sections about the run itself: change, causes, what did not run, steps. */
final class HtmlSections {

  private final StringBuilder out;
  private final HtmlList lists;
  private final String json;

  HtmlSections(StringBuilder out, HtmlList lists, long run) {
    this.out = out;
    this.lists = lists;
    this.json = "evident report " + run + " --format json";
  }

  void change(Change c) {
    if (c.base() == null) {
      out.append("<section id=\"change\"><h2>Change</h2><p>No baseline: ");
      out.append(Html.esc(c.baseline())).append(".</p></section>\n");
      return;
    }
    long head = c.runs().get(1);
    out.append("<section id=\"change\"><h2>Change since run ").append(c.base().id());
    out.append("</h2>\n<p>Baseline: ").append(Html.esc(c.baseline())).append(" (");
    out.append(Html.esc(ReportHtml.describe(c.base()))).append(").</p>\n");
    Counts b = c.baseCounts();
    Counts h = c.headCounts();
    out.append("<table class=\"compare\"><thead><tr><th></th><th class=\"num\">run ");
    out.append(c.base().id()).append("</th><th class=\"num\">run ").append(head);
    out.append("</th></tr></thead><tbody>\n");
    compareRow("collected", b.collected(), h.collected(), -1, -1);
    compareRow("executed", b.executed(), h.executed(), b.collected(), h.collected());
    compareRow(
        "passed", b.passed() + b.flaky(), h.passed() + h.flaky(), b.executed(), h.executed());
    compareRow(
        "failed or errored",
        b.failed() + b.errored(),
        h.failed() + h.errored(),
        b.executed(),
        h.executed());
    compareRow("skipped", b.skipped(), h.skipped(), b.collected(), h.collected());
    out.append("</tbody></table>\n");
    List<String> summary = new ArrayList<>();
    for (BucketTests bucket : c.buckets()) {
      if (!bucket.tests().isEmpty()) {
        summary.add(Numbers.count(bucket.tests().size()) + " " + ChangeSection.title(bucket));
      }
    }
    out.append("<p>")
        .append(Html.esc(summary.isEmpty() ? "No test changed." : String.join(" · ", summary)))
        .append("</p>\n");
    for (BucketTests bucket : c.buckets()) {
      if (bucket.tests().isEmpty()) {
        continue;
      }
      boolean fresh = bucket.key().equals("newFailures");
      out.append(fresh ? "<div>" : "<details><summary>");
      out.append("<h3>").append(Html.esc(capital(bucket.title()))).append(" (");
      out.append(Numbers.count(bucket.tests().size())).append(")</h3>");
      out.append(fresh ? "\n" : "</summary>\n");
      List<Row> rows = new ArrayList<>();
      for (TestLine t : bucket.tests()) {
        rows.add(
            new Row(
                ReportHtml.kind(t.after()),
                t.test(),
                t.before() == null ? "(not in baseline)" : t.before().name(),
                t.after() == null ? "(not in run)" : t.after().name(),
                ReportHtml.time(t.beforeMicros()) + " → " + ReportHtml.time(t.afterMicros()),
                t.source() == null ? "" : t.source().toString(),
                t.message()));
      }
      lists.table(
          out,
          List.of(
              Column.code("test"),
              Column.text("run " + c.base().id()),
              Column.text("run " + head),
              Column.number("time"),
              Column.code("source"),
              Column.code("message")),
          rows,
          json);
      out.append(fresh ? "</div>\n" : "</details>\n");
    }
    out.append("</section>\n");
  }

  void rootCauses(RootCauses r) {
    out.append("<section id=\"causes\"><h2>Root causes (")
        .append(Html.esc(Md.runs(r.runs())))
        .append(")</h2>\n<p>");
    if (r.causes().isEmpty()) {
      out.append("No failed, errored or flaky test.</p></section>\n");
      return;
    }
    out.append(Numbers.count(r.failures()))
        .append(" failed, errored or flaky tests in ")
        .append(Numbers.count(r.causes().size(), "group", "groups"))
        .append(" by cause, the largest first.</p>\n");
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (Cause c : r.causes()) {
      List<String> detail = new ArrayList<>();
      detail.add(c.message());
      if (!c.evidence().isEmpty()) {
        detail.add("Evidence: " + c.evidence());
      }
      if (!c.entities().isEmpty()) {
        List<String> e = new ArrayList<>();
        new TreeMap<>(c.entities()).forEach((k, v) -> e.add(k + "=" + v));
        detail.add("Entities: " + String.join(", ", e));
      }
      if (!c.label().isEmpty()) {
        detail.add("Label: " + c.label());
      }
      if (c.seenRuns() > 0) {
        detail.add(
            "Failed this way in "
                + Numbers.count(c.seenRuns(), "run", "runs")
                + ", first in run "
                + c.seenFirst());
      }
      rows.add(
          new Row(
              c.category(),
              String.valueOf(++i),
              Numbers.count(c.count())
                  + " of "
                  + Numbers.count(r.failures())
                  + " ("
                  + Numbers.percent(c.count(), r.failures())
                  + ")",
              c.category() + (c.system() ? " (environment)" : ""),
              String.join("\n", detail),
              c.remediation(),
              testsOf(c),
              c.id()));
    }
    lists.table(
        out,
        List.of(
            Column.number("#"),
            Column.number("tests"),
            Column.code("cause"),
            Column.text("message and evidence"),
            Column.text("what to do"),
            Column.code("tests"),
            Column.code("group")),
        rows,
        json);
    out.append("</section>\n");
  }

  void notExecuted(NotExecuted n) {
    Counts c = n.counts();
    out.append("<section id=\"not-executed\"><h2>Not executed (")
        .append(Html.esc(Md.runs(n.runs())))
        .append(")</h2>\n<p>")
        .append(Numbers.count(c.executed()))
        .append(" of ")
        .append(Numbers.count(c.collected()))
        .append(" collected tests executed; ")
        .append(Numbers.count(c.skipped()))
        .append(" skipped.</p>\n");
    if (!n.errors().isEmpty()) {
      out.append("<h3>Errors outside tests (").append(Numbers.count(n.errors().size()));
      out.append(")</h3>\n");
      List<Row> rows = new ArrayList<>();
      for (ErrorLine e : n.errors()) {
        rows.add(
            new Row(
                e.category(),
                e.kind(),
                e.scope().isEmpty() ? "the whole run" : e.scope(),
                e.message(),
                e.category(),
                e.remediation(),
                e.where() == null ? "" : e.where().toString()));
      }
      lists.table(
          out,
          List.of(
              Column.text("kind"),
              Column.code("scope"),
              Column.code("message"),
              Column.code("cause"),
              Column.text("what to do"),
              Column.code("where")),
          rows,
          json);
    }
    if (!n.skipReasons().isEmpty()) {
      out.append("<h3>Skipped (").append(Numbers.count(c.skipped())).append(" of ");
      out.append(Numbers.count(c.collected())).append(" collected), by reason</h3>\n");
      List<Row> rows = new ArrayList<>();
      for (SkipReason s : n.skipReasons()) {
        rows.add(
            new Row(
                "skipped",
                Numbers.count(s.count()),
                s.reason().isEmpty() ? "(no reason given)" : s.reason(),
                s.example()));
      }
      lists.table(
          out,
          List.of(Column.number("tests"), Column.code("reason"), Column.code("for example")),
          rows,
          json);
    }
    if (!n.problems().isEmpty()) {
      out.append("<h3>Problems reading the input (").append(Numbers.count(n.problems().size()));
      out.append(")</h3>\n");
      lists.table(
          out,
          List.of(Column.code("problem")),
          n.problems().stream().map(p -> new Row("", p)).toList(),
          json);
    }
    out.append("</section>\n");
  }

  void nextSteps(List<NextStep> steps) {
    out.append("<section id=\"next-steps\"><h2>Next steps (by tests unblocked)</h2>\n");
    if (steps.isEmpty()) {
      out.append("<p>Nothing to do: no failure and nothing that kept tests from running.</p>");
      out.append("</section>\n");
      return;
    }
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (NextStep s : steps) {
      String unblocks =
          s.tests() < 0
              ? "kept "
                  + (s.blocked().isEmpty() ? "the run" : String.join(", ", s.blocked()))
                  + " from running"
              : Numbers.count(s.tests(), "test", "tests");
      rows.add(
          new Row("", String.valueOf(++i), s.action(), unblocks, String.join(", ", s.causes())));
    }
    lists.table(
        out,
        List.of(
            Column.number("#"),
            Column.text("what to do"),
            Column.text("unblocks"),
            Column.code("causes")),
        rows,
        json);
    out.append("</section>\n");
  }

  private void compareRow(String what, long base, long head, long baseOf, long headOf) {
    out.append("<tr><th>").append(what).append("</th><td class=\"num\">");
    out.append(Numbers.count(base)).append(baseOf < 0 ? "" : " of " + Numbers.count(baseOf));
    out.append("</td><td class=\"num\">").append(Numbers.count(head));
    out.append(headOf < 0 ? "" : " of " + Numbers.count(headOf)).append("</td></tr>\n");
  }

  /** The first tests of a cause, and how many more fail of it. */
  private static String testsOf(Cause c) {
    List<String> shown = new ArrayList<>(c.tests().subList(0, Math.min(5, c.tests().size())));
    if (c.count() > shown.size()) {
      shown.add(Md.more(c.count() - shown.size(), ""));
    }
    return String.join("\n", shown);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
