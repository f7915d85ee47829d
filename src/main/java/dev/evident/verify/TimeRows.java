package dev.evident.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Count tables whose rows are runs in time order: "| Sprint | Tests | Passing | Failing |" with a
 * row per sprint, "| Week | ... |", "| Build | ... |". The last row is the latest run and the row
 * before it the baseline, both about the whole run; earlier rows are history no stored run speaks
 * to, and keep their labels.
 */
final class TimeRows {

  private static final Pattern TIME_HEADER =
      Pattern.compile(
          "(?i)(sprint|week|run|build|release|version|nightly|iteration|milestone|date|day"
              + "|checkpoint|ckpt|commit)s?");

  private TimeRows() {}

  /** The claims of a count table, with its last two rows read as the baseline and latest run. */
  static void apply(TableBlock table, int subjectColumn, List<Claim> claims) {
    if (subjectColumn < 0
        || !TIME_HEADER
            .matcher(table.header().get(subjectColumn).replaceAll("[*_`]", "").strip())
            .matches()
        || table.rows().size() < 2
        || claims.size() < 2) {
      return;
    }
    List<TableBlock.Row> rows = table.rows();
    int last = claims.size() - 1;
    if (claims.get(last).line() != rows.get(rows.size() - 1).line()
        || claims.get(last - 1).line() != rows.get(rows.size() - 2).line()) {
      return;
    }
    Claim now = claims.get(last);
    Claim then = claims.get(last - 1);
    claims.set(last, withSubject(now, now.stated(), List.of()));
    claims.set(last - 1, withSubject(then, List.of(), then.stated()));
  }

  private static Claim withSubject(Claim c, List<Quantity> stated, List<Quantity> before) {
    return new Claim(c.line(), c.text(), c.kind(), "", stated, before, null, null, false, false);
  }
}
