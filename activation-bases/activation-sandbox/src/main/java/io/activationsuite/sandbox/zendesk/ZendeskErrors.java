package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxResponse;

/**
 * Zendesk's error bodies: the classic {@code {"error": ..., "description": ...}} shape of the Support API,
 * {@code RecordInvalid} with per-attribute {@code details}, {@code TooManyValues} with {@code max_count},
 * {@code Forbidden} with a {@code message}, and OAuth's {@code error_description}.
 */
final class ZendeskErrors {

  private ZendeskErrors() {}

  /** {@code {"error": error, "description": description}} with the status. */
  static SandboxResponse error(int status, String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error).put("description", description);
    return SandboxResponse.json(status, body);
  }

  /**
   * 400 when a parameter carries more values than allowed: Zendesk's {@code TooManyValues} shape (as in a
   * Zendesk answer quoted in zenpy issue 624: {@code "Parameter X cannot specify more than N values"} and
   * {@code max_count}).
   */
  static SandboxResponse tooManyValues(String parameter, int max) {
    ObjectNode body = Json.object();
    body.put("error", "TooManyValues")
        .put("description", "Parameter " + parameter + " cannot specify more than " + max + " values")
        .put("max_count", max);
    return SandboxResponse.json(400, body);
  }

  /**
   * 403 when bulk user import (data imports) is not enabled for the account: Zendesk's reference says a
   * 403 Forbidden is returned; the body is the one third-party endpoint references quote
   * ({@code "error": "Forbidden", "message": "Data imports are not enabled"}).
   */
  static SandboxResponse dataImportsDisabled() {
    ObjectNode body = Json.object();
    body.put("error", "Forbidden").put("message", "Data imports are not enabled");
    return SandboxResponse.json(403, body);
  }

  /** 401 for missing or wrong credentials. */
  static SandboxResponse unauthenticated() {
    ObjectNode body = Json.object();
    body.put("error", "Couldn't authenticate you");
    return SandboxResponse.json(401, body);
  }

  /** 401 for an expired, revoked or unknown OAuth access token. */
  static SandboxResponse invalidToken() {
    return oauth(401, "invalid_token",
        "The access token provided is expired, revoked, malformed or invalid for other reasons.");
  }

  /** 403 when the token lacks a scope. */
  static SandboxResponse forbidden(String missingScope) {
    return error(403, "Forbidden", "You are missing the following required scopes: " + missingScope);
  }

  /** OAuth token endpoint error. */
  static SandboxResponse oauth(int status, String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error).put("error_description", description);
    return SandboxResponse.json(status, body);
  }

  /** 422 {@code RecordInvalid} with one attribute's message. */
  static SandboxResponse recordInvalid(String attribute, String code, String description) {
    ObjectNode body = Json.object();
    body.put("error", "RecordInvalid").put("description", "Record validation errors");
    body.putObject("details").putArray(attribute).addObject().put("description", description).put("error", code);
    return SandboxResponse.json(422, body);
  }

  /** 404 for a record or route that does not exist. */
  static SandboxResponse notFound() {
    return error(404, "RecordNotFound", "Not found");
  }

  /** 400 for a body that is not what the endpoint takes. */
  static SandboxResponse invalidPayload(String description) {
    return error(400, "InvalidPayload", description);
  }
}
