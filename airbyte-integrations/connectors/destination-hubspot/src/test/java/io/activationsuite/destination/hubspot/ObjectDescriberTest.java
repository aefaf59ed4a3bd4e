package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectDescriberTest {

  private static HubSpotProperty prop(String name, String type, String fieldType, boolean unique, boolean readOnly,
      boolean calculated, String... options) {
    return new HubSpotProperty(name, name, type, fieldType, unique, readOnly, calculated, false, List.of(options));
  }

  private final List<HubSpotProperty> contactProps = List.of(
      prop("email", "string", "text", false, false, false),
      prop("firstname", "string", "text", false, false, false),
      prop("lifecyclestage", "enumeration", "radio", false, false, false, "lead", "customer"),
      prop("interests", "enumeration", "checkbox", false, false, false, "crm", "analytics"),
      prop("is_vip", "bool", "booleancheckbox", false, false, false),
      prop("signup", "date", "date", false, false, false),
      prop("seen_at", "datetime", "date", false, false, false),
      prop("ltv", "number", "number", false, false, false),
      prop("customer_id", "string", "text", true, false, false),
      prop("createdate", "datetime", "date", false, true, false),
      prop("num_deals", "number", "number", false, false, true),
      prop("hs_object_id", "number", "number", true, true, false));

  @Test
  void mapsHubSpotTypesAndLeavesOutReadOnlyAndCalculatedProperties() {
    DestinationObject contacts = ObjectDescriber.describe(HubSpotObjectType.STANDARD.getFirst(), contactProps);

    var fields = contacts.fieldsByName();
    assertThat(fields).doesNotContainKeys("createdate", "num_deals");
    assertThat(fields.get("email").type()).isEqualTo(FieldType.EMAIL);
    assertThat(fields.get("lifecyclestage").type()).isEqualTo(FieldType.ENUM);
    assertThat(fields.get("lifecyclestage").options()).containsExactly("lead", "customer");
    assertThat(fields.get("interests").type()).isEqualTo(FieldType.MULTI_ENUM);
    assertThat(fields.get("is_vip").type()).isEqualTo(FieldType.BOOLEAN);
    assertThat(fields.get("signup").type()).isEqualTo(FieldType.DATE);
    assertThat(fields.get("seen_at").type()).isEqualTo(FieldType.DATETIME);
    assertThat(fields.get("ltv").type()).isEqualTo(FieldType.NUMBER);
    assertThat(fields.get("hs_object_id").type()).isEqualTo(FieldType.ID);
  }

  @Test
  void offersEveryOperationWithMatchingKeysAmongTheWritableFields() {
    DestinationObject contacts = ObjectDescriber.describe(HubSpotObjectType.STANDARD.getFirst(), contactProps);

    assertThat(contacts.operation(Operation.INSERT).orElseThrow().matchingKeys()).isEmpty();
    assertThat(contacts.operation(Operation.UPSERT).orElseThrow().matchingKeys())
        .containsExactly("email", "customer_id");
    assertThat(contacts.operation(Operation.UPDATE).orElseThrow().matchingKeys())
        .containsExactly("hs_object_id", "email", "customer_id");
    assertThat(contacts.operation(Operation.ARCHIVE).orElseThrow().matchingKeys())
        .containsExactly("hs_object_id", "email", "customer_id");
    for (ObjectOperation op : contacts.operations()) {
      assertThat(op.writableFields()).containsAll(op.matchingKeys());
      assertThat(contacts.fieldsByName()).containsKeys(op.writableFields().toArray(String[]::new));
    }
    assertThat(contacts.operation(Operation.INSERT).orElseThrow().writableFields()).doesNotContain("hs_object_id");
  }

  @Test
  void objectsWithoutUniquePropertiesHaveNoUpsertAndCustomRequiredPropertiesAreRequiredOnInsert() {
    HubSpotObjectType custom = new HubSpotObjectType("pets", "Pets", "2-99", "custom", true, List.of("name"));
    DestinationObject pets = ObjectDescriber.describe(custom, List.of(prop("name", "string", "text", false, false,
        false)));

    assertThat(pets.operation(Operation.UPSERT)).isEmpty();
    assertThat(pets.operation(Operation.INSERT).orElseThrow().requiredFields()).containsExactly("name");
    assertThat(custom.writeScopes()).containsExactly("crm.objects.custom.write");
  }
}
