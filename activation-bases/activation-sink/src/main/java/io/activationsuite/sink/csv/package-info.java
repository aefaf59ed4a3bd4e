/**
 * RFC 4180 CSV on jackson-dataformat-csv for every CSV the suite writes or reads (Salesforce Bulk API 2.0
 * uploads and results, rejected-record files): minimal quoting, cells spanning lines, a leading BOM ignored.
 */
package io.activationsuite.sink.csv;
