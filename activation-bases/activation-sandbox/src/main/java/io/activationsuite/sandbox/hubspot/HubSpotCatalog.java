package io.activationsuite.sandbox.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object types of the emulated HubSpot account: contacts, companies, deals, tickets, products and
 * the custom object {@code subscriptions} ({@code 2-1234567}, {@code p_subscriptions}), each with a
 * realistic mix of default and custom properties of every type a connector must map.
 */
public final class HubSpotCatalog {

  /** Object type id of the custom object. */
  public static final String SUBSCRIPTIONS_TYPE_ID = "2-1234567";

  private final List<ObjectTypeDefinition> types;

  private HubSpotCatalog(List<ObjectTypeDefinition> types) {
    this.types = List.copyOf(types);
  }

  /** The default account for a hub id. */
  public static HubSpotCatalog defaults(long hubId) {
    return new HubSpotCatalog(List.of(contacts(), companies(), deals(), tickets(), products(),
        subscriptions(hubId)));
  }

  /** All object types. */
  public List<ObjectTypeDefinition> types() {
    return types;
  }

  /** Custom object types only. */
  public List<ObjectTypeDefinition> customTypes() {
    return types.stream().filter(ObjectTypeDefinition::custom).toList();
  }

  /** Resolves an {@code objectType} path value: plural name, object type id, {@code p_name} or qualified name. */
  public Optional<ObjectTypeDefinition> resolve(String objectType) {
    String key = objectType.toLowerCase(Locale.ROOT);
    return types.stream().filter(t -> t.aliases().contains(key)).findFirst();
  }

  private static ObjectTypeDefinition contacts() {
    Props p = new Props()
        .add(email("email", "Email", true))
        .add(text("firstname", "First Name"))
        .add(text("lastname", "Last Name"))
        .add(text("phone", "Phone Number"))
        .add(text("company", "Company Name"))
        .add(text("jobtitle", "Job Title"))
        .add(text("city", "City"))
        .add(text("country", "Country/Region"))
        .add(enumeration("lifecyclestage", "Lifecycle Stage", "radio", true,
            "subscriber:Subscriber", "lead:Lead", "marketingqualifiedlead:Marketing Qualified Lead",
            "salesqualifiedlead:Sales Qualified Lead", "opportunity:Opportunity", "customer:Customer",
            "evangelist:Evangelist", "other:Other"))
        .add(enumeration("hs_lead_status", "Lead Status", "select", true, "NEW:New", "OPEN:Open",
            "IN_PROGRESS:In Progress", "OPEN_DEAL:Open Deal", "UNQUALIFIED:Unqualified",
            "ATTEMPTED_TO_CONTACT:Attempted to Contact", "CONNECTED:Connected", "BAD_TIMING:Bad Timing"))
        .add(enumeration("hubspot_owner_id", "Contact owner", "select", true, HubSpotOwners.ownerOptions()))
        .add(custom(text("customer_id", "Customer ID"), true))
        .add(custom(date("signup_date", "Signup Date"), false))
        .add(custom(datetime("last_purchase_at", "Last Purchase At"), false))
        .add(custom(number("lifetime_value", "Lifetime Value"), false))
        .add(custom(bool("is_vip", "Is VIP"), false))
        .add(custom(enumeration("health_segment", "Health Segment", "select", false, "healthy:Healthy",
            "at_risk:At risk", "churning:Churning"), false))
        .add(custom(enumeration("interests", "Interests", "checkbox", false, "analytics:Analytics",
            "automation:Automation", "crm:CRM", "ecommerce:E-commerce"), false))
        .add(calculated(number("num_associated_deals", "Associated Deals")))
        .standard("createdate", "lastmodifieddate");
    return standard("0-1", "contacts", "Contact", "Contacts", "email", p,
        "crm.objects.contacts", "crm.schemas.contacts.read", Set.of("contact"));
  }

