package io.activationsuite.destination.zendesk;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.ShippedSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class ZendeskSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new ZendeskActivationApi()).spec(), "zendesk");
  }

  @Test
  void theConfigSchemaShippedForStartUpIsTheOneTheGeneratorWrites() {
    ShippedSchemas.assertShipped(ZendeskConfig.class, ConfigSchemas.resourceName(ZendeskConfig.class),
        ConfigSchemas.generated(ZendeskConfig.class));
  }
}
