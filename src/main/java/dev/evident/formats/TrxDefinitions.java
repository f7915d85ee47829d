package dev.evident.formats;

import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.TestResult;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The first of the TRX reader's two passes: maps each test id to its suite (the class of its test
 * method, else its assembly's file name). TRX writes TestDefinitions after Results, so the results
 * cannot be named while streaming without this. Keeps one small entry per test and nothing else:
 * ids are held as UUIDs and suite names are shared.
 */
final class TrxDefinitions {

  private static final ResultSink DISCARD =
      new ResultSink() {
        @Override
        public void test(TestResult result) {}

        @Override
        public void problem(Problem problem) {}

        @Override
        public void runError(RunError error) {}
      };

  private final Map<Object, String> suites = new HashMap<>();
  private final Map<String, String> shared = new HashMap<>();

  private TrxDefinitions() {}

  /**
   * Reads the definitions of an input. A damaged file yields the definitions before the damage; the
   * second pass reports the damage. Throws {@link UnreadableResultFileException} when the input is
   * not TRX.
   */
  static TrxDefinitions read(ResultInput input) {
    TrxDefinitions definitions = new TrxDefinitions();
    new Pass(input, definitions).parse();
    return definitions;
  }

  /** The suite of a test: class name, assembly file name, or "" when the definition names none. */
  String suite(String testId) {
    return testId == null ? null : suites.get(key(testId));
  }

  boolean isEmpty() {
    return suites.isEmpty();
  }

  private static Object key(String id) {
    try {
      return UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  /**
   * MSTest writes assembly-qualified class names ({@code Ns.Tests, Tests, Version=1.0.0.0, ...});
   * the identity keeps the type name. Commas inside generic brackets belong to the type.
   */
  static String typeName(String className) {
    int depth = 0;
    for (int i = 0; i < className.length(); i++) {
      char c = className.charAt(i);
      if (c == '[' || c == '<') {
        depth++;
      } else if (c == ']' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return className.substring(0, i).strip();
      }
    }
    return className.strip();
  }

  private static final class Pass extends XmlParse {
    final TrxDefinitions into;
    String id;
    String storage;
    String className;

    Pass(ResultInput input, TrxDefinitions into) {
      super(input, DISCARD);
      this.into = into;
    }

    @Override
    void start(String name, long line) {
      if (open.size() == 1) {
        TrxReader.checkRoot(file, name);
        return;
      }
      String parent = parent();
      if (name.equals("TestDefinitions") && "TestRun".equals(parent)) {
        return;
      }
      if ("TestDefinitions".equals(parent)) {
        id = attr("id");
        storage = attr("storage");
        className = null;
        return;
      }
      if (id != null && name.equals("TestMethod")) {
        className = attr("className");
      }
      skip();
    }

    @Override
    void end(String name) {
      if (id != null && "TestDefinitions".equals(parent())) {
        String suite = "";
        if (className != null && !className.isBlank()) {
          suite = typeName(className);
        } else if (storage != null && !storage.isBlank()) {
          suite = Dotnet.fileName(storage.strip());
        }
        into.suites.put(key(id), into.shared.computeIfAbsent(suite, s -> s));
        id = null;
      }
    }

    @Override
    String inside() {
      return "";
    }

    @Override
    String unit() {
      return "test definitions";
    }

    @Override
    void damaged(javax.xml.stream.XMLStreamException e) {
      // the second pass reads the same bytes and reports the damage once
    }
  }
}
