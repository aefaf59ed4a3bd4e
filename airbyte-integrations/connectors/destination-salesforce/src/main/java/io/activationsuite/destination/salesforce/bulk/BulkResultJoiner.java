package io.activationsuite.destination.salesforce.bulk;

import io.activationsuite.destination.salesforce.write.ErrorOutcomes;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the result rows of a job back to the uploaded records. Salesforce does not keep input order in
 * its results, but each result row repeats the uploaded columns. A result row is matched to the first
 * still unmatched input row with exactly the same cells (so identical rows are told apart by their
 * position among identical rows: they carry the same data, so which of them gets which result does not
 * change what is written or reported); if Salesforce normalised a cell, it falls back to the first
 * unmatched row with the same key ({@code Id} for update and delete, the external id for upsert).
 * Records no result row speaks for get a {@link RecordOutcome.Retry}: never silently dropped.
 */
public final class BulkResultJoiner {
  private static final Logger LOG = LoggerFactory.getLogger(BulkResultJoiner.class);

  private BulkResultJoiner() {}

  /** One outcome per uploaded row, in upload order. */
  public static List<RecordOutcome> join(UploadFile upload, String keyColumn, BulkResults results) {
    Matcher matcher = new Matcher(upload, keyColumn);
    RecordOutcome[] outcomes = new RecordOutcome[upload.rows().size()];
    CsvTable successful = CsvTable.parse(results.successful());
    for (List<String> row : successful.rows()) {
      int index = matcher.match(successful, row);
      if (index >= 0) {
        outcomes[index] = RecordOutcome.accepted(cell(successful, row, "sf__Id"));
      }
    }
    CsvTable failed = CsvTable.parse(results.failed());
    for (List<String> row : failed.rows()) {
      int index = matcher.match(failed, row);
      if (index >= 0) {
        outcomes[index] = ErrorOutcomes.outcome(BulkErrorText.parse(cell(failed, row, "sf__Error")));
      }
    }
    CsvTable unprocessed = CsvTable.parse(results.unprocessed());
    String why = "Salesforce did not process this record: the bulk job ended " + results.finalState()
        + (results.errorMessage() == null || results.errorMessage().isBlank() ? "" : " (" + results.errorMessage()
        + ")");
    for (List<String> row : unprocessed.rows()) {
      int index = matcher.match(unprocessed, row);
      if (index >= 0) {
        outcomes[index] = RecordOutcome.retry(why);
      }
    }
    int missing = 0;
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = RecordOutcome.retry("Salesforce returned no result for this record; the bulk job ended "
            + results.finalState());
        missing++;
      }
    }
    if (missing > 0) {
      LOG.warn("{} of {} records had no result in bulk job results (job {}); they will be retried", missing,
          outcomes.length, results.finalState());
    }
    return Arrays.asList(outcomes);
  }

  private static String cell(CsvTable table, List<String> row, String column) {
    Integer index = table.columnIndex().get(column);
    return index == null || index >= row.size() ? null : row.get(index);
  }

  /** Matches result rows to unmatched input rows, by full content first and key second. */
  private static final class Matcher {
    private final UploadFile upload;
    private final Map<String, Deque<Integer>> byContent = new HashMap<>();
    private final Map<String, Deque<Integer>> byKey = new HashMap<>();
    private final boolean[] matched;
    private final int keyIndex;

    Matcher(UploadFile upload, String keyColumn) {
      this.upload = upload;
      this.matched = new boolean[upload.rows().size()];
      this.keyIndex = keyColumn == null ? -1 : upload.columns().indexOf(keyColumn);
      for (int i = 0; i < upload.rows().size(); i++) {
        List<String> row = upload.rows().get(i);
        byContent.computeIfAbsent(signature(row), k -> new ArrayDeque<>()).add(i);
        if (keyIndex >= 0) {
          byKey.computeIfAbsent(row.get(keyIndex), k -> new ArrayDeque<>()).add(i);
        }
      }
    }

    int match(CsvTable table, List<String> resultRow) {
      Map<String, Integer> index = table.columnIndex();
      List<String> cells = new ArrayList<>(upload.columns().size());
      for (String column : upload.columns()) {
        Integer at = index.get(column);
        cells.add(at == null || at >= resultRow.size() ? "" : resultRow.get(at));
      }
      int found = take(byContent.get(signature(cells)));
      if (found < 0 && keyIndex >= 0) {
        found = take(byKey.get(cells.get(keyIndex)));
      }
      if (found < 0) {
        LOG.warn("A bulk result row matched no uploaded record; ignoring it");
      }
      return found;
    }

    private int take(Deque<Integer> candidates) {
      if (candidates == null) {
        return -1;
      }
      while (!candidates.isEmpty()) {
        int candidate = candidates.poll();
        if (!matched[candidate]) {
          matched[candidate] = true;
          return candidate;
        }
      }
      return -1;
    }

    private static String signature(List<String> cells) {
      return String.join("\u0000", cells);
    }
  }
}
