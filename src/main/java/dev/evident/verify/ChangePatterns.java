package dev.evident.verify;

import java.util.regex.Pattern;

/** The wordings of a stated change that {@link ChangeParser} looks for, one pattern each. */
final class ChangePatterns {

  private ChangePatterns() {}

  static final String FRACTION = "(\\d[\\d,]*)(?:\\s*(?:/|of|out of)\\s*(\\d[\\d,]*))?";

  static final Pattern ARROW =
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
  static final Pattern BEFORE_AFTER =
      Pattern.compile(
          "(?<![\\w.,/-])"
              + FRACTION
              + "(?:\\s+[A-Za-z][\\w-]*){0,3}?\\s+(?i:before|previously|earlier|yesterday"
              + "|last\\s+night|in\\s+the\\s+baseline|on\\s+`?(?:main|master|develop|trunk)`?)"
              + "(?![\\w-])[,;]?\\s+(?i:and\\s+|but\\s+|vs\\.?\\s+)?"
              + FRACTION
              + "(?:\\s+[A-Za-z][\\w-]*){0,3}?\\s+(?i:after|now|today|tonight|on\\s+(?:this|the|my"
              + "|our)\\s+(?:branch|pr)|in\\s+this\\s+pr|with\\s+this\\s+(?:change|pr))\\b");

  static final Pattern FROM_TO =
      Pattern.compile(
          "\\bfrom\\s+"
              + FRACTION
              + "(?:\\s+[\\w-]+){0,2}?\\s+to\\s+"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  static final Pattern UP_FROM =
      Pattern.compile(
          // "up from 12", "up 12/14": the number before; "up 1 passing test" is a difference
          "\\b(?:(?:up|down|increased|decreased|rose|fell|improved|grew|dropped)\\s+(?:from\\s+"
              + "|(?=\\d[\\d,]*\\s*(?:/|of|out of)\\s*\\d))"
              + "|(?:compared\\s+(?:to|with)|vs\\.?|versus)\\s+)"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  static final Pattern FACTOR =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×]\\s+(?:[\\w-]+\\s+)?(?:improvement|increase|more"
              + "|faster|better|boost|gain|growth)\\b|(?<![\\w.])(\\d+(?:\\.\\d+)?)-fold\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern FACTOR_DOWN =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×]\\s+(?:[\\w-]+\\s+)?(?:reduction|fewer|less"
              + "|decrease|drop|lower)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "14x from 1/18": a factor and the number it starts from. */
  static final Pattern FACTOR_FROM =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×]\\s+(?:[\\w-]+\\s+)?(?:from|since|over)\\s+"
              + FRACTION
              + "(?![\\w%]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Coverage: 84% (from 71%)", "82%, up from 71%", "93.8% (15/16), up from 85.7%", "14/15 (93.3%),
   * up from 83.3%": a rate now and before.
   */
  static final Pattern RATE_THEN_FROM =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s*\\)?\\s*(?:\\(\\d+\\s*/\\s*\\d+\\)\\s*)?[(,;]\\s*(?:up\\s+from|down\\s+from|from|was)\\s+"
              + "(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  /** "Pass rate up from 5.6%": a rate now (from the evidence) and before. */
  static final Pattern RATE_UP_FROM =
      Pattern.compile(
          "\\b(?:up|down|increased|decreased|rose|fell|improved|grew|dropped)\\s+from\\s+"
              + "(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  /** "Fixed 7 failing tests", "resolved 3 broken tests": they failed before. */
  static final Pattern FIXED =
      Pattern.compile(
          "\\b(?:fixed|fixes|repaired|repairs|resolved|resolves|repairing|fixing)\\s+(?:the\\s+)?("
              + CountParser.NUMBER
              + ")(?:\\s+of\\s+(?:its|the|their|our|his|her)\\s+("
              + CountParser.NUMBER
              + "))?\\s+(?:previously\\s+)?(?:failing|broken|failed|red|erroring)\\s+(?:[\\w-]+\\s+)?"
              + "(?:tests?|specs?)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Fixed 2 of 3 failures, 1 remains", "resolved 4 of the 6 failing tests": M failed before; the
   * number left, when said, fails now.
   */
  static final Pattern FIXED_OF =
      Pattern.compile(
          "\\b(?:fixed|fixes|repaired|repairs|resolved|resolves)\\s+("
              + CountParser.NUMBER
              + ")\\s+(?:out\\s+)?of\\s+(?:the\\s+|its\\s+|their\\s+|our\\s+)?("
              + CountParser.NUMBER
              + ")\\s+(?:failures|failing(?:\\s+tests)?|failed\\s+tests|broken\\s+tests|red\\s+tests"
              + "|errors)\\b(?:\\s*[,;(]\\s*(?:with\\s+|and\\s+|so\\s+)?("
              + CountParser.NUMBER
              + ")\\s+(?:remains?|remaining|left|still\\s+fails?|still\\s+failing|to\\s+go)\\b)?",
          Pattern.CASE_INSENSITIVE);

  /** "8 tests fixed", "3 failing tests were fixed", "fixes 4 tests that were failing". */
  static final Pattern FIXED_AFTER =
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
  static final Pattern PERCENTS =
      Pattern.compile(
          "(?:\\bfrom\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s*(?:→|->|=>|⟶|➔|\\s+to)\\s*"
              + "(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  /** "(was 41/48 at the start)": the number before, in parentheses. */
  static final Pattern WAS =
      Pattern.compile(
          "(?:\\(|[,;]|\\bit)\\s*(?:was|were|previously|before:?)\\s+(?>"
              + FRACTION
              + ")(?![\\w%]|[.,]\\d)"
              // "it was 3 of 5 targets": units that hold tests, not tests
              + "(?!\\s+(?:targets?|packages?|modules?|crates?|jobs?|services?|projects?|stages?"
              + "|workflows?|boxes)\\b)",
          Pattern.CASE_INSENSITIVE);

  static final Pattern INFINITE =
      Pattern.compile("∞\\s*%?|\\binfinite\\s+(?:improvement|increase)", Pattern.CASE_INSENSITIVE);

  static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s+(?:improvement|increase|more|better|gain|higher)\\b"
              + "|\\b(?:improved|increased|up|grew|rose)\\s+by\\s+(\\d+(?:\\.\\d+)?)\\s?%"
              + "|\\(\\s*\\+(\\d+(?:\\.\\d+)?)\\s?%\\s*\\)",
          Pattern.CASE_INSENSITIVE);

  /** "A drop of 9%", "down 9%", "decreased by 9%", "(-9%)", "a 9% reduction": a relative fall. */
  static final Pattern PERCENT_DOWN =
      Pattern.compile(
          "\\b(?:drop|decrease|decline|fall|reduction|loss)\\s+of\\s+(\\d+(?:\\.\\d+)?)\\s?%"
              + "|\\b(?:dropped|decreased|declined|fell|down)\\s+(?:by\\s+)?(\\d+(?:\\.\\d+)?)\\s?%"
              + "|\\(\\s*[-−](\\d+(?:\\.\\d+)?)\\s?%\\s*\\)"
              + "|(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s+(?:reduction|fewer|less|lower|decrease|drop)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "Failures halved", "passing tests doubled": a factor in a word. */
  static final Pattern FACTOR_WORD =
      Pattern.compile(
          "\\b(halved|cut\\s+in\\s+half|doubled|tripled|quadrupled)\\b", Pattern.CASE_INSENSITIVE);
}
