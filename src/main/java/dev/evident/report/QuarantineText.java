package dev.evident.report;

import dev.evident.model.QuarantinedTest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code evident quarantine list} prints. */
public final class QuarantineText {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private QuarantineText() {}

  /** The list; {@code project} null when it spans every project. */
  public static String list(List<QuarantinedTest> tests, String project) {
    StringBuilder out = new StringBuilder();
    String where = project == null ? "" : " in project " + project;
    if (tests.isEmpty()) {
      return "No tests in quarantine" + where + ".\n";
    }
    out.append(Numbers.count(tests.size(), "test", "tests"))
        .append(" in quarantine")
        .append(where)
        .append(" (their failures are marked, and forgiven in exit codes):\n");
    String current = null;
    for (QuarantinedTest q : tests) {
      if (project == null && !q.project().equals(current)) {
        current = q.project();
        out.append("project ").append(current).append(":\n");
      }
      out.append("  ").append(q.test()).append("  (since ").append(DATE.format(q.since()));
      if (!q.reason().isEmpty()) {
        out.append(": ").append(q.reason());
      }
      out.append(")\n");
    }
    return out.toString();
  }

  public static List<Object> json(List<QuarantinedTest> tests) {
    List<Object> list = new ArrayList<>();
    for (QuarantinedTest q : tests) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("project", q.project());
      test.put("test", q.test());
      test.put("reason", q.reason());
      test.put("since", q.since().toString());
      list.add(test);
    }
    return list;
  }
}
