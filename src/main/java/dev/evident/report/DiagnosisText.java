package dev.evident.report;

import dev.evident.model.CauseGroup;
import dev.evident.model.Diagnosis;
import dev.evident.model.RunDiagnosis;
import dev.evident.model.RunQuarantine;
import dev.evident.model.SeenBefore;
import dev.evident.model.TestId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The plain-text diagnosis that {@code evident diagnose} prints. */
public final class DiagnosisText {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DiagnosisText() {}

  public static String render(RunDiagnosis d, int maxGroups) {
    return render(d, maxGroups, RunQuarantine.NONE);
  }

  /** With the quarantined tests among the failures named and marked in their groups. */
  public static String render(RunDiagnosis d, int maxGroups, RunQuarantine quarantine) {
    StringBuilder out = new StringBuilder();
    out.append("Diagnosis of run ")
        .append(d.run().id())
        .append(" · project ")
        .append(d.run().project())
        .append('\n');
    out.append(StatusLine.of(d.run(), quarantine)).append('\n');
    if (!d.environment().isEmpty()) {
      out.append('\n').append("Environment problem: ").append(d.environment()).append('\n');
    }
    quarantined(out, d, quarantine);
    if (!d.runErrors().isEmpty()) {
      out.append('\n').append("Errors outside tests (").append(d.runErrors().size()).append("):\n");
      for (RunDiagnosis.DiagnosedError e : d.runErrors()) {
        out.append("  ")
            .append(e.diagnosis().category().id())
            .append(" · ")
            .append(e.error().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (!e.error().scope().isEmpty()) {
          out.append(' ').append(e.error().scope());
        }
        out.append('\n');
        cause(out, e.diagnosis(), "    ");
      }
    }
    if (d.groups().isEmpty() && d.runErrors().isEmpty()) {
      out.append('\n').append("No failures to diagnose.\n");
      return out.toString();
    }
    if (!d.groups().isEmpty()) {
      out.append('\n')
          .append("Causes (")
          .append(Numbers.count(d.groups().size(), "group", "groups"))
          .append(" for ")
          .append(Numbers.count(d.failures(), "failed test", "failed tests"))
          .append(", by tests affected):\n");
      int shown = 0;
      for (CauseGroup g : d.groups()) {
        if (shown++ == maxGroups) {
          int rest = d.groups().size() - maxGroups;
          long tests =
              d.groups().subList(maxGroups, d.groups().size()).stream()
                  .mapToLong(CauseGroup::count)
                  .sum();
          out.append("  and ")
              .append(Numbers.count(rest, "more group", "more groups"))
              .append(" with ")
              .append(Numbers.count(tests, "test", "tests"))
              .append(" (--max-groups or --json)\n");
          break;
        }
        group(out, shown, g, quarantine);
      }
    }
    if (!d.nextSteps().isEmpty()) {
      out.append('\n').append("Next steps (by tests they would unblock):\n");
      int n = 1;
      for (RunDiagnosis.NextStep s : d.nextSteps()) {
        out.append(String.format(Locale.ROOT, "  %d. %s", n++, s.action()));
        out.append(
            s.tests() >= 0
                ? "  (" + Numbers.count(s.tests(), "test", "tests") + ")"
                : s.blocked().isEmpty()
                    ? "  (blocks the whole run)"
                    : "  (kept " + blockedScopes(s.blocked()) + " from running)");
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String blockedScopes(List<String> scopes) {
    return scopes.size() <= 3
        ? String.join(", ", scopes)
        : String.join(", ", scopes.subList(0, 3)) + " and " + (scopes.size() - 3) + " more";
  }

  private static void quarantined(StringBuilder out, RunDiagnosis d, RunQuarantine quarantine) {
    if (quarantine.reasons().isEmpty()) {
      return;
    }
    out.append('\n')
        .append("Quarantined (known failures, evident quarantine list): ")
        .append(Numbers.count(quarantine.reasons().size()))
        .append(" of ")
        .append(Numbers.count(d.failures(), "failed test", "failed tests"))
        .append('\n');
    quarantine.reasons().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TestId::toString)))
        .limit(10)
        .forEach(
            e ->
                out.append("  ")
                    .append(e.getKey())
                    .append(e.getValue().isEmpty() ? "" : ": " + e.getValue())
                    .append('\n'));
    if (quarantine.reasons().size() > 10) {
      out.append("  and ")
          .append(Numbers.count(quarantine.reasons().size() - 10))
          .append(" more\n");
    }
  }

  private static void group(StringBuilder out, int n, CauseGroup g, RunQuarantine quarantine) {
    Diagnosis d = g.diagnosis();
    out.append(
        String.format(
            Locale.ROOT,
            "%3d. %s · %s · confidence %.2f · group %s%n",
            n,
            d.category().id(),
            Numbers.count(g.count(), "test", "tests"),
            d.confidence(),
            g.id().substring(0, Math.min(8, g.id().length()))));
    out.append("     ").append(truncate(g.message())).append('\n');
    if (!g.labelSource().isEmpty()) {
      out.append("     cause: ").append(g.labelSource()).append('\n');
    }
    cause(out, d, "     ");
    if (g.seen() != null) {
      out.append("     ").append(seen(g.seen())).append('\n');
    }
    List<TestId> tests = g.tests();
    out.append("     tests: ")
        .append(
            tests.stream()
                .limit(3)
                .map(t -> quarantine.reasons().containsKey(t) ? t + " (quarantined)" : t.toString())
                .collect(Collectors.joining(", ")));
    if (g.count() > Math.min(3, tests.size())) {
      out.append(", and ")
          .append(Numbers.count(g.count() - Math.min(3, tests.size())))
          .append(" more");
    }
    out.append('\n');
  }

  private static void cause(StringBuilder out, Diagnosis d, String indent) {
    if (!d.evidence().isEmpty()) {
      out.append(indent).append("evidence: ").append(truncate(d.evidence())).append('\n');
    }
    if (!d.entities().isEmpty()) {
      out.append(indent).append("entities: ").append(entities(d.entities())).append('\n');
    }
    if (!d.remediation().isEmpty()) {
      out.append(indent).append("what to do: ").append(d.remediation()).append('\n');
    }
  }

  private static String entities(Map<String, String> entities) {
    return new java.util.TreeMap<>(entities)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  /** "seen before in run 12 (7 times since 2026-11-02)". */
  public static String seen(SeenBefore s) {
    String since =
        s.runs() == 1
            ? "once, on " + DATE.format(s.firstSeen())
            : s.runs() + " runs since " + DATE.format(s.firstSeen());
    return "seen before in run " + s.lastRun() + " (" + since + ")";
  }

  private static String truncate(String s) {
    String line = s.strip();
    return line.length() <= 200 ? line : line.substring(0, 197) + "...";
  }

  /**
   * The one line {@code show} prints about the top causes: "Top causes: service_unavailable 198
   * tests (Connection refused ...), assertion_failure 12 tests".
   */
  public static String topCauses(RunDiagnosis d, int max) {
    if (d.groups().isEmpty()) {
      return "";
    }
    StringBuilder line = new StringBuilder("Top causes: ");
    int n = 0;
    for (CauseGroup g : d.groups()) {
      if (n++ == max) {
        line.append(", ...");
        break;
      }
      if (n > 1) {
        line.append(", ");
      }
      line.append(g.category().id()).append(' ').append(Numbers.count(g.count(), "test", "tests"));
      if (n == 1) {
        String m = g.message().strip();
        line.append(" (").append(m.length() <= 80 ? m : m.substring(0, 77) + "...").append(')');
      }
    }
    return line.append("  (evident diagnose)").toString();
  }
}
