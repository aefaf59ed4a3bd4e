package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.localsync.cdc.StreamChanges;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner prints: within 100 columns, colour only when asked, every stream's rejections. */
class TerminalOutputTest {
  @TempDir Path dir;

  private static SyncResult result(long landed) {
    StreamChanges changes = new StreamChanges("a_very_long_stream_name_that_goes_on_and_on", true, 3, 2, 1_000_000,
        5, 5, "t", "r");
    return new SyncResult("hubspot", List.of(
        new StreamResult("a_very_long_stream_name_that_goes_on_and_on", "a_long_object_name_as_well", "append_dedup",
            5, landed, 5 - landed, 1, Duration.ofMillis(1500), changes)),
        dir(), 0, null, List.of(), List.of());
  }

  private static Path dir() {
    return Path.of("target");
  }

  private static String print(SyncResult result, Terminal terminal) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ReportPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), terminal).print(result, false);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void givenLongNames_whenPrinted_thenEveryLineFitsInHundredColumnsWithoutColourCodes() {
    String text = print(result(5), Terminal.plain());

    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Terminal.WIDTH));
    assertThat(text).doesNotContain("\u001b[").contains("3 created, 2 updated, 5 removed, 1,000,000 unchanged");
  }

  @Test
  void givenEveryRecordOfAStreamRejected_whenPrinted_thenTheDiffLineSaysNothingLandedOfWhatWasSent() {
    String text = print(result(0), Terminal.plain());

    assertThat(text).contains("3 created, 2 updated, 5 removed, 1,000,000 unchanged")
        .contains(": landed 0 of 5 sent (5 rejected");
  }

  @Test
  void givenAColourTerminal_whenTheSyncFailed_thenTheVerdictIsRed() {
    SyncResult failed = new SyncResult("hubspot", List.of(), dir(), 1, "config_error: no", List.of(), List.of());

    assertThat(print(failed, Terminal.of(true, true))).contains("\u001b[31msync FAILED");
  }

  @Test
  void givenEveryRecordRejected_whenPrinted_thenNothingLandedIsSaidLoudly() {
    SyncResult allRejected = result(0);

    assertThat(allRejected.nothingLanded()).isTrue();
    assertThat(print(allRejected, Terminal.plain())).contains("NOTHING LANDED: all 5 records sent were rejected");
    assertThat(print(result(1), Terminal.plain())).doesNotContain("NOTHING LANDED");
  }

  @Test
  void givenRejectionsInTwoStreams_whenPrinted_thenEachStreamHasItsReasonsAndExamples() throws Exception {
    Path run = Files.createDirectories(dir.resolve("1"));
    Files.writeString(run.resolve("a.jsonl"), """
        {"stream":"contacts","reason":"INVALID_VALUE","field":"email","message":"not an email","record":{}}
        {"stream":"contacts","reason":"NULL_MATCHING_KEY","message":"email is null","record":{}}
        {"stream":"tickets","reason":"INVALID_OPTION","field":"hs_ticket_priority","message":"%s","record":{}}
        """.formatted("x".repeat(300)), StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new ReportPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), Terminal.plain())
        .printRejected(RejectedSummary.read(run, 3), run);

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("contacts:").contains("tickets:").contains("INVALID_OPTION")
        .contains("[NULL_MATCHING_KEY]: email is null").contains("[INVALID_OPTION] hs_ticket_priority: xxx");
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Terminal.WIDTH));
  }

  @Test
  void givenAKnownTotal_whenTheBarIsDrawn_thenItShowsThePercentageAndFits() {
    ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), true, Terminal.plain(),
        "customer_health_scores_stream", 1_000_000);
    bar.update(250_000);

    String line = bar.line(System.nanoTime());

    assertThat(line).contains(" 25%").contains("250,000/1,000,000");
    assertThat(line.length()).isLessThanOrEqualTo(Terminal.WIDTH);
  }

  @Test
  void givenALongConnectorError_whenPrinted_thenItIsWrappedWithinHundredColumnsAndKeptWhole() {
    String message = "config_error: " + "word ".repeat(60) + "the-end";
    SyncResult failed = new SyncResult("hubspot", List.of(), dir(), 1, message, List.of(), List.of());

    String text = print(failed, Terminal.plain());

    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Terminal.WIDTH));
    assertThat(text).contains("the-end").contains("  connector error: config_error: word");
  }
}
