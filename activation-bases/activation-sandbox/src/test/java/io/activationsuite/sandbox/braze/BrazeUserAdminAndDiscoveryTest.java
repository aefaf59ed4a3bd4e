package io.activationsuite.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@SandboxTest("braze")
class BrazeUserAdminAndDiscoveryTest {

  private static final String KEY = BrazeSettings.DEFAULT_API_KEY;

  private final EmulatorServer braze;

  BrazeUserAdminAndDiscoveryTest(EmulatorServer braze) {
    this.braze = braze;
  }

  private JsonNode post(String path, String json) {
    return TestHttp.json(TestHttp.post(braze.url(path), KEY, json));
  }

  @Test
  void deleteTakesOneKindOfIdentifierAndAtMost50() {
    post("/users/track", "{\"attributes\":[{\"external_id\":\"a\",\"x\":1},{\"external_id\":\"b\",\"x\":1}],"
        + "\"events\":[{\"external_id\":\"a\",\"name\":\"e\",\"time\":\"2026-01-01T00:00:00Z\"}]}");

    JsonNode deleted = post("/users/delete", "{\"external_ids\":[\"a\",\"missing\"]}");
    assertThat(deleted.path("deleted").asInt()).isEqualTo(1);
    assertThat(braze.objects("users")).hasSize(1);
    assertThat(braze.objects("events")).isEmpty();
    HttpResponse<String> mixed = TestHttp.post(braze.url("/users/delete"), KEY,
        "{\"external_ids\":[\"b\"],\"braze_ids\":[\"c\"]}");
    assertThat(mixed.statusCode()).isEqualTo(400);
    ArrayNode many = Json.array();
    for (int i = 0; i < 51; i++) {
      many.add("id" + i);
    }
    assertThat(TestHttp.post(braze.url("/users/delete"), KEY, "{\"external_ids\":" + many + "}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void aliasNewCreatesAliasOnlyProfilesOrAddsToAnExistingUser() {
    post("/users/track", "{\"attributes\":[{\"external_id\":\"a\",\"x\":1}]}");

    JsonNode body = post("/users/alias/new", "{\"user_aliases\":[{\"external_id\":\"a\",\"alias_name\":\"crm-1\","
        + "\"alias_label\":\"crm\"},{\"alias_name\":\"anon-7\",\"alias_label\":\"web\"}]}");

    assertThat(body.path("aliases_processed").asInt()).isEqualTo(2);
    assertThat(braze.objects("users")).hasSize(2);
    JsonNode deleted = post("/users/delete",
        "{\"user_aliases\":[{\"alias_name\":\"anon-7\",\"alias_label\":\"web\"}]}");
    assertThat(deleted.path("deleted").asInt()).isEqualTo(1);
  }

  @Test
  void subscriptionStatusSetChangesTheGroupStateOfEachIdentifier() {
    JsonNode body = post("/v2/subscription/status/set", "{\"subscription_groups\":[{\"subscription_group_id\":\""
        + BrazeSettings.SMS_GROUP + "\",\"subscription_state\":\"unsubscribed\",\"external_ids\":[\"a\"],"
        + "\"phones\":[\"+15555550100\"]}]}");

    assertThat(body.path("message").asText()).isEqualTo("success");
    assertThat(braze.objects("users")).hasSize(2);
    assertThat(braze.objects("users").get(0).path("subscription_groups").get(0).path("subscription_state").asText())
        .isEqualTo("unsubscribed");
    assertThat(TestHttp.post(braze.url("/v2/subscription/status/set"), KEY, "{\"subscription_groups\":[{"
        + "\"subscription_group_id\":\"nope\",\"subscription_state\":\"subscribed\",\"external_ids\":[\"a\"]}]}")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void customAttributesArePagedBy50WithALinkHeaderCursor() {
    ObjectNode attributes = Json.object().put("external_id", "u");
    for (int i = 0; i < 60; i++) {
      attributes.put(String.format("attr_%02d", i), i);
    }
    attributes.putArray("tags").add("x");
    post("/users/track", "{\"attributes\":[" + attributes + "]}");

    List<String> names = new ArrayList<>();
    String url = braze.url("/custom_attributes");
    int pages = 0;
    while (url != null) {
      HttpResponse<String> page = TestHttp.get(url, KEY);
      TestHttp.json(page).path("attributes").forEach(a -> names.add(a.path("name").asText() + ":"
          + a.path("data_type").asText()));
      url = page.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
      pages++;
    }

    assertThat(pages).isEqualTo(2);
    assertThat(names).hasSize(61).contains("attr_00:Number", "tags:Array");
  }

  @Test
  void eventNamesAndProductIdsAreListed() {
    post("/users/track", "{\"events\":[{\"external_id\":\"a\",\"name\":\"signed_up\",\"time\":\"2026-01-01\"}],"
        + "\"purchases\":[{\"external_id\":\"a\",\"product_id\":\"sku-1\",\"currency\":\"EUR\",\"price\":3,"
        + "\"time\":\"2026-01-01T00:00:00Z\"}]}");

    assertThat(TestHttp.json(TestHttp.get(braze.url("/events/list"), KEY)).path("events").toString())
        .isEqualTo("[\"signed_up\"]");
    assertThat(TestHttp.json(TestHttp.get(braze.url("/purchases/product_list"), KEY)).path("products").toString())
        .isEqualTo("[\"sku-1\"]");
  }
}
