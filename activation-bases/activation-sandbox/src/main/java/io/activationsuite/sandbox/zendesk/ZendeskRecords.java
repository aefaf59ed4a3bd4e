package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The account's users, organizations, tickets and custom object records, and how Zendesk validates and
 * applies one item of a bulk request: each method returns that item's job result ({@code Created},
 * {@code Updated}, {@code Deleted} or {@code Failed} with {@code error} and {@code details}). Every method
 * takes the store lock, so a job applies its items atomically with respect to other requests.
 */
final class ZendeskRecords {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
  private static final Set<String> ROLES = Set.of("end-user", "agent", "admin");
  private static final Set<String> TICKET_STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
  private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
  private static final Set<String> TICKET_TYPES = Set.of("question", "incident", "problem", "task");

  private final Object lock = new Object();
  private final Clock clock;
  private final FieldCatalog catalog;
  private final String baseUrl;
  private final RecordTable users = new RecordTable("email", "external_id");
  private final RecordTable organizations = new RecordTable("name", "external_id");
  private final RecordTable tickets = new RecordTable();
  private final Map<String, RecordTable> customRecords = new TreeMap<>();
  private long nextId;

  ZendeskRecords(Clock clock, FieldCatalog catalog, String baseUrl) {
    this.clock = clock;
    this.catalog = catalog;
    this.baseUrl = baseUrl;
    clear();
  }

  void clear() {
    synchronized (lock) {
      users.clear();
      organizations.clear();
      tickets.clear();
      customRecords.clear();
      catalog.customObjects().forEach(o -> customRecords.put(o.key(), new RecordTable("external_id")));
      nextId = 360_000_000_001L;
    }
  }

  ObjectNode toJson() {
    synchronized (lock) {
      ObjectNode all = Json.object();
      all.set("users", users.toJson());
      all.set("organizations", organizations.toJson());
      all.set("tickets", tickets.toJson());
      ObjectNode custom = all.putObject("custom_object_records");
      customRecords.forEach((key, table) -> custom.set(key, table.toJson()));
      return all;
    }
  }

  Optional<ArrayNode> toJson(String type) {
    synchronized (lock) {
      return switch (type) {
        case "users", "user" -> Optional.of(users.toJson());
        case "organizations", "organization" -> Optional.of(organizations.toJson());
        case "tickets", "ticket" -> Optional.of(tickets.toJson());
        default -> Optional.ofNullable(customRecords.get(type.replaceFirst("^custom_objects/", "")))
            .map(RecordTable::toJson);
      };
    }
  }

  Optional<ObjectNode> user(String id) {
    synchronized (lock) {
      return users.get(id).map(ObjectNode::deepCopy).or(() -> agents().stream()
          .filter(a -> a.path("id").asText().equals(id)).findFirst());
    }
  }

  /**
   * The account's seeded agents (ids 2-5: alice, bob, carol, dave {@code @example.com}, as in the demo's
   * data), kept apart from the users a sync writes (like the admin, id 1): tickets may be assigned to them.
   */
  List<ObjectNode> agents() {
    List<ObjectNode> agents = new java.util.ArrayList<>();
    String[][] seeded = {{"2", "Alice Martin", "alice@example.com"}, {"3", "Bob Chen", "bob@example.com"},
        {"4", "Carol Diaz", "carol@example.com"}, {"5", "Dave Okafor", "dave@example.com"}};
    for (String[] agent : seeded) {
      agents.add(Json.object().put("id", Long.parseLong(agent[0]))
          .put("url", baseUrl + "/api/v2/users/" + agent[0] + ".json").put("name", agent[1]).put("email", agent[2])
          .put("role", "agent").put("active", true).put("created_at", "2024-01-15T09:30:00Z"));
    }
    return agents;
  }

  /** Users (agents first) whose email is {@code email}, case-insensitively; any role, or only {@code role}. */
  List<ObjectNode> usersByEmail(String email, String role) {
    synchronized (lock) {
      List<ObjectNode> found = new java.util.ArrayList<>();
      List<ObjectNode> all = new java.util.ArrayList<>(agents());
      users.all().forEach(u -> all.add(u.deepCopy()));
      for (ObjectNode user : all) {
        if (email.equalsIgnoreCase(user.path("email").asText()) && (role == null
            || role.equalsIgnoreCase(user.path("role").asText("end-user")))) {
          found.add(user);
        }
      }
      return found;
    }
  }

  private boolean isAgent(String id) {
    return agents().stream().anyMatch(a -> a.path("id").asText().equals(id)) || users.get(id)
        .map(u -> Set.of("agent", "admin").contains(u.path("role").asText())).orElse(false);
  }

