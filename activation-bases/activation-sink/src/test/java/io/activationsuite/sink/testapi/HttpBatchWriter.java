package io.activationsuite.sink.testapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The test connector's writer: one POST per batch, one result per record. */
public final class HttpBatchWriter implements BatchWriter {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final HttpUrl url;
  private final int maxRecords;

  HttpBatchWriter(OkHttpClient client, HttpUrl base, StreamPlan plan, int maxRecords) {
    this.client = client;
    this.url = base.newBuilder().addPathSegment(plan.object().name())
        .addPathSegment(plan.operation().name().toLowerCase(Locale.ROOT)).build();
    this.maxRecords = maxRecords;
  }

  /** The daily quota is used up: the sync stops cleanly and resumes tomorrow. */
  public static final class DailyQuotaExhaustedException extends TransientErrorException {
    private static final long serialVersionUID = 1L;

    DailyQuotaExhaustedException() {
      super("The destination's daily API quota is exhausted; the sync will resume after it resets.");
    }
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(maxRecords, 64 * 1024);
  }

  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    return List.of(PlannedRequest.json("POST", url.encodedPath(), body(batch)));
  }

  private static String body(List<OutboundRecord> batch) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode records = body.putArray("records");
    for (OutboundRecord record : batch) {
      ObjectNode item = records.addObject().put("id", record.correlationId()).put("key", record.matchingKey());
      item.set("payload", record.payload());
      ArrayNode clear = item.putArray("clear");
      record.nullFields().forEach(clear::add);
    }
    return body.toString();
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    Request request = new Request.Builder().url(url).post(RequestBody.create(body(batch), JSON)).build();
    try (Response response = client.newCall(request).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      if (response.code() == 429 && "daily".equals(response.header("X-Quota"))) {
        throw new DailyQuotaExhaustedException();
      }
      if (response.code() == 400) {
        throw new BatchRejectedException(400, RejectionReason.REFUSED_BY_API,
            Json.mapper().readTree(text).path("error").asText());
      }
      if (response.code() >= 500) {
        throw new TransientErrorException("The destination API is unavailable (HTTP " + response.code() + ")");
      }
      JsonNode results = Json.mapper().readTree(text).path("results");
      List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
      for (JsonNode result : results) {
        outcomes.add(switch (result.path("status").asText()) {
          case "ok" -> RecordOutcome.accepted(result.path("id").asText());
          case "retry" -> RecordOutcome.retry(result.path("message").asText());
          default -> RecordOutcome.rejected(RejectionReason.REFUSED_BY_API, result.path("field").asText(null),
              result.path("message").asText(), 200);
        });
      }
      return outcomes;
    }
  }
}
