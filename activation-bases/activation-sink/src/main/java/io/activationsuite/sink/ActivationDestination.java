package io.activationsuite.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.ConnectorException;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.protocol.model.AirbyteControlMessage;
import io.activationsuite.protocol.model.AirbyteLogMessage.Level;
import io.activationsuite.protocol.model.AirbyteMessage;
import io.activationsuite.protocol.model.ConfiguredAirbyteStream;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.DestinationCatalog;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.Destination;
import io.activationsuite.protocol.runner.WriteContext;
import io.activationsuite.protocol.runner.WriteSession;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.sink.http.HostUnreachableException;
import io.activationsuite.sink.outcome.EngineLog;
import io.activationsuite.sink.plan.DestinationCatalogBuilder;
import io.activationsuite.sink.plan.StreamPlanner;
import io.activationsuite.sink.preview.DryRun;
import io.activationsuite.sink.rejected.ObjectStorageConfig;
import io.activationsuite.sink.rejected.RejectedRecordStore;
import io.activationsuite.sink.rejected.RejectedRecordStores;
import io.activationsuite.sink.rejected.RejectedStorageChecker;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.spec.MappingsConfig;
import io.activationsuite.sink.spec.SharedSpec;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Airbyte destination of every activation connector: spec, check, discover and write built around the
 * connector's {@link ActivationApi} bean. A connector module declares only its {@code ActivationApi}; this
 * bean is the {@code Destination} the protocol runner finds.
 */
