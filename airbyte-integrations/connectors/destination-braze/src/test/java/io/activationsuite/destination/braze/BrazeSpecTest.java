package io.activationsuite.destination.braze;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.ShippedSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class BrazeSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new BrazeActivationApi()).spec(), "braze");
  }

  @Test
  void theConfigSchemaShippedForStartUpIsTheOneTheGeneratorWrites() {
    ShippedSchemas.assertShipped(BrazeConfig.class, ConfigSchemas.resourceName(BrazeConfig.class),
        ConfigSchemas.generated(BrazeConfig.class));
  }
}
