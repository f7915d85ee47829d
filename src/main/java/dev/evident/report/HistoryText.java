package dev.evident.report;

import dev.evident.model.Run;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Pieces the history reports (compare, trend) share: a run's one-line identity, durations. */
final class HistoryText {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private HistoryText() {}

  /**
   * A duration in microseconds: "0.4 ms", "12 ms" (rounded), "1.25 s"; "n/a" when unknown (< 0).
   */
  static String micros(long micros) {
    if (micros < 0) {
      return "n/a";
    }
    if (micros > 0 && micros < 1000) {
      return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
    if (micros < 999_500) {
      return Math.round(micros / 1000.0) + " ms";
    }
    return Numbers.duration(java.time.Duration.ofNanos(micros * 1000));
  }

  /** A signed difference of durations: "+330 ms", "-1.20 s". */
  static String microsDelta(long delta) {
    return (delta < 0 ? "-" : "+") + micros(Math.abs(delta));
  }

  /** A signed difference of counts: "+3", "-1,204". */
  static String delta(long delta) {
    return (delta < 0 ? "-" : "+") + Numbers.count(Math.abs(delta));
  }

  /** When a run's tests started, else when it was stored. */
  static String when(Run run) {
    return WHEN.format(run.started() != null ? run.started() : run.created());
  }

  /** "run 12 · 2026-11-21 11:26 UTC · git 3f2a9c1d4e5b on main". */
  static String identity(Run run) {
    StringBuilder out = new StringBuilder("run ").append(run.id());
    out.append(" · ").append(when(run)).append(" UTC");
    String commit = run.attributes().getOrDefault("git.commit", run.labels().get("commit"));
    String branch = run.branch();
    if (commit != null) {
      out.append(" · git ").append(commit, 0, Math.min(12, commit.length()));
    }
    if (branch != null) {
      out.append(commit == null ? " · branch " : " on ").append(branch);
    }
    return out.toString();
  }

  /** A part of a whole: "990 of 4,950". */
  static String of(long part, long whole) {
    return Numbers.count(part) + " of " + Numbers.count(whole);
  }

  /** A rate with both numbers: "99.7% (4,935 of 4,950)"; "n/a (0 executed)" for none. */
  static String rate(long part, long whole) {
    return whole == 0
        ? "n/a (0 executed)"
        : Numbers.percent(part, whole) + " (" + of(part, whole) + ")";
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
