package io.activationsuite.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /crm/v3/owners}: email filter, archived owners, paging; owner ids are hubspot_owner_id options. */
@SandboxTest("hubspot")
class HubSpotOwnersTest {
  private static final String TOKEN = HubSpotSettings.DEFAULT_PRIVATE_APP_TOKEN;

  private final EmulatorServer hubspot;

  HubSpotOwnersTest(EmulatorServer hubspot) {
    this.hubspot = hubspot;
  }

  private JsonNode owners(String query) {
    HttpResponse<String> response = TestHttp.get(hubspot.url("/crm/v3/owners/" + query), TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestHttp.json(response);
  }

  @Test
  void givenEmailInAnotherCase_whenOwnersAreFiltered_thenTheOneActiveOwnerIsReturned() {
    JsonNode answer = owners("?email=BOB@example.com");

    assertThat(answer.path("results")).hasSize(1);
    assertThat(answer.path("results").get(0).path("id").asText()).isEqualTo("102");
    assertThat(answer.path("results").get(0).path("archived").asBoolean()).isFalse();
    assertThat(owners("?email=erin@example.com").path("results")).isEmpty();
    assertThat(owners("?email=erin@example.com&archived=true").path("results")).hasSize(1);
  }

  @Test
  void givenSmallPages_whenFollowingAfter_thenEveryActiveOwnerIsListedOnce() {
    List<String> ids = new ArrayList<>();
    String after = "";
    do {
      JsonNode page = owners("?limit=3" + after);
      page.path("results").forEach(o -> ids.add(o.path("id").asText()));
      JsonNode next = page.at("/paging/next/after");
      after = next.isMissingNode() ? null : "&after=" + next.asText();
    } while (after != null);

    assertThat(ids).containsExactly("101", "102", "103", "104");
  }

  @Test
  void givenContactsProperties_whenRead_thenOwnerPropertyOffersTheActiveOwnerIds() {
    HttpResponse<String> response = TestHttp.get(hubspot.url("/crm/v3/properties/contacts/hubspot_owner_id"), TOKEN);
    assertThat(TestHttp.json(response).path("options").findValuesAsText("value"))
        .containsExactly("101", "102", "103", "104");
  }
}
