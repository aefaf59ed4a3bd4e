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
    // when this fails, regenerate the resource from ConfigSchemas.generated(BrazeConfig.class) (pretty-printed JSON)
    assertThat(ConfigSchemas.resource(BrazeConfig.class)).isNotNull();
    assertThat(ConfigSchemas.resource(BrazeConfig.class).toString()).isEqualTo(ConfigSchemas.generated(BrazeConfig.class).toString());
    assertThat(ConfigSchemas.resource(BrazeConfig.class)).isEqualTo(ConfigSchemas.generated(BrazeConfig.class));
    assertThat(ConfigSchemas.schemaOf(BrazeConfig.class)).isEqualTo(ConfigSchemas.resource(BrazeConfig.class));
  }
}