  Optional<ObjectNode> organization(String id) {
    synchronized (lock) {
      return organizations.get(id).map(ObjectNode::deepCopy);
    }
  }

  Optional<ObjectNode> ticket(String id) {
    synchronized (lock) {
      return tickets.get(id).map(ObjectNode::deepCopy);
    }
  }

  Optional<ObjectNode> customRecord(String key, String id) {
    synchronized (lock) {
      return Optional.ofNullable(customRecords.get(key)).flatMap(t -> t.get(id)).map(ObjectNode::deepCopy);
    }
  }

  // ---- users ----

  /** create_many (never matches) or create_or_update_many (matches external_id, then email). */
  ObjectNode upsertUser(JsonNode item, int index, boolean matchExisting) {
    synchronized (lock) {
      ObjectNode existing = null;
      if (matchExisting) {
        existing = users.findBy("external_id", text(item, "external_id"))
            .or(() -> users.findBy("email", text(item, "email"))).orElse(null);
      }
      return existing == null ? saveUser(null, item, index, "create")
          : saveUser(existing, item, index, "update");
    }
  }

  /** update_many item identified by id or external_id. */
  ObjectNode updateUser(JsonNode item, int index) {
    synchronized (lock) {
      Optional<ObjectNode> existing = find(users, item);
      return existing.map(u -> saveUser(u, item, index, "update"))
          .orElseGet(() -> failed(index, "update", "RecordNotFound", "User not found", item));
    }
  }

  ObjectNode deleteUser(String key, boolean byExternalId, int index) {
    synchronized (lock) {
      Optional<ObjectNode> existing = byExternalId ? users.findBy("external_id", key) : users.get(key);
      if (existing.isEmpty()) {
        return failed(index, "delete", "RecordNotFound", "User not found", null);
      }
      users.remove(existing.get().path("id").asText());
      return deleted(index, existing.get());
    }
  }

  private ObjectNode saveUser(ObjectNode existing, JsonNode item, int index, String action) {
    String code = existing == null ? "UserCreateError" : "UserUpdateError";
    if (!item.isObject()) {
      return failed(index, action, code, "User: is not an object", item);
    }
    ObjectNode user = existing == null ? newRecord("users") : existing.deepCopy();
    if (existing == null) {
      user.put("name", "").putNull("email").putNull("external_id").put("role", "end-user")
          .putNull("organization_id").putNull("phone").put("active", true).putArray("tags");
      ObjectNode fields = user.putObject("user_fields");
      catalog.userFields().forEach(f -> fields.putNull(f.key()));
    }
    String id = user.path("id").asText();
    String name = item.has("name") ? text(item, "name") : user.path("name").asText("");
    if (name == null || name.isBlank()) {
      return failed(index, action, code, "Name: is too short (minimum one character)", item);
    }
    String email = text(item, "email");
    if (email != null) {
      if (!EMAIL.matcher(email).matches()) {
        return failed(index, action, code, "Email: " + email + " is not properly formatted", item);
      }
      if (users.taken("email", email, id)) {
        return failed(index, action, code, "Email: " + email + " is already being used by another user", item);
      }
    }
    String externalId = text(item, "external_id");
    if (externalId != null && users.taken("external_id", externalId, id)) {
      return failed(index, action, code, "External: " + externalId + " has already been taken", item);
    }
    String role = text(item, "role");
    if (role != null && !ROLES.contains(role)) {
      return failed(index, action, code, "Role: " + role + " is not a valid role", item);
    }
    if (item.hasNonNull("assignee_id") && !isAgent(item.get("assignee_id").asText())) {
      return failed(index, action, code, "Assignee: " + item.get("assignee_id").asText() + " is not an agent of "
          + "this account", item);
    }
    if (item.hasNonNull("organization_id") && organizations.get(item.get("organization_id").asText()).isEmpty()) {
      return failed(index, action, code, "Organization: " + item.get("organization_id").asText()
          + " does not exist", item);
    }
    Optional<String> fieldError = applyFields(user, "user_fields", item.get("user_fields"), catalog.userFields(),
        "User fields");
    if (fieldError.isPresent()) {
      return failed(index, action, code, fieldError.get(), item);
    }
    copy(item, user, "name", "email", "external_id", "role", "organization_id", "phone", "tags", "details",
        "notes", "time_zone", "locale", "alias");
    touch(user);
    users.put(user);
    ObjectNode result = result(index, action, existing == null ? "Created" : "Updated", user);
    putIfText(result, "email", user.path("email").asText(null));
    putIfText(result, "external_id", user.path("external_id").asText(null));
    return result;
  }

