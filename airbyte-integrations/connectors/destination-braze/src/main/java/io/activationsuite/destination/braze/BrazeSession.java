package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.StreamPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Braze session: checks the key's permissions by probing each endpoint the objects need (without
 * writing anything), describes the catalog, and hands out the writer of each stream.
 */
public final class BrazeSession implements ApiSession {

  /** A permission, the request that proves it, and the objects that need it. */
  private record Probe(String permission, BrazeHttp.Endpoint endpoint, String method, String path, String body,
      Set<String> objects) {
  }

  private static final List<Probe> PROBES = List.of(
      new Probe("users.track", BrazeHttp.Endpoint.TRACK, "POST", "users/track", "{}",
          Set.of(BrazeCatalog.USERS, BrazeCatalog.EVENTS, BrazeCatalog.PURCHASES)),
      new Probe("custom_attributes.get", BrazeHttp.Endpoint.EXPORT, "GET", "custom_attributes", null,
          Set.of(BrazeCatalog.USERS)),
      new Probe("users.delete", BrazeHttp.Endpoint.USERS, "POST", "users/delete", "{\"external_ids\":[]}",
          Set.of(BrazeCatalog.DELETIONS)),
      new Probe("subscription.status.set", BrazeHttp.Endpoint.SUBSCRIPTION, "POST", "v2/subscription/status/set",
          "{}", Set.of(BrazeCatalog.SUBSCRIPTIONS)));

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final BrazeHttp http;
  private final BrazeCatalog catalog;
  private Map<String, BrazeCatalog.Described> described;
  private boolean withCustomAttributes;

  /** A session over the given client. */
  public BrazeSession(BrazeHttp http) {
    this.http = http;
    this.catalog = new BrazeCatalog(http);
  }

  @Override
  public AirbyteConnectionStatus check(Set<String> objectNames) throws Exception {
    Set<String> wanted = objectNames.isEmpty() ? Set.of(BrazeCatalog.EVENTS) : objectNames;
    List<String> unknown = wanted.stream().filter(n -> PROBES.stream().noneMatch(p -> p.objects().contains(n)))
        .toList();
    if (!unknown.isEmpty()) {
      return AirbyteConnectionStatus.failed("Braze has no object named " + String.join(", ", unknown)
          + "; the objects are users, events, purchases, user_deletions and subscription_group_members.");
    }
    List<String> missing = new ArrayList<>();
    for (Probe probe : PROBES) {
      List<String> needing = probe.objects().stream().filter(wanted::contains).sorted().toList();
      if (needing.isEmpty()) {
        continue;
      }
      BrazeHttp.Answer answer = probe.method().equals("GET") ? http.get(probe.endpoint(), probe.path())
          : http.post(probe.endpoint(), probe.path(), MAPPER.readTree(probe.body()));
      if (answer.status() == 401 || answer.status() == 404 && probe.method().equals("GET")) {
        return AirbyteConnectionStatus.failed("Braze refused the REST API key (HTTP " + answer.status()
            + "). Check api_key, and that instance is the one of the workspace the key belongs to.");
      }
      if (answer.status() == 403) {
        missing.add(probe.permission() + " (needed by " + String.join(", ", needing) + ")");
      } else if (answer.status() >= 500) {
        return AirbyteConnectionStatus.failed("Braze is unavailable (HTTP " + answer.status() + "); retry later.");
      }
    }
    if (!missing.isEmpty()) {
      return AirbyteConnectionStatus.failed("The Braze REST API key lacks the permission(s) "
          + String.join("; ", missing) + ". Add them to the key under Settings > APIs and Identifiers, then retry.");
    }
    return AirbyteConnectionStatus.succeeded();
  }

  @Override
  public List<DestinationObject> objects() throws Exception {
    return described(true).values().stream().map(BrazeCatalog.Described::object).toList();
  }

  @Override
  public List<DestinationObject> objects(Set<String> names) throws Exception {
    return described(names.contains(BrazeCatalog.USERS)).values().stream().map(BrazeCatalog.Described::object)
        .filter(o -> names.contains(o.name())).toList();
  }

  @Override
  public BatchWriter writer(StreamPlan plan) throws Exception {
    BrazeCatalog.Described object = described(plan.object().name().equals(BrazeCatalog.USERS))
        .get(plan.object().name());
    if (object == null) {
      throw new ConfigErrorException("Braze has no object named " + plan.object().name());
    }
    return switch (plan.object().name()) {
      case BrazeCatalog.DELETIONS -> new DeletionWriter(http, plan);
      case BrazeCatalog.SUBSCRIPTIONS -> new SubscriptionWriter(http, plan);
      default -> new TrackWriter(http, plan, object.jsonFields());
    };
  }

  private synchronized Map<String, BrazeCatalog.Described> described(boolean withCustomAttributes)
      throws IOException {
    if (described == null || withCustomAttributes && !this.withCustomAttributes) {
      Map<String, BrazeCatalog.Described> byName = new LinkedHashMap<>();
      catalog.describe(withCustomAttributes).forEach(d -> byName.put(d.object().name(), d));
      described = byName;
      this.withCustomAttributes = withCustomAttributes;
    }
    return described;
  }

  @Override
  public void close() {
    http.close();
  }
}
