package dev.evident.report;

import dev.evident.report.HtmlList.Column;
import dev.evident.report.HtmlList.Row;
import dev.evident.report.ReportPage.TestRow;
import dev.evident.report.StatusReport.CategoryLine;
import dev.evident.report.StatusReport.FlakyAndSuspicious;
import dev.evident.report.StatusReport.FlakyTest;
import dev.evident.report.StatusReport.ProgressSection;
import dev.evident.report.StatusReport.Slowest;
import dev.evident.report.StatusReport.SuiteTime;
import dev.evident.report.StatusReport.Suspect;
import dev.evident.report.StatusReport.TimedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The HTML report's sections over history and time: flaky, progress, slowest, every test. */
final class HtmlHistorySections {

  private final StringBuilder out;
  private final HtmlList lists;
  private final long run;
  private final String json;

  HtmlHistorySections(StringBuilder out, HtmlList lists, long run) {
    this.out = out;
    this.lists = lists;
    this.run = run;
    this.json = "evident report " + run + " --format json";
  }

  void flaky(FlakyAndSuspicious f) {
    out.append("<section id=\"flaky\"><h2>Flaky, quarantined and suspicious tests</h2>\n<ul>");
    out.append("<li>Failed, then passed on a rerun in run ").append(run).append(": ");
    out.append(Numbers.count(f.flakyInRun().size(), "test", "tests")).append("</li>");
    out.append("<li>Scored flaky over ").append(Html.esc(Md.runs(f.window()))).append(": ");
    out.append(Numbers.count(f.flakyTests().size())).append(" of ");
    out.append(Numbers.count(f.scored())).append(" tests</li>");
    out.append("<li>Quarantined among the failed and errored tests of run ").append(run);
    out.append(": ").append(Numbers.count(f.quarantinedFailures())).append("</li>");
    out.append("<li>Suspicious in ").append(Html.esc(Md.runs(f.suspectRuns()))).append(": ");
    out.append(Numbers.count(f.suspects().size(), "flag", "flags")).append("</li></ul>\n");
    if (!f.flakyInRun().isEmpty()) {
      out.append("<h3>Flaky in run ").append(run).append("</h3>\n");
      lists.table(
          out,
          List.of(Column.code("test")),
          f.flakyInRun().stream().map(t -> new Row("flaky", t)).toList(),
          json);
    }
    if (!f.flakyTests().isEmpty()) {
      out.append("<h3>Scored flaky</h3>\n");
      List<Row> rows = new ArrayList<>();
      for (FlakyTest t : f.flakyTests()) {
        rows.add(
            new Row(
                "flaky",
                t.test(),
                String.format(Locale.ROOT, "%.2f", t.score()),
                Numbers.count(t.runs()),
                String.join("; ", t.reasons()),
                t.quarantine()));
      }
      lists.table(
          out,
          List.of(
              Column.code("test"),
              Column.number("score"),
              Column.number("runs"),
              Column.text("why"),
              Column.text("quarantine")),
          rows,
          json);
    }
    if (!f.quarantined().isEmpty()) {
      out.append("<h3>Quarantined failures</h3>\n");
      List<Row> rows = new ArrayList<>();
      new TreeMap<>(f.quarantined()).forEach((t, why) -> rows.add(new Row("", t, why)));
      lists.table(out, List.of(Column.code("test"), Column.text("reason")), rows, json);
    }
    if (!f.suspects().isEmpty()) {
      out.append("<h3>Suspicious</h3>\n");
      List<Row> rows = new ArrayList<>();
      for (Suspect s : f.suspects()) {
        rows.add(new Row("", s.kind(), s.subject(), s.reason()));
      }
      lists.table(
          out,
          List.of(Column.code("flag"), Column.code("concerns"), Column.text("why")),
          rows,
          json);
    }
    out.append("</section>\n");
  }

  void progress(ProgressSection p) {
    out.append("<section id=\"progress\"><h2>Progress toward targets (")
        .append(Html.esc(Md.runs(p.runs())))
        .append(")</h2>\n<p>")
        .append(Numbers.count(p.met()))
        .append(" of ")
        .append(Numbers.count(p.withTarget()))
        .append(" categories with a target meet it (")
        .append(Html.esc(p.config()))
        .append(").</p>\n");
    List<Row> rows = new ArrayList<>();
    for (CategoryLine c : p.categories()) {
      rows.add(
          new Row(
              "",
              c.name(),
              Numbers.count(c.counts().passed() + c.counts().flaky())
                  + " of "
                  + Numbers.count(c.counts().executed()),
              c.first() == null
                  ? ""
                  : Numbers.count(c.first().passed() + c.first().flaky())
                      + " of "
                      + Numbers.count(c.first().executed()),
              c.checks().isEmpty() ? "(no target)" : ReportHistorySections.target(c.checks()),
              c.checks().isEmpty() ? "" : c.met() ? "met" : "not met"));
    }
    lists.table(
        out,
        List.of(
            Column.code("category"),
            Column.number("passed now"),
            Column.number("passed first"),
            Column.text("target"),
            Column.text("")),
        rows,
        json);
    out.append("</section>\n");
  }

  void slowest(Slowest s) {
    out.append("<section id=\"slowest\"><h2>Slowest tests and time per suite (")
        .append(Html.esc(Md.runs(s.runs())))
        .append(")</h2>\n<p>Known durations: ")
        .append(Numbers.count(s.timed()))
        .append(" of ")
        .append(Numbers.count(s.executed()))
        .append(" executed tests, ")
        .append(ReportHtml.time(s.totalMicros()))
        .append(" in all.</p>\n");
    List<Row> tests = new ArrayList<>();
    for (TimedTest t : s.tests()) {
      tests.add(
          new Row(
              ReportHtml.kind(t.outcome()),
              t.test(),
              t.outcome().name(),
              ReportHtml.time(t.micros()),
              Numbers.percent(t.micros(), s.totalMicros())));
    }
    List<Column> columns =
        List.of(
            Column.code("test"),
            Column.text("outcome"),
            Column.number("time"),
            Column.number("share of known time"));
    lists.table(out, columns, tests, json);
    List<Row> suites = new ArrayList<>();
    for (SuiteTime t : s.suites()) {
      suites.add(
          new Row(
              "",
              t.suite(),
              Numbers.count(t.tests()),
              ReportHtml.time(t.micros()),
              Numbers.percent(t.micros(), s.totalMicros())));
    }
    lists.table(
        out,
        List.of(
            Column.code("suite"),
            Column.number("tests"),
            Column.number("time"),
            Column.number("share of known time")),
        suites,
        json);
    out.append("</section>\n");
  }

  void allTests(List<TestRow> tests) {
    out.append("<section id=\"all-tests\"><h2>Every test of run ").append(run).append(" (");
    out.append(Numbers.count(tests.size())).append(")</h2>\n");
    List<Row> rows = new ArrayList<>(tests.size());
    for (TestRow t : tests) {
      String kind = ReportHtml.kind(t.outcome());
      rows.add(new Row(kind, t.test(), kind, ReportHtml.time(t.micros())));
    }
    lists.table(
        out,
        List.of(Column.code("test"), Column.text("outcome"), Column.number("time")),
        rows,
        "evident report " + run + " --format ctrf (or junit)");
    out.append("</section>\n");
  }
}
