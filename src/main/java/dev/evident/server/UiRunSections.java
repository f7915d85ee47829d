package dev.evident.server;

import static dev.evident.server.UiData.list;
import static dev.evident.server.UiData.map;
import static dev.evident.server.UiData.num;
import static dev.evident.server.UiData.of;
import static dev.evident.server.UiData.str;

import dev.evident.service.ServerQueries;
import java.util.List;
import java.util.Map;

/** The sections of the run page below its summary, each from the JSON the API answers. */
final class UiRunSections {

  private UiRunSections() {}

  static void causes(Html body, Map<String, Object> diagnosis) {
    List<Object> groups = list(diagnosis, "groups");
    long failures = num(diagnosis, "failures");
    body.el(
        "h2",
        "Root causes ("
            + groups.size()
            + (groups.size() == 1 ? " group" : " groups")
            + " of "
            + failures
            + " failures)");
    String env = str(diagnosis, "environmentProblem");
    if (!env.isEmpty()) {
      body.el("p", "Environment problem: " + env, "class", "environment");
    }
    if (groups.isEmpty()) {
      body.el("p", "No failures to group.");
      return;
    }
    body.raw("<table class=\"causes\">");
    body.head("Tests", "Cause", "Message", "What to do", "Tests in the group");
    body.raw("<tbody>");
    for (Object g : groups) {
      long count = num(g, "count");
      StringBuilder tests = new StringBuilder();
      List<Object> shown = list(g, "tests");
      for (Object t : shown) {
        tests.append(UiRunPage.testName(t)).append('\n');
      }
      if (count > shown.size()) {
        tests.append("… and ").append(count - shown.size()).append(" more");
      }
      body.row(
          of(count, failures, "failures"),
          str(g, "category") + " (" + str(g, "group") + ")",
          str(g, "message"),
          str(g, "remediation"),
          tests.toString().strip());
    }
    body.raw("</tbody></table>");
    List<Object> steps = list(diagnosis, "nextSteps");
    if (!steps.isEmpty()) {
      body.el("h3", "Next steps");
      body.raw("<ol class=\"steps\">");
      for (Object s : steps) {
        body.el("li", str(s, "action") + " (" + num(s, "tests") + " tests)");
      }
      body.raw("</ol>");
    }
  }

  static void failures(Html body, Map<String, Object> run) {
    List<Object> failures = list(run, "failures");
    long total = Math.max(num(run, "totalFailures"), failures.size());
    body.el("h2", "Failures (" + total + ")");
    if (failures.isEmpty()) {
      body.el("p", "No test failed or errored.");
      return;
    }
    body.raw("<table class=\"failures\">");
    body.head("Test", "Outcome", "Type", "Message");
    body.raw("<tbody>");
    int shown = 0;
    for (Object f : failures) {
      if (shown++ == UiRunPage.SHOWN) {
        break;
      }
      String quarantined = str(f, "quarantined");
      body.open("tr", "data-k", str(f, "outcome").toLowerCase());
      body.el("td", UiRunPage.testName(f));
      body.el(
          "td",
          str(f, "outcome") + (quarantined.isEmpty() ? "" : " (quarantined: " + quarantined + ")"));
      body.el("td", str(f, "type"));
      body.el("td", str(f, "message"), "class", "code");
      body.close("tr");
    }
    body.raw("</tbody></table>");
    if (total > UiRunPage.SHOWN) {
      body.el(
          "p",
          "Showing "
              + UiRunPage.SHOWN
              + " of "
              + total
              + " failures; the JSON API"
              + " lists them all.",
          "class",
          "rest");
    }
  }

  static void runErrors(Html body, Map<String, Object> run) {
    List<Object> errors = list(run, "runErrors");
    if (errors.isEmpty()) {
      return;
    }
    body.el("h2", "Errors outside tests (" + errors.size() + ")");
    body.raw("<table class=\"errors\">");
    body.head("Kind", "Where", "Message", "File");
    body.raw("<tbody>");
    for (Object e : errors) {
      String file = str(e, "file");
      body.row(
          str(e, "kind").toLowerCase(),
          str(e, "scope"),
          str(e, "message"),
          file.isEmpty() ? "" : file + ":" + str(e, "line"));
    }
    body.raw("</tbody></table>");
  }

  static void notExecuted(Html body, Map<String, Object> run, ServerQueries.Page skipped) {
    Map<String, Object> c = map(run, "counts");
    long collected = num(c, "collected");
    long notRun = collected - num(c, "executed");
    body.el("h2", "Not executed (" + of(notRun, collected, "collected") + ")");
    if (notRun == 0 && skipped.total() == 0) {
      body.el("p", "Every collected test executed.");
      return;
    }
    if (!list(run, "runErrors").isEmpty()) {
      body.el(
          "p",
          "Errors outside tests (above) may have kept tests from being collected at"
              + " all; those are not counted here.");
    }
    tests(body, "Skipped tests (" + skipped.total() + ")", skipped);
  }

  static void flaky(Html body, ServerQueries.Page flaky) {
    body.el("h2", "Flaky in this run (" + flaky.total() + ")");
    if (flaky.total() == 0) {
      body.el("p", "No test failed and then passed on a rerun.");
      return;
    }
    tests(body, null, flaky);
  }

  private static void tests(Html body, String caption, ServerQueries.Page page) {
    if (caption != null) {
      body.el("h3", caption);
    }
    body.raw("<table class=\"tests\">");
    body.head("Test", "Outcome");
    body.raw("<tbody>");
    for (Object t : page.items()) {
      body.row(UiRunPage.testName(t), str(t, "outcome"));
    }
    body.raw("</tbody></table>");
    if (page.total() > page.items().size()) {
      body.el("p", "Showing " + page.items().size() + " of " + page.total() + ".", "class", "rest");
    }
  }

  static void suspicious(Html body, Map<String, Object> report) {
    List<Object> flags = list(report, "suspicious");
    body.el("h2", "Suspicious (" + flags.size() + ")");
    if (flags.isEmpty()) {
      body.el("p", "Nothing looks tested without being tested.");
    } else {
      body.raw("<table class=\"suspicious\">");
      body.head("Kind", "Suite or test", "Why");
      body.raw("<tbody>");
      for (Object f : flags) {
        Object test = ((Map<?, ?>) f).get("test");
        body.row(
            str(f, "kind"),
            test == null ? str(f, "suite") : UiRunPage.testName(test),
            str(f, "reason"));
      }
      body.raw("</tbody></table>");
    }
    List<Object> notes = list(report, "notes");
    if (!notes.isEmpty()) {
      body.raw("<ul class=\"notes\">");
      for (Object n : notes) {
        body.el("li", n);
      }
      body.raw("</ul>");
    }
  }
}
