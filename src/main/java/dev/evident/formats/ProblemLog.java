package dev.evident.formats;

import dev.evident.model.Problem;
import java.util.HashMap;
import java.util.Map;

/**
 * Passes a reader's problems to the sink, but at most a few of each kind per file, then one line
 * with how many more there were. A file with 10,000 suites whose declared counts are off yields a
 * readable list, not 10,000 lines; nothing is hidden, since the summary line gives the total.
 */
final class ProblemLog {

  private static final int PER_KIND = 5;

  private final String file;
  private final ResultSink sink;
  private final Map<String, Integer> seen = new HashMap<>();
  private final Map<String, Long> firstOmittedLine = new HashMap<>();

  ProblemLog(String file, ResultSink sink) {
    this.file = file;
    this.sink = sink;
  }

  /** Reports a warning of the given kind unless enough of that kind were reported already. */
  void warn(String kind, long line, String message) {
    int count = seen.merge(kind, 1, Integer::sum);
    if (count <= PER_KIND) {
      sink.problem(Problem.warning(file, line, message));
    } else {
      firstOmittedLine.putIfAbsent(kind, line);
    }
  }

  /**
   * Warns that what the file declares ({@code off}, e.g. "tests=3 but has 2") disagrees with what
   * it holds, when it does: the counts of the content are the ones kept.
   *
   * @param declarer what declares the counts, e.g. "&lt;testsuite&gt; 'a'"
   * @param counted what is counted instead, e.g. "test cases"
   */
  void countsDisagree(long line, String declarer, CharSequence off, String counted) {
    if (!off.isEmpty()) {
      warn(
          "declared counts disagree with the content",
          line,
          declarer + " declares " + off + "; counting the " + counted + " in the file");
    }
  }

  void error(long line, long column, String message) {
    sink.problem(Problem.error(file, line, column, message));
  }

  /** Reports how many warnings of each kind were held back. Call once, at the end of the file. */
  void finish() {
    seen.forEach(
        (kind, count) -> {
          if (count > PER_KIND) {
            sink.problem(
                Problem.warning(
                    file,
                    firstOmittedLine.get(kind),
                    (count - PER_KIND) + " more of: " + kind + " (first of them at this line)"));
          }
        });
  }
}
