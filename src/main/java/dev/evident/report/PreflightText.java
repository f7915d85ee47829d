package dev.evident.report;

import dev.evident.model.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preflight checks as {@code evident doctor} prints them: one line per requirement, its status
 * first, then what was found and, when it is missing, what to do; and as JSON.
 */
public final class PreflightText {

  private static final int MAX_NAME = 28;

  private PreflightText() {}

  /**
   * The text output.
   *
   * @param config the configuration file as messages name it, or null when there is none
   * @param where the directory the file was looked for in, for the message when there is none
   */
  public static String render(String config, String where, List<Check> checks) {
    if (config == null) {
      return "no evident.yaml or .evident/config.yaml in " + where + "; nothing to check\n";
    }
    if (checks.isEmpty()) {
      return config + " declares no requirements; nothing to check\n";
    }
    int width =
        Math.min(MAX_NAME, checks.stream().mapToInt(c -> c.name().length()).max().orElse(0));
    StringBuilder out = new StringBuilder();
    out.append("Requirements from ").append(config).append(":\n");
    for (Check check : checks) {
      out.append(check.ok() ? "ok       " : "MISSING  ")
          .append(pad(check.name(), width))
          .append("  ")
          .append(check.detail());
      if (!check.ok() && !check.fix().isEmpty()) {
        out.append(" -> ").append(check.fix());
      }
      out.append('\n');
    }
    long missing = missing(checks);
    out.append(
        missing == 0
            ? all(checks.size())
            : missing + " of " + checks.size() + " requirements missing.\n");
    return out.toString();
  }

  /** {@code {"config": ..., "checks": [{kind, name, ok, detail, fix}], "missing": n}}. */
  public static Map<String, Object> json(String config, List<Check> checks) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("config", config);
    json.put(
        "checks",
        checks.stream()
            .map(
                c -> {
                  Map<String, Object> check = new LinkedHashMap<>();
                  check.put("kind", c.kind().id());
                  check.put("name", c.name());
                  check.put("ok", c.ok());
                  check.put("detail", c.detail());
                  check.put("fix", c.fix().isEmpty() ? null : c.fix());
                  return check;
                })
            .toList());
    json.put("missing", missing(checks));
    return json;
  }

  private static long missing(List<Check> checks) {
    return checks.stream().filter(c -> !c.ok()).count();
  }

  private static String all(int n) {
    return n == 1 ? "The requirement is met.\n" : "All " + n + " requirements met.\n";
  }

  private static String pad(String name, int width) {
    return name.length() >= width ? name : name + " ".repeat(width - name.length());
  }
}
