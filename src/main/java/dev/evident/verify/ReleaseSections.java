package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A changelog's sections, one per release: "## [2.8.0] - 2026-11-20", then "## [2.7.3] -
 * 2026-11-06". The highest release is the latest run; the section of the release below it speaks of
 * the baseline, and older sections of runs that are not checked. A log of numbered runs ("##
 * Iteration 1", "## Iteration 3") is read the same way, but its first run is the baseline. Claims
 * of one release are not compared with another's: each section has numbers of its own time.
 */
final class ReleaseSections {

  /**
   * A heading that opens with a version: "## [2.7.3] - 2026-11-06", "### v1.4.0", "## Release 3.1",
   * "## 2.8 (2026-11-20)"; not a numbered section ("### 4.1 Release candidate 1").
   */
  private static final Pattern RELEASE =
      Pattern.compile(
          "^\\s{0,3}(#{1,6})\\s+(?:(?:release|version)\\s+v?(?<a>\\d+(?:\\.\\d+){1,3})"
              + "|\\[v?(?<b>\\d+(?:\\.\\d+){1,3})\\]|v(?<c>\\d+(?:\\.\\d+){1,3})"
              + "|(?<d>\\d+\\.\\d+\\.\\d+(?:\\.\\d+)?)|(?<e>\\d+\\.\\d+)(?=\\s*(?:$|[-–—(]))"
              + "|(?:iteration|round|attempt|session|day|run)\\s+#?(?<f>\\d+))(?![\\w.])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(?:```|~~~)");

  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s");

  /** Each line's age: 0 for the latest release or no release, 1 for the one before, 2 older. */
  private final int[] ages;

  private final String[] releases;

  private ReleaseSections(int[] ages, String[] releases) {
    this.ages = ages;
    this.releases = releases;
  }

  /**
   * A release heading: its line (1-based), level and version; numbered runs of a log ("## Iteration
   * 3 (11:25)") are releases too, their number the version.
   */
  private record Release(int line, int level, String version, boolean numbered) {

    /** How a reason names it: "release 2.7.3", "iteration 1". */
    String name() {
      return numbered ? "run " + version + " of the log" : "release " + version;
    }
  }

  static ReleaseSections of(String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Release> found = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      Matcher m = RELEASE.matcher(lines[i]);
      if (FENCE.matcher(lines[i]).find()) {
        fenced = !fenced;
      } else if (!fenced && m.find()) {
        found.add(new Release(i + 1, m.group(1).length(), version(m), m.group("f") != null));
      }
    }
    int[] ages = new int[lines.length + 2];
    String[] releases = new String[lines.length + 2];
    int level = found.isEmpty() ? 0 : found.get(0).level();
    List<String> newestFirst =
        found.stream()
            .map(Release::version)
            .distinct()
            .sorted(ReleaseSections::compare)
            .toList()
            .reversed();
    if (newestFirst.size() < 2 || found.stream().anyMatch(r -> r.level() != level)) {
      return new ReleaseSections(ages, releases); // no changelog: every line is of now
    }
    // A log of numbered runs compares with its first ("a baseline before touching anything"); a
    // changelog with the release before.
    boolean numbered = found.stream().allMatch(Release::numbered);
    Release open = null; // the release section a line is in
    int next = 0;
    fenced = false;
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      Matcher heading = HEADING.matcher(lines[i]);
      if (FENCE.matcher(lines[i]).find()) {
        fenced = !fenced;
      } else if (next < found.size() && found.get(next).line() == line) {
        open = found.get(next++);
      } else if (!fenced && heading.find() && heading.group(1).length() <= level) {
        open = null; // "## Contributors": a heading as high as the releases' closes the last one
      }
      if (open != null) {
        ages[line] = age(open, newestFirst, numbered);
        releases[line] = open.name();
      }
    }
    return new ReleaseSections(ages, releases);
  }

  private static int age(Release r, List<String> newestFirst, boolean numbered) {
    int rank = newestFirst.indexOf(r.version());
    if (numbered) {
      return rank == 0 ? 0 : rank == newestFirst.size() - 1 ? 1 : 2;
    }
    return Math.min(rank, 2);
  }

  /** 0 for a line of the latest release or of no release; 1 of the release before; 2 older. */
  int age(int line) {
    return line > 0 && line < ages.length ? ages[line] : 0;
  }

  /** The release of a line's section as a reason names it ("release 2.7.3"), or null. */
  String release(int line) {
    return line > 0 && line < releases.length ? releases[line] : null;
  }

  private static String version(Matcher m) {
    for (String g : new String[] {"a", "b", "c", "d", "e", "f"}) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    throw new IllegalStateException("no version in " + m.group());
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int d =
          Integer.compare(
              i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }
}
