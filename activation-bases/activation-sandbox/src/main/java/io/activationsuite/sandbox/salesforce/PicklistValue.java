package io.activationsuite.sandbox.salesforce;

/**
 * One entry of a picklist field's value set, as describe returns it.
 *
 * @param value API value written by clients
 * @param label display label
 * @param active whether the value can still be written
 */
public record PicklistValue(String value, String label, boolean active) {

  /** An active value whose label equals its API value. */
  public static PicklistValue of(String value) {
    return new PicklistValue(value, value, true);
  }
}
