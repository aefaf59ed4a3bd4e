package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code channel_digest}: the rows of a batch grouped per channel into digest messages - a header, the
 * rows (mrkdwn lines packed into section blocks of at most 3,000 characters, or each row's own blocks), a
 * footer - each message holding at most {@code digest_max_rows} rows, 50 blocks and 12,000 characters.
 * Every row of a digest ends with the digest's outcome: a digest of 40 rows accounts for 40 records. A
 * digest Slack refuses is not split into smaller ones behind the user's back: its rows are rejected with
 * Slack's reason. Shaped like the engine's composed requests (group, draft, send) so it moves onto them.
 */
final class DigestWriter implements BatchWriter {

  static final int MAX_BLOCKS = 50;
  static final int SECTION_CHARS = 3_000;
  /** Total block text per message, below the ~13,000 characters at which Slack answers msg_blocks_too_long. */
  static final int MESSAGE_CHARS = 12_000;

  private final RowMessages rows;

  DigestWriter(RowMessages rows) {
    this.rows = rows;
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(rows.settings.digestMaxRows() * 50, 16_000_000);
  }

  @Override
  public boolean prefersFullBatches() {
    return true;
  }

  /** One row rendered: its mrkdwn line, or its blocks. */
  private record Rendered(int index, String line, JsonNode blocks) {
    int chars() {
      return line != null ? line.length() + 1 : blocks.toString().length();
    }

    int blockCount() {
      return line != null ? 0 : blocks.size();
    }
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
    Map<String, List<Rendered>> byChannel = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      SlackDirectory.Target target = rows.target(batch.get(i));
      if (target.problem() != null) {
        outcomes[i] = RowMessages.rejected(target.problem());
        continue;
      }
      try {
        Rendered rendered = render(i, batch.get(i));
        if (rendered.line() != null && rendered.line().length() > SECTION_CHARS) {
          outcomes[i] = RecordOutcome.rejected(RejectionReason.RECORD_TOO_LARGE, null, "The row renders to "
              + rendered.line().length() + " characters; one digest line holds at most " + SECTION_CHARS + ".", null);
        } else if (rendered.blockCount() > MAX_BLOCKS - 2 || rendered.chars() > MESSAGE_CHARS) {
          outcomes[i] = RecordOutcome.rejected(RejectionReason.RECORD_TOO_LARGE, null,
              "The row renders to more blocks or text than one digest message can hold.", null);
        } else {
          byChannel.computeIfAbsent(target.channelId(), k -> new ArrayList<>()).add(rendered);
        }
      } catch (MessageTemplates.RenderException e) {
        outcomes[i] = RecordOutcome.rejected(RejectionReason.INVALID_VALUE, null, e.getMessage(), null);
      }
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      byChannel.forEach((channel, rendered) -> running.add(threads.submit(() -> {
        for (List<Rendered> digest : compose(rendered)) {
          RecordOutcome outcome = send(channel, digest);
          digest.forEach(r -> outcomes[r.index()] = outcome);
        }
        return null;
      })));
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    return Arrays.asList(outcomes);
  }

  private Rendered render(int index, OutboundRecord record)
      throws MessageTemplates.RenderException, InterruptedException {
    if (rows.templates.hasBlocks()) {
      return new Rendered(index, null, rows.templates.blocks(record.payload(), rows.directory::mention));
    }
    return new Rendered(index, rows.templates.text(record.payload(), rows.directory::mention), null);
  }

  /** Splits one channel's rows into digests, in order, each within the row, block and character limits. */
  private List<List<Rendered>> compose(List<Rendered> rendered) {
    List<List<Rendered>> digests = new ArrayList<>();
    List<Rendered> current = new ArrayList<>();
    int chars = 0;
    int blocks = 2;
    for (Rendered row : rendered) {
      int rowBlocks = row.line() != null ? sectionsAfterAdding(current, row) : blocks + row.blockCount();
      if (!current.isEmpty() && (current.size() >= rows.settings.digestMaxRows()
          || chars + row.chars() > MESSAGE_CHARS || rowBlocks > MAX_BLOCKS)) {
        digests.add(current);
        current = new ArrayList<>();
        chars = 0;
        blocks = 2;
        rowBlocks = row.line() != null ? 3 : blocks + row.blockCount();
      }
      current.add(row);
      chars += row.chars();
      blocks = rowBlocks;
    }
    if (!current.isEmpty()) {
      digests.add(current);
    }
    return digests;
  }

  private static int sectionsAfterAdding(List<Rendered> current, Rendered row) {
    List<Rendered> all = new ArrayList<>(current);
    all.add(row);
    return 2 + sections(all).size();
  }

  private static List<String> sections(List<Rendered> lines) {
    List<String> sections = new ArrayList<>();
    StringBuilder section = new StringBuilder();
    for (Rendered row : lines) {
      if (section.length() > 0 && section.length() + 1 + row.line().length() > SECTION_CHARS) {
        sections.add(section.toString());
        section.setLength(0);
      }
      section.append(section.length() > 0 ? "\n" : "").append(row.line());
    }
    if (section.length() > 0) {
      sections.add(section.toString());
    }
    return sections;
  }

  private RecordOutcome send(String channel, List<Rendered> digest) throws Exception {
    String header = rows.templates.header(digest.size(), channel);
    String footer = rows.templates.footer(digest.size(), channel);
    ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
    blocks.add(section(header));
    if (digest.get(0).line() != null) {
      sections(digest).forEach(text -> blocks.add(section(text)));
    } else {
      digest.forEach(row -> blocks.addAll((ArrayNode) row.blocks()));
    }
    if (footer != null && !footer.isBlank()) {
      ObjectNode context = blocks.addObject().put("type", "context");
      context.putArray("elements").addObject().put("type", "mrkdwn").put("text", footer);
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("channel", channel).put("text", header)
        .put("unfurl_links", rows.settings.unfurlLinks());
    message.set("blocks", blocks);
    return RowMessages.outcome(rows.api.post(channel, message));
  }

  private static ObjectNode section(String text) {
    ObjectNode section = JsonNodeFactory.instance.objectNode().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", text);
    return section;
  }
}
