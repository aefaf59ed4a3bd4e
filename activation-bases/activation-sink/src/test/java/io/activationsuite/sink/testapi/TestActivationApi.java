package io.activationsuite.sink.testapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.config.SpecField;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The test connector: one {@code contacts} object written over HTTP to {@code base_url}. */
@Singleton
public final class TestActivationApi implements ActivationApi<TestActivationApi.TestConfig> {

  /** The object this API offers. */
  public static final DestinationObject CONTACTS = new DestinationObject("contacts", "Contacts", List.of(
      new DestinationField("email", FieldType.EMAIL, false, 254, List.of(), true),
      new DestinationField("external_id", FieldType.ID, false, null, List.of(), true),
      DestinationField.of("first_name", FieldType.STRING),
      new DestinationField("last_name", FieldType.STRING, true, 20, List.of(), false),
      DestinationField.of("age", FieldType.INTEGER),
      DestinationField.of("score", FieldType.NUMBER),
      DestinationField.of("vip", FieldType.BOOLEAN),
      DestinationField.of("birthday", FieldType.DATE),
      DestinationField.of("updated_at", FieldType.DATETIME),
      new DestinationField("tier", FieldType.ENUM, true, null, List.of("gold", "silver"), false),
      new DestinationField("tags", FieldType.MULTI_ENUM, true, null, List.of("a", "b", "c"), false)),
      List.of(
          new ObjectOperation(Operation.INSERT, List.of(), Set.of("email", "external_id", "first_name", "last_name",
              "age", "score", "vip", "birthday", "updated_at", "tier", "tags"), Set.of("email")),
          new ObjectOperation(Operation.UPSERT, List.of("email", "external_id"), Set.of("email", "first_name",
              "last_name", "age", "score", "vip", "birthday", "updated_at", "tier", "tags"), Set.of()),
          new ObjectOperation(Operation.UPDATE, List.of("email"), Set.of("first_name", "last_name", "age"),
              Set.of()),
          new ObjectOperation(Operation.ARCHIVE, List.of("email"), Set.of(), Set.of())));

  /** The test connector's own config: where its API is, and the key it sends. */
  public record TestConfig(
      @JsonProperty(value = "base_url", required = true) @SpecField(order = 0) String baseUrl,
      @JsonProperty(value = "api_key", required = true) @SpecField(secret = true, order = 1) String apiKey) {}

  /** Batch limits the writer declares (tests change them). */
  public static volatile int maxRecords = 10;

  private final OkHttpClient client = new OkHttpClient();

  @Override
  public String name() {
    return "test";
  }

  @Override
  public String documentationUrl() {
    return "https://example.test/docs";
  }

  @Override
  public Class<TestConfig> configType() {
    return TestConfig.class;
  }

  @Override
  public ApiSession open(TestConfig config, SessionServices services) {
    HttpUrl base = HttpUrl.get(config.baseUrl());
    return new ApiSession() {
      @Override
      public AirbyteConnectionStatus check(Set<String> objectNames) {
        return "bad".equals(config.apiKey()) ? AirbyteConnectionStatus.failed("The API key was refused")
            : AirbyteConnectionStatus.succeeded();
      }

      @Override
      public List<DestinationObject> objects() {
        return List.of(CONTACTS);
      }

      /** {@code owner_by_email}, whose check fails for the API key {@code no-owners-scope}. */
      @Override
      public List<Lookup> lookups() {
        return List.of(new Lookup("owner_by_email", "the owner's id", FieldType.EMAIL, "owner with email",
            values -> java.util.Map.of()).withCheck(() -> "no-owners-scope".equals(config.apiKey())
                ? "the API key lacks the owners.read scope; grant it" : null));
      }

      @Override
      public HttpBatchWriter writer(StreamPlan plan) {
        return new HttpBatchWriter(client, base, plan, maxRecords);
      }
    };
  }
}
