package io.activationsuite.acceptance.connectors;

import io.activationsuite.acceptance.harness.AcceptanceSettings;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The descriptors of every connector the suite tests ({@code -Dacceptance.connectors} selects some). */
public final class Connectors {

  private static final List<ConnectorDescriptor> ALL = List.of(new HubSpotDescriptor(), new SalesforceDescriptor(),
      new BrazeDescriptor(), new ZendeskDescriptor());

  private Connectors() {
  }

  /** The selected descriptors: the argument source of every parameterised acceptance test. */
  public static Stream<ConnectorDescriptor> all() {
    Set<String> selected = AcceptanceSettings.selectedConnectors();
    return ALL.stream().filter(d -> selected.isEmpty() || selected.contains(d.tool()));
  }
}
