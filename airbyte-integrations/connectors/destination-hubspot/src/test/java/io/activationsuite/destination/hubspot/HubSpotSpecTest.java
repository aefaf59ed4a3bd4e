package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class HubSpotSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new HubSpotActivationApi()).spec(), "hubspot");
  }

  @Test
  void theConfigSchemaShippedAsAResourceIsTheOneTheGeneratorWrites() {
    // when this fails, regenerate the resource from ConfigSchemas.generated(HubSpotConfig.class) (pretty-printed JSON)
    assertThat(ConfigSchemas.resource(HubSpotConfig.class)).isNotNull();
    assertThat(ConfigSchemas.resource(HubSpotConfig.class).toString()).isEqualTo(ConfigSchemas.generated(HubSpotConfig.class).toString());
    assertThat(ConfigSchemas.resource(HubSpotConfig.class)).isEqualTo(ConfigSchemas.generated(HubSpotConfig.class));
    assertThat(ConfigSchemas.schemaOf(HubSpotConfig.class)).isEqualTo(ConfigSchemas.resource(HubSpotConfig.class));
  }
}
