package io.activationsuite.destination.salesforce.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.destination.salesforce.bulk.CsvUploadBuilder;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps a user's text that is literally {@code #N/A} from becoming a clear: a Bulk API 2.0 CSV cell
 * {@code #N/A} means "set this field to null", so a record carrying such a value is sent through sObject
 * Collections (JSON, where it is just text) and the rest of the batch through Bulk.
 */
public final class NullCellRouter implements BatchWriter {
  private final BatchWriter bulk;
  private final BatchWriter collections;

  public NullCellRouter(BatchWriter bulk, BatchWriter collections) {
    this.bulk = bulk;
    this.collections = collections;
  }

  @Override
  public BatchLimits limits() {
    return bulk.limits();
  }

  @Override
  public boolean prefersFullBatches() {
    return bulk.prefersFullBatches();
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    boolean[] literal = new boolean[batch.size()];
    List<OutboundRecord> viaCollections = new ArrayList<>();
    List<OutboundRecord> viaBulk = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      literal[i] = carriesNullCellText(batch.get(i));
      (literal[i] ? viaCollections : viaBulk).add(batch.get(i));
    }
    if (viaCollections.isEmpty()) {
      return bulk.write(batch);
    }
    Iterator<RecordOutcome> fromCollections = collections.write(viaCollections).iterator();
    Iterator<RecordOutcome> fromBulk = viaBulk.isEmpty() ? List.<RecordOutcome>of().iterator()
        : bulk.write(viaBulk).iterator();
    RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = literal[i] ? fromCollections.next() : fromBulk.next();
    }
    return Arrays.asList(outcomes);
  }

  /** Whether a value of the record would be written as the cell Bulk reads as "clear this field". */
  static boolean carriesNullCellText(OutboundRecord record) {
    for (JsonNode value : record.payload()) {
      if (value != null && !value.isNull() && FieldValues.text(value).strip().equals(CsvUploadBuilder.NULL_CELL)) {
        return true;
      }
    }
    return false;
  }
}
