package app.sesame.database.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InstantConverterTest {
  private final InstantConverter converter = new InstantConverter();
  private final Instant instant = Instant.parse("2026-11-23T10:15:30.123Z");

  @Test
  void theSameInstantComesBackWhateverTheOffsetItWasReadIn() {
    assertEquals(
        instant, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(instant)));
    assertEquals(
        instant, converter.convertToEntityAttribute(instant.atOffset(ZoneOffset.ofHours(-5))));
    assertNull(converter.convertToEntityAttribute(null));
    assertNull(converter.convertToDatabaseColumn(null));
  }
}
