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

  private static final String FRACTION = "(\\d[\\d,]*)(?:\\s*(?:/|of|out of)\\s*(\\d[\\d,]*))?";

  private static final Pattern ARROW =
      Pattern.compile(
          "(?<![\\w.,/-])"
              + FRACTION
              + "(?:\\s+(?i:failures?|failing|failed|passing|passed|pass|errors?|errored|skipped"
              + "|tests?))?\\s*(?:→|->|=>|⟶|➡️?|➔)\\s*"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)");

  /**
   * "87 of 88 passing before, 80 of 90 after": the first is the baseline, the second the latest.
   */
  private static final Pattern BEFORE_AFTER =
      Pattern.compile(
          "(?<![\\w.,/-])"
              + FRACTION
              + "(?:\\s+[A-Za-z][\\w-]*){0,3}?\\s+(?i:before|previously|earlier|yesterday"
              + "|last\\s+night|in\\s+the\\s+baseline|on\\s+`?(?:main|master|develop|trunk)`?)"
              + "(?![\\w-])[,;]?\\s+(?i:and\\s+|but\\s+|vs\\.?\\s+)?"
              + FRACTION
              + "(?:\\s+[A-Za-z][\\w-]*){0,3}?\\s+(?i:after|now|today|tonight|on\\s+(?:this|the|my"
              + "|our)\\s+(?:branch|pr)|in\\s+this\\s+pr|with\\s+this\\s+(?:change|pr))\\b");

  private static final Pattern FROM_TO =
      Pattern.compile(
          "\\bfrom\\s+"
              + FRACTION
              + "(?:\\s+[\\w-]+){0,2}?\\s+to\\s+"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern UP_FROM =
      Pattern.compile(
          "\\b(?:up|down|increased|decreased|rose|fell|improved|grew|dropped|compared\\s+(?:to|with)"
              + "|vs\\.?|versus)\\s+(?:from\\s+)?"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FACTOR =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×]\\s+(?:[\\w-]+\\s+)?(?:improvement|increase|more"
              + "|faster|better|boost|gain|growth)\\b|(?<![\\w.])(\\d+(?:\\.\\d+)?)-fold\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FACTOR_DOWN =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×]\\s+(?:[\\w-]+\\s+)?(?:reduction|fewer|less"
              + "|decrease|drop|lower)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "14x from 1/18": a factor and the number it starts from. */
  private static final Pattern FACTOR_FROM =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×]\\s+(?:[\\w-]+\\s+)?(?:from|since|over)\\s+"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  /** "Coverage: 84% (from 71%)", "82%, up from 71%": a rate now and before. */
  private static final Pattern RATE_THEN_FROM =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s*[(,;]\\s*(?:up\\s+from|down\\s+from|from|was)\\s+"
              + "(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  /** "Pass rate up from 5.6%": a rate now (from the evidence) and before. */
  private static final Pattern RATE_UP_FROM =
      Pattern.compile(
          "\\b(?:up|down|increased|decreased|rose|fell|improved|grew|dropped)\\s+from\\s+"
              + "(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  /** "Fixed 7 failing tests", "resolved 3 broken tests": they failed before. */
  private static final Pattern FIXED =
      Pattern.compile(
          "\\b(?:fixed|fixes|repaired|repairs|resolved|resolves|repairing|fixing)\\s+(?:the\\s+)?("
              + CountParser.NUMBER
              + ")(?:\\s+of\\s+(?:its|the|their|our|his|her)\\s+("
              + CountParser.NUMBER
              + "))?\\s+(?:previously\\s+)?(?:failing|broken|failed|red|erroring)\\s+(?:[\\w-]+\\s+)?"
              + "(?:tests?|specs?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "8 tests fixed", "3 failing tests were fixed", "fixes 4 tests that were failing". */
  private static final Pattern FIXED_AFTER =
      Pattern.compile(
          "(?<![\\w.,/-])("
              + CountParser.NUMBER
              + ")\\s+(?:previously\\s+)?(?:failing\\s+|broken\\s+|failed\\s+|red\\s+)?(?:tests?"
              + "|specs?)\\s+(?:were\\s+|have\\s+been\\s+|got\\s+)?(?:fixed|repaired)\\b"
              + "|\\b(?:fixed|fixes|repaired|repairs)\\s+("
              + CountParser.NUMBER
              + ")\\s+(?:tests?|specs?)\\s+(?:that|which)\\s+(?:were\\s+|had\\s+been\\s+)?"
              + "(?:failing|failed|broken|red)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "Coverage went from 71% to 84%", "pass rate 80% → 95%": a change of a rate. */
  private static final Pattern PERCENTS =
      Pattern.compile(
          "(?:\\bfrom\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s*(?:→|->|=>|⟶|➔|\\s+to)\\s*"
              + "(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  /** "(was 41/48 at the start)": the number before, in parentheses. */
  private static final Pattern WAS =
      Pattern.compile(
          "(?:\\(|[,;]|\\bit)\\s*(?:was|were|previously|before:?)\\s+"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern INFINITE =
      Pattern.compile("∞\\s*%?|\\binfinite\\s+(?:improvement|increase)", Pattern.CASE_INSENSITIVE);

  private static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s+(?:improvement|increase|more|better|gain|higher)\\b"
              + "|\\b(?:improved|increased|up|grew|rose)\\s+by\\s+(\\d+(?:\\.\\d+)?)\\s?%"
              + "|\\(\\s*\\+(\\d+(?:\\.\\d+)?)\\s?%\\s*\\)",
          Pattern.CASE_INSENSITIVE);

  /** "A drop of 9%", "down 9%", "decreased by 9%", "(-9%)": a relative fall. */
  private static final Pattern PERCENT_DOWN =
      Pattern.compile(
          "\\b(?:drop|decrease|decline|fall|reduction|loss)\\s+of\\s+(\\d+(?:\\.\\d+)?)\\s?%"
              + "|\\b(?:dropped|decreased|declined|fell|down)\\s+(?:by\\s+)?(\\d+(?:\\.\\d+)?)\\s?%"
              + "|\\(\\s*[-−](\\d+(?:\\.\\d+)?)\\s?%\\s*\\)",
          Pattern.CASE_INSENSITIVE);

  /** "Failures halved", "passing tests doubled": a factor in a word. */
  private static final Pattern FACTOR_WORD =
      Pattern.compile(
          "\\b(halved|cut\\s+in\\s+half|doubled|tripled|quadrupled)\\b", Pattern.CASE_INSENSITIVE);

  /** The change a sentence states, or null. */
  static ChangeParser parse(String s) {
    Double factor = null;
    int start = Integer.MAX_VALUE;
    int end = -1;
    Matcher percents = PERCENTS.matcher(s);
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
    Matcher rateThen = RATE_THEN_FROM.matcher(s);
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
    Matcher rateUp = RATE_UP_FROM.matcher(s);
    if (rateUp.find()) {
      return new ChangeParser(
          rateUp.start(), rateUp.end(), num(rateUp.group(1)), null, null, null, null, false, true);
    }
    Matcher factorFrom = FACTOR_FROM.matcher(s);
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
    Matcher fixed = FIXED.matcher(s);
    if (fixed.find()) {
      // "fixed 2 of its 3 failing tests": 3 failed before.
      Double before = num(fixed.group(2) != null ? fixed.group(2) : fixed.group(1));
      return new ChangeParser(
          fixed.start(), fixed.end(), before, null, null, null, null, true, false);
    }
    Matcher fixedAfter = FIXED_AFTER.matcher(s);
    if (fixedAfter.find()) {
      String n = fixedAfter.group(1) != null ? fixedAfter.group(1) : fixedAfter.group(2);
      return new ChangeParser(
          fixedAfter.start(), fixedAfter.end(), num(n), null, null, null, null, true, false);
    }
    Matcher f = FACTOR.matcher(s);
    Matcher down = FACTOR_DOWN.matcher(s);
    Matcher word = FACTOR_WORD.matcher(s);
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
      Matcher inf = INFINITE.matcher(s);
      if (inf.find()) {
        factor = Double.POSITIVE_INFINITY;
        start = inf.start();
        end = inf.end();
      } else {
        Matcher p = PERCENT.matcher(s);
        Matcher pd = PERCENT_DOWN.matcher(s);
        if (pd.find()) {
          String pct =
              pd.group(1) != null ? pd.group(1) : pd.group(2) != null ? pd.group(2) : pd.group(3);
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
    for (Pattern pattern : new Pattern[] {ARROW, FROM_TO, BEFORE_AFTER}) {
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
    for (Pattern pattern : new Pattern[] {UP_FROM, WAS}) {
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
