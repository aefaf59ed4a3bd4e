package io.activationsuite.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Salesforce-specific actions of the {@code /__sandbox/salesforce/...} control endpoint, so tests in other
 * languages and the CLI can drive what the Java API offers: job listing, job failure and row-lock
 * injection, refresh-token revocation, API permission, allocation and Bulk speed.
 */
final class SalesforceControl {
  private final SalesforceEmulator emulator;

  SalesforceControl(SalesforceEmulator emulator) {
    this.emulator = emulator;
  }

  Optional<SandboxResponse> handle(String action, SandboxRequest request) {
    SalesforceOrg org = emulator.org();
    String key = request.method() + " " + action;
    return switch (key) {
      case "GET salesforce/jobs" -> Optional.of(jobs(org));
      case "POST salesforce/bulk/fail-next-job" -> {
        JsonNode body = request.bodyJson();
        org.faults().failNextJob(body.path("afterRecords").asInt(0),
            body.path("message").asText(SalesforceFaults.DEFAULT_JOB_FAILURE));
        yield Optional.of(SandboxResponse.empty(204));
      }
      case "POST salesforce/records/lock-next" -> {
        org.faults().lockNextRecords(request.bodyJson().path("count").asInt(1));
        yield Optional.of(SandboxResponse.empty(204));
      }
      case "POST salesforce/refresh-tokens/revoke" -> {
        org.auth().revokeRefreshToken(request.bodyJson().path("refreshToken").asText());
        yield Optional.of(SandboxResponse.empty(204));
      }
      case "PUT salesforce/api-access" -> {
        org.auth().apiEnabled(request.bodyJson().path("enabled").asBoolean(true));
        yield Optional.of(SandboxResponse.empty(204));
      }
      case "PUT salesforce/limits" -> {
        JsonNode body = request.bodyJson();
        if (body.has("dailyApiRequests")) {
          emulator.dailyApiRequests(body.get("dailyApiRequests").asLong());
        }
        if (body.has("used")) {
          org.limits().setUsedRequests(body.get("used").asLong());
        }
        yield Optional.of(SandboxResponse.json(200, SalesforceJson.limits(org.limits())));
      }
      case "PUT salesforce/bulk-profile" -> {
        JsonNode body = request.bodyJson();
        BulkProcessingProfile current = org.bulk().profile();
        org.bulk().profile(new BulkProcessingProfile(
            Duration.ofMillis(body.path("startDelayMillis").asLong(current.startDelay().toMillis())),
            body.path("recordsPerSecond").asDouble(current.recordsPerSecond()),
            body.path("chunkSize").asInt(current.chunkSize())));
        yield Optional.of(SandboxResponse.empty(204));
      }
      case "POST salesforce/sessions" -> Optional.of(SandboxResponse.json(200,
          Json.object().put("access_token", emulator.issueAccessToken())));
      default -> Optional.empty();
    };
  }

  private static SandboxResponse jobs(SalesforceOrg org) {
    ArrayNode array = Json.array();
    org.bulk().list().forEach(j -> array.add(SalesforceJson.job(j, true)));
    return SandboxResponse.json(200, array);
  }
}
