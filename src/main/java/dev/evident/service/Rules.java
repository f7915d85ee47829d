package dev.evident.service;

import dev.evident.analyze.Rule;
import dev.evident.analyze.RuleClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The classification rules: the built-in rule file shipped in the jar, extended by the user's
 * {@code .evident/rules.yaml} (or a file named with {@code --rules}). A user rule with the id of a
 * built-in one replaces it in place; other user rules come after the built-in ones; {@code disable:
 * [ids]} turns built-in rules off. The format is in docs/rules.md.
 */
public final class Rules {

  /** Where user rules are looked for, relative to the working directory. */
  public static final String USER_FILE = ".evident/rules.yaml";

  private static final String BUILT_IN = "/dev/evident/analyze/rules.yaml";
  private static final String BUILT_IN_NAME = "rules.yaml (built in)";

  private Rules() {}

  /** Parsed once per process: the rule file is part of the program. */
  private static final class BuiltIn {
    static final String TEXT = read();
    static final RuleFile FILE = parse(Map.of());

    /** The built-in file, with table entries that win over its own. */
    static RuleFile parse(Map<String, Map<String, String>> overrides) {
      return RuleFile.parse(TEXT, BUILT_IN_NAME, Map.of(), overrides);
    }

    private static String read() {
      try (InputStream in = Rules.class.getResourceAsStream(BUILT_IN)) {
        return new String(
            Objects.requireNonNull(in, BUILT_IN).readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The built-in rules, in file order. */
  public static List<Rule> builtIn() {
    return BuiltIn.FILE.rules();
  }

  /**
   * The rules for a project: built-in ones and the user's.
   *
   * @param workDir where {@value #USER_FILE} is looked for when no file is named
   * @param userRulesOrNull a rule file the user named (it must exist), or null
   * @throws ConfigException naming file and line when the user's file has an error
   */
  public static List<Rule> load(Path workDir, Path userRulesOrNull) {
    Path file = userRulesOrNull;
    String name;
    if (file != null) {
      name = file.toString();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("cannot read rules " + name + ": no such file");
      }
    } else {
      file = workDir.resolve(USER_FILE);
      name = USER_FILE;
      if (!Files.isRegularFile(file)) {
        return builtIn();
      }
    }
    return merge(parseUser(TextFiles.readSmall(file, "rules " + name), name));
  }

  /** A classifier with the rules of {@link #load}. */
  public static RuleClassifier classifier(Path workDir, Path userRulesOrNull) {
    return new RuleClassifier(load(workDir, userRulesOrNull));
  }

  /** Parses a user rule file's text ({@code name} for messages); it may use the built-in tables. */
  static RuleFile parseUser(String text, String name) {
    return RuleFile.parse(text, name, BuiltIn.FILE.tables(), Map.of());
  }

  /**
   * The built-in rules with a user file applied: disabled ones out, replacements in place. User
   * table entries apply to the built-in rules too, so the built-in file is read again with them.
   */
  static List<Rule> merge(RuleFile user) {
    List<Rule> builtIn =
        user.ownTables().isEmpty() ? builtIn() : BuiltIn.parse(user.ownTables()).rules();
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule rule : builtIn) {
      rules.put(rule.id(), rule);
    }
    for (var disabled : user.disable().entrySet()) {
      if (rules.remove(disabled.getKey()) == null) {
        throw disabled
            .getValue()
            .error(
                "disable: there is no built-in rule '"
                    + disabled.getKey()
                    + "'"
                    + ConfigNode.nearest(disabled.getKey(), ids())
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse(" (evident classify --list-rules lists them)"));
      }
    }
    for (Rule rule : user.rules()) {
      rules.put(rule.id(), rule); // a replaced rule keeps its place: put keeps the first position
    }
    return List.copyOf(new ArrayList<>(rules.values()));
  }

  private static List<String> ids() {
    return builtIn().stream().map(Rule::id).toList();
  }
}
