package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RefusalSplit;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.RequestDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code channel_digest} as the engine's composed requests: the group of a row is its channel, and one
 * request is one digest message - a header, the rows (mrkdwn lines packed into section blocks of at most
 * 3,000 characters, or each row's own blocks), a footer - holding at most {@code digest_max_rows} rows, 50
 * blocks and 12,000 characters. Every row of a digest ends with the digest's outcome: a digest of 40 rows
 * accounts for 40 records. A digest Slack refuses is never split behind the user's back
 * ({@link RefusalSplit#NONE}): its rows are rejected with Slack's reason.
 */
final class DigestWriter implements ComposedWriter {

  static final int MAX_BLOCKS = 50;
  static final int SECTION_CHARS = 3_000;
  /** Total block text per message, below the ~13,000 characters at which Slack answers msg_blocks_too_long. */
  static final int MESSAGE_CHARS = 12_000;
  /** Sizing renders a mention as the email, padded to at least the length of a {@code <@U...>} mention. */
  private static final int MENTION_CHARS = 16;

  private final RowMessages rows;

  DigestWriter(RowMessages rows) {
    this.rows = rows;
  }

  /**
   * Enough rows waiting to fill the digests of many channels before the engine composes one (the engine
   * starts a request once this many are waiting, whatever their channels); a draft holds one digest.
   */
  @Override
  public BatchLimits limits() {
    return new BatchLimits(rows.settings.digestMaxRows() * MAX_BLOCKS, 16_000_000);
  }

  @Override
  public boolean prefersFullBatches() {
    return true;
  }

  @Override
  public RefusalSplit refusalSplit() {
    return RefusalSplit.NONE;
  }

  @Override
  public Object group(OutboundRecord record) {
    return rows.channelOf(record);
  }

  /** One row rendered: its mrkdwn line, or its blocks. */
  private record Rendered(String line, JsonNode blocks) {
    int chars() {
      return line != null ? line.length() + 1 : blocks.toString().length();
    }
  }

  @Override
  public RequestDraft newRequest(Object group) {
    return new RequestDraft() {
      private int count;
      private int chars;
      private int blocks = 2; // header and footer
      private int sectionChars = -1; // characters of the open section block; -1: none open

      @Override
      public boolean tryAdd(OutboundRecord record) {
        if (count >= rows.settings.digestMaxRows()) {
          return false;
        }
        Rendered row;
        try {
          row = render(record, email -> Optional.of(email.length() >= MENTION_CHARS ? email
              : email + " ".repeat(MENTION_CHARS - email.length())));
        } catch (MessageTemplates.RenderException | InterruptedException e) {
          count++; // rejected at send with the reason; takes no room
          return true;
        }
        String line = row.line();
        int added = line == null ? row.blocks().size() : 0;
        int section = sectionChars;
        if (line != null && (section < 0 || section + 1 + line.length() > SECTION_CHARS)) {
          added = 1;
          section = line.length();
        } else if (line != null) {
          section += 1 + line.length();
        }
        if ((line != null && line.length() > SECTION_CHARS) || chars + row.chars() > MESSAGE_CHARS
            || blocks + added > MAX_BLOCKS) {
          return false;
        }
        count++;
        chars += row.chars();
        blocks += added;
        sectionChars = section;
        return true;
      }
    };
  }

  @Override
  public List<RecordOutcome> send(Object group, List<OutboundRecord> records) throws Exception {
    Digest digest = digest(group, records);
    if (digest.message() != null) {
      RecordOutcome outcome = RowMessages.outcome(rows.api.post(digest.channelId(), digest.message()));
      digest.carried().forEach(i -> digest.outcomes()[i] = outcome);
    }
    return List.of(digest.outcomes());
  }

  /** The digest message {@link #send} would post for one composed request, built by the same code. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    try {
      Digest digest = digest(group(records.get(0)), records);
      return digest.message() == null ? List.of() : List.of(rows.api.plannedPost(digest.message()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      return List.of(); // the real send fails the same way; the preview shows no request for it
    }
  }

  /**
   * One request's digest: the message (null when no row can go), the rows it carries, and the outcomes of
   * rows already rejected.
   */
  private record Digest(String channelId, ObjectNode message, List<Integer> carried, RecordOutcome[] outcomes) {}

  private Digest digest(Object group, List<OutboundRecord> records) throws Exception {
    RecordOutcome[] outcomes = new RecordOutcome[records.size()];
    SlackDirectory.Target target = rows.channelTarget((String) group);
    if (target.problem() != null) {
      java.util.Arrays.fill(outcomes, RowMessages.rejected(target.problem()));
      return new Digest(null, null, List.of(), outcomes);
    }
    List<Rendered> digest = new ArrayList<>();
    List<Integer> carried = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        digest.add(render(records.get(i), rows.directory::mention));
        carried.add(i);
      } catch (MessageTemplates.RenderException e) {
        outcomes[i] = RecordOutcome.rejected(RejectionReason.INVALID_VALUE, null, e.getMessage(), null);
      }
    }
    ObjectNode message = digest.isEmpty() ? null : message(target.channelId(), digest);
    return new Digest(target.channelId(), message, carried, outcomes);
  }

  private Rendered render(OutboundRecord record, MessageTemplates.Mentions mentions)
      throws MessageTemplates.RenderException, InterruptedException {
    if (rows.templates.hasBlocks()) {
      return new Rendered(null, rows.templates.blocks(record.payload(), mentions));
    }
    return new Rendered(rows.templates.text(record.payload(), mentions), null);
  }

  private ObjectNode message(String channel, List<Rendered> digest) throws Exception {
    String header = rows.templates.header(digest.size(), channel);
    String footer = rows.templates.footer(digest.size(), channel);
    ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
    blocks.add(section(header));
    StringBuilder section = new StringBuilder();
    for (Rendered row : digest) {
      if (row.line() == null) {
        blocks.addAll((ArrayNode) row.blocks());
        continue;
      }
      if (section.length() > 0 && section.length() + 1 + row.line().length() > SECTION_CHARS) {
        blocks.add(section(section.toString()));
        section.setLength(0);
      }
      section.append(section.length() > 0 ? "\n" : "").append(row.line());
    }
    if (section.length() > 0) {
      blocks.add(section(section.toString()));
    }
    if (footer != null && !footer.isBlank()) {
      ObjectNode context = blocks.addObject().put("type", "context");
      context.putArray("elements").addObject().put("type", "mrkdwn").put("text", footer);
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("channel", channel).put("text", header)
        .put("unfurl_links", rows.settings.unfurlLinks());
    message.set("blocks", blocks);
    return message;
  }

  private static ObjectNode section(String text) {
    ObjectNode section = JsonNodeFactory.instance.objectNode().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", text);
    return section;
  }
}
