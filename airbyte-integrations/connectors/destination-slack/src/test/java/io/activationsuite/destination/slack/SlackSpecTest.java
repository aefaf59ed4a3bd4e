package io.activationsuite.destination.slack;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.ShippedSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class SlackSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new SlackActivationApi()).spec(), "slack");
  }

  @Test
  void theConfigSchemaShippedForStartUpIsTheOneTheGeneratorWrites() {
    ShippedSchemas.assertShipped(SlackConfig.class, ConfigSchemas.resourceName(SlackConfig.class),
        ConfigSchemas.generated(SlackConfig.class));
  }
}
