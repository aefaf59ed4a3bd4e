package io.activationsuite.sandbox.salesforce;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Metadata of one sObject field: what describe reports and what the write validation enforces.
 *
 * @param name API name
 * @param label display label
 * @param type data type
 * @param length max characters for text types (0 otherwise)
 * @param createable writable on insert
 * @param updateable writable on update
 * @param nillable may be null
 * @param defaultedOnCreate the platform fills it on insert when absent
 * @param externalId marked as external id (usable as upsert key)
 * @param idLookup usable to identify a record (Id, Name-like or external id fields)
 * @param unique values must be unique across records (case-insensitive)
 * @param restrictedPicklist only listed active values are accepted
 * @param picklistValues allowed values of picklist/multipicklist fields
 * @param referenceTo target object names of reference fields
 */
public record FieldDescriptor(
    String name,
    String label,
    FieldType type,
    int length,
    boolean createable,
    boolean updateable,
    boolean nillable,
    boolean defaultedOnCreate,
    boolean externalId,
    boolean idLookup,
    boolean unique,
    boolean restrictedPicklist,
    List<PicklistValue> picklistValues,
    List<String> referenceTo) {

  /** Defensive copies. */
  public FieldDescriptor {
    picklistValues = List.copyOf(picklistValues);
    referenceTo = List.copyOf(referenceTo);
  }

  /** Starts a writable, nillable field of the given type. */
  public static Builder builder(String name, FieldType type) {
    return new Builder(name, type);
  }

  /** Insert fails with REQUIRED_FIELD_MISSING when this field is absent or null. */
  public boolean requiredOnCreate() {
    return createable && !nillable && !defaultedOnCreate;
  }

  /** The picklist entry matching {@code value} exactly (Salesforce compares picklist values case-sensitively). */
  public Optional<PicklistValue> picklistValue(String value) {
    return picklistValues.stream().filter(p -> p.value().equals(value)).findFirst();
  }

  /** Fluent builder so the schema catalog stays readable. */
  public static final class Builder {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean nillable = true;
    private boolean defaultedOnCreate;
    private boolean externalId;
    private boolean idLookup;
    private boolean unique;
    private boolean restrictedPicklist;
    private List<PicklistValue> picklistValues = List.of();
    private List<String> referenceTo = List.of();

    private Builder(String name, FieldType type) {
      this.name = name;
      this.type = type;
      this.label = name.replace("__c", "").replace('_', ' ');
      this.length = switch (type) {
        case ID, REFERENCE -> 18;
        case EMAIL -> 80;
        case PHONE -> 40;
        case URL -> 255;
        case TEXTAREA -> 32_000;
        case STRING, PICKLIST -> 255;
        case MULTIPICKLIST -> 4_099;
        default -> 0;
      };
      if (type == FieldType.BOOLEAN) {
        this.nillable = false;
        this.defaultedOnCreate = true;
      }
    }

    public Builder label(String value) {
      this.label = value;
      return this;
    }

    public Builder length(int value) {
      this.length = value;
      return this;
    }

    /** Not nillable, not defaulted: required on insert. */
    public Builder required() {
      this.nillable = false;
      return this;
    }

    /** Computed or system field: neither createable nor updateable. */
    public Builder readOnly() {
      this.createable = false;
      this.updateable = false;
      return this;
    }

    /** Settable on insert only. */
    public Builder createOnly() {
      this.updateable = false;
      return this;
    }

    public Builder nillable(boolean value) {
      this.nillable = value;
      return this;
    }

    public Builder defaultedOnCreate() {
      this.defaultedOnCreate = true;
      return this;
    }

    /** External id, id lookup and unique: the usual shape of an upsert key. */
    public Builder externalIdUnique() {
      this.externalId = true;
      this.idLookup = true;
      this.unique = true;
      return this;
    }

    public Builder idLookup() {
      this.idLookup = true;
      return this;
    }

    /** Picklist values; {@code restricted} rejects anything not listed. */
    public Builder picklist(boolean restricted, String... values) {
      this.restrictedPicklist = restricted;
      this.picklistValues = Arrays.stream(values).map(PicklistValue::of).toList();
      return this;
    }

    public Builder referenceTo(String... objects) {
      this.referenceTo = List.of(objects);
      return this;
    }

    public FieldDescriptor build() {
      return new FieldDescriptor(name, label, type, length, createable, updateable, nillable,
          defaultedOnCreate, externalId, idLookup, unique, restrictedPicklist, picklistValues, referenceTo);
    }
  }
}
