package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BloomSetTest {
  @Test
  void everyAddedIdIsFoundAndAnEmptySetHoldsNothing() {
    BloomSet empty = new BloomSet();
    BloomSet set = new BloomSet();
    for (int id = 0; id < 2_000; id++) {
      assertThat(empty.mightContain(id)).isFalse();
      set.add(id * 7);
    }
    for (int id = 0; id < 2_000; id++) {
      assertThat(set.mightContain(id * 7)).as("id %d", id * 7).isTrue();
    }
  }

  @Test
  void falseYesesComeAtTheRateItsSizeGives() {
    // 632 ids, g1's heaviest reader's reads past the last 200: (1 − e^(−5·632/8192))^5 = 0.00336;
    // ids numbered in order as the catalogue numbers articles, probed on the next 100,000
    BloomSet set = new BloomSet();
    for (int id = 0; id < 632; id++) {
      set.add(id);
    }
    int yes = 0;
    for (int id = 632; id < 100_632; id++) {
      yes += set.mightContain(id) ? 1 : 0;
    }
    // binomial sd at 100,000 draws is 18, so 3.4 ± 0.6 per mille
    assertThat(yes / 100_000.0).isBetween(0.0028, 0.0040);
  }

  @Test
  void whatItWritesReadsBackAsTheSameSet() throws IOException {
    BloomSet set = new BloomSet();
    set.add(3);
    set.add(41);
    byte[] written = bytesOf(set);
    assertThat(written).hasSize(BloomSet.BITS / 8);
    BloomSet copy = BloomSet.readFrom(new DataInputStream(new ByteArrayInputStream(written)));
    assertThat(bytesOf(copy)).isEqualTo(written);
    assertThat(copy.mightContain(41)).isTrue();
    copy.add(99);
    assertThat(bytesOf(set)).isEqualTo(written); // the copy is its own
    assertThatThrownBy(
            () -> BloomSet.readFrom(new DataInputStream(new ByteArrayInputStream(new byte[24]))))
        .isInstanceOf(EOFException.class);
  }

  private static byte[] bytesOf(BloomSet set) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    set.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }
}
