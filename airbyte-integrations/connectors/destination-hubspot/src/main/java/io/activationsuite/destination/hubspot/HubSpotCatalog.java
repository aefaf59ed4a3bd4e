package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.DestinationObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the account offers from the live API: the standard objects, custom objects from
 * {@code GET /crm/v3/schemas}, and each object's properties from {@code GET /crm/v3/properties/{type}}.
 * Object types are looked up once per session.
 */
public final class HubSpotCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(HubSpotCatalog.class);

  private final HubSpotHttp http;
  private volatile List<HubSpotObjectType> types;

  public HubSpotCatalog(HubSpotHttp http) {
    this.http = http;
  }

  /** Standard objects first, then the account's custom objects (none if the token cannot read them). */
  public List<HubSpotObjectType> types() throws IOException {
    List<HubSpotObjectType> known = types;
    if (known == null) {
      List<HubSpotObjectType> all = new ArrayList<>(HubSpotObjectType.STANDARD);
      HubSpotResponse response = http.get("/crm/v3/schemas");
      if (response.successful()) {
        for (JsonNode schema : response.body().path("results")) {
          if (!schema.path("archived").asBoolean(false)) {
            all.add(HubSpotObjectType.fromSchema(schema));
          }
        }
      } else if (response.status() == 403) {
        LOG.warn("Custom objects are not listed: the token cannot read custom object schemas ({})",
            response.message());
      } else {
        throw failure(response, "list custom object schemas");
      }
      known = List.copyOf(all);
      types = known;
    }
    return known;
  }

  /** The object type with this catalog name, or with this custom object type id / fully qualified name. */
  public Optional<HubSpotObjectType> type(String name) throws IOException {
    for (HubSpotObjectType t : HubSpotObjectType.STANDARD) {
      if (t.name().equals(name)) {
        return Optional.of(t);
      }
    }
    return types().stream().filter(t -> t.name().equals(name) || t.pathType().equals(name)).findFirst();
  }

  /** Every object the token can read the properties of, described for the engine. */
  public List<DestinationObject> objects() throws IOException {
    List<DestinationObject> objects = new ArrayList<>();
    for (HubSpotObjectType type : types()) {
      HubSpotResponse response = http.get("/crm/v3/properties/" + type.pathType() + "?archived=false");
      if (response.status() == 403) {
        LOG.warn("Skipping {}: the token cannot read its properties ({})", type.name(), response.message());
        continue;
      }
      if (!response.successful()) {
        throw failure(response, "read the " + type.name() + " properties");
      }
      List<HubSpotProperty> properties = new ArrayList<>();
      response.body().path("results").forEach(p -> properties.add(HubSpotProperty.parse(p)));
      objects.add(ObjectDescriber.describe(type, properties));
    }
    return objects;
  }

  private static RuntimeException failure(HubSpotResponse response, String what) {
    if (response.status() == 401) {
      return new ConfigErrorException("HubSpot rejected the access token while trying to " + what
          + ". Check the connector's credentials.");
    }
    return new TransientErrorException("HubSpot failed to " + what + " (HTTP " + response.status() + "): "
        + response.message());
  }
}
