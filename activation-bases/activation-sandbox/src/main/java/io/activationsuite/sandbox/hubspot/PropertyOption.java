package io.activationsuite.sandbox.hubspot;

/**
 * One allowed value of a HubSpot enumeration property.
 *
 * @param value internal value sent on the wire
 * @param label display label
 */
public record PropertyOption(String value, String label) {
}
