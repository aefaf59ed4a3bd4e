package io.activationsuite.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * The one JSON codec every emulator shares, so request parsing and response writing behave the same
 * across vendors (records serialise without nulls, unknown fields in control payloads are tolerated).
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {
  }

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new empty JSON array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** A JSON array of the given strings. */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  /** Parses bytes as JSON, throwing {@link MalformedJsonException} with the parser's reason when invalid. */
  public static JsonNode parse(byte[] bytes) {
    try {
      return present(MAPPER.readTree(bytes));
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A reader of JSON trees built by {@code nodes} (an emulator that parses many small objects per request may
   * keep them in a more compact form) for {@link #parse(byte[], ObjectReader)}: create it once and keep it.
   */
  public static ObjectReader treeReader(JsonNodeFactory nodes) {
    return MAPPER.reader().with(nodes);
  }

  /** Parses bytes as JSON like {@link #parse(byte[])}, with a reader from {@link #treeReader}. */
  public static JsonNode parse(byte[] bytes, ObjectReader reader) {
    try {
      return present(reader.readTree(bytes));
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode present(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw new MalformedJsonException("No content to map due to end-of-input");
    }
    return node;
  }

  /** Converts any value (record, map, list) to a JSON tree. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Binds a JSON tree to a type, throwing {@link MalformedJsonException} on a shape mismatch. */
  public static <T> T bind(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedJsonException(e.getMessage());
    }
  }

  /** Serialises a value to UTF-8 JSON bytes. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("value is not serialisable as JSON", e);
    }
  }

  /** Raised when a request body is not valid JSON or does not have the expected shape. */
  public static final class MalformedJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the parser's description of the problem. */
    public MalformedJsonException(String message) {
      super(message);
    }
  }
}
