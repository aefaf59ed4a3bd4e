package io.activationsuite.acceptance.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.acceptance.connectors.Capability;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityExtensionTest {

  @Requires({Capability.UPSERT_READ_BACK, Capability.KILL_RERUN_EXACT})
  void needsUpsertAndKill() {
  }

  @Requires(value = Capability.THROTTLE_RETRY, anyOf = {Capability.DELETE, Capability.UPDATE})
  void needsThrottleRetryAndDeleteOrUpdate() {
  }

  @Requires(Capability.READ_BACK)
  void needsAnyReadBack() {
  }

  private static Optional<String> missing(Set<Capability> declared, String method) throws Exception {
    Requires requires = CapabilityExtensionTest.class.getDeclaredMethod(method).getAnnotation(Requires.class);
    return CapabilityExtension.missing(Capability.effective(declared), List.of(requires));
  }

  @Test
  void aConnectorLackingARequiredFlagIsNotApplicableWithTheFlagNamed() throws Exception {
    assertThat(missing(EnumSet.of(Capability.APPEND_READ_BACK, Capability.KILL_RERUN_EXACT), "needsUpsertAndKill"))
        .contains("lacks UPSERT_READ_BACK");
  }

  @Test
  void aConnectorWithEveryRequiredFlagRunsTheTest() throws Exception {
    assertThat(missing(EnumSet.of(Capability.UPSERT_READ_BACK, Capability.KILL_RERUN_EXACT, Capability.DELETE),
        "needsUpsertAndKill")).isEmpty();
  }

  @Test
  void anUnmetAnyOfNamesEveryAlternative() throws Exception {
    assertThat(missing(EnumSet.of(Capability.THROTTLE_RETRY), "needsThrottleRetryAndDeleteOrUpdate"))
        .contains("lacks any of DELETE, UPDATE");
    assertThat(missing(EnumSet.of(Capability.THROTTLE_RETRY, Capability.UPDATE),
        "needsThrottleRetryAndDeleteOrUpdate")).isEmpty();
  }

  @Test
  void readBackIsDerivedFromAnUpsertOrAnAppendTargetAndNeverNeedsDeclaring() throws Exception {
    assertThat(missing(EnumSet.of(Capability.APPEND_READ_BACK), "needsAnyReadBack")).isEmpty();
    assertThat(missing(EnumSet.of(Capability.UPSERT_READ_BACK), "needsAnyReadBack")).isEmpty();
    assertThat(missing(EnumSet.of(Capability.DELETE), "needsAnyReadBack")).contains("lacks READ_BACK");
  }

  @Test
  void theMatrixShowsRanNotApplicableWithItsReasonAndFailures() {
    CapabilityMatrix matrix = new CapabilityMatrix();
    matrix.ran("hubspot", "T.a");
    matrix.notApplicable("slack", "T.a", "lacks UPSERT_READ_BACK");
    matrix.failed("zendesk", "T.a");
    matrix.ran("zendesk", "T.a");
    String markdown = matrix.markdown();
    assertThat(markdown).contains("| T.a |").contains(" ran ").contains("n/a (lacks UPSERT_READ_BACK)")
        .contains("FAILED (1 of 2)");
  }
}
