package io.activationsuite.sink.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectStorageSpecTest {

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode branch(ObjectNode schema, String storageType) {
    for (JsonNode branch : schema.get("oneOf")) {
      if (branch.at("/properties/storage_type/enum/0").asText().equals(storageType)) {
        return branch;
      }
    }
    throw new AssertionError("no branch " + storageType);
  }

  @Test
  void givenSpec_whenRead_thenHasNoneS3AndLocalBranchesInAirbyteShape() {
    ObjectNode schema = ObjectStorageSpec.propertySchema();
    assertThat(schema.get("type").asText()).isEqualTo("object");
    assertThat(schema.get("oneOf")).hasSize(3);
    assertThat(texts(branch(schema, "None").get("required"))).containsExactly("storage_type");

    JsonNode s3 = branch(schema, "S3");
    assertThat(texts(s3.get("required")))
        .containsExactly("storage_type", "s3_bucket_name", "s3_bucket_region", "bucket_path", "format");
    JsonNode props = s3.get("properties");
    assertThat(props.at("/access_key_id/airbyte_secret").asBoolean()).isTrue();
    assertThat(props.at("/secret_access_key/airbyte_secret").asBoolean()).isTrue();
    assertThat(texts(props.at("/s3_bucket_region/enum"))).contains("", "us-east-1", "eu-west-1");
    for (String hidden : List.of("format", "compression", "path_format", "file_name_format")) {
      assertThat(props.at("/" + hidden + "/airbyte_hidden").asBoolean()).as(hidden).isTrue();
    }
    assertThat(props.at("/path_format/default").asText()).isEqualTo(FileLayout.DEFAULT_PATH_FORMAT);
    assertThat(props.at("/file_name_format/default").asText()).isEqualTo(FileLayout.DEFAULT_FILE_NAME_FORMAT);
    assertThat(props.has("role_arn")).isTrue();
    assertThat(props.has("s3_endpoint")).isTrue();

    JsonNode local = branch(schema, "Local");
    assertThat(texts(local.get("required"))).containsExactly("storage_type", "local_directory");
    assertThat(local.get("title").asText()).containsIgnoringCase("local runs");
  }

  @Test
  void givenConnectionSpecification_whenAdded_thenPropertyIsEmbeddedWithOrderAndCopiesAreIndependent() {
    ObjectNode spec = TestRecords.MAPPER.createObjectNode().put("type", "object");
    ObjectStorageSpec.addTo(spec, 9);
    assertThat(spec.at("/properties/object_storage_config/order").asInt()).isEqualTo(9);
    ((ObjectNode) spec.get("properties").get("object_storage_config")).remove("oneOf");
    assertThat(ObjectStorageSpec.propertySchema().get("oneOf")).hasSize(3);
  }
}
