package io.activationsuite.sink.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscardingRejectedRecordStoreTest {

  @Test
  void givenNoneStorage_whenRecordsWritten_thenNothingKeptAndWarningRaisedOnce() {
    RejectedRecordStore store = RejectedRecordStores.open(new ObjectStorageConfig.None(), "1");
    assertThat(store).isInstanceOf(DiscardingRejectedRecordStore.class);
    DiscardingRejectedRecordStore discarding = (DiscardingRejectedRecordStore) store;
    assertThat(discarding.warned()).isFalse();
    store.write(TestRecords.sample("crm", "users", 1));
    store.write(TestRecords.sample("crm", "users", 2));
    store.flush();
    store.close();
    assertThat(discarding.warned()).isTrue();
    assertThat(store.retainsRecords()).isFalse();
    assertThat(store.location()).contains("discarded");
  }
}
