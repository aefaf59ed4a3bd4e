package io.activationsuite.sink.api;

import io.activationsuite.sink.lookup.LookupCheck;
import io.activationsuite.sink.lookup.LookupSource;
import java.util.Objects;

/**
 * A lookup a connector offers to mappings: a mapping entry's field with {@code "lookup": name} is given a
 * value of {@code valueType} (an email) that the engine turns into the destination's id (a user id) with
 * {@code source} before the record is written. The engine caches answers for the sync (found and not
 * found), asks only for values it does not know, in one source call per request's worth of records, and
 * rejects a record whose value has no match ({@link RejectionReason#LOOKUP_NOT_FOUND}: "no
 * {@code notFoundSubject} VALUE").
 *
 * @param name what mappings write in {@code lookup}, e.g. {@code user_by_email}
 * @param description one line for docs and errors, e.g. "the id of the active user with this email"
 * @param valueType the type mapped values are coerced to before the lookup (EMAIL: checked and compared
 *     case-insensitively)
 * @param notFoundSubject what was not found, e.g. "Salesforce user with email"
 * @param source how values are resolved with the API, several in one call where the API allows it
 * @param check what {@code check} verifies when a mapping uses the lookup (e.g. a scope its calls need)
 */
public record Lookup(String name, String description, FieldType valueType, String notFoundSubject,
    LookupSource source, LookupCheck check) {

  public Lookup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(notFoundSubject, "notFoundSubject");
    Objects.requireNonNull(source, "source");
    check = check == null ? LookupCheck.NONE : check;
  }

  /** A lookup whose calls need nothing beyond the connector's own check. */
  public Lookup(String name, String description, FieldType valueType, String notFoundSubject,
      LookupSource source) {
    this(name, description, valueType, notFoundSubject, source, LookupCheck.NONE);
  }

  /** The same lookup, checked at {@code check} with {@code value}. */
  public Lookup withCheck(LookupCheck value) {
    return new Lookup(name, description, valueType, notFoundSubject, source, value);
  }

  /** The rejection message for {@code value}. */
  public String notFoundMessage(String value) {
    return "no " + notFoundSubject + " " + value;
  }
}
