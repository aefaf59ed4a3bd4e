package io.activationsuite.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata of one sObject type: describeGlobal flags, key prefix for ids, and its fields.
 *
 * @param name API name (e.g. {@code Account}, {@code Customer_Health__c})
 * @param label singular label
 * @param labelPlural plural label
 * @param keyPrefix three-character id prefix (001 Account, 003 Contact...)
 * @param custom whether it is a custom object
 * @param createable records can be inserted
 * @param updateable records can be updated
 * @param deletable records can be deleted
 * @param queryable records can be queried
 * @param fields fields in describe order
 */
public record ObjectDescriptor(
    String name,
    String label,
    String labelPlural,
    String keyPrefix,
    boolean custom,
    boolean createable,
    boolean updateable,
    boolean deletable,
    boolean queryable,
    List<FieldDescriptor> fields) {

  /** Validates the key prefix and copies the fields. */
  public ObjectDescriptor {
    if (keyPrefix.length() != 3) {
      throw new IllegalArgumentException("key prefix must have 3 characters: " + keyPrefix);
    }
    fields = List.copyOf(fields);
  }

  /** Field by API name, case-insensitively as Salesforce resolves names. */
  public Optional<FieldDescriptor> field(String fieldName) {
    String wanted = fieldName.toLowerCase(Locale.ROOT);
    return fields.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** Fields by lower-case name, for fast lookups in hot paths. */
  public Map<String, FieldDescriptor> fieldsByLowerName() {
    Map<String, FieldDescriptor> map = new LinkedHashMap<>();
    fields.forEach(f -> map.put(f.name().toLowerCase(Locale.ROOT), f));
    return map;
  }

  /** Fields flagged externalId (valid upsert keys besides Id). */
  public List<FieldDescriptor> externalIdFields() {
    return fields.stream().filter(FieldDescriptor::externalId).toList();
  }
}
