package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.protocol.model.AirbyteMessage;
import io.activationsuite.protocol.model.ConfiguredAirbyteCatalog;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.DestinationCatalog;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.secrets.SecretFields;
import io.activationsuite.protocol.secrets.SecretRedactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The four protocol operations around a {@link Destination}: reading and validating inputs, calling the
 * connector, and turning every outcome into the right messages and exit code.
 */
public final class ConnectorOperations {
  private final Destination destination;
  private final RunnerIo io;
  private final ProtocolOutput output;
  private final FailureReporter reporter;
  private final ObjectMapper mapper = Json.mapper();

  public ConnectorOperations(Destination destination, RunnerIo io) {
    this.destination = destination;
    this.io = io;
    this.output = io.output();
    this.reporter = new FailureReporter(output);
  }

  public int spec() {
    try {
      output.write(AirbyteMessage.of(destination.spec()));
      return 0;
    } catch (Throwable e) {
      reporter.report(e, "spec", null);
      return 1;
    }
  }

  /** {@code check}: a bad config or bad credentials give CONNECTION_STATUS FAILED. */
  public int check(Path configPath) {
    JsonNode config;
    try {
      config = loadConfig(configPath);
    } catch (ConfigErrorException e) {
      output.write(AirbyteMessage.of(AirbyteConnectionStatus.failed(e.userMessage())));
      reporter.report(e, "check", null);
      return 1;
    } catch (Throwable e) {
      reporter.report(e, "check", null);
      return 1;
    }
    try {
      AirbyteConnectionStatus status = destination.check(config);
      output.write(AirbyteMessage.of(status));
      return 0;
    } catch (Throwable e) {
      FailureType type = FailureReporter.classify(e);
      String message = FailureReporter.userMessage(e, "The connection check");
      output.write(AirbyteMessage.of(AirbyteConnectionStatus.failed(message)));
      if (type == FailureType.SYSTEM_ERROR) {
        reporter.report(e, "The connection check", null);
        return 1;
      }
      return 0;
    }
  }

  public int discover(Path configPath) {
    try {
      JsonNode config = loadConfig(configPath);
      DestinationCatalog catalog = destination.discover(config);
      output.write(AirbyteMessage.of(catalog));
      return 0;
    } catch (Throwable e) {
      reporter.report(e, "discover", null);
      return 1;
    }
  }

  public int write(Path configPath, Path catalogPath) {
    JsonNode config;
    ConfiguredAirbyteCatalog catalog;
    try {
      config = loadConfig(configPath);
      catalog = loadCatalog(catalogPath);
    } catch (Throwable e) {
      reporter.report(e, "write", null);
      return 1;
    }
    return new WriteOperation(destination, output).run(config, catalog, io.stdin());
  }

  /** Reads the config, registers its secrets for redaction, and validates it against the spec. */
  JsonNode loadConfig(Path path) {
    JsonNode config = readJson(path, "config");
    ConnectorSpecification spec = destination.spec();
    SecretFields.secretValues(spec.connectionSpecification(), config).forEach(SecretRedactor::register);
    new ConfigValidator(spec.connectionSpecification()).validate(config);
    return config;
  }

  ConfiguredAirbyteCatalog loadCatalog(Path path) {
    JsonNode node = readJson(path, "catalog");
    try {
      ConfiguredAirbyteCatalog catalog = mapper.treeToValue(node, ConfiguredAirbyteCatalog.class);
      if (catalog.streams() == null) {
        throw new ConfigErrorException("The configured catalog " + path + " has no 'streams' list.");
      }
      return catalog;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ConfigErrorException("The configured catalog " + path + " is not valid: " + e.getMessage(), e);
    }
  }

  private JsonNode readJson(Path path, String what) {
    if (path == null) {
      throw new ConfigErrorException("Missing --" + what + " argument.");
    }
    try {
      JsonNode node = mapper.readTree(Files.readString(path));
      if (node == null || !node.isObject()) {
        throw new ConfigErrorException("The " + what + " file " + path + " must contain a JSON object.");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw new ConfigErrorException("The " + what + " file " + path + " does not exist.", e);
    } catch (JsonProcessingException e) {
      throw new ConfigErrorException(
          "The " + what + " file " + path + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigErrorException("The " + what + " file " + path + " cannot be read: " + e.getMessage(), e);
    }
  }
}
