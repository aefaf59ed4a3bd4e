package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /users/track}: validates the whole request (fatal errors answer 400 with nothing processed),
 * then each object on its own; objects with a problem are skipped and named in {@code errors} by
 * {@code input_array} and {@code index}, every other object is applied, and the answer is 201.
 */
final class UsersTrackApi {

  /** Objects per request: combined across the three arrays (or per array on legacy contracts). */
  static final int MAX_OBJECTS = 75;
  private static final String[] ARRAYS = {"attributes", "events", "purchases"};

  private final UserStore store;
  private final Identifiers identifiers;
  private final BrazeSettings settings;

  UsersTrackApi(UserStore store, BrazeSettings settings) {
    this.store = store;
    this.identifiers = new Identifiers(store);
    this.settings = settings;
  }

  SandboxResponse track(SandboxRequest request) {
    JsonNode body;
    try {
      body = Json.parse(request.body(), CompactNodeFactory.READER);
    } catch (Json.MalformedJsonException e) {
      return BrazeEmulator.message(400, "Bad Request: the request body is not valid JSON");
    }
    if (!body.isObject()) {
      return BrazeEmulator.message(400, "Bad Request: the request body must be a JSON object");
    }
    int total = 0;
    for (String name : ARRAYS) {
      JsonNode array = body.get(name);
      if (array != null && !array.isArray()) {
        return BrazeEmulator.message(400, "Bad Request: '" + name + "' must be an array");
      }
      int size = array == null ? 0 : array.size();
      if (settings.legacyBatching() && size > MAX_OBJECTS) {
        return BrazeEmulator.message(400, "Max Input Length Exceeded: more than " + MAX_OBJECTS + " " + name);
      }
      total += size;
    }
    if (total == 0) {
      return BrazeEmulator.message(400, "Bad Request: no attributes, events or purchases were given");
    }
    if (!settings.legacyBatching() && total > MAX_OBJECTS) {
      return BrazeEmulator.message(400, "Max Input Length Exceeded: more than " + MAX_OBJECTS
          + " objects combined across attributes, events and purchases");
    }
    ObjectNode answer = Json.object();
    answer.put("message", "success");
    ArrayNode errors = Json.array();
    synchronized (store.lock()) {
      for (String name : ARRAYS) {
        JsonNode array = body.get(name);
        if (array == null) {
          continue;
        }
        int processed = 0;
        for (int i = 0; i < array.size(); i++) {
          Optional<String> error = apply(name, array.get(i));
          if (error.isPresent()) {
            errors.addObject().put("type", error.get()).put("input_array", name).put("index", i);
          } else {
            processed++;
          }
        }
        answer.put(name + "_processed", processed);
      }
    }
    if (!errors.isEmpty()) {
      answer.set("errors", errors);
    }
    return SandboxResponse.json(201, answer);
  }

  private Optional<String> apply(String array, JsonNode object) {
    if (!object.isObject()) {
      return Optional.of("Object is not valid: each item must be a JSON object");
    }
    Optional<String> error = Identifiers.check(object)
        .or(() -> switch (array) {
          case "attributes" -> checkAttributes(object);
          case "events" -> checkEvent(object);
          default -> checkPurchase(object);
        });
    if (error.isPresent()) {
      return error;
    }
    Identifiers.Target target = identifiers.resolve(object);
    if (target.error() != null) {
      return Optional.of(target.error());
    }
    Profile profile = target.profile();
    store.touch(profile);
    switch (array) {
      case "attributes" -> writeAttributes(profile, (ObjectNode) object);
      case "events" -> {
        ObjectNode event = logged(profile, object, Set.of("name", "time", "properties", "app_id"));
        store.events.add(event);
        store.eventNames.add(event.get("name").asText());
        store.dataPoints++;
      }
      default -> {
        ObjectNode purchase = logged(profile, object,
            Set.of("product_id", "currency", "price", "quantity", "time", "properties", "app_id"));
        if (!purchase.has("quantity")) {
          purchase.put("quantity", 1);
        }
        store.purchases.add(purchase);
        store.productIds.add(purchase.get("product_id").asText());
        store.dataPoints++;
      }
    }
    return Optional.empty();
  }