  // ---- organizations ----

  ObjectNode createOrganization(JsonNode item, int index) {
    synchronized (lock) {
      return saveOrganization(null, item, index, "create");
    }
  }

  ObjectNode updateOrganization(JsonNode item, int index) {
    synchronized (lock) {
      return find(organizations, item).map(o -> saveOrganization(o, item, index, "update"))
          .orElseGet(() -> failed(index, "update", "RecordNotFound", "Organization not found", item));
    }
  }

  /** The single, synchronous create_or_update: matches id, then external_id (never name). */
  ObjectNode createOrUpdateOrganization(JsonNode item) {
    synchronized (lock) {
      Optional<ObjectNode> existing = find(organizations, item);
      return existing.map(o -> saveOrganization(o, item, 0, "update"))
          .orElseGet(() -> saveOrganization(null, item, 0, "create"));
    }
  }

  ObjectNode deleteOrganization(String key, boolean byExternalId, int index) {
    synchronized (lock) {
      Optional<ObjectNode> existing = byExternalId ? organizations.findBy("external_id", key)
          : organizations.get(key);
      if (existing.isEmpty()) {
        return failed(index, "delete", "RecordNotFound", "Organization not found", null);
      }
      organizations.remove(existing.get().path("id").asText());
      return deleted(index, existing.get());
    }
  }

  private ObjectNode saveOrganization(ObjectNode existing, JsonNode item, int index, String action) {
    String code = existing == null ? "OrganizationCreateError" : "OrganizationUpdateError";
    if (!item.isObject()) {
      return failed(index, action, code, "Organization: is not an object", item);
    }
    ObjectNode org = existing == null ? newRecord("organizations") : existing.deepCopy();
    if (existing == null) {
      org.putNull("name").putNull("external_id").putArray("domain_names");
      org.putNull("details").putNull("notes").putNull("group_id").put("shared_tickets", false).putArray("tags");
      ObjectNode fields = org.putObject("organization_fields");
      catalog.organizationFields().forEach(f -> fields.putNull(f.key()));
    }
    String id = org.path("id").asText();
    String name = item.has("name") ? text(item, "name") : org.path("name").asText(null);
    if (name == null || name.isBlank()) {
      return failed(index, action, code, "Name: cannot be blank", item);
    }
    if (organizations.taken("name", name, id)) {
      return failed(index, action, "DuplicateValue", "Name: " + name + " has already been taken", item);
    }
    String externalId = text(item, "external_id");
    if (externalId != null && organizations.taken("external_id", externalId, id)) {
      return failed(index, action, "DuplicateValue", "External: " + externalId + " has already been taken", item);
    }
    Optional<String> fieldError = applyFields(org, "organization_fields", item.get("organization_fields"),
        catalog.organizationFields(), "Organization fields");
    if (fieldError.isPresent()) {
      return failed(index, action, code, fieldError.get(), item);
    }
    copy(item, org, "name", "external_id", "domain_names", "details", "notes", "group_id", "shared_tickets",
        "shared_comments", "tags");
    touch(org);
    organizations.put(org);
    ObjectNode result = result(index, action, existing == null ? "Created" : "Updated", org);
    putIfText(result, "external_id", org.path("external_id").asText(null));
    result.set("organization", org.deepCopy());
    return result;
  }

  // ---- tickets ----

  ObjectNode createTicket(JsonNode item, int index) {
    synchronized (lock) {
      return saveTicket(null, item, index, "create");
    }
  }

  ObjectNode updateTicket(JsonNode item, int index) {
    synchronized (lock) {
      Optional<ObjectNode> existing = item.hasNonNull("id") ? tickets.get(item.get("id").asText()) : Optional.empty();
      return existing.map(t -> saveTicket(t, item, index, "update"))
          .orElseGet(() -> failed(index, "update", "RecordNotFound", "Ticket not found", item));
    }
  }

