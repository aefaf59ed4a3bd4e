package io.activationsuite.sandbox.hubspot;

/**
 * Why one property value of one input was refused, in HubSpot's terms.
 *
 * @param code HubSpot error code, e.g. {@code PROPERTY_DOESNT_EXIST}, {@code READ_ONLY_VALUE},
 *     {@code INVALID_EMAIL}, {@code INVALID_OPTION}, {@code INVALID_DATE}, {@code INVALID_DATETIME},
 *     {@code INVALID_DECIMAL}, {@code INVALID_BOOLEAN}
 * @param name property name
 * @param message human-readable reason
 */
public record PropertyError(String code, String name, String message) {
}
