package vn.kehoach.document;

import java.time.Instant;

/**
 * A unit's wording or layout setting as it applies: its own, else the nearest ancestor's, else the shipped default.
 *
 * @param ownerCode the unit whose stored setting applies, or null for the shipped default
 * @param version   of the unit's own stored setting, 0 when it has none
 */
public record DocumentTemplate(TemplateKind kind, String body, String ownerCode, int version, String updatedBy,
                               Instant updatedAt) {
}
