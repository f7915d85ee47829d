package dev.evident.report;

import dev.evident.model.Attempt;
import dev.evident.model.Counts;
import dev.evident.model.ExportSink;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a stored run as one normalized JUnit XML document, streaming: one {@code <testsuites>}
 * whose counts are the run's, a {@code <testsuite>} per suite with its counts, a {@code <testcase>}
 * per result. Failed and errored tests get {@code <failure>} or {@code <error>} with type, message
 * and stack, earlier attempts as Surefire's {@code <rerunFailure>}; a flaky test is a passing test
 * case with one {@code <flakyFailure>} (or {@code <flakyError>}) per failed attempt, as Surefire
 * writes it; skipped tests get {@code <skipped message>}. Run id, project, status, attributes and
 * labels are {@code <properties>} of {@code <testsuites>}. Memory holds nothing but the writer's
 * buffer. Not thread safe.
 */
public final class JunitXml implements ExportSink, AutoCloseable {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final XMLStreamWriter xml;
  private boolean suiteOpen;
  private boolean finished;

  /** Starts the document for {@code run}: the declaration, {@code <testsuites>}, properties. */
  public JunitXml(Writer out, Run run) {
    try {
      xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", clean(run.project()));
      counts(run.counts());
      Instant started = run.started() != null ? run.started() : run.created();
      if (run.started() != null && run.finished() != null) {
        xml.writeAttribute("time", seconds(Duration.between(run.started(), run.finished())));
      }
      xml.writeAttribute("timestamp", TIMESTAMP.format(started.truncatedTo(ChronoUnit.SECONDS)));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      Map<String, String> properties = new TreeMap<>();
      run.attributes().forEach(properties::put);
      run.labels().forEach((k, v) -> properties.put("label." + k, v));
      property("evident.run", Long.toString(run.id()));
      property("evident.project", run.project());
      property("evident.status", run.status().name());
      property("evident.source", run.source());
      for (Map.Entry<String, String> p : properties.entrySet()) {
        property(p.getKey(), p.getValue());
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  @Override
  public void suite(Suite suite) {
    try {
      closeSuite();
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", clean(suite.name()));
      counts(suite.counts());
      if (suite.duration() != null) {
        xml.writeAttribute("time", seconds(suite.duration()));
      }
      if (suite.started() != null) {
        xml.writeAttribute(
            "timestamp", TIMESTAMP.format(suite.started().truncatedTo(ChronoUnit.SECONDS)));
      }
      suiteOpen = true;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  @Override
  public void result(long testRef, TestResult r) {
    try {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", clean(r.id().suite()));
      xml.writeAttribute("name", clean(r.id().displayName()));
      if (r.duration() != null) {
        xml.writeAttribute("time", seconds(r.duration()));
      }
      if (r.source() != null) {
        xml.writeAttribute("file", clean(r.source().file()));
        if (r.source().line() > 0) {
          xml.writeAttribute("line", Long.toString(r.source().line()));
        }
      }
      switch (r.outcome()) {
        case FAILED, ERRORED -> {
          failure(r.outcome() == Outcome.FAILED ? "failure" : "error", r.failure(), false);
          for (Attempt a : r.earlierAttempts()) {
            failure(a.outcome() == Outcome.ERRORED ? "rerunError" : "rerunFailure", a);
          }
        }
        case FLAKY -> {
          for (Attempt a : r.earlierAttempts()) {
            failure(a.outcome() == Outcome.ERRORED ? "flakyError" : "flakyFailure", a);
          }
          if (r.earlierAttempts().isEmpty()) {
            failure("flakyFailure", r.failure(), true);
          }
        }
        case SKIPPED -> {
          xml.writeStartElement("skipped");
          attribute("type", r.failure().type());
          attribute("message", r.failure().message());
          if (!r.failure().details().isEmpty()) {
            xml.writeCharacters(clean(r.failure().details()));
          }
          xml.writeEndElement();
        }
        case PASSED -> {}
      }
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** Ends the document and flushes it; the writer stays open. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      closeSuite();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() {
    finish();
    try {
      xml.close();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  private void closeSuite() throws XMLStreamException {
    if (suiteOpen) {
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      suiteOpen = false;
    }
  }

  private void failure(String element, Attempt attempt) throws XMLStreamException {
    xml.writeStartElement(element);
    attribute("type", attempt.failure().type());
    attribute("message", attempt.failure().message());
    if (attempt.duration() != null) {
      xml.writeAttribute("time", seconds(attempt.duration()));
    }
    stack(attempt.failure().details());
    xml.writeEndElement();
  }

  /** A failure element; Surefire's rerun and flaky elements nest the stack in stackTrace. */
  private void failure(String element, Failure failure, boolean nested) throws XMLStreamException {
    xml.writeStartElement(element);
    attribute("type", failure.type());
    attribute("message", failure.message());
    if (nested) {
      stack(failure.details());
    } else if (!failure.details().isEmpty()) {
      xml.writeCharacters(clean(failure.details()));
    }
    xml.writeEndElement();
  }

  private void stack(String details) throws XMLStreamException {
    if (!details.isEmpty()) {
      xml.writeStartElement("stackTrace");
      xml.writeCharacters(clean(details));
      xml.writeEndElement();
    }
  }

  private void counts(Counts c) throws XMLStreamException {
    xml.writeAttribute("tests", Long.toString(c.collected()));
    xml.writeAttribute("failures", Long.toString(c.failed()));
    xml.writeAttribute("errors", Long.toString(c.errored()));
    xml.writeAttribute("skipped", Long.toString(c.skipped()));
  }

  private void property(String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", clean(name));
    xml.writeAttribute("value", clean(value));
  }

  private void attribute(String name, String value) throws XMLStreamException {
    if (value != null && !value.isEmpty()) {
      xml.writeAttribute(name, clean(value));
    }
  }

  /** Seconds with up to microsecond precision: {@code 0.012}, {@code 3}. */
  static String seconds(Duration d) {
    long micros = d.toNanos() / 1000;
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }

  /** The text without the characters XML 1.0 cannot hold, each replaced by U+FFFD. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(ch)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(ch).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok =
            ch == 0x9
                || ch == 0xA
                || ch == 0xD
                || (ch >= 0x20 && ch <= 0xD7FF)
                || (ch >= 0xE000 && ch <= 0xFFFD);
      }
      if (!ok && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(ok ? ch : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }

  private static UncheckedIOException failed(XMLStreamException e) {
    return new UncheckedIOException(
        new IOException("cannot write JUnit XML: " + e.getMessage(), e));
  }
}
