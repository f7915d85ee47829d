package dev.evident.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the reader for an input by its content, never by its file name: the first few kilobytes are
 * enough to tell JUnit XML from TRX, CTRF from Mocha JSON, TAP from Go's JSON stream.
 */
public final class Formats {

  /** How much of an input is looked at to detect its format. */
  static final int SNIFF_BYTES = 16 * 1024;

  private static final Map<Format, ResultReader> READERS = new EnumMap<>(Format.class);

  static {
    register(new JunitXmlReader());
    register(new GoTestJsonReader());
    register(new TapReader());
    register(new CtrfReader());
    register(new MochaJsonReader());
    register(new OtrReader());
    register(new TrxReader());
    register(new NunitReader());
    register(new XunitReader());
    register(new DartJsonReader());
    register(new RspecJsonReader());
    register(new EvalsReader());
  }

  private static final Pattern XML_ROOT =
      Pattern.compile("<([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)[\\s/>]");

  /**
   * A TAP version line, a plan, a numbered or bare test point, or a bail-out, indented or not. A
   * plan must be alone on its line, so that prose such as "1..10 retries" is not taken for one.
   */
  private static final Pattern TAP_LINE =
      Pattern.compile(
          "^\\s*(TAP version \\d+|1\\.\\.\\d+\\s*(#.*)?$|(not )?ok( \\d+| -|$|\\s*#)|Bail out!)");

  private static final Pattern GO_EVENT = Pattern.compile("^\\s*\\{.*\"Action\"\\s*:\\s*\"");
  private static final JsonFactory JSON = new JsonFactory();

  private Formats() {}

  private static void register(ResultReader reader) {
    READERS.put(reader.format(), reader);
  }

  /** The reader for a format. */
  public static ResultReader reader(Format format) {
    ResultReader reader = READERS.get(format);
    if (reader == null) {
      throw new IllegalStateException("no reader registered for " + format);
    }
    return reader;
  }

  /** A detected format, or the reason why the input is not a result file Evident reads. */
  public record Detection(Format format, String reason) {
    public boolean found() {
      return format != null;
    }
  }

