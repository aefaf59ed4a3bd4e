package io.activationsuite.sink.testapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The destination API the test connector talks to over real HTTP: {@code POST /{object}/{operation}} with
 * {@code {"records":[{"id","key","payload","clear"}]}} answers one result per record. Values of
 * {@code first_name} steer it: {@code REFUSE} is refused, {@code POISON} makes the whole batch fail with
 * 400, {@code FLAKY} is always answered "retry", {@code FLAKY_ONCE} once. It records the final state per
 * key and flags any key that was in two requests at once.
 */
public final class FakeApiServer extends Dispatcher {
  private final Map<String, ObjectNode> rows = new ConcurrentHashMap<>();
  private final Set<String> inFlightKeys = ConcurrentHashMap.newKeySet();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger inserted = new AtomicInteger();
  private final Set<String> flakyOnceSeen = ConcurrentHashMap.newKeySet();
  private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
  private final AtomicReference<CountDownLatch> arrived = new AtomicReference<>(new CountDownLatch(0));
  private volatile int quotaAfterRecords = Integer.MAX_VALUE;
  private volatile int outageAfterRequests = Integer.MAX_VALUE;

  /** Holds every request until {@link #open()}; {@link #awaitHeld} waits for {@code count} to arrive. */
  public void close(int count) {
    gate.set(new CountDownLatch(1));
    arrived.set(new CountDownLatch(count));
  }

  public boolean awaitHeld() throws InterruptedException {
    return arrived.get().await(10, TimeUnit.SECONDS);
  }

  public void open() {
    CountDownLatch latch = gate.getAndSet(null);
    if (latch != null) {
      latch.countDown();
    }
  }

  /** After this many accepted records, every request gets 429 "daily quota exhausted". */
  public void quotaAfter(int records) {
    quotaAfterRecords = records;
  }

  /** After this many requests, every request gets 503. */
  public void outageAfter(int requestCount) {
    outageAfterRequests = requestCount;
  }

  public Map<String, ObjectNode> rows() {
    return rows;
  }

  public int overlaps() {
    return overlaps.get();
  }

  public int requests() {
    return requests.get();
  }

  public int accepted() {
    return accepted.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int number = requests.incrementAndGet();
    CountDownLatch held = gate.get();
    if (held != null) {
      arrived.get().countDown();
      held.await(30, TimeUnit.SECONDS);
    }
    if (number > outageAfterRequests) {
      return new MockResponse().setResponseCode(503).setBody("{\"error\":\"service unavailable\"}");
    }
    if (accepted.get() >= quotaAfterRecords) {
      return new MockResponse().setResponseCode(429).setHeader("X-Quota", "daily")
          .setBody("{\"error\":\"daily quota exhausted\"}");
    }
    try {
      JsonNode body = Json.mapper().readTree(request.getBody().readUtf8());
      String operation = request.getPath().substring(request.getPath().lastIndexOf('/') + 1);
      return write(operation, (ArrayNode) body.get("records"));
    } catch (java.io.IOException e) {
      return new MockResponse().setResponseCode(500).setBody("{\"error\":\"unreadable\"}");
    }
  }

  private MockResponse write(String operation, ArrayNode records) throws InterruptedException {
    for (JsonNode record : records) {
      if ("POISON".equals(record.path("payload").path("first_name").asText())) {
        return new MockResponse().setResponseCode(400)
            .setBody("{\"error\":\"first_name POISON is forbidden\"}");
      }
    }
    Set<String> mine = ConcurrentHashMap.newKeySet();
    try {
      for (JsonNode record : records) {
        String key = record.path("key").asText(null);
        if (key != null) {
          if (!inFlightKeys.add(key)) {
            overlaps.incrementAndGet();
          } else {
            mine.add(key);
          }
        }
      }
      // give concurrent requests a chance to overlap if the engine let them
      Thread.sleep(1);
      ObjectNode response = Json.mapper().createObjectNode();
      ArrayNode results = response.putArray("results");
      for (JsonNode record : records) {
        results.add(result(operation, record));
      }
      return new MockResponse().setResponseCode(200).setBody(response.toString());
    } finally {
      inFlightKeys.removeAll(mine);
    }
  }

  private ObjectNode result(String operation, JsonNode record) {
    ObjectNode result = Json.mapper().createObjectNode();
    String firstName = record.path("payload").path("first_name").asText("");
    String key = record.path("key").asText(null);
    if ("REFUSE".equals(firstName)) {
      return result.put("status", "error").put("message", "first_name REFUSE is not allowed")
          .put("field", "first_name");
    }
    if ("FLAKY".equals(firstName) || ("FLAKY_ONCE".equals(firstName) && flakyOnceSeen.add(key))) {
      return result.put("status", "retry").put("message", "row locked");
    }
    accepted.incrementAndGet();
    String id = key != null ? key : "row-" + inserted.incrementAndGet();
    switch (operation) {
      case "archive" -> rows.remove(id);
      default -> {
        ObjectNode row = rows.computeIfAbsent(id, k -> Json.mapper().createObjectNode());
        synchronized (row) {
          row.setAll((ObjectNode) record.path("payload"));
          record.path("clear").forEach(field -> row.remove(field.asText()));
        }
      }
    }
    return result.put("status", "ok").put("id", id);
  }
}
