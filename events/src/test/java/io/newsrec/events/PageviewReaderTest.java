package io.newsrec.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsrec.events.PageviewReader.Read;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageviewReaderTest {

  private final PageviewReader reader = new PageviewReader(Examples.validator(), 3);

  @Test
  void anObjectIsASingleEvent() {
    Read read = reader.read(bytes(Examples.validJson().toString()));

    assertThat(read)
        .isInstanceOfSatisfying(
            Read.Items.class,
            items -> {
              assertThat(items.batch()).isFalse();
              assertThat(items.verdicts()).singleElement().isInstanceOf(Validated.Valid.class);
            });
  }

  @Test
  void anArrayGivesOneVerdictPerItemInOrder() {
    ArrayNode batch = PageviewJson.MAPPER.createArrayNode();
    batch.add(Examples.validJson());
    batch.add(Examples.validJson().put("scrollDepthPct", 101));
    batch.add(Examples.validJson().put("portal", "g2"));

    Read.Items items = (Read.Items) reader.read(bytes(batch.toString()));

    assertThat(items.batch()).isTrue();
    assertThat(items.verdicts().get(0)).isInstanceOf(Validated.Valid.class);
    assertThat(PageviewValidatorTest.errors(items.verdicts().get(1)))
        .containsExactly("[1].scrollDepthPct: must be between 0 and 100");
    assertThat(PageviewValidatorTest.errors(items.verdicts().get(2)))
        .containsExactly("[2].portal: is not a known portal");
  }

  @Test
  void aBatchLargerThanTheLimitIsRefusedWhole() {
    ArrayNode batch = PageviewJson.MAPPER.createArrayNode();
    for (int i = 0; i < 4; i++) {
      batch.add(Examples.validJson());
    }

    assertThat(reader.read(bytes(batch.toString()))).isEqualTo(new Read.TooMany(4, 3));
  }

  @Test
  void bodiesThatAreNotAnEventOrABatchAreUnreadable() {
    for (String body :
        new String[] {
          "", "{", "[1,", "42", "\"text\"", "null", "[]", "{} {}", "{\"a\":1,\"a\":2}"
        }) {
      assertThat(reader.read(bytes(body))).as(body).isInstanceOf(Read.Unreadable.class);
    }
  }

  @Test
  void invalidUtf8IsUnreadable() {
    byte[] body = bytes("{\"userId\":\"u-XX\"}");
    body[13] = (byte) 0xff;
    body[14] = (byte) 0xfe;

    assertThat(reader.read(body)).isInstanceOf(Read.Unreadable.class);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
