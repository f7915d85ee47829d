package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.InputFile;
import dev.evident.model.RunStatus;
import dev.evident.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTests {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static String suite(String name, String... cases) {
    StringBuilder xml = new StringBuilder("<testsuite name=\"" + name + "\">");
    for (String c : cases) {
      xml.append(c);
    }
    return xml.append("</testsuite>").toString();
  }

  private static String passing(String classname, String name) {
    return "<testcase classname=\"" + classname + "\" name=\"" + name + "\" time=\"0.1\"/>";
  }

  private IngestService.Ingested ingest(String... paths) {
    try (Workspace workspace = Workspace.open(dir.resolve("db/evident.db").toString())) {
      return workspace
          .ingest()
          .ingest(
              new IngestService.Request(List.of(paths), dir, "shop", Map.of(), "auto"),
              IngestService.Progress.NONE);
    }
  }

  @Test
  void mergesASuiteSplitOverFilesAndCountsAnExactDuplicateFileOnce() throws IOException {
    String first = suite("Cart", passing("Cart", "a"), passing("Cart", "b"));
    write("r/TEST-cart-1.xml", first);
    write("r/TEST-cart-2.xml", suite("Cart", passing("Cart", "c")));
    write("copy/TEST-cart-1.xml", first);

    var ingested = ingest("r", "copy");

    assertThat(ingested.run().counts().collected()).isEqualTo(3);
    assertThat(ingested.run().status()).isEqualTo(RunStatus.PASSED);
    assertThat(ingested.files())
        .extracting(InputFile::duplicateOf)
        .containsExactly(null, null, "r/TEST-cart-1.xml");
    assertThat(ingested.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where().file()).isEqualTo("copy/TEST-cart-1.xml");
              assertThat(p.message())
                  .isEqualTo("same content as r/TEST-cart-1.xml; not counted again");
            });
  }

  @Test
  void walksDirectoriesAndSkipsFilesThatAreNotResults() throws IOException {
    write("target/surefire-reports/TEST-a.xml", suite("A", passing("A", "x")));
    write(
        "target/surefire-reports/a.txt",
        "-------------------------------------------------------\nTests run: 1");
    write("target/surefire-reports/deep/TAP.xml", suite("B", passing("B", "y")));

    var ingested = ingest("target/surefire-reports");

    assertThat(ingested.run().counts().collected()).isEqualTo(2);
    assertThat(ingested.ignored()).isEqualTo(1);
    assertThat(ingested.problems()).isEmpty();
  }

  @Test
  void expandsGlobsFromTheirFixedPrefix() throws IOException {
    write("build/m1/TEST-a.xml", suite("A", passing("A", "x")));
    write("build/m2/sub/TEST-b.xml", suite("B", passing("B", "y")));
    write("build/m2/other.xml", suite("C", passing("C", "z")));

    var ingested = ingest("build/**/TEST-*.xml");

    assertThat(ingested.files())
        .extracting(InputFile::path)
        .containsExactly("build/m1/TEST-a.xml", "build/m2/sub/TEST-b.xml");
  }

  @Test
  void anUnreadableFileIsAnErrorProblemWhileTheOthersAreStored() throws IOException {
    write("good.xml", suite("A", passing("A", "x")));
    write("notes.txt", "just some notes");

    var ingested = ingest("good.xml", "notes.txt");

    assertThat(ingested.unreadable()).isEqualTo(1);
    assertThat(ingested.run().counts().passed()).isEqualTo(1);
    assertThat(ingested.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.ERROR);
              assertThat(p.message()).startsWith("cannot read notes.txt: not a test result file");
            });
  }

  @Test
  void nothingIsStoredWhenNoInputCanBeRead() throws IOException {
    write("notes.txt", "just some notes");

    assertThatThrownBy(() -> ingest("notes.txt"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("no results read: cannot read notes.txt");
    try (Workspace workspace = Workspace.open(dir.resolve("db/evident.db").toString())) {
      assertThat(workspace.runs().runs(null, 10)).isEmpty();
    }
  }

  @Test
  void aMissingPathIsAnInputError() {
    assertThatThrownBy(() -> ingest("nowhere.xml"))
        .isInstanceOf(InputException.class)
        .hasMessage("no such file or directory: nowhere.xml");
  }

  @Test
  void anEmptyDirectoryIsStoredAsARunThatExecutedNothing() throws IOException {
    Files.createDirectories(dir.resolve("empty"));

    var ingested = ingest("empty");

    assertThat(ingested.run().status()).isEqualTo(RunStatus.EMPTY);
    assertThat(ingested.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no test result files found"));
  }

  @Test
  void anUnknownFormatNameListsTheValidOnes() throws IOException {
    write("a.xml", suite("A", passing("A", "x")));
    try (Workspace workspace = Workspace.open(dir.resolve("db/evident.db").toString())) {
      assertThatThrownBy(
              () ->
                  workspace
                      .ingest()
                      .ingest(
                          new IngestService.Request(List.of("a.xml"), dir, "shop", Map.of(), "xml"),
                          IngestService.Progress.NONE))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("unknown format 'xml'; use one of: auto, junit,");
    }
  }

  @Test
  void aReportMayNameTheModulesTheResultFilesWereFoundIn() throws IOException {
    write(
        "ledger-core/target/surefire-reports/TEST-com.acme.core.LedgerTest.xml",
        suite(
            "com.acme.core.LedgerTest",
            passing("com.acme.core.LedgerTest", "a"),
            passing("com.acme.core.LedgerTest", "b")));
    write(
        "ledger-api/target/surefire-reports/TEST-com.acme.api.AuthTest.xml",
        suite("com.acme.api.AuthTest", passing("com.acme.api.AuthTest", "c")));
    Path report =
        write(
            "report.md",
            """
            # Release

            - ledger-core: 2/2 passing
            - ledger-api: 3 tests, all passing
            - surefire-reports: 2 of 2 passing
            """);

    ingest(".");

    try (Workspace workspace = Workspace.open(dir.resolve("db/evident.db").toString())) {
      var verified =
          workspace
              .verifier()
              .verify(
                  new VerifyService.Request(
                      report, "report.md", List.of(), null, null, null, dir, false));
      assertThat(verified.verification().claims())
          .extracting(c -> c.claim().line() + " " + c.verdict())
          .containsExactly("3 SUPPORTED", "4 CONTRADICTED", "5 UNVERIFIABLE");
      assertThat(verified.verification().claims().get(1).reason())
          .contains("result files in ledger-api (1 test)");
    }
  }
}
