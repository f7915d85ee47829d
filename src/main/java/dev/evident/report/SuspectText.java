package dev.evident.report;

import dev.evident.model.SuspectReport;
import dev.evident.model.Suspicion;
import java.util.List;

/**
 * The text of {@code evident suspicious}: flags by kind, each with its reason, then what was
 * checked.
 */
public final class SuspectText {

  private SuspectText() {}

  /** Renders a report, listing at most {@code perKind} flags of each kind (all are counted). */
  public static String render(SuspectReport report, int perKind) {
    StringBuilder out = new StringBuilder();
    List<Suspicion> all = report.suspicions();
    out.append("Suspicious tests in run ")
        .append(report.run().id())
        .append(" (project ")
        .append(report.run().project())
        .append("): ")
        .append(all.isEmpty() ? "nothing found" : summary(report))
        .append('\n');
    for (Suspicion.Kind kind : Suspicion.Kind.values()) {
      List<Suspicion> flags = all.stream().filter(s -> s.kind() == kind).toList();
      if (flags.isEmpty()) {
        continue;
      }
      out.append('\n').append(title(kind)).append(" (").append(flags.size()).append("):\n");
      for (Suspicion s : flags.subList(0, Math.min(perKind, flags.size()))) {
        out.append("  ").append(s.subject()).append(": ").append(s.reason()).append('\n');
      }
      if (flags.size() > perKind) {
        out.append("  ... and ")
            .append(Numbers.count(flags.size() - perKind))
            .append(" more (--max N to list more, --json for all)\n");
      }
    }
    out.append("\nChecked:\n");
    for (String note : report.notes()) {
      out.append("  ").append(note).append('\n');
    }
    return out.toString();
  }

  private static String summary(SuspectReport report) {
    StringBuilder s = new StringBuilder();
    s.append(Numbers.count(report.suspicions().size(), "flag", "flags")).append(" (");
    String sep = "";
    for (Suspicion.Kind kind : Suspicion.Kind.values()) {
      long n = report.count(kind);
      if (n > 0) {
        s.append(sep).append(Numbers.count(n)).append(' ').append(kind.id());
        sep = ", ";
      }
    }
    return s.append(')').toString();
  }

  private static String title(Suspicion.Kind kind) {
    return switch (kind) {
      case SKIP_RATIO_JUMP -> "Share of skipped tests jumped";
      case SUITE_NOT_EXECUTED -> "Suites collected but not executed";
      case INSTANT_INTEGRATION_TEST -> "Integration tests that passed in about no time";
      case ALWAYS_SKIPPED -> "Tests always skipped";
    };
  }
}
