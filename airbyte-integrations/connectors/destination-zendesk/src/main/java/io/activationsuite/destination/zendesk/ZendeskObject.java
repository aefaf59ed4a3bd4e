package io.activationsuite.destination.zendesk;

import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One writable Zendesk object (users, organizations, tickets, or the records of one custom object): its
 * standard attributes, its custom fields as the fields endpoints describe them, and the operations Zendesk's
 * bulk endpoints offer for it.
 *
 * @param kind which Zendesk resource
 * @param name the object name in catalogs ({@code users}, {@code custom_object.subscription}...)
 * @param customObjectKey the custom object's key (custom object records only)
 * @param standard standard attributes by name
 * @param custom custom fields by destination field name
 */
public record ZendeskObject(Kind kind, String name, String customObjectKey, Map<String, DestinationField> standard,
    Map<String, CustomField> custom) {

  /** The Zendesk resources the connector writes. */
  public enum Kind {
    USERS("users", "user_fields"),
    ORGANIZATIONS("organizations", "organization_fields"),
    TICKETS("tickets", "custom_fields"),
    CUSTOM_OBJECT_RECORDS("custom_objects", "custom_object_fields");

    private final String resource;
    private final String fieldsProperty;

    Kind(String resource, String fieldsProperty) {
      this.resource = resource;
      this.fieldsProperty = fieldsProperty;
    }

    /** The scope resource, e.g. {@code users} for {@code users:write}. */
    public String resource() {
      return resource;
    }

    /** Where custom field values go in an item. */
    public String fieldsProperty() {
      return fieldsProperty;
    }
  }

  /** A custom field: its key (users, organizations, custom objects) or id (tickets), and type. */
  public record CustomField(String key, long id, DestinationField field) {}

  /** Prefix of custom object record object names. */
  public static final String CUSTOM_PREFIX = "custom_object.";

  /** Whether the operation creates records (non-idempotent: never resent after an uncertain delivery). */
  public static boolean creates(Operation operation) {
    return operation == Operation.INSERT;
  }

  /** The engine's description: fields and operations. */
  public DestinationObject describe() {
    List<DestinationField> fields = new ArrayList<>(standard.values());
    custom.values().forEach(c -> fields.add(c.field()));
    Set<String> writable = new LinkedHashSet<>();
    fields.forEach(f -> writable.add(f.name()));
    writable.remove("id");
    List<ObjectOperation> ops = new ArrayList<>();
    switch (kind) {
      case USERS -> {
        ops.add(new ObjectOperation(Operation.INSERT, List.of(), writable, Set.of("name")));
        ops.add(new ObjectOperation(Operation.UPSERT, List.of("email", "external_id"), writable, Set.of()));
        ops.add(new ObjectOperation(Operation.UPDATE, List.of("id", "external_id"), writable, Set.of()));
        ops.add(new ObjectOperation(Operation.DELETE, List.of("id", "external_id"), Set.of(), Set.of()));
      }
      case ORGANIZATIONS -> {
        ops.add(new ObjectOperation(Operation.INSERT, List.of(), writable, Set.of("name")));
        ops.add(new ObjectOperation(Operation.UPSERT, List.of("external_id"), writable, Set.of()));
        ops.add(new ObjectOperation(Operation.UPDATE, List.of("id", "external_id"), writable, Set.of()));
        ops.add(new ObjectOperation(Operation.DELETE, List.of("id", "external_id"), Set.of(), Set.of()));
      }
      case TICKETS -> {
        ops.add(new ObjectOperation(Operation.INSERT, List.of(), writable, Set.of("comment_body")));
        ops.add(new ObjectOperation(Operation.UPDATE, List.of("id"), writable, Set.of()));
      }
      case CUSTOM_OBJECT_RECORDS -> {
        ops.add(new ObjectOperation(Operation.INSERT, List.of(), writable, Set.of("name")));
        ops.add(new ObjectOperation(Operation.UPSERT, List.of("external_id"), writable, Set.of()));
        ops.add(new ObjectOperation(Operation.UPDATE, List.of("id"), writable, Set.of()));
        ops.add(new ObjectOperation(Operation.DELETE, List.of("id", "external_id"), Set.of(), Set.of()));
      }
      default -> throw new IllegalStateException();
    }
    return new DestinationObject(name, name, fields, ops);
  }

  /** The standard attributes of a kind. */
  static Map<String, DestinationField> standardFields(Kind kind) {
    Map<String, DestinationField> fields = new LinkedHashMap<>();
    fields.put("id", new DestinationField("id", kind == Kind.CUSTOM_OBJECT_RECORDS ? FieldType.STRING
        : FieldType.INTEGER, false, null, List.of(), true));
    fields.put("external_id", new DestinationField("external_id", FieldType.STRING, true, 255, List.of(),
        kind != Kind.TICKETS));
    switch (kind) {
      case USERS -> {
        fields.put("email", new DestinationField("email", FieldType.EMAIL, true, 254, List.of(), true));
        text(fields, "name", "phone", "details", "notes", "time_zone", "locale", "alias");
        fields.put("role", new DestinationField("role", FieldType.ENUM, false, null,
            List.of("end-user", "agent", "admin"), false));
        fields.put("organization_id", DestinationField.of("organization_id", FieldType.INTEGER));
      }
      case ORGANIZATIONS -> {
        text(fields, "name", "details", "notes");
        fields.put("group_id", DestinationField.of("group_id", FieldType.INTEGER));
        fields.put("shared_tickets", DestinationField.of("shared_tickets", FieldType.BOOLEAN));
      }
      case TICKETS -> {
        text(fields, "subject", "comment_body", "requester_name");
        fields.put("requester_email", DestinationField.of("requester_email", FieldType.EMAIL));
        fields.put("requester_id", DestinationField.of("requester_id", FieldType.INTEGER));
        fields.put("assignee_id", DestinationField.of("assignee_id", FieldType.INTEGER));
        fields.put("organization_id", DestinationField.of("organization_id", FieldType.INTEGER));
        fields.put("comment_public", DestinationField.of("comment_public", FieldType.BOOLEAN));
        fields.put("status", new DestinationField("status", FieldType.ENUM, false, null,
            List.of("new", "open", "pending", "hold", "solved", "closed"), false));
        fields.put("priority", new DestinationField("priority", FieldType.ENUM, true, null,
            List.of("low", "normal", "high", "urgent"), false));
        fields.put("type", new DestinationField("type", FieldType.ENUM, true, null,
            List.of("question", "incident", "problem", "task"), false));
      }
      case CUSTOM_OBJECT_RECORDS -> text(fields, "name");
      default -> throw new IllegalStateException();
    }
    return fields;
  }

  private static void text(Map<String, DestinationField> fields, String... names) {
    for (String name : names) {
      fields.put(name, DestinationField.of(name, FieldType.STRING));
    }
  }
}
