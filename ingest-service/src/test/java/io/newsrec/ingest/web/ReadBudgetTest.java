package io.newsrec.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadBudgetTest {

  private static final long MAX_BODY = 1024 * 1024;

  @Test
  void bodiesReserveTheirDeclaredLengthInKibRoundedUp() {
    ReadBudget budget = new ReadBudget(4 * 1024, MAX_BODY);

    assertThat(budget.tryReserve(1)).isEqualTo(1);
    assertThat(budget.tryReserve(2049)).isEqualTo(3);
    assertThat(budget.tryReserve(0)).isZero(); // 4 KiB spent: refused
  }

  @Test
  void aBodyOfUnknownLengthReservesTheMaximumBodySize() {
    ReadBudget budget = new ReadBudget(2 * MAX_BODY, MAX_BODY);

    assertThat(budget.tryReserve(-1)).isEqualTo(1024);
    assertThat(budget.tryReserve(-1)).isEqualTo(1024);
    assertThat(budget.tryReserve(-1)).isZero();
  }

  @Test
  void releasedRoomCanBeReservedAgain() {
    ReadBudget budget = new ReadBudget(MAX_BODY, MAX_BODY);
    int reserved = budget.tryReserve(MAX_BODY);
    assertThat(budget.tryReserve(10)).isZero();

    budget.release(reserved);

    assertThat(budget.tryReserve(10)).isEqualTo(1);
  }
}
