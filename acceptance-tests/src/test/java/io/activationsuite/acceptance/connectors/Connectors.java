package io.activationsuite.acceptance.connectors;

import io.activationsuite.acceptance.harness.AcceptanceSettings;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The descriptors of every connector the suite tests ({@code -Dacceptance.connectors} selects some). Every test
 * takes {@link #all()} as its parameter source and names the capabilities it needs with
 * {@link io.activationsuite.acceptance.capabilities.Requires}: a connector lacking them is reported as not
 * applicable, never left out.
 */
public final class Connectors {

  /** Parameter source name for {@code @MethodSource}: every selected connector. */
  public static final String ALL_SOURCE = "io.activationsuite.acceptance.connectors.Connectors#all";

  private static final List<ConnectorDescriptor> ALL = List.of(new HubSpotDescriptor(), new SalesforceDescriptor(),
      new BrazeDescriptor(), new ZendeskDescriptor(), new SlackDescriptor());

  private Connectors() {
  }

  /** The selected descriptors: the argument source of every parameterised acceptance test. */
  public static Stream<ConnectorDescriptor> all() {
    Set<String> selected = AcceptanceSettings.selectedConnectors();
    return ALL.stream().filter(d -> selected.isEmpty() || selected.contains(d.tool()));
  }
}
