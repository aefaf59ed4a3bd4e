package io.activationsuite.protocol.errors;

/** The configuration is wrong: credentials, permissions, a field value, a mapping. Fix the config. */
public class ConfigErrorException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public ConfigErrorException(String userMessage) {
    super(userMessage, null);
  }

  public ConfigErrorException(String userMessage, Throwable cause) {
    super(userMessage, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.CONFIG_ERROR;
  }
}
