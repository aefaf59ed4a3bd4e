package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.ShippedSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class HubSpotSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new HubSpotActivationApi()).spec(), "hubspot");
  }

  @Test
  void theConfigSchemaShippedForStartUpIsTheOneTheGeneratorWrites() {
    ShippedSchemas.assertShipped(HubSpotConfig.class, ConfigSchemas.resourceName(HubSpotConfig.class),
        ConfigSchemas.generated(HubSpotConfig.class));
  }
}
