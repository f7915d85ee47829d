package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a stated change in one sentence: "0/18 → 1/18", "from 12 to 18", "up from 12", "20x
 * improvement", "∞%", "improved by 50%".
 *
 * @param start where the change is stated
 * @param end where it ends
 * @param from the number before, or null ("up from 12": 12)
 * @param fromOf the denominator before ("0/18": 18), or null
 * @param to the number after, or null when the sentence's count gives it ("18 passing, up from 12")
 * @param toOf the denominator after, or null
 * @param factor the stated factor ("20x"; infinity for "∞%"; 1.5 for "50% improvement"; 1/3.7 for
 *     "3.7x reduction"), or null
 * @param fixed whether it is "fixed N failing tests": at least N failed before (the tests fixed may
 *     be fewer than those that failed), and no number after
 */
record ChangeParser(
    int start,
    int end,
    Double from,
    Double fromOf,
    Double to,
    Double toOf,
    Double factor,
    boolean fixed,
    boolean percent) {

  /** The change a sentence states, or null. */
  static ChangeParser parse(String s) {
    Double factor = null;
    int start = Integer.MAX_VALUE;
    int end = -1;
    Matcher percents = ChangePatterns.PERCENTS.matcher(s);
    if (percents.find()) {
      return new ChangeParser(
          percents.start(),
          percents.end(),
          num(percents.group(1)),
          null,
          num(percents.group(2)),
          null,
          null,
          false,
          true);
    }
    Matcher rateThen = ChangePatterns.RATE_THEN_FROM.matcher(s);
    if (rateThen.find()) {
      return new ChangeParser(
          rateThen.start(),
          rateThen.end(),
          num(rateThen.group(2)),
          null,
          num(rateThen.group(1)),
          null,
          null,
          false,
          true);
    }
    Matcher rateUp = ChangePatterns.RATE_UP_FROM.matcher(s);
    if (rateUp.find()) {
      return new ChangeParser(
          rateUp.start(), rateUp.end(), num(rateUp.group(1)), null, null, null, null, false, true);
    }
    Matcher factorFrom = ChangePatterns.FACTOR_FROM.matcher(s);
    if (factorFrom.find()) {
      return new ChangeParser(
          factorFrom.start(),
          factorFrom.end(),
          num(factorFrom.group(2)),
          num(factorFrom.group(3)),
          null,
          null,
          Double.parseDouble(factorFrom.group(1)),
          false,
          false);
    }
    Matcher fixedOf = ChangePatterns.FIXED_OF.matcher(s);
    if (fixedOf.find()) {
      return new ChangeParser(
          fixedOf.start(),
          fixedOf.end(),
          num(fixedOf.group(2)),
          null,
          num(fixedOf.group(3)),
          null,
          null,
          true,
          false);
    }
    Matcher fixed = ChangePatterns.FIXED.matcher(s);
    if (fixed.find()) {
      // "fixed 2 of its 3 failing tests": 3 failed before.
      Double before = num(fixed.group(2) != null ? fixed.group(2) : fixed.group(1));
      return new ChangeParser(
          fixed.start(), fixed.end(), before, null, null, null, null, true, false);
    }
    Matcher fixedAfter = ChangePatterns.FIXED_AFTER.matcher(s);
    if (fixedAfter.find()) {
      String n = fixedAfter.group(1) != null ? fixedAfter.group(1) : fixedAfter.group(2);
      return new ChangeParser(
          fixedAfter.start(), fixedAfter.end(), num(n), null, null, null, null, true, false);
    }
    Matcher f = ChangePatterns.FACTOR.matcher(s);
    Matcher down = ChangePatterns.FACTOR_DOWN.matcher(s);
    Matcher word = ChangePatterns.FACTOR_WORD.matcher(s);
    if (word.find()) {
      String w = word.group(1).toLowerCase(java.util.Locale.ROOT);
      factor =
          w.startsWith("doubl")
              ? 2.0
              : w.startsWith("tripl") ? 3.0 : w.startsWith("quad") ? 4 : 0.5;
      start = word.start();
      end = word.end();
    } else if (down.find() && Double.parseDouble(down.group(1)) > 0) {
      factor = 1 / Double.parseDouble(down.group(1));
      start = down.start();
      end = down.end();
    } else if (f.find()) {
      factor = Double.parseDouble(f.group(1) != null ? f.group(1) : f.group(2));
      start = f.start();
      end = f.end();
    } else {
      Matcher inf = ChangePatterns.INFINITE.matcher(s);
      if (inf.find()) {
        factor = Double.POSITIVE_INFINITY;
        start = inf.start();
        end = inf.end();
      } else {
        Matcher p = ChangePatterns.PERCENT.matcher(s);
        Matcher pd = ChangePatterns.PERCENT_DOWN.matcher(s);
        if (pd.find()) {
          String pct =
              pd.group(1) != null
                  ? pd.group(1)
                  : pd.group(2) != null
                      ? pd.group(2)
                      : pd.group(3) != null ? pd.group(3) : pd.group(4);
          factor = 1 - Double.parseDouble(pct) / 100; // "87 → 80, a drop of 9%"
          start = pd.start();
          end = pd.end();
        } else if (p.find()) {
          String pct =
              p.group(1) != null ? p.group(1) : p.group(2) != null ? p.group(2) : p.group(3);
          factor = 1 + Double.parseDouble(pct) / 100; // "(+5%)" beside "from 40 to 42" too
          start = p.start();
          end = p.end();
        }
      }
    }
    for (Pattern pattern :
        new Pattern[] {ChangePatterns.ARROW, ChangePatterns.FROM_TO, ChangePatterns.BEFORE_AFTER}) {
      Matcher m = pattern.matcher(s);
      if (m.find()) {
        return new ChangeParser(
            Math.min(start, m.start()),
            Math.max(end, m.end()),
            num(m.group(1)),
            num(m.group(2)),
            num(m.group(3)),
            num(m.group(4)),
            factor,
            false,
            false);
      }
    }
    for (Pattern pattern : new Pattern[] {ChangePatterns.UP_FROM, ChangePatterns.WAS}) {
      Matcher up = pattern.matcher(s);
      if (up.find()) {
        return new ChangeParser(
            Math.min(start, up.start()),
            Math.max(end, up.end()),
            num(up.group(1)),
            num(up.group(2)),
            null,
            null,
            factor,
            false,
            false);
      }
    }
    return factor == null
        ? null
        : new ChangeParser(start, end, null, null, null, null, factor, false, false);
  }

  private static Double num(String text) {
    return text == null
        ? null
        : text.contains(".") ? Double.valueOf(text) : CountParser.number(text);
  }
}
