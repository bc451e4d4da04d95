package org.consentplatform.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contactpoint.AddressFormat;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.ReasonCode;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.PurposeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API. Requests are records that Jackson fills strictly (unknown fields are refused). */
public final class Api {

    private Api() {
    }

    // tenants

    public record CustomChannel(String id, String name, AddressFormat addressFormat) {
    }

    public record TenantSettings(Boolean checkContactLevelConsent, Boolean lowercaseWholeEmail, String defaultPhoneRegion,
                                 List<CustomChannel> customChannels,
                                 @Schema(description = "Below this age an opt-in needs a parent or guardian (GDPR Art. 8: 13 to 16); left out: 16")
                                 Integer ageOfDigitalConsent) {
    }

    // profiles

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

    @Schema(description = "A new profile. Purpose types left out are added with their defaults, as are the three default consents.")
    public record NewProfile(String id, String name, String companyAddress, List<Purpose> purposes,
                             List<DefaultConsent> defaultConsents, DoubleOptIn doubleOptIn, Branding branding) {
    }

    @Schema(description = "A whole profile definition replacing the stored one (send If-Match). defaultConsents, doubleOptIn and branding left out stay as they are.")
    public record ProfileRevision(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                                  DoubleOptIn doubleOptIn, Branding branding) {
    }

