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
import org.junit.jupiter.api.Test;

@SandboxTest("braze")
class BrazeUsersTrackTest {

  private static final String KEY = BrazeSettings.DEFAULT_API_KEY;

  private final EmulatorServer braze;

  BrazeUsersTrackTest(EmulatorServer braze) {
    this.braze = braze;
  }

  private HttpResponse<String> track(String json) {
    return TestHttp.post(braze.url("/users/track"), KEY, json);
  }

  private JsonNode user(String externalId) {
    for (JsonNode user : braze.objects("users")) {
      if (externalId.equals(user.path("external_id").asText())) {
        return user;
      }
    }
    return null;
  }

  @Test
  void attributesEventsAndPurchasesInOneRequestAreProcessedAndCounted() {
    HttpResponse<String> r = track("""
        {"attributes":[{"external_id":"u1","first_name":"Ada","email":"ada@example.com","dob":"1990-02-03",
                        "email_subscribe":"opted_in","plan":"gold","score":12.5,"vip":true}],
         "events":[{"external_id":"u1","name":"entered_segment","time":"2026-09-01T10:00:00Z",
                    "properties":{"segment":"at_risk"}}],
         "purchases":[{"external_id":"u1","product_id":"sku1","currency":"USD","price":12.5,"quantity":2,
                       "time":"2026-09-01T10:00:00Z"}]}""");

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode body = TestHttp.json(r);
    assertThat(body.path("message").asText()).isEqualTo("success");
    assertThat(body.path("attributes_processed").asInt()).isEqualTo(1);
    assertThat(body.path("events_processed").asInt()).isEqualTo(1);
    assertThat(body.path("purchases_processed").asInt()).isEqualTo(1);
    assertThat(body.has("errors")).isFalse();
    JsonNode user = user("u1");
    assertThat(user.path("first_name").asText()).isEqualTo("Ada");
    assertThat(user.path("plan").asText()).isEqualTo("gold");
    assertThat(user.path("vip").asBoolean()).isTrue();
    assertThat(braze.objects("events").get(0).path("properties").path("segment").asText()).isEqualTo("at_risk");
    assertThat(braze.objects("purchases").get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(braze.emulator(BrazeEmulator.class).dataPoints()).isEqualTo(9);
  }

  @Test
  void perObjectErrorsNameTheArrayAndIndexAndTheRestIsProcessed() {
    HttpResponse<String> r = track("""
        {"attributes":[{"external_id":"a","email":"not-an-email"},{"external_id":"b","gender":"F"},
                       {"external_id":"c","email_subscribe":"maybe"},{"first_name":"nobody"}],
         "events":[{"external_id":"b","name":"x","time":"yesterday"}],
         "purchases":[{"external_id":"b","product_id":"p","currency":"usd","price":1,"time":"2026-01-01T00:00:00Z"},
                      {"external_id":"b","product_id":"p","currency":"EUR","price":"1","time":"2026-01-01"}]}""");

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode body = TestHttp.json(r);
    assertThat(body.path("message").asText()).isEqualTo("success");
    assertThat(body.path("attributes_processed").asInt()).isEqualTo(1);
    assertThat(body.path("events_processed").asInt()).isZero();
    assertThat(body.path("purchases_processed").asInt()).isZero();
    JsonNode errors = body.path("errors");
    assertThat(errors).hasSize(6);
    assertThat(errors.get(0).path("type").asText()).isEqualTo("'email' is not valid");
    assertThat(errors.get(0).path("input_array").asText()).isEqualTo("attributes");
    assertThat(errors.get(0).path("index").asInt()).isZero();
    assertThat(errors.get(1).path("index").asInt()).isEqualTo(2);
    assertThat(errors.get(2).path("type").asText()).contains("no user identifier");
    assertThat(errors.get(3).path("input_array").asText()).isEqualTo("events");
    assertThat(errors.get(3).path("type").asText()).isEqualTo("'time' is not valid");
    assertThat(errors.get(4).path("type").asText()).isEqualTo("'currency' is not valid");
    assertThat(errors.get(5).path("type").asText()).isEqualTo("'price' is not valid");
    assertThat(user("a")).isNull();
    assertThat(user("b").path("gender").asText()).isEqualTo("F");
  }

  @Test
  void moreThan75ObjectsCombinedIsAFatal400AndNothingIsProcessed() {
    ObjectNode body = Json.object();
    ArrayNode attributes = body.putArray("attributes");
    ArrayNode events = body.putArray("events");
    for (int i = 0; i < 40; i++) {
      attributes.addObject().put("external_id", "u" + i).put("x", i);
      events.addObject().put("external_id", "u" + i).put("name", "e").put("time", "2026-01-01T00:00:00Z");
    }

    HttpResponse<String> r = track(body.toString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(r).path("message").asText()).startsWith("Max Input Length Exceeded");
    assertThat(braze.objects("users")).isEmpty();
  }

  @Test
  void updateExistingOnlyRefusesUnknownUsersAndAliasOnlyProfilesNeedExplicitFalse() {
    JsonNode body = TestHttp.json(track("""
        {"attributes":[{"external_id":"ghost","_update_existing_only":true,"a":1},
                       {"user_alias":{"alias_name":"crm-9","alias_label":"crm_id"},"a":1},
                       {"user_alias":{"alias_name":"crm-9","alias_label":"crm_id"},
                        "_update_existing_only":false,"a":2}]}
        """));

    assertThat(body.path("attributes_processed").asInt()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("index").asInt()).isZero();
    assertThat(body.path("errors").get(1).path("index").asInt()).isEqualTo(1);
    assertThat(braze.objects("users")).hasSize(1);
    assertThat(braze.objects("users").get(0).path("user_aliases").get(0).path("alias_label").asText())
        .isEqualTo("crm_id");
  }

  @Test
  void emailIdentifiesAndWinsOverPhoneAndUnknownBrazeIdIsAnError() {
    track("{\"attributes\":[{\"email\":\"x@example.com\",\"phone\":\"+15555550100\",\"tier\":\"a\"}]}");
    track("{\"attributes\":[{\"email\":\"X@example.com\",\"phone\":\"+15555550199\",\"tier\":\"b\"}]}");
    String brazeId = braze.objects("users").get(0).path("braze_id").asText();
    JsonNode body = TestHttp.json(track("{\"attributes\":[{\"braze_id\":\"" + brazeId + "\",\"k\":1},"
        + "{\"braze_id\":\"nope\",\"k\":1}]}"));

    assertThat(braze.objects("users")).hasSize(1);
    assertThat(braze.objects("users").get(0).path("tier").asText()).isEqualTo("b");
    assertThat(braze.objects("users").get(0).path("k").asInt()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("index").asInt()).isEqualTo(1);
  }

  @Test
  void nestedObjectsArraysAndArrayOperationsAreApplied() {
    track("""
        {"attributes":[{"external_id":"n","pets":[{"id":1,"type":"dog"},{"id":2,"type":"cat"}],
          "tags":["a","b"],"address":{"city":"Paris","geo":{"lat":1}},"visits":{"inc":2}}]}""");
    track("""
        {"attributes":[{"external_id":"n","_merge_objects":true,"pets":{"$add":[{"id":3,"type":"fish"}],
          "$remove":[{"$identifier_key":"id","$identifier_value":1}]},"tags":{"add":["c","a"],"remove":["b"]},
          "address":{"zip":"75001"},"visits":{"inc":3}}]}""");

    JsonNode user = user("n");
    assertThat(user.path("pets")).hasSize(2);
    assertThat(user.path("pets").get(0).path("id").asInt()).isEqualTo(2);
    assertThat(user.path("tags").toString()).isEqualTo("[\"a\",\"c\"]");
    assertThat(user.path("address").path("city").asText()).isEqualTo("Paris");
    assertThat(user.path("address").path("zip").asText()).isEqualTo("75001");
    assertThat(user.path("visits").asInt()).isEqualTo(5);
  }

  @Test
  void subscriptionGroupsInsideAttributesAreStoredAndUnknownGroupsRefused() {
    JsonNode body = TestHttp.json(track("{\"attributes\":[{\"external_id\":\"s\",\"subscription_groups\":"
        + "[{\"subscription_group_id\":\"" + BrazeSettings.NEWSLETTER_GROUP + "\",\"subscription_state\":"
        + "\"subscribed\"}]},{\"external_id\":\"t\",\"subscription_groups\":[{\"subscription_group_id\":\"zz\","
        + "\"subscription_state\":\"subscribed\"}]}]}"));

    assertThat(body.path("attributes_processed").asInt()).isEqualTo(1);
    assertThat(body.path("errors").get(0).path("type").asText()).contains("subscription_group_id");
    assertThat(user("s").path("subscription_groups").get(0).path("subscription_state").asText())
        .isEqualTo("subscribed");
  }

  @Test
  void aPayloadOver4MegabytesIs413() {
    String big = "x".repeat(BrazeEmulator.MAX_PAYLOAD_BYTES);
    HttpResponse<String> r = track("{\"attributes\":[{\"external_id\":\"b\",\"blob\":\"" + big + "\"}]}");

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(braze.objects("users")).isEmpty();
  }
}