@Singleton
public final class ActivationDestination implements Destination {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationDestination.class);

  private final ActivationApi<?> api;
  private final Clock clock;

  @jakarta.inject.Inject
  public ActivationDestination(ActivationApi<?> api) {
    this(api, Clock.systemUTC());
  }

  ActivationDestination(ActivationApi<?> api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  @Override
  public ConnectorSpecification spec() {
    return SharedSpec.build(api);
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) throws Exception {
    MappingsConfig mappings;
    ObjectStorageConfig storage;
    try {
      mappings = MappingsConfig.from(config);
      storage = ObjectStorageConfig.fromConnectorConfig(config);
    } catch (ConfigErrorException e) {
      return AirbyteConnectionStatus.failed(e.userMessage());
    }
    try (ApiSession session = open(api, config, services(config, null))) {
      AirbyteConnectionStatus status = session.check(mappings.operationsByObject());
      if (status.status() != AirbyteConnectionStatus.Status.SUCCEEDED) {
        return status;
      }
      if (!mappings.entries().isEmpty()) {
        StreamPlanner planner = new StreamPlanner(objectsNamed(session, mappings.objectNames()), mappings,
            session.lookups());
        mappings.entries().forEach(entry -> planner.plan(MappingStreams.configuredFor(entry)));
        String lookupProblem = lookupProblem(session.lookups(), mappings.lookupNames());
        if (lookupProblem != null) {
          return AirbyteConnectionStatus.failed(lookupProblem);
        }
      }
    } catch (ConfigErrorException | HostUnreachableException e) {
      return AirbyteConnectionStatus.failed(e.userMessage());
    }
    try {
      new RejectedStorageChecker().check(storage);
    } catch (ConnectorException e) {
      if (e.failureType() == FailureType.SYSTEM_ERROR) {
        throw e;
      }
      return AirbyteConnectionStatus.failed("Rejected-records storage (object_storage_config): " + e.userMessage());
    }
    return AirbyteConnectionStatus.succeeded();
  }

  /** The first problem a used lookup's own check finds (a missing scope), or null. */
  private static String lookupProblem(List<Lookup> offered, Set<String> used) throws Exception {
    for (Lookup lookup : offered) {
      if (used.contains(lookup.name())) {
        String problem = lookup.check().problem();
        if (problem != null) {
          return "The mappings use the lookup '" + lookup.name() + "', which cannot run: " + problem;
        }
      }
    }
    return null;
  }

  @Override
  public DestinationCatalog discover(JsonNode config) throws Exception {
    try (ApiSession session = open(api, config, services(config, null))) {
      DestinationCatalog catalog = DestinationCatalogBuilder.build(session.objects());
      if (catalog.operations().isEmpty()) {
        throw new ConfigErrorException("These credentials cannot write any " + api.name()
            + " object; grant write access to at least one object.");
      }
      return catalog;
    }
  }

  @Override
  public WriteSession openWrite(WriteContext context) throws Exception {
    JsonNode config = context.config();
    EngineOptions options = EngineOptions.fromConfig(config);
    MappingsConfig mappings = MappingsConfig.from(config);
    ApiSession session = open(api, config, services(config, context.output()));
    RejectedRecordStore store = null;
    try {
      StreamPlanner planner = new StreamPlanner(objectsNamed(session, objectsUsed(context, mappings)), mappings,
          session.lookups());
      List<ActivationWriteSession.StreamWriter> writers = new ArrayList<>();
      EngineLog log = EngineLog.of(context.output());
      DryRun dryRun = DryRun.requested(config) ? new DryRun() : null;
      if (dryRun != null) {
        context.withholdStates();
        log.log(Level.INFO, "Dry run: no write request is sent and no STATE is echoed, so the platform commits "
            + "nothing");
      }
      for (ConfiguredAirbyteStream stream : context.catalog().streams()) {
        StreamPlan plan = planner.plan(stream);
        BatchWriter writer = session.writer(plan);
        writers.add(new ActivationWriteSession.StreamWriter(plan,
            dryRun == null ? writer : dryRun.writer(plan, writer)));
        log.log(Level.INFO, (dryRun == null ? "" : "Dry run: ") + describe(plan));
      }
      store = RejectedRecordStores.open(config, context.catalog().syncId());
      context.beforeCheckpoint(store::flush);
      return new SessionClosing(new ActivationWriteSession(writers, session.lookups(), store, options, log, clock),
          session, dryRun, log);
    } catch (Throwable e) {
      closeQuietly(store, session);
      throw e;
    }
  }

  /**
   * Discovers only the objects in use; when one of them is missing, the whole account's objects, so the
   * planner's config error can list what does exist.
   */
  private static List<DestinationObject> objectsNamed(ApiSession session, Set<String> names) throws Exception {
    List<DestinationObject> found = session.objects(names);
    Set<String> foundNames = new HashSet<>();
    found.forEach(object -> foundNames.add(object.name()));
    return foundNames.containsAll(names) ? found : session.objects();
  }

  /** The destination objects a write touches: those of its mappings and of its activation streams. */
  private static Set<String> objectsUsed(WriteContext context, MappingsConfig mappings) {
    Set<String> names = new HashSet<>(mappings.objectNames());
    for (ConfiguredAirbyteStream stream : context.catalog().streams()) {
      if (stream.destinationObjectName() != null) {
        names.add(stream.destinationObjectName());
      }
    }
    return names;
  }

  /** Reads the config into the connector's record (a {@link ConfigErrorException} when it cannot) and opens. */
  private static <C> ApiSession open(ActivationApi<C> api, JsonNode config, SessionServices services)
      throws Exception {
    return api.open(ConfigReader.read(config, api.configType()), services);
  }

  private SessionServices services(JsonNode config, ProtocolOutput output) {
    ObjectNode persisted = config.deepCopy();
    Consumer<ObjectNode> updater = changes -> {
      if (output == null) {
        LOG.warn("The connector updated its config outside a write; the update is not persisted");
        return;
      }
      ObjectNode updated;
      synchronized (persisted) {
        merge(persisted, changes);
        updated = persisted.deepCopy();
      }
      output.write(AirbyteMessage.of(AirbyteControlMessage.connectorConfig(clock.millis(), updated)));
    };
    return new SessionServices(clock, EngineOptions.fromConfig(config).concurrency(), updater);
  }

  /** Sets {@code changes} on {@code target}, merging nested objects property by property. */
  static void merge(ObjectNode target, JsonNode changes) {
    changes.properties().forEach(change -> {
      JsonNode current = target.get(change.getKey());
      if (current instanceof ObjectNode object && change.getValue().isObject()) {
        merge(object, change.getValue());
      } else {
        target.set(change.getKey(), change.getValue().deepCopy());
      }
    });
  }

  private static String describe(StreamPlan plan) {
    StreamDescriptor stream = plan.stream();
    return "Stream '" + stream + "' -> " + plan.operation().name().toLowerCase(Locale.ROOT) + " "
        + plan.object().name() + (plan.matchingKey() == null ? "" : " matched on " + plan.matchingKey())
        + (plan.fieldMappings().isEmpty() ? " (record fields are destination fields)"
            : " with " + plan.fieldMappings().size() + " field mappings");
  }

  private static void closeQuietly(RejectedRecordStore store, ApiSession session) {
    try {
      if (store != null) {
        store.close();
      }
    } catch (RuntimeException e) {
      LOG.warn("Closing the rejected-records store failed", e);
    }
    try {
      session.close();
    } catch (Exception e) {
      LOG.warn("Closing the API session failed", e);
    }
  }

  /** The engine session, which also closes the connector's API session at the end. */
  private record SessionClosing(ActivationWriteSession engine, ApiSession api, DryRun dryRun, EngineLog log)
      implements WriteSession {
    @Override
    public void accept(io.activationsuite.protocol.runner.InboundRecord record) throws Exception {
      engine.accept(record);
    }

    @Override
    public void reject(io.activationsuite.protocol.runner.UnreadableRecord record) throws Exception {
      engine.reject(record);
    }

    @Override
    public void onState(io.activationsuite.protocol.checkpoint.StateScope scope) {
      engine.onState(scope);
    }

    @Override
    public void drain() throws Exception {
      engine.drain();
      if (dryRun != null) {
        dryRun.report(log, plan -> engine.counters(plan.stream()));
      }
    }

    @Override
    public void close() throws Exception {
      try {
        engine.close();
      } finally {
        api.close();
      }
    }
  }
}
