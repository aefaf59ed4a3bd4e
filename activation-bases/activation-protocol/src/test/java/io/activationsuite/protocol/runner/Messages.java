package io.activationsuite.protocol.runner;

/** Builds input lines for tests. */
final class Messages {
  private Messages() {}

  static String record(String stream, String dataJson) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"namespace\":\"ns\",\"emitted_at\":1,"
        + "\"data\":" + dataJson + "}}";
  }

  static String streamState(String stream, int cursor, int id, int sourceCount) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream + "\",\"namespace\":\"ns\"},\"stream_state\":{\"cursor\":" + cursor + "}},"
        + "\"sourceStats\":{\"recordCount\":" + sourceCount + ".0},\"id\":" + id + "}}";
  }

  static String globalState(int cursor, int id) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":" + cursor
        + "},\"stream_states\":[]},\"id\":" + id + "}}";
  }

  static String complete(String stream) {
    return status(stream, "COMPLETE");
  }

  static String status(String stream, String status) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1.0,\"stream_status\":"
        + "{\"stream_descriptor\":{\"name\":\"" + stream + "\",\"namespace\":\"ns\"},\"status\":\"" + status
        + "\"}}}";
  }

  static String catalog(String... streams) {
    StringBuilder json = new StringBuilder("{\"streams\":[");
    for (int i = 0; i < streams.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"stream\":{\"name\":\"").append(streams[i])
          .append("\",\"namespace\":\"ns\",\"json_schema\":{\"type\":\"object\"},\"supported_sync_modes\":"
              + "[\"full_refresh\"]},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\","
              + "\"destination_object_name\":\"widgets\",\"generation_id\":12,\"minimum_generation_id\":0,"
              + "\"sync_id\":42}");
    }
    return json.append("]}").toString();
  }
}