  private static ObjectTypeDefinition companies() {
    Props p = new Props()
        .add(text("name", "Company name"))
        .add(text("domain", "Company Domain Name"))
        .add(enumeration("industry", "Industry", "select", true, "COMPUTER_SOFTWARE:Computer Software",
            "FINANCIAL_SERVICES:Financial Services", "RETAIL:Retail", "HOSPITAL_HEALTH_CARE:Hospital & Health Care",
            "MARKETING_AND_ADVERTISING:Marketing & Advertising"))
        .add(text("city", "City"))
        .add(number("numberofemployees", "Number of Employees"))
        .add(number("annualrevenue", "Annual Revenue"))
        .add(custom(text("company_external_id", "External Company ID"), true))
        .add(custom(date("founded_on", "Founded On"), false))
        .add(custom(bool("is_public", "Is Public"), false))
        .add(calculated(number("num_associated_contacts", "Associated Contacts")))
        .standard("createdate", "hs_lastmodifieddate");
    return standard("0-2", "companies", "Company", "Companies", "name", p,
        "crm.objects.companies", "crm.schemas.companies.read", Set.of("company"));
  }

  private static ObjectTypeDefinition deals() {
    Props p = new Props()
        .add(text("dealname", "Deal Name"))
        .add(number("amount", "Amount"))
        .add(enumeration("pipeline", "Pipeline", "select", true, "default:Sales Pipeline"))
        .add(enumeration("dealstage", "Deal Stage", "radio", true,
            "appointmentscheduled:Appointment Scheduled", "qualifiedtobuy:Qualified To Buy",
            "presentationscheduled:Presentation Scheduled", "decisionmakerboughtin:Decision Maker Bought-In",
            "contractsent:Contract Sent", "closedwon:Closed Won", "closedlost:Closed Lost"))
        .add(datetime("closedate", "Close Date"))
        .add(custom(text("deal_external_id", "External Deal ID"), true))
        .add(calculated(number("hs_deal_stage_probability", "Deal Stage Probability")))
        .standard("createdate", "hs_lastmodifieddate");
    return standard("0-3", "deals", "Deal", "Deals", "dealname", p,
        "crm.objects.deals", "crm.schemas.deals.read", Set.of("deal"));
  }

  private static ObjectTypeDefinition tickets() {
    Props p = new Props()
        .add(text("subject", "Ticket name"))
        .add(text("content", "Ticket description"))
        .add(enumeration("hs_pipeline", "Pipeline", "select", true, "0:Support Pipeline"))
        .add(enumeration("hs_pipeline_stage", "Ticket status", "select", true, "1:New",
            "2:Waiting on contact", "3:Waiting on us", "4:Closed"))
        .add(enumeration("hs_ticket_priority", "Priority", "select", true, "LOW:Low", "MEDIUM:Medium",
            "HIGH:High", "URGENT:Urgent"))
        .add(enumeration("hubspot_owner_id", "Ticket owner", "select", true, HubSpotOwners.ownerOptions()))
        .add(custom(text("ticket_external_id", "External Ticket ID"), true))
        .standard("createdate", "hs_lastmodifieddate");
    return new ObjectTypeDefinition("0-5", "tickets", "Ticket", "Tickets", false, "tickets", "subject",
        List.of(), "createdate", "hs_lastmodifieddate", List.of("tickets"), List.of("tickets"),
        Set.of("tickets", "ticket", "0-5"), p.map);
  }

  private static ObjectTypeDefinition products() {
    Props p = new Props()
        .add(text("name", "Name"))
        .add(text("description", "Description"))
        .add(number("price", "Unit price"))
        .add(text("hs_sku", "SKU"))
        .add(enumeration("hs_recurring_billing_period", "Term", "select", true, "P1M:Monthly", "P12M:Annually"))
        .standard("createdate", "hs_lastmodifieddate");
    return new ObjectTypeDefinition("0-7", "products", "Product", "Products", false, "products", "name",
        List.of(), "createdate", "hs_lastmodifieddate", List.of("e-commerce"), List.of("e-commerce"),
        Set.of("products", "product", "0-7"), p.map);
  }