  /** Detects the format of an input from its first bytes. */
  public static Detection detect(ResultInput input) {
    byte[] head;
    try (InputStream in = input.open()) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw new UnreadableResultFileException(input.name(), "cannot open: " + e.getMessage(), e);
    }
    return detect(head);
  }

  static Detection detect(byte[] head) {
    if (head.length == 0) {
      return new Detection(null, "the file is empty");
    }
    String text = decode(head);
    int start = 0;
    while (start < text.length()
        && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
      start++;
    }
    if (start == text.length()) {
      return new Detection(null, "the file holds only whitespace");
    }
    char first = text.charAt(start);
    if (first == '<') {
      return detectXml(text, start);
    }
    Detection lines = detectLines(text);
    if (lines != null) {
      return lines;
    }
    if (first == '{' || first == '[') {
      return detectJson(text.substring(start));
    }
    return new Detection(
        null,
        "not a test result file Evident knows (no XML, JSON, TAP or Go test -json content at the"
            + " start); use --format to force one of: "
            + Format.ids());
  }

  private static String decode(byte[] head) {
    Charset charset = StandardCharsets.UTF_8;
    if (head.length >= 2) {
      int b0 = head[0] & 0xFF;
      int b1 = head[1] & 0xFF;
      if (b0 == 0xFE && b1 == 0xFF) {
        charset = StandardCharsets.UTF_16BE;
      } else if (b0 == 0xFF && b1 == 0xFE) {
        charset = StandardCharsets.UTF_16LE;
      } else if (b0 == 0 && b1 == '<') {
        charset = StandardCharsets.UTF_16BE;
      } else if (b0 == '<' && b1 == 0) {
        charset = StandardCharsets.UTF_16LE;
      }
    }
    return new String(head, charset);
  }

  private static Detection detectXml(String text, int start) {
    int at = start;
    while (true) {
      int lt = text.indexOf('<', at);
      if (lt < 0 || lt + 1 >= text.length()) {
        return new Detection(
            null, "XML without a root element in the first " + SNIFF_BYTES / 1024 + " KB");
      }
      char next = text.charAt(lt + 1);
      if (next == '?') {
        at = skipPast(text, lt, "?>");
      } else if (text.startsWith("<!--", lt)) {
        at = skipPast(text, lt, "-->");
      } else if (next == '!') {
        at = skipDoctype(text, lt);
      } else {
        Matcher m = XML_ROOT.matcher(text);
        if (!m.find(lt) || m.start() != lt) {
          return new Detection(null, "malformed XML at the start of the file");
        }
        return xmlRoot(m.group(2), text.substring(lt, Math.min(text.length(), lt + 600)));
      }
      if (at < 0) {
        return new Detection(
            null, "XML prolog does not end in the first " + SNIFF_BYTES / 1024 + " KB");
      }
    }
  }

  private static int skipPast(String text, int from, String end) {
    int i = text.indexOf(end, from);
    return i < 0 ? -1 : i + end.length();
  }

  private static int skipDoctype(String text, int from) {
    int bracket = text.indexOf('[', from);
    int close = text.indexOf('>', from);
    if (bracket >= 0 && bracket < close) {
      int end = text.indexOf("]>", bracket);
      if (end < 0) {
        end = text.indexOf(']', bracket);
        return end < 0 ? -1 : skipPast(text, end, ">");
      }
      return end + 2;
    }
    return close < 0 ? -1 : close + 1;
  }

  private static Detection xmlRoot(String root, String opening) {
    return switch (root) {
      case "testsuites", "testsuite" -> new Detection(Format.JUNIT, null);
      case "TestRun" -> new Detection(Format.TRX, null);
      case "test-run", "test-results" -> new Detection(Format.NUNIT, null);
      case "assemblies", "assembly" -> new Detection(Format.XUNIT, null);
      case "events", "execution" ->
          opening.contains("opentest4j.org/reporting")
              ? new Detection(Format.OTR, null)
              : new Detection(
                  null, "XML root <" + root + "> is not a test result format Evident knows");
      default ->
          new Detection(
              null,
              "XML root <"
                  + root
                  + "> is not a test result format Evident knows (JUnit <testsuites>/"
                  + "<testsuite>, TRX <TestRun>, NUnit <test-run>, xUnit <assemblies>, Open Test"
                  + " Reporting <events>)");
    };
  }

  /**
   * Line-based formats: Go's test -json stream, Dart's JSON reporter stream and TAP. A Go or Dart
   * stream may start after any number of plain lines (build errors on stderr, CI echo, Flutter's
   * own messages), so every line of the sniffed head is looked at for an event; TAP must show
   * itself in the first 100 lines.
   */
  private static Detection detectLines(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\\R");
    boolean tap = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i < 100 && EvalsReader.isSampleLine(line)) {
        return new Detection(Format.EVALS, null);
      }
      if (GO_EVENT.matcher(line).find()
          && (line.contains("\"Package\"")
              || line.contains("\"Test\"")
              || line.contains("\"Time\"")
              || line.contains("\"ImportPath\""))) {
        return new Detection(Format.GOTEST, null);
      }
      if (dartEvent(line)) {
        return new Detection(Format.DART, null);
      }
      if (!tap && i < 100 && TAP_LINE.matcher(line).find()) {
        tap = true;
      }
    }
    return tap ? new Detection(Format.TAP, null) : null;
  }

  /**
   * A Dart JSON reporter event with its subject at the top level: the start event with its
   * protocolVersion, a suite event with its suite, a testStart event with its test. Keys nested
   * deeper, as in a one-line CTRF or Mocha report, do not count.
   */
  private static boolean dartEvent(String line) {
    int first = 0;
    while (first < line.length() && Character.isWhitespace(line.charAt(first))) {
      first++;
    }
    if (first == line.length() || line.charAt(first) != '{' || !line.contains("\"type\"")) {
      return false;
    }
    String type = null;
    Set<String> subjects = new HashSet<>();
    try (JsonParser p = JSON.createParser(line.substring(first))) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (key.equals("type") && value == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else if ((key.equals("protocolVersion") && value == JsonToken.VALUE_STRING)
            || ((key.equals("suite") || key.equals("test")) && value == JsonToken.START_OBJECT)) {
          subjects.add(key);
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      // the line is cut at the end of the sniffed head, or it is not JSON: judge by what was seen
    }
    return type != null
        && switch (type) {
          case "start" -> subjects.contains("protocolVersion");
          case "suite" -> subjects.contains("suite");
          case "testStart" -> subjects.contains("test");
          default -> false;
        };
  }

  /**
   * Tells CTRF from Mocha JSON by the document's structure, not by keys anywhere in it: a CTRF
   * schema or a file of CTRF validation cases mentions "results" and "tool" too, but not as a
   * report's top-level "reportFormat" or "results" object with tests.
   */
  private static Detection detectJson(String text) {
    Set<String> top = new HashSet<>();
    Set<String> results = new HashSet<>();
    String reportFormat = null;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          top.add(key);
          JsonToken value = p.nextToken();
          if (key.equals("reportFormat") && value == JsonToken.VALUE_STRING) {
            reportFormat = p.getText();
          } else if (key.equals("results") && value == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              results.add(p.currentName());
              p.nextToken();
              p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      // the sniffed head ends inside the document, or it is not JSON: judge by what was seen
    }
    if ("CTRF".equalsIgnoreCase(reportFormat)
        || (reportFormat == null
            && (results.contains("tests")
                || (results.contains("tool") && results.contains("summary"))))) {
      return new Detection(Format.CTRF, null);
    }
    if (top.contains("stats")
        && (top.contains("tests")
            || top.contains("passes")
            || top.contains("failures")
            || top.contains("pending"))) {
      return new Detection(Format.MOCHA, null);
    }
    if (top.contains("examples") && (top.contains("summary") || top.contains("version"))) {
      return new Detection(Format.RSPEC, null);
    }
    return new Detection(
        null,
        "JSON that is neither CTRF, Mocha JSON, RSpec JSON, Go test -json nor Dart JSON reporter"
            + " output; use --format to force one");
  }
}
