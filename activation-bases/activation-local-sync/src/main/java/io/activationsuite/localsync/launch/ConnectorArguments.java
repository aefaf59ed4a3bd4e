package io.activationsuite.localsync.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the protocol arguments ({@code write --config <f> --catalog <f>}) shared by every launcher. */
final class ConnectorArguments {

  private ConnectorArguments() {
  }

  static List<String> of(ConnectorCommand command, Optional<Path> config, Optional<Path> catalog) {
    List<String> arguments = new ArrayList<>();
    arguments.add(command.argument());
    config.ifPresent(path -> {
      arguments.add("--config");
      arguments.add(path.toString());
    });
    catalog.ifPresent(path -> {
      arguments.add("--catalog");
      arguments.add(path.toString());
    });
    return arguments;
  }
}
