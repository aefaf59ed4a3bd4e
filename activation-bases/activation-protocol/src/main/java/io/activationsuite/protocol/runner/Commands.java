package io.activationsuite.protocol.runner;

import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The picocli grammar of a destination: {@code spec | check | discover | write}. */
@Command(
    name = "destination",
    mixinStandardHelpOptions = true,
    description = "An Airbyte destination connector.",
    subcommands = {Commands.Spec.class, Commands.Check.class, Commands.Discover.class, Commands.Write.class})
public final class Commands implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "A command is required: spec, check, discover or write");
  }

  /** {@code spec}. */
  @Prototype
  @Command(name = "spec", description = "Print the connector specification.")
  public static final class Spec implements Callable<Integer> {
    @Inject ConnectorOperations operations;

    @Override
    public Integer call() {
      return operations.spec();
    }
  }

  /** {@code check --config F}. */
  @Prototype
  @Command(name = "check", description = "Check the configuration against the destination.")
  public static final class Check implements Callable<Integer> {
    @Inject ConnectorOperations operations;

    @Option(names = "--config", required = true, description = "Path to the config JSON file.")
    Path config;

    @Override
    public Integer call() {
      return operations.check(config);
    }
  }

  /** {@code discover --config F}. */
  @Prototype
  @Command(name = "discover", description = "Print the destination catalog (objects and sync modes).")
  public static final class Discover implements Callable<Integer> {
    @Inject ConnectorOperations operations;

    @Option(names = "--config", required = true, description = "Path to the config JSON file.")
    Path config;

    @Override
    public Integer call() {
      return operations.discover(config);
    }
  }

  /** {@code write --config F --catalog F}, records on stdin. */
  @Prototype
  @Command(name = "write", description = "Write the records read on stdin.")
  public static final class Write implements Callable<Integer> {
    @Inject ConnectorOperations operations;

    @Option(names = "--config", required = true, description = "Path to the config JSON file.")
    Path config;

    @Option(names = "--catalog", required = true, description = "Path to the configured catalog JSON file.")
    Path catalog;

    @Override
    public Integer call() {
      return operations.write(config, catalog);
    }
  }
}
