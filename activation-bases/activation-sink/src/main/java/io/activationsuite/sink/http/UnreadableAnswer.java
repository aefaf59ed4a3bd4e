package io.activationsuite.sink.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import okhttp3.MediaType;

/**
 * A success status whose body cannot be the API's answer: an HTML page (a proxy's, load balancer's or
 * captive portal's) or JSON cut short. Such an answer proves neither that the API applied the request nor
 * that it did not, so {@link ApiClient} treats it like a connection that failed after the request was
 * sent: an idempotent request is resent, any other ends delivery-uncertain.
 */
final class UnreadableAnswer extends IOException {

  private static final JsonFactory JSON = new JsonFactory();

  private UnreadableAnswer(String message) {
    super(message);
  }

  /** Throws when a success answer of {@code contentType} is HTML, or is declared JSON and does not parse. */
  static void check(int status, MediaType contentType, byte[] body) throws UnreadableAnswer {
    if (contentType == null || body.length == 0) {
      return;
    }
    String subtype = contentType.subtype().toLowerCase(java.util.Locale.ROOT);
    if (subtype.equals("html") || subtype.equals("xhtml+xml")) {
      throw new UnreadableAnswer("HTTP " + status + " answered with an HTML page instead of the API's answer");
    }
    if ((subtype.equals("json") || subtype.endsWith("+json")) && !parses(body)) {
      throw new UnreadableAnswer("HTTP " + status + " answered with JSON cut short or malformed ("
          + body.length + " bytes)");
    }
  }

  private static boolean parses(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
