package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.contactpoint.AddressFormat;
import org.consentplatform.domain.enforcement.Aspect;

import java.util.List;

/** The JSON shapes of tenant settings and of the contact-level dry run. */
final class TenantSettingsJson {

    private TenantSettingsJson() {
    }

    public record CustomChannel(String id, String name, AddressFormat addressFormat) {
    }

    public record TenantSettings(Boolean checkContactLevelConsent, Boolean lowercaseWholeEmail, String defaultPhoneRegion,
                                 List<CustomChannel> customChannels,
                                 @Schema(description = "Below this age an opt-in needs a parent or guardian (GDPR Art. 8: 13 to 16); left out: 16")
                                 Integer ageOfDigitalConsent,
                                 @Schema(description = "ISO 8601 period (P30D to P100Y) the history keeps a contact point's address once "
                                         + "nothing changed for it; past it the address is destroyed, its entries stay by keyed hash "
                                         + "and still verify, and its consent still decides. Left out: kept as long as the history",
                                         example = "P3Y")
                                 String historyRetention,
                                 @Schema(description = "Whether a preference-center or web-form request carrying Global Privacy "
                                         + "Control (Sec-GPC: 1) opts the contact point out of every purpose that names a partner. "
                                         + "Left out: true. Turning it off is the tenant's legal choice (docs/privacy.md)")
                                 Boolean honourGlobalPrivacyControl) {
    }

    @Schema(description = "The value to try, and optionally the one profile to decide for (every profile by default)")
    public record ContactLevelDryRunRequest(Boolean checkContactLevelConsent, String profileId) {
    }

    public record ContactLevelDryRunLine(String profileId, String purposeId, Aspect aspect, long sendToBlock, long blockToSend) {
    }

    public record ContactLevelDryRunFlip(String contactId, String address, String profileId, String purposeId, Aspect aspect,
                                         boolean permittedBefore, boolean permittedAfter) {
    }

    @Schema(description = "What switching checkContactLevelConsent would do: CONTACTs with a legacy flag set read (no other contact "
            + "can flip), and per message purpose (and tracking) of each profile the decisions on their email addresses that would "
            + "flip each way, with a sample of at most 20. Lines without a flip are left out.")
    public record ContactLevelDryRun(boolean from, boolean to, long contactsEvaluated, List<ContactLevelDryRunLine> lines,
                                     List<ContactLevelDryRunFlip> sample) {
    }
}