    public record Profile(String id, String name, String companyAddress, long version, List<Purpose> purposes,
                          List<DefaultConsent> defaultConsents, DoubleOptIn doubleOptIn, Branding branding,
                          List<ComplianceWarning> complianceWarnings) {
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

    @Schema(description = "Proof that a person engaged (opened, clicked, bought) under an opt-in: renews it when its purpose allows")
    public record Engagement(String profileId, String channel, String address, String purposeId, String topicId,
                             Instant engagedAt, Evidence evidence) {
    }

    // recipient links

    @Schema(description = "For whom to make the links a message carries. A channel and address give the preference-center and "
            + "one-click unsubscribe links; a contactId (of a CONTACT) gives the subscription-center link, and its flags pre-fill "
            + "the preference center too when given with an address it owns.")
    public record RecipientLinkRequest(
            String profileId, String channel, String address, String contactId,
            @Schema(description = "The commercial purpose one-click unsubscribe leaves; left out: every commercial purpose of the profile")
            String purposeId,
            @Schema(description = "A topic of that purpose to leave instead of the whole purpose")
            String topicId,
            @Schema(description = "ISO 8601 duration the links stay valid, PT1H to P366D; left out: the platform's default (P90D)", example = "P90D")
            String validFor,
            @Schema(description = "Language of the pages when the browser does not ask for one we write in", allowableValues = {"en", "fr", "pl"})
            String language) {
    }

    @Schema(description = "Links to put into a message. URLs carry nothing but a sealed token (and the page language); "
            + "headers are the RFC 2369 / RFC 8058 values for one-click unsubscribe.")
    public record RecipientLinks(String preferenceCenterUrl, String subscriptionCenterUrl, String unsubscribeUrl,
                                 Map<String, String> headers, Instant expiresAt) {
    }

    // imports

    @Schema(description = "A subscription list's topic: its members opt in to it.")
    public record ListTopic(String purposeId, String topicId) {
    }

    @Schema(description = "What a load does with its file. profileId, lists and capturedAt are for LEGACY_CONTACTS rows.")
    public record ImportRequest(ImportShape shape, ImportSpec.Format format, String profileId, Map<String, ListTopic> lists,
                                @Schema(description = "when the legacy system last held the rows, for rows without a capturedAt cell")
                                Instant capturedAt) {
    }

    public record ImportCounts(long read, long applied, long superseded, long unchanged, long rejected) {
    }

    @Schema(description = "A load and its progress. unchanged rows had been loaded before; rejected rows are in the error report.")
    public record ImportJob(String id, ImportShape shape, ImportSpec.Format format, String profileId, String fileName,
                            ImportJobState state, long totalRows, ImportCounts counts, double rowsPerSecond,
                            @Schema(description = "ISO 8601 duration at the current pace") String timeLeft,
                            Instant createdAt, Instant startedAt, Instant finishedAt, String failure, boolean cancelRequested) {
    }

    public enum ImportJobState { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }

    // contacts

    public record ContactPoint(String channel, String address) {
    }

    public record LegacyFlags(Boolean doNotEmail, Boolean doNotBulkEmail, Boolean doNotTrack) {
    }

    public record ContactUpsert(EntityType entityType, LegacyFlags flags, List<ContactPoint> contactPoints) {
    }

    public record Contact(String id, EntityType entityType, LegacyFlags flags, List<ContactPoint> contactPoints) {
    }

    // consents

    public record Evidence(String wordingVersion, String formId, String clientAddress, String userAgent,
                           @Schema(description = "The parent or guardian who gave consent for a minor (a name, an id in your system)")
                           String guardian) {
    }

    @Schema(description = "Flags a contact point as a minor's (minor: true, with a birthDate if known) or removes the flag (minor: false).")
    public record MinorFlagRequest(String channel, String address, Boolean minor, LocalDate birthDate) {
    }

    @Schema(description = "A contact point's minor flag: until minorUntil (the birthDate plus the tenant's age of digital consent), "
            + "an opt-in counts only when evidence.guardian names who gave it; without a birthDate, until the flag is removed.")
    public record MinorFlag(String channel, String address, boolean minor, LocalDate birthDate, LocalDate minorUntil) {
    }

    @Schema(description = "A person's consent decision. capturedAt is when the person gave it; source defaults to API.")
    public record Capture(String profileId, String channel, String address, String purposeId, String topicId,
                          ConsentState state, Instant capturedAt, Source source, Evidence evidence,
                          @Schema(description = "The person's language (BCP 47, e.g. fr-FR): a double opt-in mail is written in it when we can, else in the profile's default language", example = "fr-FR")
                          String locale) {
    }

    public record CaptureBatch(List<Capture> items) {
    }

    public record RecordState(ConsentState state, Instant capturedAt, Source source, Evidence evidence) {
    }

    @Schema(description = "One immutable entry of a record's history. after is the record once the change was taken into account. "
            + "An EXPIRY change (an opt-in past its purpose's consent lifetime) requests no state and leaves after.state null: "
            + "the record counts as absent from after.capturedAt, when the opt-in expired.")
    public record Change(String id, String profileId, String channel, String address, String purposeId, String topicId,
                         long seq, ChangeOutcome outcome, ConsentState requestedState, RecordState before, RecordState after,
                         Instant capturedAt, Instant recordedAt, Source source, String actor, Evidence evidence,
                         String correlationId,
                         @Schema(description = "In exports: the purpose's legal basis, as the profile states it now")
                         @JsonInclude(JsonInclude.Include.NON_NULL) LegalBasis legalBasis,
                         @Schema(description = "In exports: the partner the purpose shares data with, if any")
                         @JsonInclude(JsonInclude.Include.NON_NULL) String partner) {

        Change withPurpose(LegalBasis basis, String partnerName) {
            return new Change(id, profileId, channel, address, purposeId, topicId, seq, outcome, requestedState, before, after,
                    capturedAt, recordedAt, source, actor, evidence, correlationId, basis, partnerName);
        }
    }

    public record ChangeList(List<Change> items) {
    }

    public record ContactPointQuery(String channel, String address, String profileId) {
    }

    public record ConsentRecord(String profileId, String channel, String address, String purposeId, String topicId,
                                ConsentState state, Instant capturedAt, Source source, Evidence evidence, long seq) {
    }

    public record ConsentRecordList(List<ConsentRecord> items) {
    }

    // decisions

    @Schema(description = "A message about to be sent. contactId names the CRM contact, so its legacy flags are checked.")
    public record DecisionRequest(String profileId, String purposeId, String topicId, String channel, String address,
                                  String contactId) {
    }

    @Schema(description = "One check of a decision. explanation (a sentence) is given by the explanation endpoint only.")
    public record Reason(Aspect aspect, boolean permits, ReasonCode code, String purposeId, String topicId,
                         EnforcementModel model, ConsentState state, String flag,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {
    }

    @Schema(description = "A decision, with the legal basis of the message's purpose and the partner it shares data with (if any).")
    public record Decision(boolean send, boolean track, List<Reason> reasons, LegalBasis legalBasis,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String partner) {
    }

    public record ConsultedRecord(String purposeId, String topicId, RecordState current) {
    }

    public record Explanation(boolean send, boolean track, List<Reason> reasons, List<ConsultedRecord> records,
                              Contact contact, boolean contactLevelConsentChecked, LegalBasis legalBasis,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String partner) {
    }

    @Schema(description = "One line of a batch answer: the decision and the codes of the checks that blocked, or a problem.")
    public record BatchDecision(long line, Boolean send, Boolean track, List<ReasonCode> blockedBy,
                                Map<String, Object> problem) {
    }

    // history

    public record RecordHistoryQuery(String profileId, String channel, String address, String purposeId, String topicId) {
    }

    public record ContactPointHistoryQuery(String channel, String address) {
    }

    @Schema(description = "Filters on the tenant's history, all optional: recorded in [from, to), one contact point "
            + "(channel and address together), profile, purpose, source, actor.")
    public record HistoryFilter(Instant from, Instant to, String channel, String address, String profileId, String purposeId,
                                Source source, String actor) {
    }

    public record HistoryPage(List<Change> items, String nextCursor) {
    }

    @Schema(description = "The record as the platform held it at the instant: the newest entry recorded at or before it. "
            + "state is null when the record had no entry yet (or stayed absent).")
    public record AsOf(Instant at, RecordState state, Long seq, String changeId) {
    }

    @Schema(description = "A record's hash chain checked: intact, or the first entry whose content, order or presence changed.")
    public record Verification(String profileId, String channel, String address, String purposeId, String topicId,
                               boolean intact, long checked, Long seq, String changeId, ChainVerification.Breach breach) {
    }

    @Schema(description = "Every record's chain checked, then each chain's end against the latest tenant checkpoint "
            + "(null before the first one): an entry cut off the end of a chain, or a whole record removed, is a breach.")
    public record TenantVerification(boolean intact, long records, long entries, List<Verification> breaches,
                                     Checkpoint checkpoint) {
    }

    @Schema(description = "A tenant checkpoint: the hash to compare with the one published on consent.checkpoints.v1, "
            + "outside the database; intact is false when its stored heads are not the ones it sealed.")
    public record Checkpoint(long number, Instant takenAt, long streams, String hash, boolean intact) {
    }

    @Schema(description = "A consent receipt: the compact RS256 JWS to keep or hand to the person, and its claims in clear.")
    public record Receipt(String jws, Map<String, Object> claims) {
    }

    @Schema(description = "Records of a series in each state, as counted from the change log")
    public record RecordCounts(long optedIn, long optedOut, long pendingConfirmation, long expired) {
    }

    @Schema(description = "One purpose (or topic) of a profile on one channel: its records by state and how many contact points "
            + "will be sent to (willSend/willNotSend) or, for the TRACKING purpose, tracked (willTrack/willNotTrack). Contact points "
            + "without a record are not counted: permittedWithoutRecord says what happens to them. overdueOptIns are opt-ins past "
            + "their lifetime not yet written down by the expiry job; they already count as absent. Contact-level and minor flags "
            + "are not in these figures.")
    public record ReachLine(String profileId, String purposeId, String topicId, String channel, Aspect aspect, EnforcementModel model,
                            LegalBasis legalBasis, @JsonInclude(JsonInclude.Include.NON_NULL) String partner, RecordCounts records,
                            long overdueOptIns, @JsonInclude(JsonInclude.Include.NON_NULL) Long willSend,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long willNotSend,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long willTrack,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long willNotTrack, boolean permittedWithoutRecord) {
    }

    public record ReachReport(Instant asOf, List<ReachLine> lines) {
    }

    public record DayLine(LocalDate day, long optIns, long optOuts, long expiries, long renewals) {
    }

    @Schema(description = "A series' figures per UTC day of capture; days without any are left out")
    public record DailySeries(String profileId, String purposeId, String topicId, String channel, List<DayLine> days) {
    }

    public record DailyReport(LocalDate from, LocalDate to, List<DailySeries> series) {
    }

    public record PartnerLine(String partner, List<ReachLine> purposes) {
    }

    public record PartnerReport(Instant asOf, List<PartnerLine> partners) {
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
