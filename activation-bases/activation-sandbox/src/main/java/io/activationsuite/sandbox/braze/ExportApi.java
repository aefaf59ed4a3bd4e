package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The discovery (export) endpoints: {@code GET /custom_attributes} (50 per page, the next page's cursor in
 * a {@code Link: <...>; rel="next"} header), {@code GET /events/list} and {@code GET /purchases/product_list}
 * (250 names per page, {@code ?page=N} from 0). They list what {@code /users/track} has recorded.
 */
final class ExportApi {

  static final int ATTRIBUTES_PER_PAGE = 50;
  static final int NAMES_PER_PAGE = 250;

  private final UserStore store;
  private final URI baseUrl;

  ExportApi(UserStore store, URI baseUrl) {
    this.store = store;
    this.baseUrl = baseUrl;
  }

  SandboxResponse customAttributes(SandboxRequest request) {
    int skip;
    try {
      skip = request.queryParam("cursor").map(ExportApi::decodeCursor).orElse(0);
    } catch (IllegalArgumentException e) {
      return BrazeEmulator.message(400, "Invalid cursor");
    }
    List<Map.Entry<String, String>> all;
    synchronized (store.lock()) {
      all = new ArrayList<>(store.customAttributeTypes.entrySet());
    }
    ObjectNode body = Json.object();
    ArrayNode attributes = body.putArray("attributes");
    for (int i = skip; i < Math.min(all.size(), skip + ATTRIBUTES_PER_PAGE); i++) {
      String type = all.get(i).getValue();
      ObjectNode item = attributes.addObject();
      item.putNull("array_length");
      if (type.startsWith("Array")) {
        item.put("array_length", CustomAttributes.MAX_ARRAY_LENGTH);
      }
      item.put("data_type", type).putNull("description").put("name", all.get(i).getKey()).put("status", "Active");
      item.putArray("tag_names");
    }
    body.put("message", "success");
    SandboxResponse response = SandboxResponse.json(200, body);
    if (skip + ATTRIBUTES_PER_PAGE < all.size()) {
      String next = baseUrl + "/custom_attributes/?cursor=" + encodeCursor(skip + ATTRIBUTES_PER_PAGE);
      response = response.withHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return response;
  }

  SandboxResponse eventNames(SandboxRequest request) {
    return names(request, "events", true);
  }

  SandboxResponse productIds(SandboxRequest request) {
    return names(request, "products", false);
  }

  private SandboxResponse names(SandboxRequest request, String key, boolean events) {
    int page;
    try {
      page = Integer.parseInt(request.queryParam("page").orElse("0"));
    } catch (NumberFormatException e) {
      return BrazeEmulator.message(400, "'page' must be a number");
    }
    List<String> all;
    synchronized (store.lock()) {
      all = new ArrayList<>(events ? store.eventNames : store.productIds);
    }
    ObjectNode body = Json.object();
    ArrayNode names = body.putArray(key);
    all.stream().skip((long) Math.max(0, page) * NAMES_PER_PAGE).limit(NAMES_PER_PAGE).forEach(names::add);
    body.put("message", "success");
    return SandboxResponse.json(200, body);
  }

  static String encodeCursor(int skip) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("skip:" + skip).getBytes(StandardCharsets.UTF_8));
  }

  static int decodeCursor(String cursor) {
    String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    if (!text.startsWith("skip:")) {
      throw new IllegalArgumentException("bad cursor");
    }
    return Integer.parseInt(text.substring(5));
  }
}
