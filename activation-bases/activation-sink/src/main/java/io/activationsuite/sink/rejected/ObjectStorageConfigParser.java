package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code object_storage_config} JSON into an {@link ObjectStorageConfig}, rejecting bad values with a
 * message that names the field (never its value when the field is a secret).
 */
final class ObjectStorageConfigParser {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStorageConfigParser.class);
  private static final String P = ObjectStorageConfig.PROPERTY + ".";
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,254}");

  private ObjectStorageConfigParser() {
  }

  static ObjectStorageConfig parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new ObjectStorageConfig.None();
    }
    if (!node.isObject()) {
      throw new ConfigErrorException(ObjectStorageConfig.PROPERTY + " must be an object.");
    }
    String type = optionalText(node, "storage_type");
    if (type == null) {
      throw new ConfigErrorException(P + "storage_type is required: one of None, S3, Local.");
    }
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "NONE" -> new ObjectStorageConfig.None();
      case "S3" -> parseS3(node);
      case "LOCAL" -> parseLocal(node);
      default -> throw new ConfigErrorException(P + "storage_type '" + type
          + "' is not supported: use None, S3 or Local.");
    };
  }

  private static ObjectStorageConfig.S3 parseS3(JsonNode node) {
    String bucket = optionalText(node, "s3_bucket_name");
    if (bucket == null) {
      throw new ConfigErrorException(P + "s3_bucket_name is required when storage_type is S3.");
    }
    if (!BUCKET.matcher(bucket).matches()) {
      throw new ConfigErrorException(P + "s3_bucket_name '" + bucket + "' is not a valid bucket name (give the"
          + " bucket name only, without s3:// or a path; put the path in bucket_path).");
    }
    String region = optionalText(node, "s3_bucket_region");
    if (region != null && !REGION.matcher(region).matches()) {
      throw new ConfigErrorException(P + "s3_bucket_region '" + region + "' is not an AWS region code such as"
          + " us-east-1.");
    }
    URI endpoint = parseEndpoint(optionalText(node, "s3_endpoint"));
    String accessKeyId = optionalText(node, "access_key_id");
    String secret = optionalText(node, "secret_access_key");
    if (accessKeyId != null && secret == null) {
      throw new ConfigErrorException(P + "secret_access_key is required when access_key_id is set.");
    }
    if (secret != null && accessKeyId == null) {
      throw new ConfigErrorException(P + "access_key_id is required when secret_access_key is set.");
    }
    String roleArn = optionalText(node, "role_arn");
    if (roleArn != null && !roleArn.startsWith("arn:")) {
      throw new ConfigErrorException(P + "role_arn must be an IAM role ARN such as"
          + " arn:aws:iam::123456789012:role/name.");
    }
    String bucketPath = node.hasNonNull("bucket_path") ? textValue(node, "bucket_path") : "";
    return new ObjectStorageConfig.S3(bucket, region, endpoint, bucketPath, accessKeyId, secret, roleArn,
        parseLayout(node));
  }

  private static ObjectStorageConfig.Local parseLocal(JsonNode node) {
    String directory = optionalText(node, "local_directory");
    if (directory == null) {
      throw new ConfigErrorException(P + "local_directory is required when storage_type is Local.");
    }
    try {
      return new ObjectStorageConfig.Local(Path.of(directory).toAbsolutePath().normalize(), parseLayout(node));
    } catch (InvalidPathException e) {
      throw new ConfigErrorException(P + "local_directory '" + directory + "' is not a valid path.", e);
    }
  }

  private static URI parseEndpoint(String endpoint) {
    if (endpoint == null) {
      return null;
    }
    String withScheme = endpoint.contains("://") ? endpoint : "https://" + endpoint;
    try {
      URI uri = new URI(withScheme);
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new ConfigErrorException(P + "s3_endpoint '" + endpoint + "' must be an http(s) URL such as"
            + " https://s3.example.com:9000.");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigErrorException(P + "s3_endpoint '" + endpoint + "' is not a valid URL.", e);
    }
  }

  private static FileLayout parseLayout(JsonNode node) {
    OutputFormat format = OutputFormat.JSONL;
    JsonNode formatNode = node.get("format");
    String formatType = choice(formatNode, "format_type", "format");
    if (formatType != null) {
      format = OutputFormat.fromSpecValue(formatType);
      if (format == null) {
        throw new ConfigErrorException(P + "format.format_type '" + formatType + "' is not supported: use JSONL"
            + " or CSV.");
      }
    }
    String flattening = formatNode != null && formatNode.isObject() ? optionalText(formatNode, "flattening")
        : null;
    if (flattening != null && !flattening.equalsIgnoreCase("No flattening")) {
      if (!flattening.equalsIgnoreCase("Root level flattening")) {
        throw new ConfigErrorException(P + "format.flattening '" + flattening + "' is not supported: use"
            + " 'No flattening' or 'Root level flattening'.");
      }
      LOG.warn("{}format.flattening 'Root level flattening' is accepted but not applied: rejected records keep"
          + " the original record in the 'record' column.", P);
    }
    Compression compression = Compression.NONE;
    String compressionType = choice(node.get("compression"), "compression_type", "compression");
    if (compressionType != null) {
      compression = Compression.fromSpecValue(compressionType);
      if (compression == null) {
        throw new ConfigErrorException(P + "compression.compression_type '" + compressionType
            + "' is not supported: use 'No Compression' or GZIP.");
      }
    }
    String pathFormat = orDefault(optionalText(node, "path_format"), FileLayout.DEFAULT_PATH_FORMAT);
    String fileNameFormat = orDefault(optionalText(node, "file_name_format"), FileLayout.DEFAULT_FILE_NAME_FORMAT);
    ObjectPathTemplate.parse(pathFormat, P + "path_format", false);
    ObjectPathTemplate.parse(fileNameFormat, P + "file_name_format", true);
    return new FileLayout(format, compression, pathFormat, fileNameFormat);
  }

  /** A oneOf choice given either as an object with a type field or directly as a string. */
  private static String choice(JsonNode node, String typeField, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText().isBlank() ? null : node.asText().trim();
    }
    if (!node.isObject()) {
      throw new ConfigErrorException(P + field + " must be an object with " + typeField + ".");
    }
    return optionalText(node, typeField);
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String optionalText(JsonNode node, String field) {
    if (!node.hasNonNull(field)) {
      return null;
    }
    String value = textValue(node, field).trim();
    return value.isEmpty() ? null : value;
  }

  private static String textValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw new ConfigErrorException(P + field + " must be a string.");
    }
    return value.asText();
  }
}
