package io.activationsuite.destination.salesforce.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.destination.salesforce.http.ApiResponse;
import io.activationsuite.destination.salesforce.http.SalesforceHttp;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.ConnectorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.DestinationObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Discovers the objects the user can write: {@code GET sobjects} (describeGlobal), then the describe
 * of every createable, updateable or deletable object, several at once but bounded so a large org
 * does not trip the concurrent request limit.
 */
public final class ObjectCatalog {
  /** Describes in flight at once. */
  public static final int PARALLEL_DESCRIBES = 8;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SalesforceHttp http;

  public ObjectCatalog(SalesforceHttp http) {
    this.http = http;
  }

  /** Names of the writable objects, as describeGlobal lists them. */
  public List<String> writableObjectNames() {
    JsonNode global = read(http.get("sobjects"), "list the org's objects");
    List<String> names = new ArrayList<>();
    for (JsonNode sobject : global.path("sobjects")) {
      if (sobject.path("createable").asBoolean(false) || sobject.path("updateable").asBoolean(false)
          || sobject.path("deletable").asBoolean(false)) {
        names.add(sobject.path("name").asText());
      }
    }
    return names;
  }

  /** Every writable object, described, in describeGlobal order. */
  public List<DestinationObject> all() {
    return describeAll(writableObjectNames());
  }

  /** The described objects among {@code names} (unknown or unwritable ones are left out). */
  public List<DestinationObject> describeAll(List<String> names) {
    Semaphore permits = new Semaphore(PARALLEL_DESCRIBES);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Optional<DestinationObject>>> futures = new ArrayList<>();
      for (String name : names) {
        futures.add(executor.submit(() -> {
          permits.acquire();
          try {
            return describe(name);
          } finally {
            permits.release();
          }
        }));
      }
      List<DestinationObject> objects = new ArrayList<>();
      for (Future<Optional<DestinationObject>> future : futures) {
        future.get().ifPresent(objects::add);
      }
      return objects;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemErrorException("Interrupted while describing Salesforce objects", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConnectorException connector) {
        throw connector;
      }
      throw new SystemErrorException("Describing Salesforce objects failed: " + e.getCause(), e.getCause());
    }
  }

  /** One object's describe, mapped; empty when it does not exist or the user cannot write it. */
  public Optional<DestinationObject> describe(String name) {
    ApiResponse response = http.get("sobjects/" + name + "/describe");
    if (response.status() == 404) {
      return Optional.empty();
    }
    return DescribeMapper.map(read(response, "describe " + name));
  }

  private static JsonNode read(ApiResponse response, String what) {
    if (response.status() == 403) {
      throw new ConfigErrorException("Salesforce refused to " + what + " (" + response.describe()
          + "): the user needs the 'API Enabled' permission and read access to the objects.");
    }
    if (!response.ok()) {
      throw new SystemErrorException("Could not " + what + " (" + response.describe() + ")");
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SystemErrorException("Unreadable answer when trying to " + what, e);
    }
  }
}
