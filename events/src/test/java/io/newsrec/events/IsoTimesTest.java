package io.newsrec.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

  private static Instant byFormatter(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  @Test
  void theCommonShapesAreReadByHandWithTheFormattersResult() {
    List<String> common =
        List.of(
            "2026-11-27T10:15:30Z",
            "2026-11-27T10:15:30.1Z",
            "2026-11-27T10:15:30.123Z",
            "2026-11-27T10:15:30.123456789Z",
            "2026-11-27T07:15:30.5-03:00",
            "2026-11-27T23:59:59+14:00",
            "2024-02-29T00:00:00-00:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999+18:00");
    for (String text : common) {
      assertThat(IsoTimes.parseCommon(text)).as(text).isEqualTo(byFormatter(text));
      assertThat(IsoTimes.parse(text)).as(text).isEqualTo(byFormatter(text));
    }
    // worked by hand: 2026-01-01 is day 56 × 365 + 14 leap days = 20,454 since 1970-01-01, and
    // 2026-11-27 is 330 days later: 20,784; 07:15:30 at -03:00 is 10:15:30Z
    assertThat(IsoTimes.parseCommon("2026-11-27T07:15:30.5-03:00"))
        .isEqualTo(Instant.ofEpochSecond(20_784L * 86_400 + 10 * 3600 + 15 * 60 + 30, 500_000_000));
  }

  @Test
  void otherValidShapesGoToTheFormatter() {
    for (String text :
        List.of(
            "2026-11-27t10:15:30Z",
            "2026-11-27T10:15Z",
            "2026-11-27T10:15:30+01:00:30",
            "2026-11-27T10:15:30.Z")) { // a point without digits: the formatter takes it
      assertThat(IsoTimes.parseCommon(text)).as(text).isNull();
      assertThat(IsoTimes.parse(text)).as(text).isEqualTo(byFormatter(text));
    }
  }

  @Test
  void invalidTextIsRefusedAsTheFormatterRefusesIt() {
    for (String text :
        List.of(
            "2026-02-30T10:15:30Z",
            "2026-13-01T10:15:30Z",
            "2026-11-27T24:00:00Z",
            "2026-11-27T10:60:00Z",
            "2026-11-27T10:15:60Z",
            "2026-11-27T10:15:30.1234567890Z",
            "2026-11-27T10:15:30+19:00",
            "2026-11-27T10:15:30",
            "2026-11-27 10:15:30Z",
            "2026-11-27T10:15:30ZZ",
            "+2026-11-27T10:15:30Z",
            "２０２６-11-27T10:15:30Z",
            "")) {
      assertThat(IsoTimes.parseCommon(text)).as(text).isNull();
      assertThatThrownBy(() -> IsoTimes.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void formatWritesWhatInstantToStringWrites() {
    var random = new Random(42);
    assertThat(IsoTimes.format(Instant.parse("2026-11-27T10:15:30Z")))
        .isEqualTo("2026-11-27T10:15:30Z");
    assertThat(IsoTimes.format(Instant.parse("2026-11-27T10:15:30.120Z")))
        .isEqualTo("2026-11-27T10:15:30.120Z");
    assertThat(IsoTimes.format(Instant.parse("1969-12-31T23:59:59.000001Z")))
        .isEqualTo("1969-12-31T23:59:59.000001Z");
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L); // years 0000-9999
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoTimes.format(t)).isEqualTo(t.toString());
      assertThat(IsoTimes.parse(IsoTimes.format(t))).isEqualTo(t);
    }
    Instant far = Instant.parse("+12026-01-01T00:00:00Z");
    assertThat(IsoTimes.format(far)).isEqualTo(far.toString());
  }
}
