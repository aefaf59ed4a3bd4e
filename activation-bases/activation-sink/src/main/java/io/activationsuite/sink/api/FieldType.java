package io.activationsuite.sink.api;

/**
 * Destination field types the engine knows how to coerce to. Values reach the connector in canonical
 * JSON: STRING/ID/EMAIL/ENUM as text, NUMBER as a decimal number, INTEGER as an integral number,
 * BOOLEAN as a boolean, DATE as {@code yyyy-MM-dd} text, DATETIME as ISO-8601 UTC instant text
 * ({@code 2026-11-21T10:15:30Z}), MULTI_ENUM as an array of texts, JSON as the value itself (an object,
 * an array or a scalar; objects and arrays may also arrive as JSON text).
 */
public enum FieldType {
  ID,
  STRING,
  EMAIL,
  NUMBER,
  INTEGER,
  BOOLEAN,
  DATE,
  DATETIME,
  ENUM,
  MULTI_ENUM,
  /** Structured data: objects, arrays or scalars as they are (Braze nested custom attributes, event properties). */
  JSON
}
