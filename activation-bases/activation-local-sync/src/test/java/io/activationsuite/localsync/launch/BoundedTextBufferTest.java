package io.activationsuite.localsync.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedTextBufferTest {

  @Test
  void keepsTheLatestLinesWithinTheBudgetAndCountsTheDroppedOnes() {
    BoundedTextBuffer buffer = new BoundedTextBuffer(10);
    buffer.add("aaaa");
    buffer.add("bbbb");
    buffer.add("cccc");
    assertThat(buffer.text()).isEqualTo("[1 earlier line(s) dropped]\nbbbb\ncccc");
  }

  @Test
  void keepsTheEndOfALineLongerThanTheBudget() {
    BoundedTextBuffer buffer = new BoundedTextBuffer(3);
    buffer.add("abcdef");
    assertThat(buffer.text()).isEqualTo("def");
  }
}
