package io.activationsuite.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.spec.AdvancedOptions;
import io.activationsuite.testkit.spec.ShippedSchemas;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ConfigSchemasTest {

  /** A connector's credentials: two ways to sign in. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "auth_type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Credentials.Token.class, name = "token"),
      @JsonSubTypes.Type(value = Credentials.OAuth.class, name = "oauth2")})
  @SpecObject(discriminatorDefault = true)
  sealed interface Credentials {
    /** A static token. */
    @SpecObject(title = "Token")
    record Token(
        @JsonProperty(value = "token", required = true) @SpecField(title = "Token", secret = true, order = 1)
        String token) implements Credentials {}

    /** An OAuth client. */
    @SpecObject(title = "OAuth", additionalProperties = SpecObject.Additional.FORBIDDEN)
    record OAuth(
        @JsonProperty(value = "client_id", required = true) @SpecField(title = "Client ID", order = 1) String clientId,
        @JsonProperty(value = "client_secret", required = true) @SpecField(secret = true, order = 2)
        String clientSecret) implements Credentials {}
  }

  /** A config with every kind of property. */
  @SpecGroup(id = "advanced", title = "Advanced")
  record SampleConfig(
      @JsonProperty(value = "credentials", required = true) @SpecField(title = "Authentication", order = 0)
      Credentials credentials,
      @JsonProperty("tier") @SpecField(defaultValue = "b", group = "advanced", order = 1) Tier tier,
      @JsonProperty("budget") @SpecField(minimum = 1, maximum = 10, group = "advanced", order = 2) Long budget,
      @JsonProperty("retries") @SpecField(defaultValue = "3", alwaysShow = true) int retries,
      @JsonProperty("sandbox") @SpecField(defaultValue = "false") boolean sandbox,
      @JsonProperty("base_url") @SpecField(hidden = true, pattern = "^https://", minLength = 1,
          examples = {"https://x.test"}, defaultValue = "https://api.test") String baseUrl) {}

  /** An enum written by its JSON names. */
  enum Tier {
    @JsonProperty("a") A,
    @JsonProperty("b") B
  }

  /** One entry of a list property. */
  @SpecObject(title = "Entry", additionalProperties = SpecObject.Additional.FORBIDDEN)
  record Entry(@JsonProperty(value = "name", required = true) @SpecField(title = "Name", order = 0) String name,
      @JsonProperty("size") @SpecField(defaultValue = "40", order = 1) Integer size) {}

  /** A config with a list of records and a strictly positive rate. */
  record ListConfig(
      @JsonProperty("entries") @SpecField(title = "Entries", defaultValue = "[]", order = 0)
      java.util.List<Entry> entries,
      @JsonProperty("rate") @SpecField(exclusiveMinimum = 0, defaultValue = "1.0", order = 1) Double rate) {}

  @SpecGroup(id = "advanced")
  record UndeclaredGroup(@JsonProperty("x") @SpecField(group = "other") String x) {}

  @Test
  void aConfigRecordBecomesAnAirbyteSpecWithEveryKeyword() throws Exception {
    JsonNode schema = ConfigSchemas.schemaOf(SampleConfig.class);

    assertThat(schema.path("required").toString()).isEqualTo("[\"credentials\"]");
    assertThat(schema.path("groups").toString()).isEqualTo("[{\"id\":\"advanced\",\"title\":\"Advanced\"}]");
    JsonNode properties = schema.path("properties");
    assertThat(properties.path("tier")).isEqualTo(json("{'type':'string','enum':['a','b'],'default':'b',"
        + "'group':'advanced','order':1}"));
    assertThat(properties.path("budget")).isEqualTo(json("{'type':'integer','minimum':1,'maximum':10,"
        + "'group':'advanced','order':2}"));
    assertThat(properties.path("retries")).isEqualTo(json("{'type':'integer','default':3,'always_show':true}"));
    assertThat(properties.path("sandbox")).isEqualTo(json("{'type':'boolean','default':false}"));
    assertThat(properties.path("base_url")).isEqualTo(json("{'type':'string','default':'https://api.test',"
        + "'examples':['https://x.test'],'pattern':'^https://','minLength':1,'airbyte_hidden':true}"));
    assertThat(properties.path("credentials")).isEqualTo(json("{'type':'object','title':'Authentication','order':0,"
        + "'oneOf':[{'type':'object','title':'Token','required':['auth_type','token'],'properties':{"
        + "'auth_type':{'type':'string','const':'token','default':'token','order':0},"
        + "'token':{'type':'string','title':'Token','airbyte_secret':true,'order':1}}},"
        + "{'type':'object','title':'OAuth','additionalProperties':false,"
        + "'required':['auth_type','client_id','client_secret'],'properties':{"
        + "'auth_type':{'type':'string','const':'oauth2','default':'oauth2','order':0},"
        + "'client_id':{'type':'string','title':'Client ID','order':1},"
        + "'client_secret':{'type':'string','airbyte_secret':true,'order':2}}}]}"));
  }

  @Test
  void theSameRecordReadsTheConfigWithTheSpecDefaults() throws Exception {
    SampleConfig config = ConfigReader.read(json("{'credentials':{'auth_type':'oauth2','client_id':'c',"
        + "'client_secret':'s'},'mappings':[]}"), SampleConfig.class);

    assertThat(config).isEqualTo(new SampleConfig(new Credentials.OAuth("c", "s"), Tier.B, null, 3, false,
        "https://api.test"));
  }

  @Test
  void anUnknownDiscriminatorIsAConfigErrorNamingIt() {
    assertThatThrownBy(() -> ConfigReader.read(json("{'credentials':{'auth_type':'saml','token':'t'}}"),
        SampleConfig.class))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("credentials.auth_type")
        .hasMessageNotContaining("'t'");
  }

  @Test
  void aListOfRecordsKeepsItsKeywordsOnTheListAndItsItemsAreTheRecordSchemaWithDefaultsFilled() throws Exception {
    JsonNode schema = ConfigSchemas.schemaOf(ListConfig.class);
    JsonNode entries = schema.path("properties").path("entries");

    assertThat(entries.path("title").asText()).isEqualTo("Entries");
    assertThat(entries.path("items").has("allOf")).isFalse();
    assertThat(entries.path("items").path("title").asText()).isEqualTo("Entry");
    assertThat(entries.path("items").path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(entries.path("items").path("required").toString()).isEqualTo("[\"name\"]");
    assertThat(schema.path("properties").path("rate").path("exclusiveMinimum").asInt(-1)).isZero();
    ListConfig read = ConfigReader.read(Json.mapper().readTree("{\"entries\":[{\"name\":\"a\"}]}"),
        ListConfig.class);
    assertThat(read.entries()).containsExactly(new Entry("a", 40));
    assertThat(read.rate()).isEqualTo(1.0);
  }

  @Test
  void aGroupThatTheRecordDoesNotDeclareIsRefused() {
    assertThatThrownBy(() -> ConfigSchemas.schemaOf(UndeclaredGroup.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other");
  }

  @Test
  void theEngineOptionsAreGeneratedExactlyAsTheyWereWrittenByHand() throws Exception {
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream(
        "/io/activationsuite/sink/spec/advanced-options-before-generation.json")) {
      expected = Json.mapper().readTree(in);
    }

    assertThat(ConfigSchemas.schemaOf(AdvancedOptions.class).path("properties")).isEqualTo(expected);
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void theAdvancedOptionsSchemaShippedForStartUpIsTheOneTheGeneratorWrites() {
    ShippedSchemas.assertShipped(AdvancedOptions.class, ConfigSchemas.resourceName(AdvancedOptions.class),
        ConfigSchemas.generated(AdvancedOptions.class));
    assertThat(ConfigSchemas.schemaOf(AdvancedOptions.class)).isEqualTo(ConfigSchemas.resource(AdvancedOptions.class));
  }
}
