package io.activationsuite.destination.salesforce;

import io.activationsuite.destination.salesforce.describe.ObjectCatalog;
import io.activationsuite.destination.salesforce.http.ApiError;
import io.activationsuite.destination.salesforce.http.ApiResponse;
import io.activationsuite.destination.salesforce.http.SalesforceHttp;
import io.activationsuite.protocol.errors.ConnectorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.DestinationObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code check} command: exchanges the credentials for a token, makes one cheap authenticated call
 * ({@code GET /services/data/vXX.X/}) and, when objects are named, describes them. Every failure becomes
 * a FAILED status that says what to fix.
 */
public final class ConnectionChecker {
  private final SalesforceHttp http;
  private final ObjectCatalog catalog;

  public ConnectionChecker(SalesforceHttp http, ObjectCatalog catalog) {
    this.http = http;
    this.catalog = catalog;
  }

  /** The connection status for the given objects (none: credentials and API access only). */
  public AirbyteConnectionStatus check(Set<String> objectNames) {
    try {
      ApiResponse response = http.get("");
      if (!response.ok()) {
        return failed(describeFailure(response));
      }
      List<String> problems = new ArrayList<>();
      for (String name : objectNames) {
        Optional<DestinationObject> object = catalog.describe(name);
        if (object.isEmpty()) {
          problems.add("object " + name + " does not exist or this user cannot write it");
        }
      }
      if (!problems.isEmpty()) {
        return failed("Connected to Salesforce, but " + String.join("; ", problems) + ".");
      }
      return new AirbyteConnectionStatus(AirbyteConnectionStatus.Status.SUCCEEDED, null);
    } catch (ConnectorException e) {
      return failed(e.userMessage());
    }
  }

  private String describeFailure(ApiResponse response) {
    List<ApiError> errors = response.errors();
    String code = errors.isEmpty() ? "" : errors.get(0).code();
    if (code.equals("API_DISABLED_FOR_ORG") || code.equals("API_CURRENTLY_DISABLED")) {
      return "The Salesforce API is disabled for this user or org (" + response.describe()
          + "): give the user the 'API Enabled' permission (Professional Edition needs the API add-on).";
    }
    if (response.status() == 404) {
      return "This org does not support API version " + http.apiVersion() + ": choose an older api_version.";
    }
    if (response.status() == 403) {
      return "Salesforce refused API access (" + response.describe()
          + "): check the user's 'API Enabled' permission and the app's 'api' OAuth scope.";
    }
    return "Unexpected answer from Salesforce: " + response.describe();
  }

  private static AirbyteConnectionStatus failed(String message) {
    return new AirbyteConnectionStatus(AirbyteConnectionStatus.Status.FAILED, message);
  }
}
