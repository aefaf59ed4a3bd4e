package io.activationsuite.sink.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.lookup.LookupResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the destination's ids in place of looked-up values (an owner's email becomes the user id) just before
 * a request is sent. Each lookup has one {@link LookupResolver} for the whole sync (cached, single-flight),
 * so a request costs at most one source call per lookup, for the values not known yet. A record whose value
 * has no match ends rejected as {@link RejectionReason#LOOKUP_NOT_FOUND} and leaves the request: it is never
 * written without its owner. The waiting record keeps its values; the writer gets a copy with the ids.
 */
public final class LookupStage {
  /** The stage of a stream without lookups. */
  public static final LookupStage NONE = new LookupStage(List.of());

  private final List<LookupField> fields;

  private LookupStage(List<LookupField> fields) {
    this.fields = List.copyOf(fields);
  }

  /**
   * One destination field filled by a lookup, and the sync's resolver of that lookup; {@code idType} is the
   * field's type (an INTEGER field gets a numeric id as a number, any other the id as text).
   */
  public record LookupField(String destination, Lookup lookup, LookupResolver resolver, FieldType idType) {

    JsonNode id(String id) {
      if (idType == FieldType.INTEGER && id.matches("-?\\d{1,18}")) {
        return LongNode.valueOf(Long.parseLong(id));
      }
      return TextNode.valueOf(id);
    }
  }

  /** The stage of the given fields (none: {@link #NONE}). */
  public static LookupStage of(List<LookupField> fields) {
    return fields.isEmpty() ? NONE : new LookupStage(fields);
  }

  /**
   * Resolves the lookup fields of {@code part}: ends the records whose value has no match through
   * {@code sink}, gives the others their writer copy with ids ({@link PendingRecord#forWriter()}), and
   * returns those others in order. A failing lookup call propagates (the sync's failure; nothing ended).
   */
  public List<PendingRecord> apply(List<PendingRecord> part, BatchDispatch.Sink sink) throws Exception {
    if (fields.isEmpty()) {
      return part;
    }
    List<Map<String, Optional<String>>> answers = new ArrayList<>(fields.size());
    for (LookupField field : fields) {
      Set<String> values = new LinkedHashSet<>();
      for (PendingRecord record : part) {
        String value = value(record.record().payload(), field.destination());
        if (value != null) {
          values.add(value);
        }
      }
      answers.add(values.isEmpty() ? Map.of() : field.resolver().resolveAll(values));
    }
    List<PendingRecord> ready = new ArrayList<>(part.size());
    for (PendingRecord record : part) {
      ObjectNode payload = record.record().payload();
      ObjectNode resolved = null;
      RecordOutcome rejected = null;
      for (int i = 0; i < fields.size() && rejected == null; i++) {
        LookupField field = fields.get(i);
        String value = value(payload, field.destination());
        if (value == null) {
          continue;
        }
        Optional<String> id = answers.get(i).get(value);
        if (id == null || id.isEmpty()) {
          rejected = RecordOutcome.rejected(RejectionReason.LOOKUP_NOT_FOUND, field.destination(),
              field.lookup().notFoundMessage(value) + " (lookup '" + field.lookup().name() + "' for field '"
                  + field.destination() + "')", null);
          continue;
        }
        if (resolved == null) {
          resolved = payload.deepCopy();
        }
        resolved.set(field.destination(), field.id(id.get()));
      }
      if (rejected != null) {
        sink.outcome(record, rejected);
        continue;
      }
      OutboundRecord original = record.record();
      record.resolved(resolved == null ? null : new OutboundRecord(original.correlationId(),
          original.matchingKey(), resolved, original.nullFields(), original.sizeBytes()));
      ready.add(record);
    }
    return ready;
  }

  private static String value(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
