package io.activationsuite.destination.salesforce.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.destination.salesforce.write.FieldValues;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.csv.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the CSV of a Bulk API 2.0 upload from a batch of records: RFC 4180 as Bulk API 2.0 speaks it (comma,
 * LF line endings, UTF-8; a cell is quoted only when it holds a quote, comma, CR or LF). Columns are the union of the fields
 * the batch writes (the key column first). A field a record clears (null policy "clear") is written
 * {@code #N/A}, which Salesforce sets to null; a field a record does not carry is left empty, which
 * leaves the stored value unchanged.
 */
public final class CsvUploadBuilder {
  /** The Bulk API 2.0 cell meaning "set this field to null". */
  public static final String NULL_CELL = "#N/A";

  private CsvUploadBuilder() {}

  /**
   * Builds the upload.
   *
   * @param keyColumn the matching key field ({@code Id} for update/delete, the external id for upsert),
   *     or null for insert
   * @param keyOnly whether only the key column is written (delete)
   */
  public static UploadFile build(List<OutboundRecord> records, String keyColumn, boolean keyOnly) {
    List<String> columns = columns(records, keyColumn, keyOnly);
    ByteArrayOutputStream csv = new ByteArrayOutputStream(estimate(records));
    List<List<String>> rows = new ArrayList<>(records.size());
    Writer text = new OutputStreamWriter(csv, StandardCharsets.UTF_8);
    try (CsvWriter writer = CsvWriter.to(text, "\n", false)) {
      writer.row(columns);
      for (OutboundRecord record : records) {
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
          cells.add(cell(record, column, keyColumn));
        }
        writer.row(cells);
        rows.add(cells);
      }
    }
    try {
      text.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new UploadFile(csv.toByteArray(), columns, rows);
  }

  private static List<String> columns(List<OutboundRecord> records, String keyColumn, boolean keyOnly) {
    Set<String> columns = new LinkedHashSet<>();
    if (keyColumn != null) {
      columns.add(keyColumn);
    }
    if (keyOnly) {
      return List.copyOf(columns);
    }
    for (OutboundRecord record : records) {
      for (Iterator<Map.Entry<String, JsonNode>> it = record.payload().fields(); it.hasNext();) {
        columns.add(it.next().getKey());
      }
      if (record.nullFields() != null) {
        columns.addAll(record.nullFields());
      }
    }
    return List.copyOf(columns);
  }

  private static String cell(OutboundRecord record, String column, String keyColumn) {
    JsonNode value = record.payload().get(column);
    if (value != null && !value.isNull()) {
      return FieldValues.text(value);
    }
    if (column.equals(keyColumn) && record.matchingKey() != null) {
      return record.matchingKey();
    }
    if (record.nullFields() != null && record.nullFields().contains(column)) {
      return NULL_CELL;
    }
    return value != null ? NULL_CELL : "";
  }

  private static int estimate(List<OutboundRecord> records) {
    long total = 256;
    for (OutboundRecord record : records) {
      total += Math.max(16, record.sizeBytes());
    }
    return (int) Math.min(total, Integer.MAX_VALUE - 16);
  }
}
