package io.activationsuite.acceptance.capabilities;

import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs each connector-parameterised test only for connectors that have the capabilities it
 * {@link Requires}; for the others (and for a {@link NotApplicable} case) the invocation is reported as
 * aborted with "tool: not applicable - lacks X". Records every outcome in the {@link CapabilityMatrix},
 * printed and written to {@code target/acceptance-capabilities.md} when the run ends.
 */
public final class CapabilityExtension implements InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
      CapabilityExtension.class);

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    Optional<ConnectorDescriptor> connector = invocationContext.getArguments().stream()
        .filter(ConnectorDescriptor.class::isInstance).map(ConnectorDescriptor.class::cast).findFirst();
    if (connector.isEmpty()) {
      invocation.proceed();
      return;
    }
    CapabilityMatrix matrix = extensionContext.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(CapabilityMatrix.class, type -> new CapabilityMatrix(), CapabilityMatrix.class);
    String test = invocationContext.getTargetClass().getSimpleName() + "." + invocationContext.getExecutable()
        .getName();
    String tool = connector.get().tool();
    Optional<String> notApplicable = notApplicable(connector.get(), invocationContext);
    if (notApplicable.isPresent()) {
      invocation.skip();
      matrix.notApplicable(tool, test, notApplicable.get());
      throw new TestAbortedException(tool + ": not applicable - " + notApplicable.get());
    }
    try {
      invocation.proceed();
      matrix.ran(tool, test);
    } catch (TestAbortedException e) {
      matrix.aborted(tool, test, e.getMessage());
      throw e;
    } catch (Throwable e) {
      matrix.failed(tool, test);
      throw e;
    }
  }

  /** Why the test does not apply to {@code connector}, or empty when it does. */
  static Optional<String> notApplicable(ConnectorDescriptor connector,
      ReflectiveInvocationContext<Method> invocation) {
    for (Object argument : invocation.getArguments()) {
      if (argument instanceof NotApplicable none) {
        return Optional.of(none.reason());
      }
    }
    List<Requires> requirements = new ArrayList<>();
    Optional.ofNullable(invocation.getTargetClass().getAnnotation(Requires.class)).ifPresent(requirements::add);
    Optional.ofNullable(invocation.getExecutable().getAnnotation(Requires.class)).ifPresent(requirements::add);
    return missing(Capability.effective(connector.capabilities()), requirements);
  }

  /** What {@code has} lacks of {@code requirements}, as a reason; empty when nothing. */
  static Optional<String> missing(Set<Capability> has, List<Requires> requirements) {
    Set<Capability> lacking = new LinkedHashSet<>();
    List<String> reasons = new ArrayList<>();
    for (Requires requires : requirements) {
      Arrays.stream(requires.value()).filter(c -> !has.contains(c)).forEach(lacking::add);
      if (requires.anyOf().length > 0 && Arrays.stream(requires.anyOf()).noneMatch(has::contains)) {
        reasons.add("lacks any of " + Arrays.stream(requires.anyOf()).map(Enum::name)
            .collect(Collectors.joining(", ")));
      }
    }
    if (!lacking.isEmpty()) {
      reasons.add(0, "lacks " + lacking.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }
}
