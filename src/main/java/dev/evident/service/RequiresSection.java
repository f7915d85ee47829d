package dev.evident.service;

import dev.evident.model.Requirements;
import dev.evident.model.VersionConstraint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code requires} section of the configuration file. */
final class RequiresSection {

  static final String NAME = "requires";

  private static final List<String> KEYS =
      List.of("services", "commands", "env", "files", "versions");
  private static final List<String> RUNTIMES = List.of("python", "java", "node", "go");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RequiresSection() {}

  static Requirements parse(ConfigNode section) {
    Map<String, ConfigNode> keys = section.mapping(KEYS, "services:, commands:, env:");
    Map<String, String> services = new LinkedHashMap<>();
    Map<String, VersionConstraint> versions = new LinkedHashMap<>();
    if (keys.containsKey("services")) {
      keys.get("services")
          .mapping(null, "redis: tcp://localhost:6379")
          .forEach((name, url) -> services.put(name, url(url)));
    }
    if (keys.containsKey("versions")) {
      keys.get("versions")
          .mapping(null, "python: \">=3.10\"")
          .forEach(
              (name, constraint) -> versions.put(versionName(constraint), version(constraint)));
    }
    return new Requirements(
        services,
        texts(keys.get("commands"), "[codex, docker]", "a command name"),
        envNames(keys.get("env")),
        texts(keys.get("files"), "[.env, config/settings.toml]", "a path"),
        versions);
  }

  private static List<String> texts(ConfigNode list, String example, String what) {
    List<String> texts = new ArrayList<>();
    if (list != null) {
      list.list(example).forEach(item -> texts.add(item.text(what)));
    }
    return texts;
  }

  private static List<String> envNames(ConfigNode list) {
    List<String> names = new ArrayList<>();
    if (list == null) {
      return names;
    }
    for (ConfigNode item : list.list("[OPENAI_API_KEY]")) {
      // Never echo what is written here: a user may have pasted NAME=secret by mistake.
      String text = item.text("a variable name");
      if (text.contains("=")) {
        throw item.error(
            item.path()
                + ": write only the variable's name, not NAME=VALUE (values never belong in "
                + item.file()
                + ")");
      }
      if (!ENV_NAME.matcher(text).matches()) {
        throw item.error(
            item.path()
                + " is not a variable name (letters, digits and _, not starting with a digit)");
      }
      names.add(text);
    }
    return names;
  }

  private static String url(ConfigNode node) {
    String text = node.text("a URL, like tcp://localhost:6379 or http://localhost:8080/health");
    String fix = "; write tcp://HOST:PORT or http(s)://HOST[:PORT]/PATH";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw node.error("bad URL for service '" + node.key() + "': '" + text + "'" + fix);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    boolean ok =
        switch (scheme) {
          case "tcp" -> uri.getHost() != null && uri.getPort() > 0 && uri.getRawPath().isEmpty();
          case "http", "https" -> uri.getHost() != null;
          default -> false;
        };
    if (!ok) {
      throw node.error("bad URL for service '" + node.key() + "': '" + text + "'" + fix);
    }
    return text;
  }

  private static String versionName(ConfigNode node) {
    String name = node.key();
    for (String prefix : List.of("pip:", "npm:")) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        return name;
      }
    }
    if (RUNTIMES.contains(name)) {
      return name;
    }
    throw node.error(
        "unknown key '"
            + name
            + "' under requires.versions"
            + ConfigNode.nearest(name, RUNTIMES).map(k -> "; did you mean '" + k + "'?").orElse("")
            + " (runtimes: python, java, node, go; packages: pip:NAME, npm:NAME)");
  }

  private static VersionConstraint version(ConfigNode node) {
    String text = node.text("a version constraint in quotes, like \">=3.10\"");
    try {
      return VersionConstraint.parse(text);
    } catch (IllegalArgumentException e) {
      throw node.error(node.path() + ": " + e.getMessage());
    }
  }
}
