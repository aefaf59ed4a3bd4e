package io.activationsuite.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.JobResult;
import org.zendesk.client.v2.model.JobStatus;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;
import org.zendesk.client.v2.model.UserField;

/** Zendesk's own Java client, pointed at the emulator, works unchanged: requests, job statuses, fields. */
@SandboxTest("zendesk")
class ZendeskJavaClientTest {

  private final EmulatorServer server;
  private final ZendeskEmulator emulator;
  private Zendesk zendesk;

  ZendeskJavaClientTest(EmulatorServer server, ZendeskEmulator emulator) {
    this.server = server;
    this.emulator = emulator;
  }

  @BeforeEach
  void connect() {
    ZendeskSettings settings = emulator.settings();
    zendesk = new Zendesk.Builder(server.baseUrl().toString()).setUsername(settings.email())
        .setToken(settings.apiToken()).setRetry(false).build();
  }

  @AfterEach
  void close() {
    zendesk.close();
  }

  private JobStatus await(JobStatus submitted) {
    Instant deadline = Instant.now().plusSeconds(20);
    JobStatus status = submitted;
    while (status.getStatus() == JobStatus.JobStatusEnum.queued
        || status.getStatus() == JobStatus.JobStatusEnum.working) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("job did not finish");
      }
      status = zendesk.getJobStatus(status);
    }
    return status;
  }

  @Test
  void createOrUpdateUsersJobParsesWithPerItemResults() {
    User ana = new User(true, "Ana", "ana@example.com");
    ana.setExternalId("crm-1");
    ana.setUserFields(Map.of("health_score", 91.5, "plan", "enterprise"));
    User bad = new User(true, "Bad", "not-an-email");

    JobStatus done = await(zendesk.createOrUpdateUsers(ana, bad));

    assertThat(done.getStatus()).isEqualTo(JobStatus.JobStatusEnum.completed);
    assertThat(done.getTotal()).isEqualTo(2);
    List<JobResult> results = done.getResults();
    assertThat(results.get(0).getStatus()).isEqualTo("Created");
    assertThat(results.get(0).getExternalId()).isEqualTo("crm-1");
    assertThat(results.get(0).getSuccess()).isTrue();
    assertThat(results.get(1).getStatus()).isEqualTo("Failed");
    assertThat(results.get(1).getIndex()).isEqualTo(1L);
    assertThat(results.get(1).getDetails()).contains("not-an-email is not properly formatted");

    User stored = zendesk.getUser(results.get(0).getId());
    assertThat(stored.getEmail()).isEqualTo("ana@example.com");
    assertThat(stored.getUserFields()).containsEntry("plan", "enterprise");
  }

  @Test
  void organizationsCreateUpdateAndBatchedStatusPolls() {
    Organization acme = new Organization();
    acme.setName("Acme");
    acme.setExternalId("acc-1");
    Organization beta = new Organization();
    beta.setName("Beta");
    JobStatus first = zendesk.createOrganizations(acme);
    JobStatus second = zendesk.createOrganizations(beta);

    List<JobStatus> polled = new ArrayList<>(List.of(first, second));
    Instant deadline = Instant.now().plusSeconds(20);
    while (polled.stream().anyMatch(j -> j.getStatus() != JobStatus.JobStatusEnum.completed)) {
      assertThat(Instant.now()).isBefore(deadline);
      polled = zendesk.getJobStatuses(polled);
    }
    long acmeId = polled.get(0).getResults().get(0).getId();
    Organization change = new Organization();
    change.setId(acmeId);
    change.setOrganizationFields(Map.of("health_score", 55));
    JobStatus updated = await(zendesk.updateOrganizations(change));

    assertThat(updated.getResults().get(0).getStatus()).isEqualTo("Updated");
    assertThat(zendesk.getOrganization(acmeId).getOrganizationFields()).containsEntry("health_score", 55L);
  }

  @Test
  void ticketsCreateManyAndFieldsListing() {
    Ticket ticket = new Ticket(new Ticket.Requester("Ana", "ana@example.com"), "Health dropped",
        new Comment("Score below 40"));
    JobStatus done = await(zendesk.createTickets(ticket));
    assertThat(done.getResults().get(0).getStatus()).isEqualTo("Created");
    assertThat(zendesk.getTicket(done.getResults().get(0).getId()).getSubject()).isEqualTo("Health dropped");

    List<String> keys = StreamSupport.stream(zendesk.getUserFields().spliterator(), false).map(UserField::getKey)
        .toList();
    assertThat(keys).contains("health_score", "plan");
    assertThat(zendesk.getTicketFields()).isNotEmpty();
    assertThat(zendesk.getOrganizationFields()).isNotEmpty();
  }

  @Test
  void oauthTokenAndRefusalsSurfaceAsTheClientExpects() {
    Zendesk wrong = new Zendesk.Builder(server.baseUrl().toString()).setUsername("admin@sandbox.example")
        .setToken("wrong").setRetry(false).build();
    try {
      assertThatThrownBy(() -> wrong.getUser(1L)).isInstanceOf(ZendeskResponseException.class)
          .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode()).isEqualTo(401));
    } finally {
      wrong.close();
    }
    emulator.bulkImportEnabled(false);
    assertThatThrownBy(() -> zendesk.createOrUpdateUsers(new User(true, "Ana", "ana@example.com")))
        .isInstanceOf(ZendeskResponseException.class)
        .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode()).isEqualTo(403));
  }
}
