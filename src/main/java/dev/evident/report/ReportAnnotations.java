package dev.evident.report;

import dev.evident.report.StatusReport.BucketTests;
import dev.evident.report.StatusReport.TestLine;

/**
 * GitHub workflow annotations for the new failures of a report: one {@code ::error} line each, with
 * file and line where the results say where the test is defined. GitHub shows at most 10 error
 * annotations of a step; the rest are counted in a {@code ::notice} line.
 */
public final class ReportAnnotations {

  /** GitHub's limit of error annotations shown per step. */
  public static final int MAX = 10;

  private ReportAnnotations() {}

  public static String render(StatusReport report) {
    StringBuilder out = new StringBuilder();
    if (report.change().base() == null) {
      out.append("::notice title=evident report::")
          .append(data("no new failures annotated: " + report.change().baseline()))
          .append('\n');
      return out.toString();
    }
    BucketTests fresh = report.change().bucket("newFailures");
    int shown = Math.min(MAX, fresh.tests().size());
    for (TestLine t : fresh.tests().subList(0, shown)) {
      out.append("::error ");
      if (t.source() != null && !t.source().file().isEmpty()) {
        out.append("file=").append(property(t.source().file()));
        if (t.source().line() > 0) {
          out.append(",line=").append(t.source().line());
        }
        out.append(',');
      }
      out.append("title=").append(property("New failure: " + t.test())).append("::");
      String message =
          (t.before() == null ? "new test" : t.before().name())
              + " in run "
              + report.change().base().id()
              + ", "
              + t.after().name()
              + " in run "
              + report.run().id()
              + (t.message().isEmpty() ? "" : ": " + t.message());
      out.append(data(message)).append('\n');
    }
    if (fresh.tests().size() > shown) {
      out.append("::notice title=evident report::")
          .append(
              data(
                  Numbers.count(fresh.tests().size() - shown)
                      + " more new failures in run "
                      + report.run().id()
                      + " (GitHub shows "
                      + MAX
                      + " error annotations per step); the report lists them"))
          .append('\n');
    }
    return out.toString();
  }

  /** A message as GitHub's workflow commands take it: %, CR and LF escaped. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: like {@link #data}, and also : and , escaped. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
