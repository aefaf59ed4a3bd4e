package io.activationsuite.destination.salesforce;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.ShippedSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class SalesforceSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new SalesforceApi()).spec(), "salesforce");
  }

  @Test
  void theConfigSchemaShippedForStartUpIsTheOneTheGeneratorWrites() {
    ShippedSchemas.assertShipped(SalesforceConfig.class, ConfigSchemas.resourceName(SalesforceConfig.class),
        ConfigSchemas.generated(SalesforceConfig.class));
  }
}
