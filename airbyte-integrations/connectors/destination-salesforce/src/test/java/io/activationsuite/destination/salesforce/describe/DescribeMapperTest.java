package io.activationsuite.destination.salesforce.describe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String field(String name, String type, String extra) {
    return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static final String W = "\"createable\":true,\"updateable\":true,\"nillable\":true";

  @Test
  void mapsOperationsFieldsAndTypes() throws Exception {
    String describe = "{\"name\":\"Contact\",\"label\":\"Contact\",\"createable\":true,\"updateable\":true,"
        + "\"deletable\":true,\"fields\":["
        + field("Id", "id", "\"createable\":false,\"updateable\":false,\"nillable\":false,\"idLookup\":true") + ","
        + field("LastName", "string", "\"createable\":true,\"updateable\":true,\"nillable\":false,"
            + "\"defaultedOnCreate\":false,\"length\":80") + ","
        + field("OwnerId", "reference", "\"createable\":true,\"updateable\":true,\"nillable\":false,"
            + "\"defaultedOnCreate\":true") + ","
        + field("Email", "email", W + ",\"idLookup\":true,\"length\":80") + ","
        + field("Ext__c", "string", W + ",\"externalId\":true,\"unique\":true,\"length\":40") + ","
        + field("Level__c", "picklist", W + ",\"restrictedPicklist\":true,\"picklistValues\":["
            + "{\"value\":\"A\",\"active\":true},{\"value\":\"Old\",\"active\":false}]") + ","
        + field("Tags__c", "multipicklist", W) + ","
        + field("Seats__c", "int", W) + ","
        + field("Score__c", "percent", W) + ","
        + field("Born__c", "date", W) + ","
        + field("Seen__c", "datetime", W) + ","
        + field("Ok__c", "boolean", "\"createable\":true,\"updateable\":true,\"nillable\":false,"
            + "\"defaultedOnCreate\":true") + ","
        + field("MailingAddress", "address", "\"createable\":false,\"updateable\":false") + ","
        + field("CreatedDate", "datetime", "\"createable\":false,\"updateable\":false") + ","
        + field("CreateOnly__c", "string", "\"createable\":true,\"updateable\":false,\"nillable\":true")
        + "]}";
    DestinationObject object = DescribeMapper.map(JSON.readTree(describe)).orElseThrow();
    var fields = object.fieldsByName();
    assertThat(fields.keySet()).doesNotContain("MailingAddress", "CreatedDate");
    assertThat(fields.get("Id")).isEqualTo(new DestinationField("Id", FieldType.ID, false, null, List.of(), true));
    assertThat(fields.get("LastName").maxLength()).isEqualTo(80);
    assertThat(fields.get("Email").type()).isEqualTo(FieldType.EMAIL);
    assertThat(fields.get("Level__c").type()).isEqualTo(FieldType.ENUM);
    assertThat(fields.get("Level__c").options()).containsExactly("A");
    assertThat(fields.get("Tags__c").type()).isEqualTo(FieldType.MULTI_ENUM);
    assertThat(fields.get("Seats__c").type()).isEqualTo(FieldType.INTEGER);
    assertThat(fields.get("Score__c").type()).isEqualTo(FieldType.NUMBER);
    assertThat(fields.get("Born__c").type()).isEqualTo(FieldType.DATE);
    assertThat(fields.get("Seen__c").type()).isEqualTo(FieldType.DATETIME);
    assertThat(fields.get("OwnerId").type()).isEqualTo(FieldType.ID);
    assertThat(fields.get("Ext__c").unique()).isTrue();

    ObjectOperation insert = object.operation(Operation.INSERT).orElseThrow();
    assertThat(insert.requiredFields()).containsExactly("LastName");
    assertThat(insert.writableFields()).contains("CreateOnly__c", "LastName").doesNotContain("Id");
    ObjectOperation upsert = object.operation(Operation.UPSERT).orElseThrow();
    assertThat(upsert.matchingKeys()).containsExactly("Email", "Ext__c");
    assertThat(upsert.writableFields()).contains("Ext__c", "LastName").doesNotContain("CreateOnly__c", "Id");
    ObjectOperation update = object.operation(Operation.UPDATE).orElseThrow();
    assertThat(update.matchingKeys()).containsExactly("Id");
    assertThat(update.requiredFields()).isEmpty();
    assertThat(update.writableFields()).contains("Id", "LastName").doesNotContain("CreateOnly__c");
    ObjectOperation delete = object.operation(Operation.DELETE).orElseThrow();
    assertThat(delete.writableFields()).containsExactly("Id");
  }

  @Test
  void readOnlyObjectsAreLeftOut() throws Exception {
    String describe = "{\"name\":\"UserLicense\",\"createable\":false,\"updateable\":false,\"deletable\":false,"
        + "\"fields\":[" + field("Id", "id", "") + "]}";
    assertThat(DescribeMapper.map(JSON.readTree(describe))).isEmpty();
  }

  @Test
  void noUpsertWithoutExternalIds() throws Exception {
    String describe = "{\"name\":\"Note\",\"createable\":true,\"updateable\":true,\"deletable\":true,"
        + "\"fields\":[" + field("Id", "id", "") + "," + field("Body", "textarea", W) + "]}";
    assertThat(DescribeMapper.map(JSON.readTree(describe)).orElseThrow().operation(Operation.UPSERT)).isEmpty();
  }
}
