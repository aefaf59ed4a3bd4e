package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class HubSpotSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new HubSpotActivationApi()).spec(), "hubspot");
  }
}
