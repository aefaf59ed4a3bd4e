package io.activationsuite.destination.hubspot;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.StreamPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One authenticated HubSpot session: token and scope checks, discovery and batch writers, all sharing
 * the session's HTTP client, token and rate limiter.
 */
public final class HubSpotSession implements ApiSession {

  private final HubSpotHttp http;
  private final HubSpotCredentials credentials;
  private final HubSpotCatalog catalog;
  private final List<Lookup> lookups;

  public HubSpotSession(HubSpotHttp http, HubSpotCredentials credentials) {
    this.http = http;
    this.credentials = credentials;
    this.catalog = new HubSpotCatalog(http);
    this.lookups = List.of(OwnerByEmail.lookup(http, credentials));
  }

  /** {@code owner_by_email}: an owner's email to the owner id for {@code hubspot_owner_id}. */
  @Override
  public List<Lookup> lookups() {
    return lookups;
  }

  @Override
  public AirbyteConnectionStatus check(Set<String> objectNames) throws Exception {
    Set<String> granted;
    try {
      granted = TokenScopes.of(http, credentials);
    } catch (ConfigErrorException e) {
      return failed(e.userMessage());
    }
    List<HubSpotObjectType> objects = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : objectNames) {
      catalog.type(name).ifPresentOrElse(objects::add, () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      return failed("HubSpot has no object named " + String.join(", ", unknown)
          + " in this account (custom objects need the scope crm.schemas.custom.read to be listed).");
    }
    if (objectNames.isEmpty()) {
      boolean custom = granted.contains("crm.objects.custom.write");
      if (!custom && !ScopeCheck.canWriteAny(granted, HubSpotObjectType.STANDARD)) {
        return failed("The HubSpot token cannot write any CRM object. Give the app at least one write scope,"
            + " e.g. crm.objects.contacts.write, plus the matching read scope.");
      }
      return succeeded();
    }
    List<String> missing = ScopeCheck.missing(granted, objects);
    if (!missing.isEmpty()) {
      return failed("The HubSpot app is missing scopes: " + String.join("; ", missing)
          + ". Add them to the app (and reinstall it for OAuth), then retry.");
    }
    return succeeded();
  }

  @Override
  public List<DestinationObject> objects() throws Exception {
    return catalog.objects();
  }

  @Override
  public BatchWriter writer(StreamPlan plan) throws Exception {
    HubSpotObjectType type = catalog.type(plan.object().name())
        .orElseThrow(() -> new ConfigErrorException("HubSpot has no object named " + plan.object().name()));
    return new HubSpotBatchWriter(http, type, plan);
  }

  @Override
  public void close() {
    http.close();
  }

  private static AirbyteConnectionStatus failed(String message) {
    return AirbyteConnectionStatus.failed(message);
  }

  private static AirbyteConnectionStatus succeeded() {
    return AirbyteConnectionStatus.succeeded();
  }
}
