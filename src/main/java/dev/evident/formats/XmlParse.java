package dev.evident.formats;

import dev.evident.model.Excerpt;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The per-file state and event loop that the XML readers share: elements are handed to {@link
 * #start} and {@link #end}, character data goes to whatever {@link #text} collects (with the length
 * of what {@link TextLimiter} cut from it counted), whole subtrees can be skipped, and a truncated
 * or malformed file ends in one {@code ERROR} problem that says where it broke and how many tests
 * were recovered before.
 */
abstract class XmlParse {

  final ResultInput input;
  final String file;
  final ResultSink sink;
  final ProblemLog problems;

  /** Open elements that are not skipped, outermost first. */
  final List<String> open = new ArrayList<>();

  XMLStreamReader2 xml;

  private XmlInput.Opened opened;

  /** Where character data goes now; null drops it. */
  BoundedText text;

  /** Where the text being collected started, to count what the limiter cut from it; -1: none. */
  private long textStart = -1;

  boolean sawRoot;
  long recovered;
  private int skipDepth;

  XmlParse(ResultInput input, ResultSink sink) {
    this.input = input;
    this.file = input.name();
    this.sink = sink;
    this.problems = new ProblemLog(file, sink);
  }

  /** An element opened; {@code line} is its start line. The element is already on {@link #open}. */
  abstract void start(String name, long line);

  /** An element that was not skipped closed; it is still on {@link #open}. */
  abstract void end(String name);

  /** What the reader was inside when the input broke, for the error message; empty when nothing. */
  abstract String inside();

  /** The word for what {@link #recovered} counts, e.g. "test cases". */
  abstract String unit();

  /**
   * What else the damage cost, said after the recovered count (e.g. "; 2 tests did not finish").
   */
  String lost() {
    return "";
  }

  /**
   * The input ended, read to its end or {@code damaged}: results held until now are emitted here,
   * before the damage is reported.
   */
  void inputEnded(boolean damaged) {}

  /** Reads the whole input (see {@link #parse}), then reports the warnings held back. */
  final void read() {
    try {
      parse();
    } finally {
      problems.finish();
    }
  }

  /**
   * Reads the whole input. Returns normally on damage after the root element (reported as an
   * error); throws {@link UnreadableResultFileException} when the input is not XML at all.
   */
  final void parse() {
    InputStream in = input.openOrFail();
    try {
      opened = XmlInput.openLimited(in);
      xml = opened.xml();
      loop();
      inputEnded(false);
    } catch (XMLStreamException e) {
      if (!sawRoot) {
        throw new UnreadableResultFileException(
            file, "not well-formed XML: " + XmlInput.reason(e) + where(e), e);
      }
      inputEnded(true);
      damaged(e);
    } finally {
      XmlInput.closeQuietly(xml, in);
    }
  }

  private void loop() throws XMLStreamException {
    while (xml.hasNext()) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (skipDepth > 0) {
            skipDepth++;
          } else {
            String name = xml.getLocalName();
            long line = sawRoot ? XmlInput.line(xml) : XmlInput.rootLine(input);
            open.add(name);
            BoundedText before = text;
            start(name, line);
            sawRoot = true;
            if (text != null && text != before) {
              textStart = XmlInput.offset(xml);
            }
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (skipDepth > 0) {
            skipDepth--;
          } else {
            if (text != null && textStart >= 0) {
              text.omitted(opened.omittedBetween(textStart, XmlInput.offset(xml)));
              textStart = -1;
            }
            end(xml.getLocalName());
            open.removeLast();
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text != null && skipDepth == 0) {
            XmlInput.copyText(xml, text);
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE -> {
          problems.warn(
              "entity references are never expanded",
              XmlInput.line(xml),
              entityWarning(xml.getLocalName()));
          if (text != null && skipDepth == 0) {
            text.append("&" + xml.getLocalName() + ";");
          }
        }
        case XMLStreamConstants.DTD ->
            problems.warn(
                "DOCTYPE ignored", XmlInput.line(xml), "DOCTYPE ignored: DTDs are never processed");
        default -> {
          // comments, processing instructions: nothing to keep
        }
      }
    }
  }

  /** The warning for an entity reference, which is kept as written. */
  String entityWarning(String name) {
    return "entity reference &" + name + "; left unexpanded: Evident never resolves DTD entities";
  }

  /** Skips the element just started and everything in it; {@link #end} is not called for it. */
  final void skip() {
    skipDepth = 1;
    open.removeLast();
  }

  /** The parent of the element just started (or about to end), or null at the root. */
  final String parent() {
    int size = open.size();
    return size < 2 ? null : open.get(size - 2);
  }

  final String attr(String name) {
    return xml.getAttributeValue(null, name);
  }

  /** Starts collecting the current element's text into a new bounded buffer. */
  final BoundedText collect() {
    text = BoundedText.forOutput();
    return text;
  }

  /** A buffer for a failure message or stack trace, created only when the element occurs. */
  static BoundedText details(BoundedText existing) {
    return existing != null ? existing : new BoundedText(32 * 1024, 32 * 1024);
  }

  /** The excerpt of a buffer that may never have been created. */
  static Excerpt excerptOf(BoundedText buffer) {
    return buffer == null ? Excerpt.EMPTY : buffer.excerpt();
  }

  /** The stripped text of a buffer that may never have been created. */
  static String textOf(BoundedText buffer) {
    return buffer == null ? "" : buffer.stripped();
  }

  /** The current element's attributes as counts: -1 where a value is not a count. */
  final Map<String, Long> declaredCounts() {
    Map<String, Long> declared = new HashMap<>();
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      declared.put(xml.getAttributeLocalName(i), Values.count(xml.getAttributeValue(i)));
    }
    return declared;
  }

  /** Adds "what=declared but has found" to {@code off} when a declared count disagrees. */
  static void compare(StringBuilder off, String what, Long declared, long found) {
    if (declared != null && declared >= 0 && declared != found) {
      if (!off.isEmpty()) {
        off.append(", ");
      }
      off.append(what).append('=').append(declared).append(" but has ").append(found);
    }
  }

  /** The file ends early or turns malformed: keep what was read and say where it broke. */
  void damaged(XMLStreamException e) {
    var location = e.getLocation();
    long line = location == null ? XmlInput.line(xml) : location.getLineNumber();
    long column = location == null ? 0 : location.getColumnNumber();
    String reason = XmlInput.reason(e);
    String lower = reason.toLowerCase(Locale.ROOT);
    boolean truncated = lower.contains("end-of-input") || lower.contains("eof");
    String inside = inside();
    String count = recovered + " " + unit();
    String message =
        truncated
            ? "truncated after line %d%s: %s recovered%s; the runner may have crashed while writing"
                .formatted(line, inside, count, lost())
            : "malformed XML: %s%s; %s before it recovered%s, the rest of the file is not read"
                .formatted(reason, inside, count, lost());
    problems.error(line, column, message);
  }

  /** For {@link #inside}: " inside test case 'name' (line 12; not counted)". */
  static String inside(String what, String name, long line) {
    return " inside " + what + " '" + name + "' (line " + line + "; not counted)";
  }

  private static String where(XMLStreamException e) {
    var location = e.getLocation();
    return location == null
        ? ""
        : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }
}
