package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.report.ReportPage.TrendPoint;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The HTML report's trend charts as inline SVG, drawn on the server: pass rate, executed tests and
 * test time over the runs of the trend, one point per run (a run with no executed test has no pass
 * rate and leaves a gap), each point with a tooltip naming its run and value.
 */
final class TrendSvg {

  private static final int W = 360;
  private static final int H = 140;
  private static final int LEFT = 56;
  private static final int RIGHT = 10;
  private static final int TOP = 12;
  private static final int BOTTOM = 26;

  private TrendSvg() {}

  static void charts(StringBuilder out, List<TrendPoint> trend) {
    out.append("<div class=\"charts\">\n");
    chart(
        out,
        "Pass rate (passed of executed)",
        trend,
        p -> {
          Counts c = p.counts();
          return c.executed() == 0 ? null : 100.0 * (c.passed() + c.flaky()) / c.executed();
        },
        v -> String.format(Locale.ROOT, "%.1f%%", v),
        true);
    chart(
        out,
        "Executed tests",
        trend,
        p -> (double) p.counts().executed(),
        v -> Numbers.count(Math.round(v)),
        false);
    chart(
        out,
        "Test time (sum of known durations)",
        trend,
        p -> p.testMicros() / 1e6,
        v -> Numbers.duration(Duration.ofMillis(Math.round(v * 1000))),
        false);
    out.append("</div>\n");
  }

  private static void chart(
      StringBuilder out,
      String title,
      List<TrendPoint> trend,
      Function<TrendPoint, Double> value,
      Function<Double, String> label,
      boolean percent) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (TrendPoint p : trend) {
      Double v = value.apply(p);
      if (v != null) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    out.append("<figure class=\"chart\"><figcaption>").append(Html.esc(title));
    out.append("</figcaption>\n<svg viewBox=\"0 0 ").append(W).append(' ').append(H);
    out.append("\" width=\"").append(W).append("\" height=\"").append(H);
    out.append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">");
    if (min == Double.MAX_VALUE) {
      out.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2);
      out.append("\" text-anchor=\"middle\">no value</text></svg></figure>\n");
      return;
    }
    if (percent) {
      max = 100;
      min = Math.min(min, 100) >= 90 ? 90 : 0;
    } else {
      min = 0;
      max = max <= 0 ? 1 : max;
    }
    int x0 = LEFT;
    int x1 = W - RIGHT;
    int y0 = H - BOTTOM;
    int y1 = TOP;
    out.append("<line class=\"axis\" x1=\"").append(x0).append("\" y1=\"").append(y0);
    out.append("\" x2=\"").append(x1).append("\" y2=\"").append(y0).append("\"/>");
    out.append("<line class=\"grid\" x1=\"").append(x0).append("\" y1=\"").append(y1);
    out.append("\" x2=\"").append(x1).append("\" y2=\"").append(y1).append("\"/>");
    text(out, x0 - 4, y1 + 4, "end", label.apply(max));
    text(out, x0 - 4, y0 + 4, "end", label.apply(min));
    int n = trend.size();
    StringBuilder path = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < n; i++) {
      TrendPoint p = trend.get(i);
      double x = n == 1 ? (x0 + x1) / 2.0 : x0 + (x1 - x0) * i / (double) (n - 1);
      Double v = value.apply(p);
      if (v == null) {
        pen = false;
        continue;
      }
      double y = y0 - (y0 - y1) * (v - min) / (max - min);
      path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
      pen = true;
      dots.append("<circle class=\"")
          .append(p.status().name().toLowerCase(Locale.ROOT))
          .append("\" cx=\"")
          .append(fmt(x))
          .append("\" cy=\"")
          .append(fmt(y))
          .append("\" r=\"3\"><title>run ")
          .append(p.run())
          .append(" (")
          .append(p.status().name())
          .append("): ")
          .append(Html.esc(label.apply(v)))
          .append("</title></circle>");
    }
    out.append("<path d=\"").append(path.toString().strip()).append("\"/>").append(dots);
    text(out, x0, H - 8, "start", "run " + trend.get(0).run());
    text(out, x1, H - 8, "end", "run " + trend.get(n - 1).run());
    out.append("</svg></figure>\n");
  }

  private static void text(StringBuilder out, int x, int y, String anchor, String s) {
    out.append("<text x=\"").append(x).append("\" y=\"").append(y);
    out.append("\" text-anchor=\"").append(anchor).append("\">");
    out.append(Html.esc(s)).append("</text>");
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
