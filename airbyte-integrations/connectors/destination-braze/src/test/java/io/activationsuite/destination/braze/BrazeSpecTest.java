package io.activationsuite.destination.braze;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class BrazeSpecTest {

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new BrazeActivationApi()).spec(), "braze");
  }

  @Test
  void theConfigSchemaShippedAsAResourceIsTheOneTheGeneratorWrites() {
    // when this fails, write ConfigSchemas.generated(BrazeConfig.class), pretty-printed, to the resource
    var shipped = ConfigSchemas.resource(BrazeConfig.class);
    var generated = ConfigSchemas.generated(BrazeConfig.class);
    assertThat(shipped).isNotNull();
    assertThat(shipped.toString()).isEqualTo(generated.toString());
    assertThat(shipped).isEqualTo(generated);
    assertThat(ConfigSchemas.schemaOf(BrazeConfig.class)).isEqualTo(shipped);
  }
}
