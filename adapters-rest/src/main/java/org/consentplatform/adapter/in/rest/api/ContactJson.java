package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.contact.EntityType;

import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of contacts and of minors' contact points. */
final class ContactJson {

    private ContactJson() {
    }

    public record ContactPoint(String channel, String address) {
    }

    public record LegacyFlags(Boolean doNotEmail, Boolean doNotBulkEmail, Boolean doNotTrack) {
    }

    public record ContactUpsert(EntityType entityType, LegacyFlags flags, List<ContactPoint> contactPoints) {
    }

    public record Contact(String id, EntityType entityType, LegacyFlags flags, List<ContactPoint> contactPoints) {
    }

    @Schema(description = "Flags a contact point as a minor's (minor: true, with a birthDate if known) or removes the flag (minor: false).")
    public record MinorFlagRequest(String channel, String address, Boolean minor, LocalDate birthDate) {
    }

    @Schema(description = "A contact point's minor flag: until minorUntil (the birthDate plus the tenant's age of digital consent), "
            + "an opt-in counts only when evidence.guardian names who gave it; without a birthDate, until the flag is removed.")
    public record MinorFlag(String channel, String address, boolean minor, LocalDate birthDate, LocalDate minorUntil) {
    }
}
