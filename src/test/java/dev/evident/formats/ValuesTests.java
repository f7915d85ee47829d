package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTests {

  @ParameterizedTest
  @CsvSource({
    "0.012, 12000000",
    "1, 1000000000",
    "12.5, 12500000000",
    "0.123456789, 123456789",
    "0.1234567891, 123456789",
    "'1,234.5', 1234500000000",
    "'0,5', 500000000",
    "3s, 3000000000",
    "1e-3, 1000000",
    "' 2.0 ', 2000000000"
  })
  void readsSecondsAsRunnersWriteThem(String text, long nanos) {
    assertThat(Values.seconds(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "-0.5", "fast", "NaN", "Infinity", ".", "<<computed>>"})
  void rejectsWhatIsNotADuration(String text) {
    assertThat(Values.seconds(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-03T12:00:31, 2026-01-03T12:00:31Z",
    "2026-01-03T12:00:31.210+01:00, 2026-01-03T11:00:31.210Z",
    "2026-01-03 12:00:31Z, 2026-01-03T12:00:31Z",
    "2024-02-29T23:59:59.5, 2024-02-29T23:59:59.500Z",
    "1969-12-31T23:59:59.123456789, 1969-12-31T23:59:59.123456789Z",
    "2026-11-20T10:15:30, 2026-11-20T10:15:30Z",
    "2026-11-20T10:15, 2026-11-20T10:15:00Z"
  })
  void readsTimestampsWithOrWithoutAZone(String text, String instant) {
    assertThat(Values.timestamp(text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a time",
        "2026-13-45",
        "",
        "2026-02-29T10:00:00",
        "2026-04-31T10:00:00",
        "2026-01-03T24:00:00",
        "2026-01-03T12:60:00",
        "2026-01-03T12:00:60",
        "2026-01-03T12:00:00.1234567890",
        "2026-1-03T12:00:00"
      })
  void ignoresInvalidTimestamps(String text) {
    assertThat(Values.timestamp(text)).isNull();
  }
}
