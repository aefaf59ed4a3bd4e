package io.activationsuite.sandbox.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One emulated org: schema, records, OAuth state, API allocation, faults and the Bulk engine, wired
 * together. The emulator replaces the whole org on reset, so no state leaks between tests.
 */
public final class SalesforceOrg implements AutoCloseable {
  private final SchemaCatalog schema;
  private final RecordStore store;
  private final SalesforceAuth auth;
  private final ApiLimits limits;
  private final SalesforceFaults faults;
  private final BulkIngestEngine bulk;
  private final SObjectCollections collections;
  private final UserDirectory users = UserDirectory.seeded();

  /**
   * Builds a fresh org.
   *
   * @param settings start-up settings (credentials, Bulk profile, upload limit)
   * @param clock time source for tokens, timestamps and the daily window
   * @param seed seed of the Bulk result shuffling
   * @param dailyAllocation current daily API allocation (read on every call)
   * @param sessionLifetime current session lifetime (read on every check)
   */
  public SalesforceOrg(SalesforceSettings settings, Clock clock, long seed, LongSupplier dailyAllocation,
      Supplier<Duration> sessionLifetime) {
    this.schema = SchemaCatalog.standard();
    SalesforceIds ids = new SalesforceIds();
    this.store = new RecordStore(schema, ids, clock, users);
    this.auth = new SalesforceAuth(clock, sessionLifetime);
    auth.registerClient(settings.clientId(), settings.clientSecret(), settings.clientCredentialsEnabled());
    auth.addRefreshToken(settings.clientId(), settings.refreshToken());
    this.limits = new ApiLimits(clock, dailyAllocation);
    this.faults = new SalesforceFaults();
    this.bulk = new BulkIngestEngine(schema, store, ids, faults, limits, clock, settings.bulkProfile(),
        settings.maxUploadBytes(), seed);
    this.collections = new SObjectCollections(schema, store, faults);
  }

  public SchemaCatalog schema() {
    return schema;
  }

  public RecordStore store() {
    return store;
  }

  public SalesforceAuth auth() {
    return auth;
  }

  public ApiLimits limits() {
    return limits;
  }

  public SalesforceFaults faults() {
    return faults;
  }

  public BulkIngestEngine bulk() {
    return bulk;
  }

  /** The org's users (record owners), read by SOQL on User. */
  public UserDirectory users() {
    return users;
  }

  public SObjectCollections collections() {
    return collections;
  }

  @Override
  public void close() {
    bulk.close();
  }
}
