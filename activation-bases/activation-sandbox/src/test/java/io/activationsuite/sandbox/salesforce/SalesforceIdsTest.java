package io.activationsuite.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

  @Test
  void checksumMatchesSalesforceAlgorithm() {
    // well-known pair from Salesforce documentation examples of 15 vs 18 character ids
    assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
  }

  @Test
  void generatedIdsAreUniqueWellFormedAndCarryThePrefix() {
    SalesforceIds ids = new SalesforceIds();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String id = ids.next("003");
      assertThat(id).hasSize(18).startsWith("003");
      assertThat(SalesforceIds.isWellFormed(id)).isTrue();
      seen.add(id);
    }
    assertThat(seen).hasSize(1_000);
  }

  @Test
  void wellFormedAcceptsFifteenAndValidEighteenCharacterIds() {
    String id = new SalesforceIds().next("001");
    assertThat(SalesforceIds.isWellFormed(id.substring(0, 15))).isTrue();
    assertThat(SalesforceIds.canonical(id.substring(0, 15))).isEqualTo(id);
    assertThat(SalesforceIds.isWellFormed(id.substring(0, 15) + "ZZZ")).isFalse();
    assertThat(SalesforceIds.isWellFormed("garbage")).isFalse();
    assertThat(SalesforceIds.isWellFormed(null)).isFalse();
  }
}
