package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.report.StatusReport.RunRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A {@link StatusReport} as one self-contained HTML page: inline CSS and script, charts as inline
 * SVG, nothing fetched. Every section is HTML, readable without JavaScript; with it, a search box
 * and a kind filter (outcome or cause category) narrow every list, and long lists grow by "Show
 * more" from the JSON they carry (see {@link HtmlList}). The sections are the Markdown's, plus the
 * trend charts and the list of every test of the run.
 */
public final class ReportHtml {

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private ReportHtml() {}

  public static String render(StatusReport r, ReportPage page) {
    HtmlList lists = new HtmlList();
    StringBuilder body = new StringBuilder(1 << 16);
    headline(body, r);
    body.append("<section id=\"trend\"><h2>Trend: ")
        .append(Html.esc(Md.runs(page.trend().stream().map(ReportPage.TrendPoint::run).toList())))
        .append(" of ")
        .append(Html.esc(r.run().project()))
        .append("</h2>\n");
    if (!page.trend().isEmpty()) {
      TrendSvg.charts(body, page.trend());
    }
    body.append("</section>\n");
    HtmlSections s = new HtmlSections(body, lists, r.run().id());
    s.change(r.change());
    if (r.headline().environmentFirst() || !r.notExecuted().errors().isEmpty()) {
      s.notExecuted(r.notExecuted());
      s.rootCauses(r.rootCauses());
    } else {
      s.rootCauses(r.rootCauses());
      s.notExecuted(r.notExecuted());
    }
    s.nextSteps(r.nextSteps());
    HtmlHistorySections h = new HtmlHistorySections(body, lists, r.run().id());
    h.flaky(r.flaky());
    if (r.progress() != null) {
      h.progress(r.progress());
    }
    h.slowest(r.slowest());
    h.allTests(page.tests());
    List<Long> all = r.change().runs().isEmpty() ? List.of(r.run().id()) : r.change().runs();
    body.append("<footer>evident report of ")
        .append(Html.esc(Md.runs(all)))
        .append(", generated ")
        .append(ReportMarkdown.WHEN.format(r.generated()))
        .append(". Every number is counted from the stored results of the runs named.</footer>\n");

    StringBuilder out = new StringBuilder(body.length() + CSS.length() + JS.length() + 4096);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Evident report: run ")
        .append(r.run().id())
        .append(" of ")
        .append(Html.esc(r.run().project()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style></head>\n<body>\n");
    filters(out, lists);
    out.append("<main>\n").append(body).append("</main>\n<script>\n").append(JS);
    out.append("</script>\n</body></html>\n");
    return out.toString();
  }

  /** The search box and kind filter: hidden until the script shows them. */
  private static void filters(StringBuilder out, HtmlList lists) {
    out.append("<form id=\"filters\" hidden role=\"search\" onsubmit=\"return false\">")
        .append("<label>Search <input id=\"q\" type=\"search\" placeholder=\"test name,")
        .append(" message, cause\" autocomplete=\"off\"></label> ")
        .append("<label>Kind <select id=\"kind\"><option value=\"\">any outcome or cause")
        .append("</option>");
    for (String kind : lists.kinds()) {
      out.append("<option value=\"")
          .append(Html.esc(kind))
          .append("\">")
          .append(Html.esc(kind))
          .append("</option>");
    }
    out.append("</select></label> <span id=\"matches\"></span></form>\n");
  }

  private static void headline(StringBuilder out, StatusReport r) {
    RunRef run = r.run();
    out.append("<header><h1>Evident report: run ")
        .append(run.id())
        .append(" of ")
        .append(Html.esc(run.project()))
        .append("</h1>\n<p class=\"statement ")
        .append(run.status().name().toLowerCase(java.util.Locale.ROOT))
        .append("\">")
        .append(Html.esc(r.headline().statement()))
        .append("</p>\n");
    if (r.headline().environmentFirst()) {
      out.append("<p class=\"environment\"><strong>Environment problem:</strong> ")
          .append(Html.esc(r.headline().environment()))
          .append("</p>\n");
    }
    out.append("<p>").append(Html.esc(describe(run)));
    if (!run.ciUrl().isEmpty() && run.ciUrl().matches("(?i)https?://.*")) {
      out.append(" · <a href=\"").append(Html.esc(run.ciUrl())).append("\">CI job</a>");
    }
    out.append("</p>\n");
    Counts c = r.headline().counts();
    out.append("<table class=\"counts\"><thead><tr>");
    for (String h : List.of("collected", "executed", "passed", "failed", "errored", "skipped")) {
      out.append("<th class=\"num\">").append(h).append("</th>");
    }
    out.append("<th class=\"num\">flaky</th></tr></thead><tbody><tr>");
    for (long n :
        new long[] {
          c.collected(), c.executed(), c.passed(), c.failed(), c.errored(), c.skipped(), c.flaky()
        }) {
      out.append("<td class=\"num\">").append(Numbers.count(n)).append("</td>");
    }
    out.append("</tr></tbody></table>\n<p>");
    if (c.executed() > 0) {
      long passed = c.passed() + c.flaky();
      out.append("Passed: ")
          .append(Numbers.count(passed))
          .append(" of ")
          .append(Numbers.count(c.executed()))
          .append(" executed tests (")
          .append(Numbers.percent(passed, c.executed()))
          .append(c.flaky() > 0 ? ", " + Numbers.count(c.flaky()) + " of them only on a rerun" : "")
          .append(").");
    } else {
      out.append("No test executed: there is no pass rate.");
    }
    out.append("</p></header>\n");
  }

  /** "Run 12 · FAILED · commit abc on main · started ... · tests ran 30 s". */
  static String describe(RunRef run) {
    StringBuilder s = new StringBuilder("Run ").append(run.id()).append(" · ");
    s.append(run.status().name());
    if (!run.commit().isEmpty()) {
      s.append(" · commit ").append(run.commit(), 0, Math.min(12, run.commit().length()));
    }
    if (!run.branch().isEmpty()) {
      s.append(" on ").append(run.branch());
    }
    s.append(" · started ").append(ReportMarkdown.WHEN.format(run.started()));
    if (run.durationMillis() >= 0) {
      s.append(" · tests ran ").append(Numbers.duration(Duration.ofMillis(run.durationMillis())));
    }
    return s.toString();
  }

  static String kind(Outcome o) {
    return o == null ? "" : o.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A duration in microseconds as people read it ({@code 12 µs}, {@code 30 ms}, {@code 1.50 s}),
   * empty when unknown; without String.format below a minute, as every test of a run has one.
   */
  static String time(long micros) {
    if (micros < 0) {
      return "";
    }
    if (micros > 0 && micros < 1000) {
      return micros + " µs";
    }
    long ms = micros / 1000;
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      long cs = (ms + 5) / 10;
      long frac = cs % 100;
      return cs / 100 + (frac < 10 ? ".0" : ".") + frac + " s";
    }
    return Numbers.duration(Duration.ofMillis(ms));
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trend charts alone (inline SVG, classes styled by the page), for the server's web UI. */
  public static String trendCharts(java.util.List<ReportPage.TrendPoint> trend) {
    StringBuilder out = new StringBuilder();
    if (!trend.isEmpty()) {
      TrendSvg.charts(out, trend);
    }
    return out.toString();
  }
}
