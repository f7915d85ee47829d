package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FormatsTests {

  static Stream<Arguments> dotnetHeads() {
    return Stream.of(
        arguments(
            "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TestRun id=\"1\""
                + " xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">",
            Format.TRX),
        arguments(
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n<test-run id=\"0\">",
            Format.NUNIT),
        arguments(
            "<?xml version=\"1.0\"?>\n<!--This file represents the results of running a test"
                + " suite-->\n<test-results name=\"a.dll\" total=\"1\">",
            Format.NUNIT),
        arguments("<?xml version=\"1.0\"?>\n<assemblies timestamp=\"03/14/2024\">", Format.XUNIT),
        arguments("<assembly name=\"C:\\b\\Tests.dll\" total=\"4\">", Format.XUNIT));
  }

  @ParameterizedTest
  @MethodSource("dotnetHeads")
  void detectsTheDotnetFormatsByTheirRootElement(String head, Format expected) {
    var detection = Formats.detect(head.getBytes(StandardCharsets.UTF_8));

    assertThat(detection.format()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "trx/vstest-xunit.trx, TRX",
    "trx/mstest-data-rows.trx, TRX",
    "nunit/nunit3.xml, NUNIT",
    "nunit/nunit2.xml, NUNIT",
    "xunit/xunit-v2.xml, XUNIT",
    "xunit/xunit-v3.xml, XUNIT",
    "xunit/xunit-v1.xml, XUNIT"
  })
  void detectsTheDotnetFixtures(String resource, Format expected) {
    var input = ResultInput.of(resource, ReaderFixtures.bytes(resource));

    assertThat(Formats.detect(input).format()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"TRX", "NUNIT", "XUNIT"})
  void registersAReaderForEachDotnetFormat(Format format) {
    assertThat(Formats.reader(format).format()).isEqualTo(format);
  }
}