  private ObjectNode saveTicket(ObjectNode existing, JsonNode item, int index, String action) {
    String code = existing == null ? "TicketCreateError" : "TicketUpdateError";
    ObjectNode ticket = existing == null ? newRecord("tickets") : existing.deepCopy();
    if (existing == null) {
      String body = item.path("comment").path("body").asText(item.path("description").asText(""));
      if (body.isBlank()) {
        return failed(index, action, code, "Description: cannot be blank", item);
      }
      ticket.putNull("external_id").put("subject", "").put("description", body).put("status", "new")
          .putNull("priority").putNull("type").putNull("requester_id").putNull("assignee_id").putNull("organization_id")
          .putArray("tags");
      ArrayNode custom = ticket.putArray("custom_fields");
      catalog.ticketFields().forEach(f -> custom.addObject().put("id", f.id()).putNull("value"));
    }
    for (var check : List.of(Map.entry("status", TICKET_STATUSES), Map.entry("priority", PRIORITIES),
        Map.entry("type", TICKET_TYPES))) {
      String value = text(item, check.getKey());
      if (value != null && !check.getValue().contains(value)) {
        return failed(index, action, code, capital(check.getKey()) + ": " + value + " is not valid", item);
      }
    }
    if (item.hasNonNull("requester_id")) {
      if (users.get(item.get("requester_id").asText()).isEmpty()) {
        return failed(index, action, code, "Requester: " + item.get("requester_id").asText() + " not found", item);
      }
      ticket.set("requester_id", item.get("requester_id"));
    } else if (item.path("requester").hasNonNull("email")) {
      JsonNode requester = item.get("requester");
      ObjectNode user = users.findBy("email", requester.get("email").asText()).orElse(null);
      if (user == null) {
        ObjectNode created = saveUser(null, requester.has("name") ? requester
            : ((ObjectNode) requester.deepCopy()).put("name", requester.get("email").asText()), 0, "create");
        if (!"Created".equals(created.path("status").asText())) {
          return failed(index, action, code, "Requester: " + created.path("details").asText(), item);
        }
        user = users.get(created.path("id").asText()).orElseThrow();
      }
      ticket.put("requester_id", user.get("id").asLong());
    } else if (existing == null) {
      return failed(index, action, code, "Requester: cannot be blank", item);
    }
    if (item.hasNonNull("assignee_id") && !isAgent(item.get("assignee_id").asText())) {
      return failed(index, action, code, "Assignee: " + item.get("assignee_id").asText() + " is not an agent of "
          + "this account", item);
    }
    if (item.hasNonNull("organization_id") && organizations.get(item.get("organization_id").asText()).isEmpty()) {
      return failed(index, action, code, "Organization: " + item.get("organization_id").asText()
          + " does not exist", item);
    }
    for (JsonNode custom : item.path("custom_fields")) {
      long fieldId = custom.path("id").asLong(-1);
      Optional<FieldDefinition> field = catalog.ticketField(fieldId);
      if (field.isEmpty()) {
        return failed(index, action, code, "Custom fields: " + custom.path("id").asText() + " is not a ticket field",
            item);
      }
      FieldDefinition.Result converted = field.get().convert(custom.get("value"));
      if (converted.failure().isPresent()) {
        return failed(index, action, code, converted.error(), item);
      }
      for (JsonNode slot : ticket.withArray("custom_fields")) {
        if (slot.path("id").asLong() == fieldId) {
          ((ObjectNode) slot).set("value", converted.value());
        }
      }
    }
    copy(item, ticket, "subject", "status", "priority", "type", "external_id", "organization_id", "tags",
        "assignee_id");
    touch(ticket);
    tickets.put(ticket);
    return result(index, action, existing == null ? "Created" : "Updated", ticket);
  }

  // ---- custom object records ----

  /** One item of {@code POST /api/v2/custom_objects/{key}/jobs}. */
  ObjectNode customRecordItem(FieldCatalog.CustomObject object, String action, JsonNode item, int index) {
    synchronized (lock) {
      RecordTable table = customRecords.get(object.key());
      return switch (action) {
        case "create" -> saveCustomRecord(object, table, null, item, index, action);
        case "update" -> find(table, item).map(r -> saveCustomRecord(object, table, r, item, index, action))
            .orElseGet(() -> failed(index, action, "RecordNotFound", "Custom object record not found", item));
        case "create_or_update_by_external_id" -> {
          if (text(item, "external_id") == null) {
            yield failed(index, action, "RecordInvalid", "External: cannot be blank", item);
          }
          ObjectNode existing = table.findBy("external_id", text(item, "external_id")).orElse(null);
          yield saveCustomRecord(object, table, existing, item, index, action);
        }
        case "delete", "delete_by_external_id" -> {
          String key = item.isValueNode() ? item.asText() : text(item, action.equals("delete") ? "id" : "external_id");
          Optional<ObjectNode> existing = action.equals("delete") ? table.get(key) : table.findBy("external_id", key);
          if (existing.isEmpty()) {
            yield failed(index, action, "RecordNotFound", "Custom object record not found", null);
          }
          table.remove(existing.get().path("id").asText());
          yield deleted(index, existing.get());
        }
        default -> throw new IllegalArgumentException(action);
      };
    }
  }

