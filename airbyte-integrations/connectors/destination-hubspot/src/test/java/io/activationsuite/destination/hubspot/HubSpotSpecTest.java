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
    // when this fails, write ConfigSchemas.generated(HubSpotConfig.class), pretty-printed, to the resource
    var shipped = ConfigSchemas.resource(HubSpotConfig.class);
    var generated = ConfigSchemas.generated(HubSpotConfig.class);
    assertThat(shipped).isNotNull();
    assertThat(shipped.toString()).isEqualTo(generated.toString());
    assertThat(shipped).isEqualTo(generated);
    assertThat(ConfigSchemas.schemaOf(HubSpotConfig.class)).isEqualTo(shipped);
  }
}
