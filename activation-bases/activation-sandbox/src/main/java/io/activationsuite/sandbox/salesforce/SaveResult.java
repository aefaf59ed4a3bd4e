package io.activationsuite.sandbox.salesforce;

import java.util.List;

/**
 * Outcome of writing one record, as sObject Collections return it ({@code id, success, errors}, plus
 * {@code created} for upserts) and as Bulk results report it.
 *
 * @param id record id (null when an insert failed)
 * @param success whether the write was applied
 * @param created for upserts: whether a record was created (null for other operations)
 * @param errors errors when not successful
 */
public record SaveResult(String id, boolean success, Boolean created, List<SaveError> errors) {

  /** Defensive copy. */
  public SaveResult {
    errors = List.copyOf(errors);
  }

  public static SaveResult ok(String id, Boolean created) {
    return new SaveResult(id, true, created, List.of());
  }

  public static SaveResult failed(String id, SaveError error) {
    return new SaveResult(id, false, null, List.of(error));
  }

  public static SaveResult failed(String id, List<SaveError> errors) {
    return new SaveResult(id, false, null, errors);
  }
}
