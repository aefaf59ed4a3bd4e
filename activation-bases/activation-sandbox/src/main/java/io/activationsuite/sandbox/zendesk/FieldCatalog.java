package io.activationsuite.sandbox.zendesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated account's custom fields and custom objects, seeded for the customer-health use case: user
 * and organization fields (health score, plan dropdown, renewal date...), ticket fields, and a
 * {@code subscription} custom object. Immutable.
 */
final class FieldCatalog {

  /** A custom object type with its fields. */
  record CustomObject(String key, String title, String pluralTitle, List<FieldDefinition> fields) {
    Optional<FieldDefinition> field(String fieldKey) {
      return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }
  }

  private static final String[] PLANS = {"free", "starter", "pro", "enterprise"};

  private final List<FieldDefinition> userFields = List.of(
      FieldDefinition.of(360_001L, "health_score", "decimal", "Health score"),
      FieldDefinition.of(360_002L, "plan", "dropdown", "Plan", PLANS),
      FieldDefinition.of(360_003L, "churn_risk", "checkbox", "Churn risk"),
      FieldDefinition.of(360_004L, "renewal_date", "date", "Renewal date"),
      FieldDefinition.of(360_005L, "seats", "integer", "Seats"),
      FieldDefinition.of(360_006L, "csm_notes", "textarea", "CSM notes"));
  private final List<FieldDefinition> organizationFields = List.of(
      FieldDefinition.of(370_001L, "health_score", "decimal", "Health score"),
      FieldDefinition.of(370_002L, "plan", "dropdown", "Plan", PLANS),
      FieldDefinition.of(370_003L, "arr", "decimal", "ARR"),
      FieldDefinition.of(370_004L, "renewal_date", "date", "Renewal date"),
      FieldDefinition.of(370_005L, "segment", "dropdown", "Segment", "smb", "mid_market", "enterprise"),
      FieldDefinition.of(370_006L, "regions", "multiselect", "Regions", "emea", "amer", "apac"));
  private final List<FieldDefinition> ticketFields = List.of(
      FieldDefinition.of(380_001L, "health_score", "decimal", "Health score"),
      FieldDefinition.of(380_002L, "escalation_reason", "tagger", "Escalation reason", "churn_risk",
          "low_health", "renewal_due"),
      FieldDefinition.of(380_003L, "account_plan", "text", "Account plan"));
  private final Map<String, CustomObject> customObjects = new LinkedHashMap<>();

  FieldCatalog() {
    customObjects.put("subscription", new CustomObject("subscription", "Subscription", "Subscriptions", List.of(
        FieldDefinition.of(390_001L, "plan", "dropdown", "Plan", PLANS),
        FieldDefinition.of(390_002L, "mrr", "decimal", "MRR"),
        FieldDefinition.of(390_003L, "renews_on", "date", "Renews on"),
        FieldDefinition.of(390_004L, "active", "checkbox", "Active"))));
  }

  List<FieldDefinition> userFields() {
    return userFields;
  }

  List<FieldDefinition> organizationFields() {
    return organizationFields;
  }

  List<FieldDefinition> ticketFields() {
    return ticketFields;
  }

  Optional<FieldDefinition> ticketField(long id) {
    return ticketFields.stream().filter(f -> f.id() == id).findFirst();
  }

  List<CustomObject> customObjects() {
    return List.copyOf(customObjects.values());
  }

  Optional<CustomObject> customObject(String key) {
    return Optional.ofNullable(customObjects.get(key));
  }
}
