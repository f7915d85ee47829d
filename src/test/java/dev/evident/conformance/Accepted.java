package dev.evident.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accepted differences: one row per (file or group, field) with our value, the stated one and
 * why they differ. A listed difference is only accepted while our value is still the listed one.
 */
final class Accepted {

  record Entry(String subject, String field, String ours, String stated, String reason) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();

  static Accepted read(Path file) throws IOException {
    Accepted accepted = new Accepted();
    if (!Files.exists(file)) {
      return accepted;
    }
    for (Map<String, String> row : ConformanceCheck.Tsv.read(file)) {
      Entry e =
          new Entry(
              row.get("subject"),
              row.get("field"),
              row.get("ours"),
              row.get("stated"),
              row.get("reason"));
      accepted.entries.put(e.subject() + "\t" + e.field(), e);
    }
    return accepted;
  }

  /** The reason when this difference is listed with exactly these values, else null. */
  String reason(String subject, String field, String ours, String stated) {
    Entry e = entries.get(subject + "\t" + field);
    if (e == null || !e.ours().equals(ours) || !e.stated().equals(stated)) {
      return null;
    }
    used.add(subject + "\t" + field);
    return e.reason();
  }

  List<Entry> unused() {
    return entries.entrySet().stream()
        .filter(e -> !used.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }
}
