package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtrReaderTests {

  @Test
  void readsJunitPlatformEventsWithOutcomesPerResultStatus() {
    var read = ReaderFixtures.read(Format.OTR, "otr/junit-events.xml");

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + "=" + t.outcome())
        .containsExactly(
            "adds an item=PASSED",
            "computes the total=FAILED",
            "connects=ERRORED",
            "exports PDF=SKIPPED",
            "runs on Linux only=SKIPPED",
            "discounts(int)[[1] 10]=PASSED",
            "discounts(int)[[2] 20]=FAILED");
    assertThat(read.tests()).allMatch(t -> t.id().suite().equals("com.example.CartTests"));
  }

  @Test
  void keepsThrowableReasonOutputTagsAndDuration() {
    var read = ReaderFixtures.read(Format.OTR, "otr/junit-events.xml");

    var failed = read.test("computes the total");
    assertThat(failed.failure().type()).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(failed.failure().message()).isEqualTo("expected: <30> but was: <31>");
    assertThat(failed.failure().details()).contains("CartTests.java:31");
    assertThat(failed.duration()).isEqualTo(Duration.ofMillis(11));
    assertThat(read.test("connects").failure().type()).isEqualTo("java.net.ConnectException");
    assertThat(read.test("exports PDF").failure().message()).isEqualTo("needs a printer");
    assertThat(read.test("runs on Linux only").failure().message())
        .isEqualTo("Assumption failed: not on Linux");
    var passed = read.test("adds an item");
    assertThat(passed.stdout().text()).isEqualTo("adding item 42");
    assertThat(passed.tags()).containsExactly("fast");
  }

  @Test
  void countsTheFullLengthOfAnOutputCutBeforeParsing() {
    long chars = 2L << 20; // more than the text limiter lets through
    var read =
        ReaderFixtures.read(
            Format.OTR,
            ReaderFixtures.hugeText(
                "big.xml",
                """
                <h:execution xmlns:h="https://schemas.opentest4j.org/reporting/hierarchy/0.2.0"
                             xmlns="https://schemas.opentest4j.org/reporting/core/0.2.0">
                  <h:root name="chatty" start="2025-01-01T00:00:00Z">
                    <result status="SUCCESSFUL"/>
                    <attachments><output source="stdout">""",
                chars,
                "</output></attachments></h:root></h:execution>"));

    var stdout = read.test("chatty").stdout();
    assertThat(stdout.fullLength()).isEqualTo(chars);
    assertThat(stdout.text()).contains("characters omitted").hasSizeLessThan(40_000);
  }

  @Test
  void parameterizedInvocationsAreParametersOfTheirMethod() {
    var read = ReaderFixtures.read(Format.OTR, "otr/junit-events.xml");

    var second = read.tests().get(6).id();
    assertThat(second.suite()).isEqualTo("com.example.CartTests");
    assertThat(second.name()).isEqualTo("discounts(int)");
    assertThat(second.parameters()).isEqualTo("[2] 20");
  }

  @Test
  void aFailedContainerIsASetupErrorAndASkippedOneAWarning() {
    var read = ReaderFixtures.read(Format.OTR, "otr/junit-events.xml");

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("com.example.PaymentTests");
              assertThat(e.failure().type()).isEqualTo("java.lang.IllegalStateException");
              assertThat(e.failure().message()).isEqualTo("payment sandbox down");
            });
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.message())
        .containsExactly(
            "WARNING container 'LegacyTests' was skipped (class disabled): the tests in it did not"
                + " run and the file does not list them");
  }

  @Test
  void infrastructureAndTheRootBecomeSuiteInfo() {
    var read = ReaderFixtures.read(Format.OTR, "otr/junit-events.xml");

    assertThat(read.suites())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("JUnit Jupiter");
              assertThat(s.duration()).isEqualTo(Duration.ofMillis(150));
              assertThat(s.properties())
                  .containsEntry("hostName", "ci-runner-7")
                  .containsEntry("javaVersion", "21.0.5")
                  .containsEntry("heapSize.max", "4294967296");
            });
  }

  @Test
  void eventsOutOfOrderAreJoinedById() {
    var read = ReaderFixtures.read(Format.OTR, "otr/unordered.xml");

    assertThat(read.tests())
        .extracting(t -> t.id() + "=" + t.outcome() + " " + t.duration().toMillis())
        .containsExactly(
            "web suite > auth > login works=PASSED 250",
            "web suite > auth > logout works=FAILED 600");
    assertThat(read.test("logout works").failure().message()).isEqualTo("session still active");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void readsTheHierarchicalForm() {
    var read = ReaderFixtures.read(Format.OTR, "otr/hierarchy.xml");

    assertThat(read.tests())
        .extracting(t -> t.id() + "=" + t.outcome())
        .containsExactly(
            "api > users > creates a user=PASSED",
            "api > users > deletes a user=ERRORED",
            "api > health [ipv6]=SKIPPED",
            "api > orders > lists orders=FAILED");
    var created = read.test("creates a user");
    assertThat(created.source()).isEqualTo(new Location("tests/users.feature", 12, 3));
    assertThat(created.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(created.stderr().text()).isEqualTo("warning: slow query");
    assertThat(created.properties())
        .containsEntry("request-id", "abc-123")
        .containsEntry("attachment.1", "logs/users.log");
    assertThat(read.test("health [ipv6]").failure().message()).isEqualTo("aborted");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void aContainerWithItsOwnReasonIsARunErrorButOneThatEchoesItsTestsIsNot() {
    var read = ReaderFixtures.read(Format.OTR, "otr/hierarchy.xml");

    assertThat(read.runErrors())
        .extracting(e -> e.kind() + " " + e.scope() + ": " + e.failure().message())
        .containsExactly("SETUP api > users: teardown failed: could not drop schema");
  }

  @Test
  void truncatedEventsKeepFinishedTestsAndNameTheUnfinishedOnes() {
    var read = ReaderFixtures.read(Format.OTR, "otr/truncated-events.xml");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("imports the feed");
    var error = read.onlyError();
    assertThat(error.where().line()).isEqualTo(9);
    assertThat(error.message())
        .startsWith("truncated after line 9: 1 tests recovered")
        .contains("1 started tests did not finish (not counted), the first 'reindexes'");
  }

  @Test
  void truncatedHierarchyKeepsClosedTests() {
    var read =
        ReaderFixtures.readText(
            Format.OTR,
            "cut.xml",
            """
            <h:execution xmlns:h="https://schemas.opentest4j.org/reporting/hierarchy/0.2.0"
                         xmlns="https://schemas.opentest4j.org/reporting/core/0.2.0">
              <h:root name="r" start="2025-01-01T00:00:00Z">
                <h:child name="a" start="2025-01-01T00:00:00Z"><result status="SUCCESSFUL"/></h:child>
                <h:child name="b" start="2025-01-01T00:00:01Z"><result status="SUCC""");

    assertThat(read.tests()).extracting(t -> t.id().toString()).containsExactly("r > a");
    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("1 tests recovered")
                    .contains("inside 'b' (line 5; not counted)"));
  }

  @Test
  void aTestWithoutResultOrStartIsCountedAsErroredWithAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.OTR,
            "odd.xml",
            """
            <e:events xmlns="https://schemas.opentest4j.org/reporting/core/0.2.0"
                      xmlns:e="https://schemas.opentest4j.org/reporting/events/0.2.0">
              <e:started id="1" name="hangs" time="2025-01-01T00:00:00Z"/>
              <e:finished id="9" time="2025-01-01T00:00:01Z"><result status="SUCCESSFUL"/></e:finished>
            </e:events>
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly("hangs=ERRORED", "9=PASSED");
    assertThat(read.test("hangs").failure().message()).isEqualTo("started but never finished");
    assertThat(read.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .containsExactlyInAnyOrder(
            "3 test 'hangs': started but never finished; counted as errored",
            "4 events for id \"9\", which never started; named after its id");
  }

  @Test
  void xmlThatIsNotOpenTestReportingIsUnreadable() {
    assertThatThrownBy(
            () -> ReaderFixtures.readText(Format.OTR, "junit.xml", "<testsuites></testsuites>"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not Open Test Reporting");
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.OTR, "plain.xml", "<events/>"))
        .isInstanceOf(UnreadableResultFileException.class);
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.OTR, "junk.xml", "<<e:events"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not well-formed XML")
        .hasMessageContaining("line 1");
  }

  @Test
  void neverResolvesExternalEntities() {
    var read =
        ReaderFixtures.readText(
            Format.OTR,
            "xxe.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE e:events [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <e:events xmlns="https://schemas.opentest4j.org/reporting/core/0.2.0"
                      xmlns:e="https://schemas.opentest4j.org/reporting/events/0.2.0">
              <e:started id="1" name="t" time="2025-01-01T00:00:00Z"/>
              <e:finished id="1" time="2025-01-01T00:00:01Z">
                <result status="FAILED"><reason>&secret;</reason></result>
              </e:finished>
            </e:events>
            """);

    assertThat(read.test("t").failure().message()).isEqualTo("&secret;");
    assertThat(read.problems())
        .extracting(p -> p.message())
        .containsExactly(
            "DOCTYPE ignored: DTDs are never processed",
            "entity reference &secret; left unexpanded");
  }

  @Test
  void failedResultWithoutAssertionFlagStaysFailed() {
    var read =
        ReaderFixtures.readText(
            Format.OTR,
            "plainfail.xml",
            """
            <h:execution xmlns:h="https://schemas.opentest4j.org/reporting/hierarchy/0.2.0"
                         xmlns="https://schemas.opentest4j.org/reporting/core/0.2.0">
              <h:root name="t" start="2025-01-01T00:00:00Z"><result status="FAILED"/></h:root>
            </h:execution>
            """);

    assertThat(read.test("t").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(read.test("t").id().suite()).isEmpty();
  }
}
