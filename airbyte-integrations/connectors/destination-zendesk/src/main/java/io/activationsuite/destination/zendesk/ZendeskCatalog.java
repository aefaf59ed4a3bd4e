package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Discovers the account's writable objects from the fields endpoints ({@code user_fields},
 * {@code organization_fields}, {@code ticket_fields}, {@code custom_objects} and their fields): custom fields
 * typed from Zendesk's field types, dropdowns as enums of their option values. Ticket custom fields, which
 * have no key, are named after their title.
 */
public final class ZendeskCatalog {

  private final ZendeskHttp http;
  private Map<String, ZendeskObject> objects;

  public ZendeskCatalog(ZendeskHttp http) {
    this.http = http;
  }

  /** Every writable object of the account. */
  public synchronized Map<String, ZendeskObject> objects() throws IOException {
    if (objects == null) {
      Map<String, ZendeskObject> found = new LinkedHashMap<>();
      found.put("users", object(ZendeskObject.Kind.USERS, "users", null, "/api/v2/user_fields"));
      found.put("organizations", object(ZendeskObject.Kind.ORGANIZATIONS, "organizations", null,
          "/api/v2/organization_fields"));
      found.put("tickets", object(ZendeskObject.Kind.TICKETS, "tickets", null, "/api/v2/ticket_fields"));
      for (JsonNode custom : list("/api/v2/custom_objects", "custom_objects")) {
        String key = custom.path("key").asText();
        String name = ZendeskObject.CUSTOM_PREFIX + key;
        found.put(name, object(ZendeskObject.Kind.CUSTOM_OBJECT_RECORDS, name, key,
            "/api/v2/custom_objects/" + key + "/fields"));
      }
      objects = found;
    }
    return objects;
  }

  /** One object by name. */
  public Optional<ZendeskObject> object(String name) throws IOException {
    return Optional.ofNullable(objects().get(name));
  }

  private ZendeskObject object(ZendeskObject.Kind kind, String name, String key, String fieldsPath)
      throws IOException {
    Map<String, DestinationField> standard = ZendeskObject.standardFields(kind);
    Map<String, ZendeskObject.CustomField> custom = new LinkedHashMap<>();
    String listName = fieldsPath.substring(fieldsPath.lastIndexOf('/') + 1);
    for (JsonNode field : list(fieldsPath, key == null ? listName : "custom_object_fields")) {
      if (!field.path("active").asBoolean(true) || field.path("system").asBoolean(false)) {
        continue;
      }
      String fieldKey = field.path("key").asText(null);
      String fieldName = kind == ZendeskObject.Kind.TICKETS || fieldKey == null ? slug(field.path("title").asText())
          : fieldKey;
      if (standard.containsKey(fieldName) || custom.containsKey(fieldName)) {
        fieldName = fieldName + "_" + field.path("id").asText();
      }
      List<String> options = new ArrayList<>();
      field.path("custom_field_options").forEach(o -> options.add(o.path("value").asText()));
      custom.put(fieldName, new ZendeskObject.CustomField(fieldKey, field.path("id").asLong(),
          new DestinationField(fieldName, type(field.path("type").asText()), true, null, options, false)));
    }
    return new ZendeskObject(kind, name, key, standard, custom);
  }

  private List<JsonNode> list(String path, String property) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    String next = path;
    while (next != null) {
      ZendeskHttp.Answer answer = http.call("GET", next, null);
      if (answer.status() == 401 || answer.status() == 403) {
        throw new ConfigErrorException("Zendesk refused to list " + property + " (HTTP " + answer.status() + "): "
            + ZendeskErrors.describe(answer.body()) + ". Grant the OAuth client the read scope.");
      }
      if (answer.status() != 200) {
        throw new IOException("Zendesk answered HTTP " + answer.status() + " listing " + property);
      }
      answer.body().path(property).forEach(items::add);
      String nextPage = answer.body().path("next_page").asText(null);
      next = nextPage == null || nextPage.equals("null") ? null : nextPage.replaceFirst("^https?://[^/]+", "");
    }
    return items;
  }

  static FieldType type(String zendeskType) {
    return switch (zendeskType) {
      case "integer" -> FieldType.INTEGER;
      case "decimal" -> FieldType.NUMBER;
      case "checkbox" -> FieldType.BOOLEAN;
      case "date" -> FieldType.DATE;
      case "dropdown", "tagger" -> FieldType.ENUM;
      case "multiselect" -> FieldType.MULTI_ENUM;
      default -> FieldType.STRING;
    };
  }

  private static String slug(String title) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return slug.isEmpty() ? "field" : slug;
  }
}