  private ObjectNode saveCustomRecord(FieldCatalog.CustomObject object, RecordTable table, ObjectNode existing,
      JsonNode item, int index, String action) {
    ObjectNode record;
    if (existing == null) {
      record = Json.object();
      record.put("id", String.format("01HSBX%020d", nextId++)).put("custom_object_key", object.key())
          .putNull("name").putNull("external_id").put("created_at", now());
      ObjectNode fields = record.putObject("custom_object_fields");
      object.fields().forEach(f -> fields.putNull(f.key()));
    } else {
      record = existing.deepCopy();
    }
    record.put("url", baseUrl + "/api/v2/custom_objects/" + object.key() + "/records/" + record.get("id").asText()
        + ".json");
    String name = item.has("name") ? text(item, "name") : record.path("name").asText(null);
    if (name == null || name.isBlank()) {
      return failed(index, action, "RecordInvalid", "Name: cannot be blank", item);
    }
    String externalId = text(item, "external_id");
    if (externalId != null && table.taken("external_id", externalId, record.get("id").asText())) {
      return failed(index, action, "RecordInvalid", "External: " + externalId + " has already been taken", item);
    }
    Optional<String> fieldError = applyFields(record, "custom_object_fields", item.get("custom_object_fields"),
        object.fields(), "Custom object fields");
    if (fieldError.isPresent()) {
      return failed(index, action, "RecordInvalid", fieldError.get(), item);
    }
    copy(item, record, "name", "external_id");
    record.put("updated_at", now());
    table.put(record);
    ObjectNode result = result(index, action, existing == null ? "Created" : "Updated", record);
    result.put("id", record.get("id").asText());
    putIfText(result, "external_id", record.path("external_id").asText(null));
    return result;
  }

  // ---- helpers ----

  private Optional<String> applyFields(ObjectNode target, String property, JsonNode given,
      List<FieldDefinition> fields, String label) {
    if (given == null || given.isNull()) {
      return Optional.empty();
    }
    if (!given.isObject()) {
      return Optional.of(label + ": must be an object of field keys to values");
    }
    ObjectNode copy = target.with(property).deepCopy();
    var names = given.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      Optional<FieldDefinition> field = fields.stream().filter(f -> f.key().equals(key)).findFirst();
      if (field.isEmpty()) {
        return Optional.of(label + ": " + key + " is not a known field key");
      }
      FieldDefinition.Result converted = field.get().convert(given.get(key));
      if (converted.failure().isPresent()) {
        return converted.failure();
      }
      copy.set(key, converted.value());
    }
    target.set(property, copy);
    return Optional.empty();
  }

  private static Optional<ObjectNode> find(RecordTable table, JsonNode item) {
    if (item.hasNonNull("id")) {
      return table.get(item.get("id").asText());
    }
    return table.findBy("external_id", text(item, "external_id"));
  }

  private ObjectNode newRecord(String kind) {
    ObjectNode record = Json.object();
    long id = nextId++;
    record.put("id", id).put("url", baseUrl + "/api/v2/" + kind + "/" + id + ".json").put("created_at", now());
    return record;
  }

  private void touch(ObjectNode record) {
    record.put("updated_at", now());
  }

  private String now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static ObjectNode result(int index, String action, String status, ObjectNode record) {
    ObjectNode result = Json.object();
    result.put("index", index).set("id", record.get("id"));
    result.put("action", action).put("status", status).put("success", true);
    return result;
  }

  private static ObjectNode deleted(int index, ObjectNode record) {
    ObjectNode result = result(index, "delete", "Deleted", record);
    putIfText(result, "external_id", record.path("external_id").asText(null));
    return result;
  }

  private static ObjectNode failed(int index, String action, String error, String details, JsonNode item) {
    ObjectNode result = Json.object();
    result.put("index", index);
    if (item != null && item.isObject() && item.hasNonNull("id")) {
      result.set("id", item.get("id"));
    }
    result.put("action", action).put("status", "Failed").put("success", false).put("error", error)
        .put("details", details);
    if (item != null && item.isObject()) {
      putIfText(result, "email", text(item, "email"));
      putIfText(result, "external_id", text(item, "external_id"));
    }
    return result;
  }

  private static void copy(JsonNode from, ObjectNode to, String... names) {
    for (String name : names) {
      if (from.has(name)) {
        to.set(name, from.get(name));
      }
    }
  }

  private static void putIfText(ObjectNode node, String name, String value) {
    if (value != null && !value.equals("null")) {
      node.put(name, value);
    }
  }

  private static String text(JsonNode item, String name) {
    JsonNode value = item.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
