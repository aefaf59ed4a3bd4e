package io.activationsuite.acceptance.capabilities;

import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Connectors;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Parameter sources that pair each connector with its cases (targets, inputs): {@code (connector, case)}
 * for each case, or {@code (connector, NotApplicable)} when a connector has none - so the capability matrix
 * shows it as not applicable rather than leaving it out.
 */
public final class ConnectorCases {

  private ConnectorCases() {
  }

  /** {@code (connector, case)} for every selected connector and each of its {@code cases}. */
  public static Stream<Arguments> each(Function<ConnectorDescriptor, List<?>> cases, String noneReason) {
    return Connectors.all().flatMap(connector -> {
      List<?> list = cases.apply(connector);
      if (list.isEmpty()) {
        return Stream.of(Arguments.of(connector, new NotApplicable(noneReason)));
      }
      return list.stream().map(c -> Arguments.of(connector, c));
    });
  }
}
