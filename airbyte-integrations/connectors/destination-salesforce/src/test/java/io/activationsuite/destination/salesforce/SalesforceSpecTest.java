package io.activationsuite.destination.salesforce;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class SalesforceSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new SalesforceApi()).spec(), "salesforce");
  }
}