  private Optional<String> checkAttributes(JsonNode object) {
    // forEachEntry walks the parsed fields without an iterator and an entry object per field
    String[] firstError = new String[1];
    object.forEachEntry((name, value) -> {
      if (firstError[0] == null) {
        firstError[0] = checkAttribute(name, value).orElse(null);
      }
    });
    return Optional.ofNullable(firstError[0]);
  }

  private Optional<String> checkAttribute(String name, JsonNode value) {
    if (name.equals("subscription_groups")) {
      return checkGroups(value);
    }
    if (BrazeValues.RESERVED.contains(name) || value.isNull()) {
      return Optional.empty();
    }
    BrazeValues.Kind kind = BrazeValues.STANDARD.get(name);
    if (kind != null) {
      return BrazeValues.fits(kind, value) ? Optional.empty() : Optional.of("'" + name + "' is not valid");
    }
    return CustomAttributes.check(name, value);
  }

  private Optional<String> checkGroups(JsonNode groups) {
    if (!groups.isArray()) {
      return Optional.of("'subscription_groups' is not valid");
    }
    for (JsonNode group : groups) {
      String id = group.path("subscription_group_id").asText("");
      String state = group.path("subscription_state").asText("");
      if (!settings.subscriptionGroups().contains(id)) {
        return Optional.of("Invalid subscription_group_id '" + id + "'");
      }
      if (!state.equals("subscribed") && !state.equals("unsubscribed")) {
        return Optional.of("'subscription_state' is not valid: use subscribed or unsubscribed");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkEvent(JsonNode event) {
    if (!Identifiers.nonBlankText(event.get("name"))) {
      return Optional.of("'name' is not valid");
    }
    return checkTimeAndProperties(event);
  }

  private static Optional<String> checkPurchase(JsonNode purchase) {
    JsonNode productId = purchase.get("product_id");
    if (!Identifiers.nonBlankText(productId) || productId.asText().length() > 255) {
      return Optional.of("'product_id' is not valid");
    }
    if (!purchase.path("currency").isTextual() || !BrazeValues.isCurrency(purchase.get("currency").asText())) {
      return Optional.of("'currency' is not valid");
    }
    if (!purchase.path("price").isNumber()) {
      return Optional.of("'price' is not valid");
    }
    JsonNode quantity = purchase.get("quantity");
    if (quantity != null && (!quantity.canConvertToInt() || !quantity.isIntegralNumber() || quantity.asInt() < 1
        || quantity.asInt() > 100)) {
      return Optional.of("'quantity' is not valid");
    }
    return checkTimeAndProperties(purchase);
  }

  private static Optional<String> checkTimeAndProperties(JsonNode object) {
    if (!object.path("time").isTextual() || !BrazeValues.isTime(object.get("time").asText())) {
      return Optional.of("'time' is not valid");
    }
    JsonNode properties = object.get("properties");
    if (properties != null && !properties.isNull() && !properties.isObject()) {
      return Optional.of("'properties' is not valid");
    }
    return Optional.empty();
  }

  private void writeAttributes(Profile profile, ObjectNode object) {
    boolean merge = object.path("_merge_objects").asBoolean(false);
    object.forEachEntry((name, value) -> writeAttribute(profile, name, value, merge));
  }

  private void writeAttribute(Profile profile, String name, JsonNode value, boolean merge) {
    if (name.equals("subscription_groups")) {
      value.forEach(g -> profile.putSubscription(g.get("subscription_group_id").asText(),
          g.get("subscription_state").asText()));
      store.dataPoints += value.size();
      return;
    }
    if (BrazeValues.RESERVED.contains(name)) {
      return;
    }
    store.dataPoints++;
    if (BrazeValues.STANDARD.containsKey(name)) {
      if (value.isNull()) {
        profile.attributes.remove(name);
      } else {
        profile.attributes.set(name, value.deepCopy());
      }
      return;
    }
    JsonNode stored = CustomAttributes.apply(profile.attributes, name, value, merge);
    if (stored != null) {
      store.customAttributeTypes.computeIfAbsent(name, n -> BrazeValues.dataType(stored));
    }
  }

  private static ObjectNode logged(Profile profile, JsonNode object, Set<String> fields) {
    ObjectNode item = Json.object();
    item.put("braze_id", profile.brazeId);
    if (profile.externalId != null) {
      item.put("external_id", profile.externalId);
    }
    fields.stream().sorted().filter(object::has).forEach(f -> item.set(f, object.get(f).deepCopy()));
    return item;
  }
}
