package io.newsrec.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamAuditTest {

  static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
  static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
  static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
  static final UUID D = UUID.fromString("00000000-0000-4000-8000-00000000000d");

  @Test
  void countsLostDuplicatedAndUnacknowledgedEventsSeparately() {
    // Acknowledged A, B, C; the streams hold A twice, B once and D (sent, never acknowledged).
    var records = List.of(record(A), record(B), record(A), record(D));

    StreamAudit audit = StreamAudit.of(Set.of(A, B, C), records);

    assertThat(audit)
        .isEqualTo(
            new StreamAudit(
                3, // acknowledged
                2, // found: A, B
                1, // lost: C
                1, // duplicates: the second A
                4, // records
                1)); // D
  }

  static byte[] record(UUID id) {
    return ("{\"eventId\":\"" + id + "\",\"portal\":\"g1\"}").getBytes(StandardCharsets.UTF_8);
  }
}
