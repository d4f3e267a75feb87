package dev.ff.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  // Expected millis computed independently with python3 datetime.
  @ParameterizedTest
  @CsvSource({
    "2026-11-24T10:00:00Z, 1795514400000",
    "2026-11-24t10:00:00z, 1795514400000",
    "2024-02-29T23:59:59.999Z, 1709251199999",
    "2024-02-29T23:59:59.9999999Z, 1709251199999",
    "2024-02-29T23:59:59.9Z, 1709251199900",
    "2024-02-29T23:59:59.99Z, 1709251199990",
    "2000-02-29T12:00:00+05:30, 951805800000",
    "1969-12-31T23:59:59Z, -1000",
    "1969-12-31T23:59:59.5Z, -500",
    "0001-01-01T00:00:00Z, -62135596800000",
    "0000-01-01T00:00:00Z, -62167219200000",
    "9999-12-31T23:59:59.999Z, 253402300799999",
    "2020-01-01T00:00:00-18:00, 1577901600000",
    "2020-01-01T00:00:00+18:00, 1577772000000",
    "2020-01-01T00:00:00-00:00, 1577836800000",
    "1970-01-01T00:00:00Z, 0"
  })
  void parseRfc3339Millis_validTimestamps(String s, long expected) {
    assertThat(Timestamps.parseRfc3339Millis(s)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-11-24",
        "2026-11-24T10:00:00",
        "2026-11-24 10:00:00Z",
        "2026-11-24X10:00:00Z",
        "2026-11-24T10:00Z",
        "2026-11-24T10:00:60Z",
        "2026-11-24T24:00:00Z",
        "2026-11-24T10:60:00Z",
        "2026-13-01T10:00:00Z",
        "2026-00-01T10:00:00Z",
        "2026-11-00T10:00:00Z",
        "2026-11-31T10:00:00Z",
        "2023-02-29T10:00:00Z",
        "1900-02-29T10:00:00Z",
        "2026-04-31T10:00:00Z",
        "2026-11-24T10:00:00.Z",
        "2026-11-24T10:00:00+18:01",
        "2026-11-24T10:00:00-19:00",
        "2026-11-24T10:00:00+05:60",
        "2026-11-24T10:00:00+0530",
        "2026-11-24T10:00:00+05",
        "2026-11-24T10:00:00Z ",
        " 2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00ZZ",
        "2026-11-24T10:00:00UTC",
        "26-11-24T10:00:00Z",
        "+2026-11-24T10:00:00Z",
        "2026/11/24T10:00:00Z",
        "2026-11-24T10:00:00.123",
        "2026-1a-24T10:00:00Z",
        "\uff12026-11-24T10:00:00Z"
      })
  void parseRfc3339Millis_invalidTimestamps(String s) {
    assertThat(Timestamps.parseRfc3339Millis(s)).as(s).isEqualTo(Timestamps.INVALID);
  }

  @Test
  void parseRfc3339Millis_null_isInvalid() {
    assertThat(Timestamps.parseRfc3339Millis(null)).isEqualTo(Timestamps.INVALID);
  }

  @Test
  void parseRfc3339Millis_leapYearRules() {
    assertThat(Timestamps.parseRfc3339Millis("2000-02-29T00:00:00Z"))
        .isNotEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseRfc3339Millis("2004-02-29T00:00:00Z"))
        .isNotEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseRfc3339Millis("2100-02-29T00:00:00Z")).isEqualTo(Timestamps.INVALID);
  }

  @Test
  void parseRfc3339Millis_offsetsDenoteTheSameInstant() {
    assertThat(Timestamps.parseRfc3339Millis("2026-11-24T12:00:00+02:00"))
        .isEqualTo(Timestamps.parseRfc3339Millis("2026-11-24T10:00:00Z"));
    assertThat(Timestamps.parseRfc3339Millis("2026-11-24T00:30:00-09:30"))
        .isEqualTo(Timestamps.parseRfc3339Millis("2026-11-24T10:00:00Z"));
  }

  @Property
  void parseRfc3339Millis_agreesWithJavaTime(
      @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
    String text = Instant.ofEpochMilli(millis).toString();
    assertThat(Timestamps.parseRfc3339Millis(text)).isEqualTo(millis);
  }

  @Test
  void fromEpochMillis_integralValues() {
    assertThat(Timestamps.fromEpochMillis(0)).isZero();
    assertThat(Timestamps.fromEpochMillis(-0.0)).isZero();
    assertThat(Timestamps.fromEpochMillis(1795514400000.0)).isEqualTo(1795514400000L);
    assertThat(Timestamps.fromEpochMillis(-1000)).isEqualTo(-1000L);
    assertThat(Timestamps.fromEpochMillis(1e3)).isEqualTo(1000L);
  }

  @Test
  void fromEpochMillis_nonIntegral_isInvalid() {
    assertThat(Timestamps.fromEpochMillis(1.5)).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.fromEpochMillis(-0.001)).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.fromEpochMillis(Double.NaN)).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.fromEpochMillis(Double.POSITIVE_INFINITY)).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.fromEpochMillis(Double.NEGATIVE_INFINITY)).isEqualTo(Timestamps.INVALID);
  }

  @Test
  void fromEpochMillis_hugeIntegralValuesSaturate() {
    assertThat(Timestamps.fromEpochMillis(1e20)).isEqualTo(Long.MAX_VALUE);
    assertThat(Timestamps.fromEpochMillis(-1e20)).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(Timestamps.fromEpochMillis(-9.223372036854775808E18)).isEqualTo(Long.MIN_VALUE + 1);
  }
}
