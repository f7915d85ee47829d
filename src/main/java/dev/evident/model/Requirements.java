package dev.evident.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run needs before it starts: the {@code requires} section of {@code evident.yaml}. Maps
 * keep the order of the file, so checks are listed in the order the user wrote them.
 *
 * @param services service name to URL: {@code tcp://HOST:PORT} or {@code http(s)://...}
 * @param commands programs that must be on PATH (or paths with a slash, relative to the work dir)
 * @param env names of environment variables that must be set and non-empty
 * @param files paths, relative to the work dir, that must exist
 * @param versions {@code python}, {@code java}, {@code node}, {@code go}, {@code pip:NAME} or
 *     {@code npm:NAME} to the versions allowed
 */
public record Requirements(
    Map<String, String> services,
    List<String> commands,
    List<String> env,
    List<String> files,
    Map<String, VersionConstraint> versions) {

  /** No requirements. */
  public static final Requirements NONE =
      new Requirements(Map.of(), List.of(), List.of(), List.of(), Map.of());

  public Requirements {
    services = ordered(services);
    commands = List.copyOf(commands);
    env = List.copyOf(env);
    files = List.copyOf(files);
    versions = ordered(versions);
  }

  /** How many requirements there are in all. */
  public int size() {
    return services.size() + commands.size() + env.size() + files.size() + versions.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new NullPointerException("null key or value in " + map);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }
}
