package io.activationsuite.sandbox.salesforce;

import static io.activationsuite.sandbox.salesforce.FieldDescriptor.builder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The org's object metadata: which sObjects exist and their fields. {@link #standard()} gives the default org
 * (Account, Contact, Lead, Opportunity, the custom {@code Customer_Health__c} and the read-only
 * {@code UserLicense}); tests can add objects with {@link #withObject}.
 */
public final class SchemaCatalog {
  private final Map<String, ObjectDescriptor> objects;

  private SchemaCatalog(Map<String, ObjectDescriptor> objects) {
    this.objects = Map.copyOf(objects);
  }

  /** The default emulated org schema. */
  public static SchemaCatalog standard() {
    List<ObjectDescriptor> list = List.of(account(), contact(), lead(), opportunity(), customerHealth(),
        userLicense());
    Map<String, ObjectDescriptor> map = new LinkedHashMap<>();
    list.forEach(o -> map.put(o.name().toLowerCase(Locale.ROOT), o));
    return new SchemaCatalog(map);
  }

  /** A copy of this catalog with {@code object} added (or replaced). */
  public SchemaCatalog withObject(ObjectDescriptor object) {
    Map<String, ObjectDescriptor> map = new LinkedHashMap<>(objects);
    map.put(object.name().toLowerCase(Locale.ROOT), object);
    return new SchemaCatalog(map);
  }

  /** Object by API name, case-insensitively. */
  public Optional<ObjectDescriptor> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Object whose ids start with {@code keyPrefix}. */
  public Optional<ObjectDescriptor> byKeyPrefix(String keyPrefix) {
    return objects.values().stream().filter(o -> o.keyPrefix().equals(keyPrefix)).findFirst();
  }

  /** All objects sorted by name, as describeGlobal lists them. */
  public List<ObjectDescriptor> all() {
    List<ObjectDescriptor> list = new ArrayList<>(objects.values());
    list.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return list;
  }

  /** The standard system fields every sObject carries. */
  public static List<FieldDescriptor> systemFields(boolean withOwner) {
    List<FieldDescriptor> fields = new ArrayList<>();
    fields.add(builder("Id", FieldType.ID).label("Record ID").readOnly().nillable(false).defaultedOnCreate()
        .idLookup().build());
    if (withOwner) {
      fields.add(builder("OwnerId", FieldType.REFERENCE).label("Owner ID").nillable(false).defaultedOnCreate()
          .referenceTo("User").build());
    }
    fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").readOnly().build());
    fields.add(builder("CreatedDate", FieldType.DATETIME).label("Created Date").readOnly().nillable(false)
        .defaultedOnCreate().build());
    fields.add(builder("LastModifiedDate", FieldType.DATETIME).label("Last Modified Date").readOnly()
        .nillable(false).defaultedOnCreate().build());
    fields.add(builder("SystemModstamp", FieldType.DATETIME).label("System Modstamp").readOnly()
        .nillable(false).defaultedOnCreate().build());
    return fields;
  }

  private static ObjectDescriptor writable(String name, String label, String plural, String prefix, boolean custom,
      List<FieldDescriptor> own) {
    List<FieldDescriptor> fields = systemFields(true);
    fields.addAll(1, own);
    return new ObjectDescriptor(name, label, plural, prefix, custom, true, true, true, true, fields);
  }

  private static ObjectDescriptor account() {
    return writable("Account", "Account", "Accounts", "001", false, List.of(
        builder("Name", FieldType.STRING).label("Account Name").required().idLookup().build(),
        builder("AccountNumber", FieldType.STRING).label("Account Number").length(40).build(),
        builder("Type", FieldType.PICKLIST).label("Account Type")
            .picklist(false, "Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other").build(),
        builder("Industry", FieldType.PICKLIST)
            .picklist(true, "Agriculture", "Banking", "Education", "Healthcare", "Retail", "Technology").build(),
        builder("AnnualRevenue", FieldType.CURRENCY).label("Annual Revenue").build(),
        builder("NumberOfEmployees", FieldType.INT).label("Employees").build(),
        builder("Phone", FieldType.PHONE).label("Account Phone").build(),
        builder("Website", FieldType.URL).build(),
        builder("BillingCity", FieldType.STRING).label("Billing City").length(40).build(),
        builder("Description", FieldType.TEXTAREA).label("Account Description").build(),
        builder("External_Id__c", FieldType.STRING).label("External Id").length(80).externalIdUnique().build()));
  }

  private static ObjectDescriptor contact() {
    return writable("Contact", "Contact", "Contacts", "003", false, List.of(
        builder("FirstName", FieldType.STRING).label("First Name").length(40).build(),
        builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build(),
        builder("Name", FieldType.STRING).label("Full Name").length(121).readOnly().idLookup().build(),
        builder("Email", FieldType.EMAIL).idLookup().build(),
        builder("Phone", FieldType.PHONE).label("Business Phone").build(),
        builder("Title", FieldType.STRING).length(128).build(),
        builder("Birthdate", FieldType.DATE).build(),
        builder("AccountId", FieldType.REFERENCE).label("Account ID").referenceTo("Account").build(),
        builder("HasOptedOutOfEmail", FieldType.BOOLEAN).label("Email Opt Out").build(),
        builder("LeadSource", FieldType.PICKLIST).label("Lead Source")
            .picklist(false, "Web", "Phone Inquiry", "Partner Referral", "Other").build(),
        builder("External_Id__c", FieldType.STRING).label("External Id").length(80).externalIdUnique().build()));
  }

  private static ObjectDescriptor lead() {
    return writable("Lead", "Lead", "Leads", "00Q", false, List.of(
        builder("FirstName", FieldType.STRING).label("First Name").length(40).build(),
        builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build(),
        builder("Company", FieldType.STRING).length(255).required().build(),
        builder("Email", FieldType.EMAIL).idLookup().build(),
        builder("Status", FieldType.PICKLIST).label("Lead Status").nillable(false).defaultedOnCreate()
            .picklist(true, "Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                "Closed - Not Converted").build(),
        builder("Rating", FieldType.PICKLIST).picklist(false, "Hot", "Warm", "Cold").build(),
        builder("NumberOfEmployees", FieldType.INT).label("Employees").build(),
        builder("LeadSource", FieldType.PICKLIST).label("Lead Source")
            .picklist(false, "Web", "Phone Inquiry", "Partner Referral", "Other").build()));
  }

  private static ObjectDescriptor opportunity() {
    return writable("Opportunity", "Opportunity", "Opportunities", "006", false, List.of(
        builder("Name", FieldType.STRING).label("Opportunity Name").length(120).required().idLookup().build(),
        builder("StageName", FieldType.PICKLIST).label("Stage").required()
            .picklist(true, "Prospecting", "Qualification", "Negotiation/Review", "Closed Won", "Closed Lost")
            .build(),
        builder("CloseDate", FieldType.DATE).label("Close Date").required().build(),
        builder("Amount", FieldType.CURRENCY).build(),
        builder("Probability", FieldType.PERCENT).label("Probability (%)").build(),
        builder("AccountId", FieldType.REFERENCE).label("Account ID").referenceTo("Account").build(),
        builder("IsWon", FieldType.BOOLEAN).label("Won").readOnly().build()));
  }

  private static ObjectDescriptor customerHealth() {
    return writable("Customer_Health__c", "Customer Health", "Customer Health", "a0X", true, List.of(
        builder("Name", FieldType.STRING).label("Customer Health Name").length(80).idLookup().build(),
        builder("Customer_Key__c", FieldType.STRING).label("Customer Key").length(80).externalIdUnique().build(),
        builder("Account__c", FieldType.REFERENCE).label("Account").referenceTo("Account").build(),
        builder("Health_Score__c", FieldType.DOUBLE).label("Health Score").build(),
        builder("Churn_Risk__c", FieldType.PERCENT).label("Churn Risk").build(),
        builder("Seats__c", FieldType.INT).label("Seats").build(),
        builder("Status__c", FieldType.PICKLIST).label("Status").picklist(true, "Green", "Yellow", "Red").build(),
        builder("Tags__c", FieldType.MULTIPICKLIST).label("Tags")
            .picklist(true, "Expansion", "At Risk", "Champion", "Onboarding").build(),
        builder("Active__c", FieldType.BOOLEAN).label("Active").build(),
        builder("Last_Reviewed__c", FieldType.DATE).label("Last Reviewed").build(),
        builder("Renewal_At__c", FieldType.DATETIME).label("Renewal At").build(),
        builder("Support_Email__c", FieldType.EMAIL).label("Support Email").build(),
        builder("Notes__c", FieldType.TEXTAREA).label("Notes").length(1_000).build()));
  }

  private static ObjectDescriptor userLicense() {
    List<FieldDescriptor> fields = systemFields(false);
    fields.add(builder("Name", FieldType.STRING).label("Name").length(40).readOnly().build());
    fields.add(builder("TotalLicenses", FieldType.INT).label("Total Licenses").readOnly().build());
    return new ObjectDescriptor("UserLicense", "User License", "User Licenses", "100", false,
        false, false, false, true, fields);
  }

  /** Number of objects in the catalog. */
  public int size() {
    return objects.size();
  }

  /** All objects, unordered. */
  public Collection<ObjectDescriptor> values() {
    return objects.values();
  }
}
