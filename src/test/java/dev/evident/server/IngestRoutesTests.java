package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRoutesTests {

  @TempDir Path dir;
  ServerFixture fx;

  @BeforeEach
  void start() {
    fx =
        new ServerFixture(dir)
            .start(
                ServerSettings.loopback(dir.resolve("uploads"))
                    .withLimits(new ServerSettings.UploadLimits(200_000, 1_000_000, 20)));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static final String RUNS = "/api/v1/projects/shop/runs";

  @Test
  void storesMultipartFilesAsOneRunWithLabelsAttributesAndCounts() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("TEST-cart.xml", junit("CartTest", 3, 1));
    files.put("TEST-pay.xml", junit("PayTest", 2, 0));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("label", "branch=main");
    fields.put("attribute", "git.commit=abc123");

    var answer =
        fx.post(
            RUNS + "?label=ci=github&text=true",
            null,
            Bodies.MULTIPART,
            Bodies.multipart(files, fields));

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonNode run = answer.json();
    assertThat(run.get("run").asLong()).isPositive();
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("source").asText()).isEqualTo("upload");
    assertThat(run.at("/counts/executed").asInt()).isEqualTo(6);
    assertThat(run.at("/counts/passed").asInt()).isEqualTo(5);
    assertThat(run.at("/counts/failed").asInt()).isEqualTo(1);
    assertThat(run.at("/labels/branch").asText()).isEqualTo("main");
    assertThat(run.at("/labels/ci").asText()).isEqualTo("github");
    assertThat(run.at("/attributes/git.commit").asText()).isEqualTo("abc123");
    assertThat(run.get("files")).hasSize(2);
    assertThat(run.get("text").asText()).contains("1 of 6 executed tests failed");
    assertThat(answer.response().headers().firstValue("Location"))
        .hasValue(RUNS + "/" + run.get("run").asLong());
  }

  @Test
  void storesTheFilesOfATarGzBody() {
    byte[] tar =
        Bodies.tar(
            Map.of(
                "reports/TEST-a.xml", utf8(junit("A", 4, 0)),
                "reports/TEST-b.xml", utf8(junit("B", 1, 1)),
                "reports/notes.txt", utf8("not a result file")));

    var answer = fx.post(RUNS, null, "application/gzip", Bodies.gzip(tar));

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().at("/counts/executed").asInt()).isEqualTo(6);
    assertThat(answer.json().get("ignored").asInt()).isEqualTo(1);
  }

  @Test
  void storesTheFilesOfAZipBodyWhateverItsContentTypeSays() {
    byte[] zip = Bodies.zip(Map.of("TEST-a.xml", utf8(junit("A", 2, 0))));

    var answer = fx.post(RUNS, null, "application/x-www-form-urlencoded", zip);

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("status").asText()).isEqualTo("PASSED");
    assertThat(answer.json().at("/counts/passed").asInt()).isEqualTo(2);
  }

  @Test
  void storesASingleFileBodyUnderItsName() {
    var answer =
        fx.post(RUNS + "?name=TEST-one.xml", null, "application/xml", utf8(junit("One", 1, 0)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().at("/files/0/path").asText()).isEqualTo("TEST-one.xml");
  }

  @Test
  void returnsTheReadersProblemsInTheAnswer() {
    String truncated = junit("T", 2, 0).replace("</testsuite>", "");

    var answer = fx.post(RUNS + "?name=TEST-t.xml", null, "application/xml", utf8(truncated));

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("problems").toString()).contains("TEST-t.xml");
  }

  @Test
  void answers422WhenNothingInTheUploadCanBeRead() {
    var answer = fx.post(RUNS + "?name=x.xml", null, "application/xml", utf8("<html>no</html>"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("error").asText()).contains("no results read");
  }

  @Test
  void refusesABodyOverTheLimitWith413AndAJsonError() {
    byte[] big = new byte[300_000];

    var answer = fx.post(RUNS, null, "application/octet-stream", big);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("error").asText())
        .contains("upload too large")
        .contains("200000 bytes");
  }

  @Test
  void refusesAMultipartUploadOverTheLimitWith413() {
    var answer =
        fx.post(
            RUNS,
            null,
            Bodies.MULTIPART,
            Bodies.multipart(Map.of("TEST-big.xml", "x".repeat(300_000)), Map.of()));

    assertThat(answer.status()).isEqualTo(413);
  }

  @Test
  void refusesAZipBombByItsUnpackedSize() {
    byte[] zeros = new byte[2_000_000];
    byte[] bomb = Bodies.zip(Map.of("TEST-zeros.xml", zeros));
    assertThat(bomb.length).isLessThan(200_000);

    var answer = fx.post(RUNS, null, "application/zip", bomb);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("error").asText()).contains("unpacks to more than 1000000 bytes");
    assertThat(fx.get(RUNS).json().get("runs")).isEmpty();
  }

  @Test
  void refusesAnArchiveWithMoreFilesThanTheLimit() {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 25; i++) {
      many.put("TEST-" + i + ".xml", utf8(junit("S" + i, 1, 0)));
    }

    var answer = fx.post(RUNS, null, "application/gzip", Bodies.gzip(Bodies.tar(many)));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("error").asText()).contains("more than 20 files");
  }

  @Test
  void rejectsArchiveEntriesThatLeaveTheUploadDirectory() throws Exception {
    byte[] zip = Bodies.zip(Map.of("../../escaped.xml", utf8(junit("E", 1, 0))));
    byte[] tar = Bodies.tar(Map.of("/etc/evident-escaped.xml", utf8(junit("E", 1, 0))));

    var fromZip = fx.post(RUNS, null, "application/zip", zip);
    var fromTar = fx.post(RUNS, null, "application/x-tar", tar);

    assertThat(fromZip.status()).isEqualTo(400);
    assertThat(fromZip.json().get("error").asText()).contains("leaves the upload directory");
    assertThat(fromTar.status()).isEqualTo(400);
    assertThat(Files.exists(dir.resolve("escaped.xml"))).isFalse();
    assertThat(Files.exists(dir.resolve("uploads/escaped.xml"))).isFalse();
    assertThat(fx.get(RUNS).json().get("runs")).isEmpty();
  }

  @Test
  void rejectsSymbolicLinksInATar() {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    Bodies.tarEntry(tar, "TEST-link.xml", '2', new byte[0], "/etc/passwd");
    tar.writeBytes(new byte[1024]);

    var answer = fx.post(RUNS, null, "application/x-tar", tar.toByteArray());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).contains("TEST-link.xml is a link");
  }

  @Test
  void doesNotResolveExternalEntitiesInUploadedXml() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n<testsuite name=\"X\"><testcase classname=\"X\" name=\"t\">"
            + "<failure message=\"&x;\">&x;</failure></testcase></testsuite>";

    var answer = fx.post(RUNS + "?name=TEST-x.xml", null, "application/xml", utf8(xxe));

    assertThat(answer.body()).doesNotContain("TOPSECRET");
    if (answer.status() == 201) {
      var shown = fx.get(RUNS + "/" + answer.json().get("run").asLong());
      assertThat(shown.body()).doesNotContain("TOPSECRET");
    }
  }

  @Test
  void leavesNoUploadFilesBehind() throws Exception {
    fx.post(RUNS + "?name=TEST-one.xml", null, "application/xml", utf8(junit("One", 1, 0)));
    fx.post(RUNS, null, "application/zip", Bodies.zip(Map.of("../x.xml", utf8("x"))));

    try (var left = Files.list(dir.resolve("uploads"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsOnly("multipart");
    }
  }
}
