package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.http.ratelimit.ThrottledUntilException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(BrazeSession.class);

  private final BrazeHttp http;
  private final BrazeCatalog catalog;
  private Map<String, DestinationObject> described;
  private boolean withCustomAttributes;
  private Instant customAttributesThrottledUntil;

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
    return List.copyOf(described(true).values());
  }

  @Override
  public List<DestinationObject> objects(Set<String> names) throws Exception {
    return described(names.contains(BrazeCatalog.USERS)).values().stream().filter(o -> names.contains(o.name()))
        .toList();
  }

  @Override
  public BatchWriter writer(StreamPlan plan) throws Exception {
    if (described(plan.object().name().equals(BrazeCatalog.USERS)).get(plan.object().name()) == null) {
      throw new ConfigErrorException("Braze has no object named " + plan.object().name());
    }
    if (plan.object().name().equals(BrazeCatalog.USERS)) {
      checkCustomAttributesKnown(plan);
    }
    return switch (plan.object().name()) {
      case BrazeCatalog.DELETIONS -> new DeletionWriter(http, plan);
      case BrazeCatalog.SUBSCRIPTIONS -> new SubscriptionWriter(http, plan);
      default -> new TrackWriter(http, plan);
    };
  }

  /**
   * When Braze rate limited the custom-attribute list: a mapping that names custom attributes needs their
   * types (times, numbers, booleans are converted to them), so the sync stops with the time to retry;
   * otherwise it goes on, and custom attributes in records are sent as they are.
   */
  private synchronized void checkCustomAttributesKnown(StreamPlan plan) {
    Instant until = customAttributesThrottledUntil;
    if (until == null) {
      return;
    }
    String retry = ThrottledUntilException.format(until);
    List<String> custom = plan.fieldMappings().stream().map(FieldMapping::destination)
        .filter(f -> !BrazeCatalog.standardAttribute(f.split("\\.")[0])).toList();
    if (!custom.isEmpty()) {
      throw new TransientErrorException("Braze rate limits the list of custom attributes (GET /custom_attributes,"
          + " 1,000 requests per hour per workspace, shared with other integrations) until " + retry
          + ", and the mapping of stream " + plan.stream().name() + " writes custom attributes ("
          + String.join(", ", custom) + ") whose types come from it. Retry the sync after " + retry + ".");
    }
    LOG.warn("Braze rate limits the list of custom attributes until {}; stream {} maps only standard attributes,"
        + " so it goes on (custom attributes in its records are sent as they are)", retry, plan.stream().name());
  }

  private synchronized Map<String, DestinationObject> described(boolean withCustomAttributes)
      throws IOException {
    if (described == null || withCustomAttributes && !this.withCustomAttributes) {
      Map<String, DestinationObject> byName = new LinkedHashMap<>();
      catalog.describe(withCustomAttributes, until -> customAttributesThrottledUntil = until)
          .forEach(d -> byName.put(d.name(), d));
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
