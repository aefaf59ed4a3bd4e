package io.activationsuite.destination.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import org.junit.jupiter.api.Test;

class RowMessagesTest {

  private static RecordOutcome.Rejected refused(String error) {
    ObjectNode body = SlackFixtures.MAPPER.createObjectNode().put("ok", false).put("error", error);
    body.putObject("response_metadata").putArray("messages").add("[ERROR] detail [json-pointer:/blocks/0]");
    return (RecordOutcome.Rejected) RowMessages.outcome(new PostOutcome.Refused(error, body));
  }

  @Test
  void aPostedMessageAcceptsTheRowWithChannelAndTs() {
    assertThat(RowMessages.outcome(new PostOutcome.Posted("C1", "1700000000.000100")))
        .isEqualTo(RecordOutcome.accepted("C1/1700000000.000100"));
  }

  @Test
  void slacksErrorCodesMapToReasonsAndKeepSlacksDetails() {
    assertThat(refused("channel_not_found").reason()).isEqualTo(RejectionReason.NOT_FOUND);
    assertThat(refused("user_disabled").reason()).isEqualTo(RejectionReason.NOT_FOUND);
    assertThat(refused("msg_too_long").reason()).isEqualTo(RejectionReason.VALUE_TOO_LONG);
    assertThat(refused("msg_blocks_too_long").reason()).isEqualTo(RejectionReason.VALUE_TOO_LONG);
    assertThat(refused("too_many_attachments").reason()).isEqualTo(RejectionReason.VALUE_TOO_LONG);
    assertThat(refused("no_text").reason()).isEqualTo(RejectionReason.MISSING_REQUIRED_FIELD);
    RecordOutcome.Rejected invalid = refused("invalid_blocks");
    assertThat(invalid.reason()).isEqualTo(RejectionReason.REFUSED_BY_API);
    assertThat(invalid.message()).contains("invalid_blocks", "json-pointer:/blocks/0");
    assertThat(refused("not_in_channel").message()).contains("/invite");
    assertThat(refused("is_archived").message()).contains("archived");
  }

  @Test
  void anUncertainPostIsDeliveryUncertainAndSaysItWasNotResent() {
    RecordOutcome.Rejected uncertain = (RecordOutcome.Rejected) RowMessages.outcome(
        new PostOutcome.Uncertain("connection reset"));

    assertThat(uncertain.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
    assertThat(uncertain.message()).contains("may have posted", "connection reset", "not sent again");
  }
}
