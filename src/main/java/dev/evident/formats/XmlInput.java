package dev.evident.formats;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Hardened, streaming XML parsing for all XML readers: Aalto's StAX parser with DTDs off, so no
 * external entity, parameter entity or entity expansion is ever resolved (XXE, billion laughs).
 * Unexpanded entity references reach the reader as {@code ENTITY_REFERENCE} events, which the
 * readers report as problems. Thread safe.
 */
final class XmlInput {

  private static final XMLInputFactory2 FACTORY = createFactory();

  private XmlInput() {}

  private static XMLInputFactory2 createFactory() {
    InputFactoryImpl factory = new InputFactoryImpl();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, true);
    factory.setProperty(XMLInputFactory2.P_PRESERVE_LOCATION, true);
    return factory;
  }

  /** Opens a parser on the input, with huge text runs cut to their head and tail. */
  static XMLStreamReader2 open(InputStream in, String name) throws XMLStreamException {
    return open(limited(in)).xml();
  }

  /** A parser and, when the input is ASCII-compatible, the limiter that cut its huge texts. */
  record Opened(XMLStreamReader2 xml, TextLimiter limiter) {
    /** Bytes cut out of the text between two byte offsets of the parser's input. */
    long omittedBetween(long from, long to) {
      return limiter == null ? 0 : limiter.omittedBetween(from, to);
    }
  }

  /** Opens a parser whose readers want to know how much of each text was cut. */
  static Opened openLimited(InputStream in) throws XMLStreamException {
    return open(limited(in));
  }

  /** The byte offset in the (limited) input where the parser's current event starts. */
  static long offset(XMLStreamReader2 reader) {
    return reader.getLocationInfo().getStartingByteOffset();
  }

  private static Opened open(Limited limited) throws XMLStreamException {
    return new Opened(
        (XMLStreamReader2) FACTORY.createXMLStreamReader(limited.stream()), limited.limiter());
  }

  private record Limited(InputStream stream, TextLimiter limiter) {}

  /**
   * Wraps the input in a {@link TextLimiter} unless it starts like UTF-16 or UTF-32, whose bytes
   * the limiter cannot read.
   */
  private static Limited limited(InputStream in) {
    java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 64 * 1024);
    byte[] head = new byte[4];
    int n;
    try {
      buffered.mark(4);
      n = buffered.readNBytes(head, 0, 4);
      buffered.reset();
    } catch (IOException e) {
      return new Limited(buffered, null);
    }
    boolean wide =
        n >= 2
            && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || head[0] == 0
                || head[1] == 0);
    if (wide) {
      return new Limited(buffered, null);
    }
    TextLimiter limiter = new TextLimiter(buffered);
    return new Limited(limiter, limiter);
  }

  /**
   * Streams the current text event into a bounded collector, so that a 500 MB system-out never
   * becomes one string.
   */
  static void copyText(XMLStreamReader2 reader, java.io.Writer to) throws XMLStreamException {
    try {
      reader.getText(to, false);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The 1-based line of the reader's current position, 0 when unknown. */
  static long line(XMLStreamReader reader) {
    var location =
        reader instanceof XMLStreamReader2 r2
            ? r2.getLocationInfo().getStartLocation()
            : reader.getLocation();
    return location == null ? 0 : Math.max(0, location.getLineNumber());
  }

  static long column(XMLStreamReader reader) {
    var location = reader.getLocation();
    return location == null ? 0 : Math.max(0, location.getColumnNumber());
  }

  /**
   * The line of the root element's start tag. Aalto reports line 1 for the root element whatever
   * precedes it, so this scans the input's first bytes for the first tag that is not a prolog one.
   */
  static long rootLine(ResultInput input) {
    try (InputStream in = input.open()) {
      byte[] head = in.readNBytes(64 * 1024);
      long line = 1;
      for (int i = 0; i < head.length - 1; i++) {
        if (head[i] == '\n') {
          line++;
        } else if (head[i] == '<' && head[i + 1] != '?' && head[i + 1] != '!') {
          return line;
        }
      }
      return 1;
    } catch (IOException e) {
      return 1;
    }
  }

  /** The parser's message without its location suffix, which we report separately. */
  static String reason(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int at = message.indexOf("\n at [");
    if (at >= 0) {
      message = message.substring(0, at);
    }
    return message.replace('\n', ' ').strip();
  }

  static void closeQuietly(XMLStreamReader reader, InputStream in) {
    try {
      if (reader != null) {
        reader.close();
      }
    } catch (XMLStreamException e) {
      // closing a reader of a broken file; nothing more to report
    }
    try {
      in.close();
    } catch (IOException e) {
      // same
    }
  }
}
