package dev.evident.analyze;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where each of many literals first occurs in a text in one pass (Aho–Corasick, as a full
 * transition table over the characters the literals use): a failure is searched once, not once per
 * rule. Literals with characters outside ASCII are looked up with {@link String#indexOf} instead.
 * Immutable and thread safe.
 */
final class LiteralScanner {

  private final String[] literals;
  private final int alphabet;
  private final byte[] classOf = new byte[128];
  private final int[] next;
  private final int[][] matches;
  private final int[] slow;

  LiteralScanner(String[] literals) {
    this.literals = literals.clone();
    int classes = 1; // class 0: a character no literal uses
    List<Integer> slowIds = new ArrayList<>();
    for (int id = 0; id < literals.length; id++) {
      String literal = literals[id];
      if (literal.isEmpty() || !literal.chars().allMatch(c -> c < 128)) {
        slowIds.add(id);
        continue;
      }
      for (char c : literal.toCharArray()) {
        if (classOf[c] == 0) {
          classOf[c] = (byte) classes++;
        }
      }
    }
    if (classes > 127) {
      throw new IllegalStateException("literal alphabet too large: " + classes);
    }
    this.alphabet = classes;
    this.slow = slowIds.stream().mapToInt(Integer::intValue).toArray();

    // The trie: goto[state][class], 0 = none (the root is state 0 and never a target).
    List<int[]> go = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    go.add(new int[alphabet]);
    out.add(new ArrayList<>());
    for (int id = 0; id < literals.length; id++) {
      if (Arrays.binarySearch(slow, id) >= 0) {
        continue;
      }
      int state = 0;
      for (char c : literals[id].toCharArray()) {
        int cls = classOf[c];
        if (go.get(state)[cls] == 0) {
          go.get(state)[cls] = go.size();
          go.add(new int[alphabet]);
          out.add(new ArrayList<>());
        }
        state = go.get(state)[cls];
      }
      out.get(state).add(id);
    }
    // Failure links, breadth first, folded into a full transition table.
    int states = go.size();
    int[] fail = new int[states];
    next = new int[states * alphabet];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int cls = 1; cls < alphabet; cls++) {
      int child = go.get(0)[cls];
      next[cls] = child;
      if (child != 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      out.get(state).addAll(out.get(fail[state]));
      for (int cls = 1; cls < alphabet; cls++) {
        int child = go.get(state)[cls];
        if (child != 0) {
          fail[child] = next[fail[state] * alphabet + cls];
          next[state * alphabet + cls] = child;
          queue.add(child);
        } else {
          next[state * alphabet + cls] = next[fail[state] * alphabet + cls];
        }
      }
    }
    matches = new int[states][];
    for (int state = 0; state < states; state++) {
      matches[state] =
          out.get(state).isEmpty()
              ? null
              : out.get(state).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** For each literal, the index of its first occurrence in {@code s}, or -1. */
  int[] firstIndexes(String s) {
    int[] first = new int[literals.length];
    Arrays.fill(first, -1);
    int state = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      state = c < 128 ? next[state * alphabet + classOf[c]] : 0;
      int[] found = matches[state];
      if (found != null) {
        for (int id : found) {
          if (first[id] < 0) {
            first[id] = i - literals[id].length() + 1;
          }
        }
      }
    }
    for (int id : slow) {
      first[id] = s.indexOf(literals[id]);
    }
    return first;
  }
}
