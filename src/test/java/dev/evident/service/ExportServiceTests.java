package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Attempt;
import dev.evident.model.ExportSink;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML export: a round trip through Evident's own reader keeps every test as it was. */
class ExportServiceTests {

  @TempDir Path dir;

  private static final Path FIXTURES = Path.of("src/test/resources/dev/evident/service/export");

  private Path db() {
    return dir.resolve("evident.db");
  }

  private IngestService.Ingested ingest(String project, String... paths) {
    try (Workspace w = Workspace.open(db().toString())) {
      return w.ingest()
          .ingest(
              new IngestService.Request(List.of(paths), dir, project, Map.of(), "auto"),
              IngestService.Progress.NONE);
    }
  }

  private Path export(Run run, ExportService.Format format) throws IOException {
    Path file = dir.resolve("export-" + run.id() + "." + format.name().toLowerCase());
    try (Workspace w = Workspace.open(db().toString());
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.exports().export(run, format, out);
    }
    return file;
  }

  /** Every result of a stored run by test, as the store gives it back. */
  private Map<TestId, TestResult> stored(long run) {
    Map<TestId, TestResult> results = new LinkedHashMap<>();
    try (ResultStore store = ResultStore.open(db().toString())) {
      store.export(
          run,
          new ExportSink() {
            @Override
            public void suite(Suite suite) {}

            @Override
            public void result(long testRef, TestResult result) {
              results.put(result.id(), result);
            }
          });
    }
    return results;
  }

  @Test
  void aRunExportedAndIngestedAgainHasTheSameCountsOutcomesAndFailures() throws IOException {
    IngestService.Ingested original =
        ingest(
            "shop",
            FIXTURES.resolve("TEST-com.acme.CartTest.xml").toAbsolutePath().toString(),
            FIXTURES.resolve("TEST-com.acme.PayTest.xml").toAbsolutePath().toString());
    Path xml = export(original.run(), ExportService.Format.JUNIT);

    IngestService.Ingested again = ingest("shop-again", xml.toString());

    assertThat(again.problems()).isEmpty();
    assertThat(again.files()).extracting(f -> f.format()).containsExactly("junit");
    assertThat(again.run().counts()).isEqualTo(original.run().counts());
    assertThat(again.run().status()).isEqualTo(original.run().status());
    Map<TestId, TestResult> before = stored(original.run().id());
    Map<TestId, TestResult> after = stored(again.run().id());
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    for (TestId test : before.keySet()) {
      TestResult b = before.get(test);
      TestResult a = after.get(test);
      assertThat(a.outcome()).as(test.toString()).isEqualTo(b.outcome());
      assertThat(a.failure()).as(test.toString()).isEqualTo(b.failure());
      assertThat(a.duration()).as(test.toString()).isEqualTo(b.duration());
      assertThat(a.source()).as(test.toString()).isEqualTo(b.source());
      assertThat(a.earlierAttempts()).as(test.toString()).isEqualTo(b.earlierAttempts());
    }
    // The fixture's edge cases all came through: flaky with two failed attempts, a rerun, params.
    TestResult locks = after.get(new TestId("com.acme.CartTest", "locks"));
    assertThat(locks.outcome()).isEqualTo(Outcome.FLAKY);
    assertThat(locks.earlierAttempts())
        .extracting(Attempt::outcome)
        .containsExactly(Outcome.FAILED, Outcome.ERRORED);
    assertThat(after.get(new TestId("com.acme.CartTest", "retries")).earlierAttempts()).hasSize(1);
    assertThat(after).containsKey(new TestId("com.acme.CartTest", "adds", "1, 2"));
    assertThat(after.get(new TestId("com.acme.CartTest", "later")).failure().message())
        .isEqualTo("not ready: #212");
  }

  @Test
  void theCountsOfTheDocumentAddUpFromTestCasesToSuitesToTheWhole() throws Exception {
    IngestService.Ingested original =
        ingest(
            "shop",
            FIXTURES.resolve("TEST-com.acme.CartTest.xml").toAbsolutePath().toString(),
            FIXTURES.resolve("TEST-com.acme.PayTest.xml").toAbsolutePath().toString());

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(export(original.run(), ExportService.Format.JUNIT).toFile());

    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    NodeList suites = root.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    for (String count : List.of("tests", "failures", "errors", "skipped")) {
      long sum = 0;
      for (int i = 0; i < suites.getLength(); i++) {
        sum += Long.parseLong(((Element) suites.item(i)).getAttribute(count));
      }
      assertThat(Long.parseLong(root.getAttribute(count))).as(count).isEqualTo(sum);
    }
    assertThat(root.getAttribute("tests")).isEqualTo("9");
    assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(9);
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    assertThat(xml.getElementsByTagName("flakyFailure").getLength()).isEqualTo(1);
    assertThat(xml.getElementsByTagName("flakyError").getLength()).isEqualTo(1);
    Map<String, String> properties = new LinkedHashMap<>();
    NodeList props = ((Element) root.getElementsByTagName("properties").item(0)).getChildNodes();
    for (int i = 0; i < props.getLength(); i++) {
      if (props.item(i) instanceof Element p) {
        properties.put(p.getAttribute("name"), p.getAttribute("value"));
      }
    }
    assertThat(properties)
        .containsEntry("evident.run", Long.toString(original.run().id()))
        .containsEntry("evident.project", "shop")
        .containsEntry("evident.status", "FAILED");
  }

  @Test
  void charactersXmlCannotHoldAreReplacedSoTheDocumentStaysWellFormed() throws Exception {
    Run run;
    try (ResultStore store = ResultStore.open(db().toString());
        RunWriter w = store.startRun(RunStart.ingest("shop", Map.of("branch", "main")))) {
      w.add(
          TestResult.of(new TestId("Cart", "bell"), Outcome.FAILED, null)
              .with(Outcome.FAILED, new Failure("Bell", "ding \u0007 dong", "at \u0000 here")));
      run = w.commit(null);
    }
    StringWriter out = new StringWriter();
    try (Workspace w = Workspace.open(db().toString())) {
      w.exports().export(run, ExportService.Format.JUNIT, out);
    }

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("ding \uFFFD dong");
    assertThat(failure.getTextContent()).isEqualTo("at \uFFFD here");
  }
}
