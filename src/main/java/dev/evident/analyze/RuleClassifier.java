package dev.evident.analyze;

import dev.evident.analyze.Rule.Part;
import dev.evident.model.Diagnosis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies failures with a list of {@link Rule}s. The rule with the highest priority that matches
 * wins; among rules of equal priority, the match nearer the root cause (the root line of its part,
 * then any line stating an error, then other lines; the failure's own text before its output), then
 * the earlier rule. When no rule matches, {@code other} with low confidence and the root line as
 * evidence: an honest "to investigate" is better than a confident wrong answer.
 *
 * <p>Fast: a rule is tried only on the lines that contain one of its literals, rules are visited in
 * priority order and the search stops below the best match found, and each part is bounded to its
 * head and tail. Thread safe.
 */
public final class RuleClassifier implements Classifier {

  /** Characters of each part looked at from its start and from its end (each). */
  public static final int HEAD = 64 * 1024;

  public static final int TAIL = 64 * 1024;

  /** A match only in stdout or stderr, while the failure has text of its own, counts for less. */
  private static final double OUTPUT_ONLY = 0.85;

  private static final int MAX_HITS_PER_LITERAL = 64;
  private static final int MAX_WINDOW = 4096;
  private static final int EVIDENCE_LENGTH = 300;
  private static final int BEST_RANK = 5;

  private final List<Rule> rules;
  private final List<Compiled> ordered;
  private final String[] literals;
  private final LiteralScanner scanner;
  private final int head;
  private final int tail;
  private final Map<String, Compiled[]> byRunner = new ConcurrentHashMap<>();

  /** A rule with what the classifier precomputes for it. */
  private record Compiled(
      Rule rule, Part[] parts, int[] literalIds, List<String[]> groups, int order) {}

  /** A rule's match on one line. */
  private record Found(
      Compiled rule,
      Part part,
      String text,
      int lineStart,
      int lineEnd,
      Matcher matcher,
      String[] groups,
      int rank) {}

  /** A classifier applying {@code rules} (in file order; ties go to the earlier rule). */
  public RuleClassifier(List<Rule> rules) {
    this(rules, HEAD, TAIL);
  }

  private RuleClassifier(List<Rule> rules, int head, int tail) {
    this.rules = List.copyOf(rules);
    this.head = head;
    this.tail = tail;
    Map<String, Integer> literalIds = new LinkedHashMap<>();
    List<Compiled> compiled = new ArrayList<>();
    for (int i = 0; i < this.rules.size(); i++) {
      Rule rule = this.rules.get(i);
      List<String> ruleLiterals = rule.literals().isEmpty() ? derived(rule) : rule.literals();
      int[] ids = new int[ruleLiterals.size()];
      for (int j = 0; j < ids.length; j++) {
        ids[j] = literalIds.computeIfAbsent(ruleLiterals.get(j), k -> literalIds.size());
      }
      List<String[]> groups = new ArrayList<>();
      for (Pattern p : rule.patterns()) {
        groups.add(p.namedGroups().keySet().toArray(String[]::new));
      }
      compiled.add(new Compiled(rule, rule.parts().toArray(Part[]::new), ids, groups, i));
    }
    compiled.sort(
        Comparator.comparingInt((Compiled c) -> -c.rule().priority())
            .thenComparingInt(Compiled::order));
    this.ordered = List.copyOf(compiled);
    this.literals = literalIds.keySet().toArray(String[]::new);
    this.scanner = new LiteralScanner(literals);
  }

  /**
   * The same rules with other bounds: {@code evident classify} of a whole CI log looks further into
   * the middle of it than the classification of one test's failure needs to.
   */
  public RuleClassifier withTextLimit(int headChars, int tailChars) {
    return new RuleClassifier(rules, headChars, tailChars);
  }

  /** The rules, in the order given. */
  public List<Rule> rules() {
    return rules;
  }

  @Override
  public Diagnosis classify(FailureInput failure) {
    FailureText text = new FailureText(failure, head, tail, scanner);
    Found best = null;
    for (Compiled rule : candidates(Runners.normalize(failure.runner()))) {
      int priority = rule.rule().priority();
      if (best != null && (priority < best.rule().rule().priority() || best.rank() == BEST_RANK)) {
        break;
      }
      Found found = match(rule, text);
      if (found != null && (best == null || found.rank() > best.rank())) {
        best = found;
      }
    }
    return best == null ? unknown(text) : diagnosis(best, text);
  }

  private Compiled[] candidates(String runner) {
    return byRunner.computeIfAbsent(
        runner, r -> ordered.stream().filter(c -> c.rule().appliesTo(r)).toArray(Compiled[]::new));
  }

  private Found match(Compiled rule, FailureText text) {
    Found best = null;
    for (Part part : rule.parts()) {
      String s = text.part(part);
      if (s.isEmpty()) {
        continue;
      }
      if (rule.literalIds().length == 0) {
        for (int start = 0; start < s.length() && (best == null || best.rank() < BEST_RANK); ) {
          int end = lineEnd(s, start);
          best = better(best, tryLine(rule, text, part, s, start, end, start));
          start = end + 1;
        }
      }
      for (int id : rule.literalIds()) {
        int at = text.indexOf(part, id);
        for (int hits = 0; at >= 0 && hits < MAX_HITS_PER_LITERAL; hits++) {
          int start = s.lastIndexOf('\n', at) + 1;
          int end = lineEnd(s, at);
          best = better(best, tryLine(rule, text, part, s, start, end, at));
          if (best != null && best.rank() == BEST_RANK) {
            break;
          }
          at = end < s.length() ? s.indexOf(literals[id], end + 1) : -1;
        }
      }
    }
    return best != null && context(rule.rule(), text) ? best : null;
  }

  private static Found better(Found best, Found candidate) {
    return candidate != null && (best == null || candidate.rank() > best.rank()) ? candidate : best;
  }

  private Found tryLine(
      Compiled rule, FailureText text, Part part, String s, int start, int end, int at) {
    int from = start;
    int to = end;
    if (to - from > MAX_WINDOW) { // a minified bundle or a log without newlines
      from = Math.max(start, at - MAX_WINDOW / 2);
      to = Math.min(end, from + MAX_WINDOW);
    }
    for (int i = 0; i < rule.rule().patterns().size(); i++) {
      Matcher m = rule.rule().patterns().get(i).matcher(s).region(from, to);
      if (m.find() && foundLater(rule.rule(), s, end, m)) {
        return new Found(
            rule, part, s, start, end, m, rule.groups().get(i), rank(text, part, s, start, end));
      }
    }
    return null;
  }

  private static boolean foundLater(Rule rule, String s, int lineEnd, Matcher m) {
    for (LaterLine later : rule.later()) {
      if (!later.foundAfter(s, lineEnd, m)) {
        return false;
      }
    }
    return true;
  }

  /** 0 to 2 for how plainly the line states the cause, +3 when it is the failure's own text. */
  private static int rank(FailureText text, Part part, String s, int start, int end) {
    int rank;
    if (part == Part.TYPE || text.rootLineStart(part) == firstNonBlank(s, start, end)) {
      rank = 2;
    } else {
      rank = RootLines.isSignal(s, start, end) ? 1 : 0;
    }
    return part.isOutput() ? rank : rank + 3;
  }

  private static boolean context(Rule rule, FailureText text) {
    for (Pattern p : rule.also()) {
      if (!anywhere(p, text)) {
        return false;
      }
    }
    for (Pattern p : rule.unless()) {
      if (anywhere(p, text)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anywhere(Pattern p, FailureText text) {
    for (Part part : Part.values()) {
      String s = text.part(part);
      if (!s.isEmpty() && p.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }

  private Diagnosis diagnosis(Found found, FailureText text) {
    Rule rule = found.rule().rule();
    Map<String, String> entities = new LinkedHashMap<>();
    Matcher m = found.matcher();
    for (String name : found.groups()) {
      String value = m.group(name);
      if (value != null && !clean(value).isEmpty()) {
        entities.put(name, clean(value));
      }
    }
    for (Map.Entry<String, Template> derived : rule.entities().entrySet()) {
      String value = derived.getValue().renderIfComplete(entities);
      if (value != null && !value.isBlank()) {
        entities.put(derived.getKey(), value.strip());
      }
    }
    double confidence = rule.confidence();
    if (found.part().isOutput() && text.hasOwnText()) {
      confidence *= OUTPUT_ONLY;
    }
    return new Diagnosis(
        rule.category(),
        Math.round(confidence * 100) / 100.0,
        evidence(found.text(), found.lineStart(), found.lineEnd(), m.start()),
        entities,
        rule.remediation().render(entities),
        rule.id());
  }

  private static Diagnosis unknown(FailureText text) {
    for (Part part : new Part[] {Part.DETAILS, Part.MESSAGE, Part.TYPE, Part.CONSOLE}) {
      int root = text.rootLineStart(part);
      if (root >= 0) {
        String s = text.part(part);
        return Diagnosis.unknown(evidence(s, root, lineEnd(s, root), root));
      }
    }
    for (Part part : new Part[] {Part.STDERR, Part.STDOUT}) {
      int root = text.rootLineStart(part);
      if (root >= 0) {
        String s = text.part(part);
        return Diagnosis.unknown(evidence(s, root, lineEnd(s, root), root));
      }
    }
    return Diagnosis.unknown("");
  }

  /** The line, stripped; a long one cut to a window around the match. */
  private static String evidence(String s, int start, int end, int matchStart) {
    String line = s.substring(start, end).strip();
    if (line.length() <= EVIDENCE_LENGTH) {
      return line;
    }
    int from = Math.max(start, matchStart - EVIDENCE_LENGTH / 3);
    int to = Math.min(end, from + EVIDENCE_LENGTH);
    return (from > start ? "…" : "") + s.substring(from, to).strip() + (to < end ? "…" : "");
  }

  /** A captured value without the quotes and trailing punctuation around it in messages. */
  private static String clean(String value) {
    String v = value.strip();
    while (!v.isEmpty() && ".,;:".indexOf(v.charAt(v.length() - 1)) >= 0) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.length() >= 2
        && "'\"`".indexOf(v.charAt(0)) >= 0
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static int lineEnd(String s, int at) {
    int end = s.indexOf('\n', at);
    end = end < 0 ? s.length() : end;
    return end > at && s.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int firstNonBlank(String s, int start, int end) {
    while (start < end && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    return start;
  }

  private static List<String> derived(Rule rule) {
    List<String> found = new ArrayList<>();
    for (Pattern p : rule.patterns()) {
      var literal = Literals.derive(p);
      if (literal.isEmpty()) {
        return List.of(); // one pattern without a literal: every line must be tried
      }
      found.add(literal.get());
    }
    return found;
  }
}
