package org.consentplatform.domain.contact;

/** The contact-level switches inherited from legacy marketing (domain rules §4 and §7). */
public record LegacyFlags(boolean doNotEmail, boolean doNotBulkEmail, boolean doNotTrack) {

    public static final LegacyFlags NONE = new LegacyFlags(false, false, false);

    public boolean any() {
        return doNotEmail || doNotBulkEmail || doNotTrack;
    }
}
