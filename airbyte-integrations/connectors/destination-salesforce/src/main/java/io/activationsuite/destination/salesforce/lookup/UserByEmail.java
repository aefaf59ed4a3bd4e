package io.activationsuite.destination.salesforce.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.destination.salesforce.http.ApiError;
import io.activationsuite.destination.salesforce.http.SalesforceRest;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.http.ApiResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code user_by_email} lookup, for {@code OwnerId} (and other user references): the id of the active
 * Salesforce user with that email, found with SOQL on {@code User}, up to {@value #EMAILS_PER_QUERY} emails
 * per query. Deactivated users cannot own records, so they do not match; when several active users share an
 * email, the first one Salesforce returns is used.
 */
public final class UserByEmail {
  /** Emails per SOQL query (keeps the query URL far below Salesforce's 16,384-character limit). */
  static final int EMAILS_PER_QUERY = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private UserByEmail() {}

  /** The lookup, answered with {@code http}. */
  public static Lookup lookup(SalesforceRest http) {
    return new Lookup("user_by_email", "the id of the active Salesforce user with this email (for OwnerId)",
        FieldType.EMAIL, "active Salesforce user with email", emails -> find(http, emails));
  }

  /** The SOQL for a set of emails. */
  static String soql(List<String> emails) {
    return "SELECT Id, Email FROM User WHERE IsActive = true AND Email IN ("
        + emails.stream().map(e -> "'" + e.replace("\\", "\\\\").replace("'", "\\'") + "'")
            .collect(Collectors.joining(", ")) + ")";
  }

  private static Map<String, String> find(SalesforceRest http, Set<String> emails) {
    Map<String, String> ids = new HashMap<>();
    List<String> all = new ArrayList<>(emails);
    for (int from = 0; from < all.size(); from += EMAILS_PER_QUERY) {
      String soql = soql(all.subList(from, Math.min(all.size(), from + EMAILS_PER_QUERY)));
      ApiResponse response = http.get("query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
      if (response.status() == 403) {
        throw new ConfigErrorException("Salesforce refused to read users for the user_by_email lookup ("
            + ApiError.describe(response) + "): give the integration user the 'View Setup and Configuration' or "
            + "'View All Users' permission, or map OwnerId to user ids instead.");
      }
      if (!response.isSuccessful()) {
        throw new SystemErrorException("Could not look up Salesforce users by email (" + ApiError.describe(response)
            + ")");
      }
      try {
        for (JsonNode user : JSON.readTree(response.bodyString()).path("records")) {
          ids.putIfAbsent(user.path("Email").asText().toLowerCase(java.util.Locale.ROOT), user.path("Id").asText());
        }
      } catch (IOException e) {
        throw new SystemErrorException("Unreadable answer to a query on Salesforce users", e);
      }
    }
    return ids;
  }
}
