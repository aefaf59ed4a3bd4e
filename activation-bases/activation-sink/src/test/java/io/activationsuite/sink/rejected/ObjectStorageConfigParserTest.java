package io.activationsuite.sink.rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectStorageConfigParserTest {

  private static JsonNode config(String objectStorageJson) throws Exception {
    return TestRecords.MAPPER.readTree("{\"api_key\":\"k\",\"object_storage_config\":" + objectStorageJson + "}");
  }

  @Test
  void givenAbsentOrNone_whenParsed_thenNone() throws Exception {
    assertThat(ObjectStorageConfig.fromConnectorConfig(TestRecords.MAPPER.readTree("{}")))
        .isInstanceOf(ObjectStorageConfig.None.class);
    assertThat(ObjectStorageConfig.fromConnectorConfig(config("null"))).isInstanceOf(ObjectStorageConfig.None.class);
    assertThat(ObjectStorageConfig.fromConnectorConfig(config("{\"storage_type\":\"None\"}")))
        .isInstanceOf(ObjectStorageConfig.None.class);
  }

  @Test
  void givenFullS3Config_whenParsed_thenEveryFieldIsRead() throws Exception {
    ObjectStorageConfig parsed = ObjectStorageConfig.fromConnectorConfig(config("""
        {"storage_type":"S3","access_key_id":"AKID","secret_access_key":"SECRETVALUE",
         "role_arn":"arn:aws:iam::123456789012:role/x","s3_bucket_name":"my-bucket","s3_bucket_region":"eu-west-1",
         "s3_endpoint":"minio.local:9000","bucket_path":"/dlq/","format":{"format_type":"CSV",
         "flattening":"No flattening"},"compression":{"compression_type":"GZIP"},
         "path_format":"{sync_id}/{stream_name}/","file_name_format":"{part_number}{format_extension}"}"""));
    assertThat(parsed).isInstanceOf(ObjectStorageConfig.S3.class);
    ObjectStorageConfig.S3 s3 = (ObjectStorageConfig.S3) parsed;
    assertThat(s3.bucketName()).isEqualTo("my-bucket");
    assertThat(s3.region()).isEqualTo("eu-west-1");
    assertThat(s3.endpoint()).isEqualTo(URI.create("https://minio.local:9000"));
    assertThat(s3.bucketPath()).isEqualTo("/dlq/");
    assertThat(s3.accessKeyId()).isEqualTo("AKID");
    assertThat(s3.secretAccessKey()).isEqualTo("SECRETVALUE");
    assertThat(s3.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/x");
    assertThat(s3.layout()).isEqualTo(new FileLayout(OutputFormat.CSV, Compression.GZIP, "{sync_id}/{stream_name}/",
        "{part_number}{format_extension}"));
    assertThat(s3.toString()).doesNotContain("SECRETVALUE").doesNotContain("AKID");
  }

  @Test
  void givenMinimalS3Config_whenParsed_thenDefaultsApply() throws Exception {
    ObjectStorageConfig.S3 s3 = (ObjectStorageConfig.S3) ObjectStorageConfig.fromConnectorConfig(config(
        "{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"s3_bucket_region\":\"\",\"bucket_path\":\"\"}"));
    assertThat(s3.region()).isEmpty();
    assertThat(s3.endpoint()).isNull();
    assertThat(s3.hasStaticCredentials()).isFalse();
    assertThat(s3.layout()).isEqualTo(FileLayout.defaults());
  }

  @Test
  void givenLocalConfig_whenParsed_thenAbsoluteDirectory() throws Exception {
    ObjectStorageConfig.Local local = (ObjectStorageConfig.Local) ObjectStorageConfig.fromConnectorConfig(
        config("{\"storage_type\":\"Local\",\"local_directory\":\"rejected\"}"));
    assertThat(local.directory().isAbsolute()).isTrue();
    assertThat(local.directory().getFileName().toString()).isEqualTo("rejected");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not an object|\"S3\"|object_storage_config must be an object",
      "no storage type|{\"s3_bucket_name\":\"bkt\"}|object_storage_config.storage_type is required",
      "unknown storage type|{\"storage_type\":\"GCS\"}|object_storage_config.storage_type 'GCS'",
      "no bucket|{\"storage_type\":\"S3\",\"s3_bucket_region\":\"us-east-1\"}"
          + "|object_storage_config.s3_bucket_name",
      "bucket with scheme|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"s3://b/x\"}"
          + "|object_storage_config.s3_bucket_name",
      "bad region|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"s3_bucket_region\":\"Europe\"}"
          + "|object_storage_config.s3_bucket_region",
      "key without secret|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"access_key_id\":\"A\"}"
          + "|object_storage_config.secret_access_key is required",
      "secret without key|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"secret_access_key\":\"TOPSECRET\"}"
          + "|object_storage_config.access_key_id is required",
      "bad role|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"role_arn\":\"admin\"}"
          + "|object_storage_config.role_arn",
      "bad endpoint|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"s3_endpoint\":\"ftp://x\"}"
          + "|object_storage_config.s3_endpoint",
      "bad format|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"format\":{\"format_type\":\"Parquet\"}}"
          + "|object_storage_config.format.format_type",
      "bad flattening|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"format\":{\"format_type\":\"JSONL\","
          + "\"flattening\":\"deep\"}}|object_storage_config.format.flattening",
      "bad compression|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"compression\":{\"compression_type\":"
          + "\"ZSTD\"}}|object_storage_config.compression.compression_type",
      "no part number|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"file_name_format\":\"{date}\"}"
          + "|object_storage_config.file_name_format must contain {part_number}",
      "unknown variable|{\"storage_type\":\"S3\",\"s3_bucket_name\":\"bkt\",\"path_format\":\"{tenant}/\"}"
          + "|object_storage_config.path_format uses an unknown variable {tenant}",
      "bad date pattern|{\"storage_type\":\"Local\",\"local_directory\":\"/tmp/x\",\"file_name_format\":"
          + "\"{date:qqqqqqq}{part_number}\"}|object_storage_config.file_name_format",
      "bucket not a string|{\"storage_type\":\"S3\",\"s3_bucket_name\":5}|object_storage_config.s3_bucket_name must be",
      "no local directory|{\"storage_type\":\"Local\"}|object_storage_config.local_directory is required"})
  void givenInvalidConfig_whenParsed_thenConfigErrorNamesTheField(String name, String json, String message) {
    assertThatThrownBy(() -> ObjectStorageConfig.fromConnectorConfig(config(json)))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("TOPSECRET");
  }
}
