package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps plans and targets apart from claims. A number is a plan, not a claim of what exists, when
 *
 * <ul>
 *   <li>it is in a section whose heading announces plans ("Objective", "Goals", "Plan", "Next
 *       steps", "Targets", "Expected", "Recommendations", "TODO", "Roadmap"); universal statements
 *       there still count ("All tests are currently failing" under "Next Steps");
 *   <li>it is in a heading that announces a plan or a phase ("Phase 2: Test Creation (100+
 *       tests)");
 *   <li>its clause (the text between ; ( ) [ ] and dashes around it) has a marker of intent before
 *       it: target, goal, aim, objective, plan, will, shall, going to, need to, should, must,
 *       expected, estimated, want to, would, could, TODO, to create/add/write/reach...;
 *   <li>its clause is conditional (if, unless, until, once, whenever before it);
 *   <li>words after it say it is still to come ("20 tests remaining", "15 tests to write", "10
 *       planned");
 *   <li>its sentence is an instruction (starts with create, add, write, make, ensure, reach,
 *       achieve, aim, get, run, begin, proceed, increase, implement, bring, cover).
 * </ul>
 */
final class Plans {

  private static final Pattern PLAN_SECTION =
      Pattern.compile(
          "\\b(objectives?|goals?|plans?|planned|planning|roadmap|next steps|to ?dos?|targets?"
              + "|expected|expectations|recommendations?|future work|wish ?list|next\\s+(?:week|sprint|release"
              + "|iteration|milestone|quarter|month)|upcoming|follow[- ]ups?|backlog)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PLAN_HEADING =
      Pattern.compile("\\b(phase|milestone|sprint goal)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern MARKER_BEFORE =
      Pattern.compile(
          "\\b(targets?|targeted|targeting|goals?|aim(?:s|ing|ed)?|objectives?|plan(?:s|ned|ning)?"
              + "|will|shall|going to|gonna|needs? to|should|must|expect(?:s|ed)?|estimated?"
              + "|todo|wants? to|would|could|intends? to|hope to|to (?:be )?(?:creat|add|writ|reach"
              + "|achiev|get|hav|implement|cover|build)\\w*|if|unless|until|once|whenever)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MARKER_AFTER =
      Pattern.compile(
          "^(?:\\s+[\\w-]+){0,3}?\\s+(remaining|left|to go|to (?:be )?(?:write|create|add|written"
              + "|created|added|implement|implemented)|planned|targeted|needed|still needed"
              + "|required|expected)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern INSTRUCTION =
      Pattern.compile(
          "^[\\s*_>#\\-\\d.)\\[\\]x]*(create|add|write|make|ensure|reach|achieve|aim|get|run"
              + "|begin|start|proceed|increase|implement|bring|cover|raise|fix|resolve|install"
              + "|update|target|page|alert|notify)\\b(?!\\s+\\d)"
              + "|^[\\s*_>#\\-\\d.)\\[\\]x]*(?:add|write|create|cover)\\s+(?:another\\s+|at\\s+least\\s+)?\\d",
          Pattern.CASE_INSENSITIVE);

  /** Time words that make a statement about another moment than the report's. */
  static final Pattern TEMPORAL =
      Pattern.compile(
          "\\b(before|previous(?:ly)?|earlier|initially|originally|baseline|last (?:run|week|time"
              + "|sprint|month|release)|yesterday|used to|formerly|at the start|prior)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BOUNDARY = Pattern.compile("[;()\\[\\]]| [-–—] ");

  private Plans() {}

  /** Whether a section heading announces plans or targets for all of its section. */
  static boolean isPlanHeading(String heading) {
    return PLAN_SECTION.matcher(heading).find();
  }

  /** Whether a heading's own numbers are a plan ("Phase 2: Test Creation (100+ tests)"). */
  static boolean isPlanHeadingText(String heading) {
    return isPlanHeading(heading) || PLAN_HEADING.matcher(heading).find();
  }

  /** Whether a sentence is an instruction: every number in it is a plan. */
  static boolean isInstruction(String sentence) {
    return INSTRUCTION.matcher(sentence).find();
  }

  /** Whether the number at {@code [start, end)} of a sentence is a plan or target (see above). */
  static boolean isPlanned(String sentence, int start, int end) {
    int from = 0;
    Matcher b = BOUNDARY.matcher(sentence);
    while (b.find() && b.end() <= start) {
      from = b.end();
    }
    if (MARKER_BEFORE.matcher(sentence.substring(from, start)).find()) {
      return true;
    }
    int to = sentence.length();
    if (b.find(end)) {
      to = b.start();
    }
    return MARKER_AFTER.matcher(sentence.substring(end, Math.max(end, to))).find();
  }

  /** A paragraph that opens with the first of several steps: "Turn 1.", "**Round 1:**". */
  private static final Pattern FIRST_STEP =
      Pattern.compile(
          "^[^\\w]*(?:turn|round|iteration|attempt|pass|session)\\s+(?:1|one)\\s*[.:)—–-]",
          Pattern.CASE_INSENSITIVE);

  /** Whether a paragraph opens by naming the first of several steps, a point before the last. */
  static boolean earlierLead(String paragraph) {
    return FIRST_STEP.matcher(paragraph).find();
  }

  /** Whether a clause around {@code [start, end)} speaks of another time. */
  static boolean isTemporal(String sentence) {
    return TEMPORAL.matcher(sentence).find();
  }
}