  private static ObjectTypeDefinition subscriptions(long hubId) {
    Props p = new Props()
        .add(custom(text("subscription_id", "Subscription ID"), true))
        .add(custom(enumeration("plan", "Plan", "select", false, "free:Free", "pro:Pro", "enterprise:Enterprise"),
            false))
        .add(custom(enumeration("status", "Status", "radio", false, "active:Active", "paused:Paused",
            "cancelled:Cancelled"), false))
        .add(custom(date("started_on", "Started On"), false))
        .add(custom(datetime("renews_at", "Renews At"), false))
        .add(custom(number("seats", "Seats"), false))
        .add(custom(bool("auto_renew", "Auto Renew"), false))
        .standard("hs_createdate", "hs_lastmodifieddate");
    String fqn = "p" + hubId + "_subscriptions";
    return new ObjectTypeDefinition(SUBSCRIPTIONS_TYPE_ID, "subscriptions", "Subscription", "Subscriptions", true,
        fqn, "subscription_id", List.of("subscription_id"), "hs_createdate", "hs_lastmodifieddate",
        List.of("crm.objects.custom.read", "crm.objects.custom.write", "crm.schemas.custom.read"),
        List.of("crm.objects.custom.write"),
        Set.of(SUBSCRIPTIONS_TYPE_ID, "subscriptions", "p_subscriptions", fqn), p.map);
  }

  private static ObjectTypeDefinition standard(String id, String name, String singular, String plural,
      String primary, Props props, String scopePrefix, String schemaScope, Set<String> extraAliases) {
    Set<String> aliases = new LinkedHashSet<>(extraAliases);
    aliases.add(name);
    aliases.add(id);
    return new ObjectTypeDefinition(id, name, singular, plural, false, name, primary, List.of(),
        "createdate", props.map.containsKey("lastmodifieddate") ? "lastmodifieddate" : "hs_lastmodifieddate",
        List.of(scopePrefix + ".read", scopePrefix + ".write", schemaScope), List.of(scopePrefix + ".write"),
        aliases, props.map);
  }

  private static PropertyDefinition text(String name, String label) {
    return new PropertyDefinition(name, label, "string", "text", "information", false, false, false, true,
        false, List.of());
  }

  private static PropertyDefinition email(String name, String label, boolean unique) {
    return new PropertyDefinition(name, label, "string", "text", "contactinformation", unique, false, false, true,
        true, List.of());
  }

  private static PropertyDefinition number(String name, String label) {
    return new PropertyDefinition(name, label, "number", "number", "information", false, false, false, true,
        false, List.of());
  }

  private static PropertyDefinition date(String name, String label) {
    return new PropertyDefinition(name, label, "date", "date", "information", false, false, false, true,
        false, List.of());
  }

  private static PropertyDefinition datetime(String name, String label) {
    return new PropertyDefinition(name, label, "datetime", "date", "information", false, false, false, true,
        false, List.of());
  }

  private static PropertyDefinition bool(String name, String label) {
    return new PropertyDefinition(name, label, "bool", "booleancheckbox", "information", false, false, false,
        true, false, List.of(new PropertyOption("true", "Yes"), new PropertyOption("false", "No")));
  }

  private static PropertyDefinition enumeration(String name, String label, String fieldType, boolean hubspotDefined,
      String... valueLabels) {
    List<PropertyOption> options = new ArrayList<>();
    for (String vl : valueLabels) {
      int colon = vl.indexOf(':');
      options.add(new PropertyOption(vl.substring(0, colon), vl.substring(colon + 1)));
    }
    return new PropertyDefinition(name, label, "enumeration", fieldType, "information", false, false, false,
        hubspotDefined, false, options);
  }

  private static PropertyDefinition custom(PropertyDefinition p, boolean unique) {
    return new PropertyDefinition(p.name(), p.label(), p.type(), p.fieldType(), "custom_properties", unique,
        false, false, false, p.email(), p.options());
  }

  private static PropertyDefinition calculated(PropertyDefinition p) {
    return new PropertyDefinition(p.name(), p.label(), p.type(), "calculation_equation", p.groupName(), false,
        true, true, true, false, p.options());
  }

  /** Ordered property list under construction. */
  private static final class Props {
    private final Map<String, PropertyDefinition> map = new LinkedHashMap<>();

    Props add(PropertyDefinition property) {
      map.put(property.name(), property);
      return this;
    }

    Props standard(String created, String modified) {
      add(new PropertyDefinition("hs_object_id", "Record ID", "number", "number", "information", false,
          true, false, true, false, List.of()));
      add(new PropertyDefinition(created, "Create Date", "datetime", "date", "information", false, true,
          false, true, false, List.of()));
      add(new PropertyDefinition(modified, "Last Modified Date", "datetime", "date", "information", false,
          true, false, true, false, List.of()));
      return this;
    }
  }
}
