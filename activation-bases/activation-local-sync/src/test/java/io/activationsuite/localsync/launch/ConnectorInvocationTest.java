package io.activationsuite.localsync.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorInvocationTest {

  @Test
  void writeWithoutACatalogIsRejected() {
    assertThatThrownBy(() -> new ConnectorInvocation(
        ConnectorCommand.WRITE, Optional.of("{}"), Optional.empty(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("write needs a catalog");
  }

  @Test
  void specWithAConfigIsRejected() {
    assertThatThrownBy(() -> new ConnectorInvocation(
        ConnectorCommand.SPEC, Optional.of("{}"), Optional.empty(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec takes no config");
  }

  @Test
  void anEnvironmentNameWithAnEqualsSignIsRejected() {
    assertThatThrownBy(() -> ConnectorInvocation.spec().withEnvironment(Map.of("A=B", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsNeitherTheConfigNorEnvironmentValues() {
    ConnectorInvocation invocation = ConnectorInvocation.check("{\"token\":\"s3cr3t\"}")
        .withEnvironment(Map.of("API_KEY", "k3y"));
    assertThat(invocation.toString()).contains("check", "API_KEY").doesNotContain("s3cr3t", "k3y");
  }
}
