package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.NoticePolicy;
import org.consentplatform.domain.profile.PurposeType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of compliance profiles and of a model change tried on one. */
final class ProfileJson {

    private ProfileJson() {
    }

    public record Topic(String id, String name) {
    }

    @Schema(description = "A purpose. models maps channel ids to enforcement models; channels left out get the type's default.")
    public record Purpose(String id, String name, PurposeType type, LegalBasis legalBasis,
                          Map<String, EnforcementModel> models, List<Topic> topics, Boolean doubleOptIn,
                          @Schema(description = "The third party the data is shared with under this purpose (a partner consent)")
                          String partner,
                          @Schema(description = "ISO 8601 period an opt-in counts for (P1D to P10Y); older ones are evaluated as absent. Left out: no expiry", example = "P24M")
                          String consentLifetime,
                          @Schema(description = "Whether engagement reported to /consents/engagement restarts the lifetime of a valid opt-in")
                          Boolean renewOnEngagement) {
    }

    @Schema(description = "A purpose resting on CONSENT whose model on a channel sends (or tracks) without an opt-in: accepted, but a risk.")
    public record ComplianceWarning(String purposeId, String channel, EnforcementModel model, String message) {
    }

    public record DefaultConsent(String channel, String purposeId, String wording, String wordingVersion, Boolean doubleOptIn) {
    }

    @Schema(description = "How the profile runs double opt-in. Fields left out take their defaults.")
    public record DoubleOptIn(
            @Schema(description = "ISO 8601 duration a confirmation link stays valid, PT1H to P30D", example = "PT72H")
            String linkLifetime,
            @Schema(description = "From address of confirmation mails; left out: the platform's sender")
            String senderAddress,
            @Schema(description = "Display name of the sender; left out: the platform's sender name")
            String senderName,
            @Schema(description = "Where the person is sent once confirmed (303 after the confirm button); left out: the platform's page")
            String redirectUrl,
            @Schema(description = "Language of mails and pages when the capture gives no locale we write in", allowableValues = {"en", "fr", "pl"})
            String defaultLanguage,
            @Schema(description = "PLATFORM_MAIL: the platform mails the link; EXTERNAL_SENDER: the doi.requested event carries it for another sender")
            DoubleOptInSettings.Delivery delivery) {
    }

    @Schema(description = "How the recipient pages (preference and subscription centers, unsubscribe) look: no markup, only a logo and a colour.")
    public record Branding(
            @Schema(description = "An https image URL shown at the top of the pages")
            String logoUrl,
            @Schema(description = "Accent colour #RRGGBB; the text on it is black or white, whichever contrasts more", example = "#0A7D5A")
            String colour) {
    }

    @Schema(description = "The profile's SMS programme (domain rules §14): the tenant numbers bound to it, what HELP answers, and keywords added to the defaults.")
    public record Sms(
            @Schema(description = "The tenant's numbers whose texts act on this profile; a number is bound to one profile of the tenant")
            List<SmsNumber> numbers,
            @Schema(description = "What a HELP keyword answers, per language (en, fr, pl…); left out: a default naming the profile",
                    example = "{\"fr\": \"Retail : aide au 01 23 45 67 89. STOP pour arrêter.\"}")
            Map<String, String> helpText,
            @Schema(description = "Words added to the default keywords per language, each meaning STOP, START or HELP",
                    example = "{\"fr\": {\"AIDE\": \"HELP\"}}")
            Map<String, Map<String, String>> keywords) {
    }

    public record SmsNumber(
            @Schema(description = "E.164, or a short code of 3 to 8 digits", example = "+33612345678") String number,
            @Schema(description = "The language its senders text in: which keywords it reads, which language replies speak", example = "fr")
            String language) {
    }

    @Schema(description = "The wording shown for a purpose, or one of its topics (domain rules §15), with every version it had, "
            + "oldest first. A published version stays as it is: publish a new one instead.")
    public record Notice(String id, String purposeId,
                         @Schema(description = "For a topic's own wording; left out: the purpose's") String topicId,
                         List<NoticeVersion> versions) {
    }

    public record NoticeVersion(
            @Schema(description = "Your label: 1 to 32 letters, digits, '.', '_' or '-'", example = "2026-12") String version,
            @Schema(description = "From when it is the wording in force") Instant effectiveAt,
            @Schema(description = "Whether it changes the substance of what people agreed to: opt-ins given under earlier versions then "
                    + "count as absent where the profile's noticePolicy is RECONSENT_REQUIRED") boolean material,
            @Schema(description = "The text per language (en, fr, pl…)", example = "{\"en\": \"We send you our news by email.\"}")
            Map<String, String> texts,
            @Schema(description = "SHA-256 (hex) of the texts, as captures under it carry it", accessMode = Schema.AccessMode.READ_ONLY)
            String hash) {
    }

    @Schema(description = "What publishing a notice version would do: records and contact points that send now and would not "
            + "once it takes effect (at), with a sample. Not material, or a profile that grandfathers: nobody stops.")
    public record NoticeDryRun(String noticeId, String version, boolean material, NoticePolicy noticePolicy, Instant at, long evaluated,
                               long optInsStopped, long contactPointsStopped, List<NoticeDryRunLine> sample) {
    }

    public record NoticeDryRunLine(String channel, String address, String purposeId, String topicId) {
    }

    @Schema(description = "An opt-in to ask for again: given under an older notice version than the material one in force")
    public record Reconsent(String channel, String address, String purposeId, String topicId, Instant capturedAt,
                            @Schema(description = "The notice version named when it was given, <notice id>@<version>; absent: none named")
                            String notice) {
    }

    @Schema(description = "A new profile. Purpose types left out are added with their defaults, as are the three default consents.")
    public record NewProfile(String id, String name, String companyAddress, List<Purpose> purposes,
                             List<DefaultConsent> defaultConsents, DoubleOptIn doubleOptIn, Branding branding, Sms sms,
                             List<Notice> notices,
                             @Schema(description = "What a material notice version does to earlier opt-ins; left out: RECONSENT_REQUIRED")
                             NoticePolicy noticePolicy) {
    }

    @Schema(description = "A whole profile definition replacing the stored one (send If-Match). defaultConsents, doubleOptIn, branding, sms, notices and noticePolicy left out stay as they are.")
    public record ProfileRevision(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                                  DoubleOptIn doubleOptIn, Branding branding, Sms sms, List<Notice> notices, NoticePolicy noticePolicy) {
    }

    public record Profile(String id, String name, String companyAddress, long version, List<Purpose> purposes,
                          List<DefaultConsent> defaultConsents, DoubleOptIn doubleOptIn, Branding branding, Sms sms,
                          List<Notice> notices, NoticePolicy noticePolicy, List<ComplianceWarning> complianceWarnings) {
    }

    public record ProfileList(List<Profile> items) {
    }

    @Schema(description = "A model change to try: purpose, channel and the model it would get.")
    public record DryRunRequest(String purposeId, String channel, EnforcementModel model) {
    }

    public record DryRunVerdicts(boolean sendsBefore, boolean sendsAfter) {
    }

    public record DryRunFlip(String channel, String address, String topicId, boolean sendsBefore, boolean sendsAfter) {
    }

    @Schema(description = "What the change would do: records evaluated (the purpose's and its topics' on the channel), how many flip "
            + "each way, a sample of at most 20, and the verdict for contact points without any record (they cannot be counted).")
    public record DryRun(String purposeId, String channel, EnforcementModel from, EnforcementModel to, long evaluated,
                         long sendToBlock, long blockToSend, long unchanged, DryRunVerdicts withoutRecord, List<DryRunFlip> sample) {
    }
}
