package io.activationsuite.sandbox.salesforce;

import java.util.Locale;

/**
 * The Salesforce field data types the emulator models, with the names describe calls return, so
 * connectors can map warehouse columns exactly as they would against a real org.
 */
public enum FieldType {
  ID("xsd:string"),
  STRING("xsd:string"),
  EMAIL("xsd:string"),
  PHONE("xsd:string"),
  URL("xsd:string"),
  TEXTAREA("xsd:string"),
  PICKLIST("xsd:string"),
  MULTIPICKLIST("xsd:string"),
  BOOLEAN("xsd:boolean"),
  INT("xsd:int"),
  DOUBLE("xsd:double"),
  CURRENCY("xsd:double"),
  PERCENT("xsd:double"),
  DATE("xsd:date"),
  DATETIME("xsd:dateTime"),
  REFERENCE("tns:ID");

  private final String soapType;

  FieldType(String soapType) {
    this.soapType = soapType;
  }

  /** The lower-case name describe returns in {@code type}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The SOAP type describe returns in {@code soapType}; also used in Bulk deserialisation errors. */
  public String soapType() {
    return soapType;
  }

  /** Whether values of this type are text (length applies). */
  public boolean isText() {
    return switch (this) {
      case STRING, EMAIL, PHONE, URL, TEXTAREA, PICKLIST, MULTIPICKLIST -> true;
      default -> false;
    };
  }
}
