package io.activationsuite.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SandboxTest("hubspot")
class HubSpotDiscoveryTest {

  private static final String TOKEN = HubSpotSettings.DEFAULT_PRIVATE_APP_TOKEN;

  private final EmulatorServer hubspot;

  HubSpotDiscoveryTest(EmulatorServer hubspot) {
    this.hubspot = hubspot;
  }

  private Map<String, JsonNode> properties(String type) {
    HttpResponse<String> r = TestHttp.get(hubspot.url("/crm/v3/properties/" + type), TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, JsonNode> byName = new HashMap<>();
    TestHttp.json(r).path("results").forEach(p -> byName.put(p.path("name").asText(), p));
    return byName;
  }

  @Test
  void contactPropertiesCarryTypesUniquenessReadOnlyAndOptions() {
    Map<String, JsonNode> props = properties("contacts");

    assertThat(props.get("email").path("hasUniqueValue").asBoolean()).isTrue();
    assertThat(props.get("email").path("type").asText()).isEqualTo("string");
    JsonNode stage = props.get("lifecyclestage");
    assertThat(stage.path("type").asText()).isEqualTo("enumeration");
    assertThat(stage.path("options").findValuesAsText("value")).contains("lead", "customer");
    assertThat(props.get("signup_date").path("type").asText()).isEqualTo("date");
    assertThat(props.get("last_purchase_at").path("type").asText()).isEqualTo("datetime");
    assertThat(props.get("lifetime_value").path("type").asText()).isEqualTo("number");
    assertThat(props.get("is_vip").path("fieldType").asText()).isEqualTo("booleancheckbox");
    assertThat(props.get("interests").path("fieldType").asText()).isEqualTo("checkbox");
    assertThat(props.get("hs_object_id").at("/modificationMetadata/readOnlyValue").asBoolean()).isTrue();
    assertThat(props.get("num_associated_deals").path("calculated").asBoolean()).isTrue();
    assertThat(props.get("firstname").at("/modificationMetadata/readOnlyValue").asBoolean()).isFalse();
  }

  @Test
  void companyDomainIsNotUniqueButTheExternalIdIs() {
    Map<String, JsonNode> props = properties("0-2");

    assertThat(props.get("domain").path("hasUniqueValue").asBoolean()).isFalse();
    assertThat(props.get("company_external_id").path("hasUniqueValue").asBoolean()).isTrue();
  }

  @Test
  void schemasListTheCustomObjectWithItsDefinition() {
    HttpResponse<String> list = TestHttp.get(hubspot.url("/crm/v3/schemas"), TOKEN);
    HttpResponse<String> one = TestHttp.get(hubspot.url("/crm/v3/schemas/p_subscriptions"), TOKEN);
    HttpResponse<String> missing = TestHttp.get(hubspot.url("/crm/v3/schemas/2-999"), TOKEN);

    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode schema = TestHttp.json(list).at("/results/0");
    assertThat(schema.path("objectTypeId").asText()).isEqualTo("2-1234567");
    assertThat(schema.path("name").asText()).isEqualTo("subscriptions");
    assertThat(schema.path("fullyQualifiedName").asText()).isEqualTo("p12345678_subscriptions");
    assertThat(schema.at("/labels/singular").asText()).isEqualTo("Subscription");
    assertThat(schema.path("primaryDisplayProperty").asText()).isEqualTo("subscription_id");
    assertThat(schema.at("/requiredProperties/0").asText()).isEqualTo("subscription_id");
    assertThat(schema.path("properties").findValuesAsText("name")).contains("plan", "renews_at");
    assertThat(TestHttp.json(one)).isEqualTo(schema);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(properties("2-1234567")).containsKey("subscription_id");
  }

  @Test
  void singlePropertyAndUnknownRoutes() {
    HttpResponse<String> email = TestHttp.get(hubspot.url("/crm/v3/properties/contacts/email"), TOKEN);
    HttpResponse<String> nope = TestHttp.get(hubspot.url("/crm/v3/nope"), TOKEN);

    assertThat(TestHttp.json(email).path("name").asText()).isEqualTo("email");
    assertThat(nope.statusCode()).isEqualTo(404);
  }
}
