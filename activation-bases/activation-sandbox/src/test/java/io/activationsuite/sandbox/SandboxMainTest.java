package io.activationsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxMainTest {

  /** Collects output and releases a latch on the first complete line. */
  private static final class LineWriter extends Writer {
    final StringBuilder text = new StringBuilder();
    final CountDownLatch firstLine = new CountDownLatch(1);

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      text.append(buf, off, len);
      if (text.indexOf("\n") >= 0) {
        firstLine.countDown();
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  @Test
  void givenHubspot_whenStarted_thenPrintsNameUrlAndCredentialsAndServesUntilShutdown() throws Exception {
    LineWriter out = new LineWriter();
    SandboxMain main = new SandboxMain(new PrintWriter(out, true), new ByteArrayInputStream(new byte[0]));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread runner = Thread.ofVirtual().start(() -> exit.set(new CommandLine(main).execute(
        "--emulator", "hubspot", "--rate-limit", "3", "--latency", "fixed:1", "--set", "hubspot.tier=starter")));

    assertThat(out.firstLine.await(10, TimeUnit.SECONDS)).isTrue();
    String line = out.text.toString().trim();
    assertThat(line).matches("hubspot http://127\\.0\\.0\\.1:\\d+ private_app_token=\\S+ client_id=\\S+ .*");
    String url = line.split(" ")[1];
    var response = TestHttp.get(url + "/crm/v3/properties/contacts", "pat-na1-sandbox-0000-0000-000000000001");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Max")).contains("3");

    main.shutdown();
    runner.join(10_000);
    assertThat(exit.get()).isZero();
  }

  @Test
  void givenExitOnStdinClose_whenStdinIsAtEof_thenStops() throws Exception {
    LineWriter out = new LineWriter();
    SandboxMain main = new SandboxMain(new PrintWriter(out, true), new ByteArrayInputStream(new byte[0]));

    int exit = new CommandLine(main).execute("-e", "hubspot", "--exit-on-stdin-close");

    assertThat(exit).isZero();
    assertThat(out.text.toString()).startsWith("hubspot http://127.0.0.1:");
  }

  @Test
  void givenUnknownEmulator_thenFailsWithNonZeroExit() {
    LineWriter out = new LineWriter();
    SandboxMain main = new SandboxMain(new PrintWriter(out, true), new ByteArrayInputStream(new byte[0]));
    CommandLine cli = new CommandLine(main);
    cli.setErr(new PrintWriter(Writer.nullWriter()));

    assertThat(cli.execute("-e", "nope")).isNotZero();
  }
}
