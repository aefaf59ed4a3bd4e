package io.activationsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny emulator for core tests: stores every POST body under "items" and answers 200. */
final class EchoEmulator implements Emulator {

  final CopyOnWriteArrayList<String> bodies = new CopyOnWriteArrayList<>();
  volatile boolean tokensExpired;

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public void start(EmulatorContext context) {
  }

  @Override
  public SandboxResponse handle(SandboxRequest request) {
    if (request.method().equals("POST")) {
      bodies.add(request.bodyText());
    }
    return SandboxResponse.json(200, Map.of("path", request.path()));
  }

  @Override
  public void reset() {
    bodies.clear();
    tokensExpired = false;
  }

  @Override
  public JsonNode objects() {
    return Json.object().set("items", objects("items"));
  }

  @Override
  public JsonNode objects(String type) {
    if (!type.equals("items")) {
      throw new NoSuchElementException("unknown type " + type);
    }
    ArrayNode array = Json.array();
    bodies.forEach(array::add);
    return array;
  }

  @Override
  public Map<String, String> credentials() {
    return Map.of("token", "echo-token");
  }

  @Override
  public void expireAccessTokens() {
    tokensExpired = true;
  }
}
