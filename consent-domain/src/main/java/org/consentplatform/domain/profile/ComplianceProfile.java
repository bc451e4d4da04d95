package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's consent configuration for one line of business. Invariants: purpose ids are
 * unique; there is at least one COMMERCIAL and one TRANSACTIONAL purpose and exactly one
 * TRACKING purpose (the one tracking decisions read); a purpose keeps its type for life;
 * default consents point at commercial purposes and keep their channels.
 */
public final class ComplianceProfile {

    private static final List<Channel> DEFAULT_CONSENT_CHANNELS = List.of(Channel.EMAIL, Channel.SMS, Channel.VOICE);

    private final TenantId tenant;
    private final TechnicalId id;
    private final String name;
    private final String companyAddress;
    private final List<Purpose> purposes;
    private final List<DefaultConsent> defaultConsents;
    private final DoubleOptInSettings doubleOptIn;
    private final Branding branding;
    private final SmsProgramme sms;
    private final List<Notice> notices;
    private final NoticePolicy noticePolicy;
    private final long version;

    private ComplianceProfile(TenantId tenant, TechnicalId id, String name, String companyAddress,
                              List<Purpose> purposes, List<DefaultConsent> defaultConsents, DoubleOptInSettings doubleOptIn,
                              Branding branding, SmsProgramme sms, List<Notice> notices, NoticePolicy noticePolicy, long version) {
        this.tenant = tenant;
        this.id = id;
        this.name = InvalidInputs.optionalText("name", name, 200);
        this.companyAddress = InvalidInputs.optionalText("companyAddress", companyAddress, 1000);
        this.purposes = List.copyOf(purposes);
        this.defaultConsents = List.copyOf(defaultConsents);
        this.doubleOptIn = doubleOptIn == null ? DoubleOptInSettings.DEFAULTS : doubleOptIn;
        this.branding = branding == null ? Branding.NONE : branding;
        this.sms = sms == null ? SmsProgramme.NONE : sms;
        this.notices = List.copyOf(notices == null ? List.of() : notices);
        this.noticePolicy = noticePolicy == null ? NoticePolicy.RECONSENT_REQUIRED : noticePolicy;
        this.version = version;
        checkInvariants();
    }

    /** A new profile: missing purpose types are added with their defaults, and the three default consents. */
    public static ComplianceProfile create(TenantId tenant, TechnicalId id, ProfileDefinition definition) {
        var purposes = new ArrayList<>(definition.purposes() == null ? List.of() : definition.purposes());
        Set<PurposeType> present = purposes.stream().map(Purpose::type).collect(Collectors.toSet());
        for (PurposeType type : PurposeType.values()) {
            if (!present.contains(type)) {
                purposes.add(Purpose.byDefault(type));
            }
        }
        List<DefaultConsent> defaultConsents = definition.defaultConsents() != null
                ? definition.defaultConsents()
                : defaultConsentsFor(purposes);
        return new ComplianceProfile(tenant, id, definition.name(), definition.companyAddress(), purposes,
                defaultConsents, definition.doubleOptIn(), definition.branding(), definition.sms(), definition.notices(),
                definition.noticePolicy(), 1);
    }

    public static ComplianceProfile reconstitute(TenantId tenant, TechnicalId id, String name, String companyAddress,
                                                 List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                                                 DoubleOptInSettings doubleOptIn, Branding branding, long version) {
        return reconstitute(tenant, id, name, companyAddress, purposes, defaultConsents, doubleOptIn, branding, null, null, null, version);
    }

    public static ComplianceProfile reconstitute(TenantId tenant, TechnicalId id, String name, String companyAddress,
                                                 List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                                                 DoubleOptInSettings doubleOptIn, Branding branding, SmsProgramme sms,
                                                 List<Notice> notices, NoticePolicy noticePolicy, long version) {
        return new ComplianceProfile(tenant, id, name, companyAddress, purposes, defaultConsents, doubleOptIn, branding, sms, notices,
                noticePolicy, version);
    }

    /**
     * Replaces the definition, if the caller saw the current version.
     *
     * @throws DomainRejection.ConcurrentChange when {@code expectedVersion} is not the current one
     */
    public ComplianceProfile revise(ProfileDefinition definition, long expectedVersion) {
        if (expectedVersion != version) {
            throw new DomainRejection.ConcurrentChange("profile '" + id + "' is at version " + version
                    + ", not " + expectedVersion + ": read it again and re-apply the change");
        }
        if (definition.purposes() == null) {
            throw InvalidInputs.required("purposes");
        }
        Map<TechnicalId, PurposeType> typeBefore = new HashMap<>();
        purposes.forEach(p -> typeBefore.put(p.id(), p.type()));
        for (Purpose purpose : definition.purposes()) {
            PurposeType before = typeBefore.get(purpose.id());
            if (before != null && before != purpose.type()) {
                throw new DomainRejection.RuleViolation("purpose-type-fixed", "purpose '" + purpose.id()
                        + "' is " + before + " and cannot become " + purpose.type()
                        + ": its records would change meaning; define a new purpose instead");
            }
        }
        List<DefaultConsent> consents = definition.defaultConsents() == null ? defaultConsents : definition.defaultConsents();
        Set<Channel> channelsBefore = defaultConsents.stream().map(DefaultConsent::channel).collect(Collectors.toSet());
        Set<Channel> channelsAfter = consents.stream().map(DefaultConsent::channel).collect(Collectors.toSet());
        if (!channelsBefore.equals(channelsAfter) || consents.size() != defaultConsents.size()) {
            throw new DomainRejection.RuleViolation("default-consent-channel-fixed",
                    "the default consents are one per channel " + channelsBefore
                            + ": their wording may change, their channels may not");
        }
        return new ComplianceProfile(tenant, id, definition.name(), definition.companyAddress(), definition.purposes(),
                consents, definition.doubleOptIn() == null ? doubleOptIn : definition.doubleOptIn(),
                definition.branding() == null ? branding : definition.branding(), definition.sms() == null ? sms : definition.sms(),
                keptNotices(definition.notices()), definition.noticePolicy() == null ? noticePolicy : definition.noticePolicy(), version + 1);
    }

    /** Notices left out of a revision stay as they are; the ones given keep every version published before. */
    private List<Notice> keptNotices(List<Notice> revised) {
        if (revised == null) {
            return notices;
        }
        for (Notice notice : notices) {
            Notice kept = revised.stream().filter(n -> n.id().equals(notice.id())).findFirst().orElseThrow(() ->
                    new DomainRejection.RuleViolation("notice-version-kept", "notice '" + notice.id()
                            + "' was published: it stays, with its versions; publish a new version instead"));
            notice.requireKept(kept);
        }
        return revised;
    }

    private static List<DefaultConsent> defaultConsentsFor(List<Purpose> purposes) {
        Purpose commercial = purposes.stream().filter(p -> p.type() == PurposeType.COMMERCIAL).findFirst().orElseThrow();
        var wording = Map.of(Channel.EMAIL, "Commercial information by email",
                Channel.SMS, "Commercial information by SMS",
                Channel.VOICE, "Commercial information by phone");
        return DEFAULT_CONSENT_CHANNELS.stream()
                .map(channel -> new DefaultConsent(channel, commercial.id(), wording.get(channel), "1", false))
                .toList();
    }

    private void checkInvariants() {
        var ids = new HashSet<TechnicalId>();
        var counts = new EnumMap<PurposeType, Integer>(PurposeType.class);
        for (Purpose purpose : purposes) {
            if (!ids.add(purpose.id())) {
                throw DomainRejection.InvalidInput.of("purposes", "purpose '" + purpose.id() + "' is defined twice");
            }
            counts.merge(purpose.type(), 1, Integer::sum);
        }
        if (counts.getOrDefault(PurposeType.COMMERCIAL, 0) == 0 || counts.getOrDefault(PurposeType.TRANSACTIONAL, 0) == 0
                || counts.getOrDefault(PurposeType.TRACKING, 0) != 1) {
            throw new DomainRejection.RuleViolation("purpose-types",
                    "a profile needs at least one COMMERCIAL and one TRANSACTIONAL purpose and exactly one TRACKING purpose");
        }
        var channels = new HashSet<Channel>();
        for (DefaultConsent consent : defaultConsents) {
            if (!channels.add(consent.channel())) {
                throw DomainRejection.InvalidInput.of("defaultConsents", "two default consents for " + consent.channel());
            }
            Optional<Purpose> purpose = purpose(consent.purposeId());
            if (purpose.isEmpty() || purpose.get().type() != PurposeType.COMMERCIAL) {
                throw new DomainRejection.RuleViolation("default-consent-purpose",
                        "default consent on " + consent.channel() + " must name a COMMERCIAL purpose of the profile");
            }
        }
        var noticeIds = new HashSet<TechnicalId>();
        var subjects = new HashSet<String>();
        for (Notice notice : notices) {
            if (!noticeIds.add(notice.id())) {
                throw DomainRejection.InvalidInput.of("notices", "notice '" + notice.id() + "' is defined twice");
            }
            Purpose purpose = purpose(notice.purposeId()).orElseThrow(() -> new DomainRejection.RuleViolation("notice-subject",
                    "notice '" + notice.id() + "' names purpose '" + notice.purposeId() + "', which the profile does not have"));
            if (notice.topicId() != null && purpose.topic(notice.topicId()).isEmpty()) {
                throw new DomainRejection.RuleViolation("notice-subject", "notice '" + notice.id() + "' names topic '" + notice.topicId()
                        + "', which purpose '" + purpose.id() + "' does not have");
            }
            if (!subjects.add(notice.purposeId() + "/" + notice.topicId())) {
                throw new DomainRejection.RuleViolation("notice-subject", "two notices are for purpose '" + notice.purposeId() + "'"
                        + (notice.topicId() == null ? "" : ", topic '" + notice.topicId() + "'") + ": one wording per purpose or topic");
            }
        }
    }

    /**
     * This profile as it would be with one purpose's model on one channel changed: what a dry run
     * compares against (nothing is stored).
     */
    public ComplianceProfile withModel(TechnicalId purposeId, Channel channel, EnforcementModel model) {
        Purpose changed = requirePurpose(purposeId);
        var models = new LinkedHashMap<>(changed.models());
        models.put(channel, model);
        List<Purpose> revised = purposes.stream().map(p -> p.id().equals(purposeId)
                ? new Purpose(p.id(), p.name(), p.type(), p.legalBasis(), models, p.topics(), p.doubleOptIn(), p.partner(), p.lifetime())
                : p).toList();
        return new ComplianceProfile(tenant, id, name, companyAddress, revised, defaultConsents, doubleOptIn, branding, sms, notices, noticePolicy,
                version);
    }

    /** Every purpose and channel where consent is the legal basis but no opt-in is needed to send. */
    public List<ComplianceWarning> complianceWarnings() {
        return purposes.stream().flatMap(purpose -> purpose.complianceWarnings().stream()).toList();
    }

    public Optional<Purpose> purpose(TechnicalId purposeId) {
        return purposes.stream().filter(p -> p.id().equals(purposeId)).findFirst();
    }

    public Purpose requirePurpose(TechnicalId purposeId) {
        return purpose(purposeId).orElseThrow(() -> new DomainRejection.NotFound(
                "purpose '" + purposeId + "' is not defined in profile '" + id + "'"));
    }

    public Purpose trackingPurpose() {
        return purposes.stream().filter(p -> p.type() == PurposeType.TRACKING).findFirst().orElseThrow();
    }

    /** Double opt-in is required by the purpose itself or by a default consent on the channel that names it. */
    public boolean requiresDoubleOptIn(Purpose purpose, Channel channel) {
        return purpose.requiresDoubleOptIn(channel) || defaultConsents.stream().anyMatch(consent ->
                consent.doubleOptIn() && consent.channel().equals(channel) && consent.purposeId().equals(purpose.id()));
    }

    public TenantId tenant() {
        return tenant;
    }

    public TechnicalId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String companyAddress() {
        return companyAddress;
    }

    public List<Purpose> purposes() {
        return purposes;
    }

    public List<DefaultConsent> defaultConsents() {
        return defaultConsents;
    }

    public DoubleOptInSettings doubleOptIn() {
        return doubleOptIn;
    }

    public Branding branding() {
        return branding;
    }

    /** The notices of its purposes and topics, each with its versions (§15). */
    public List<Notice> notices() {
        return notices;
    }

    public NoticePolicy noticePolicy() {
        return noticePolicy;
    }

    public Notice requireNotice(TechnicalId noticeId) {
        return notices.stream().filter(n -> n.id().equals(noticeId)).findFirst()
                .orElseThrow(() -> new DomainRejection.NotFound("profile '" + id + "' has no notice '" + noticeId + "'"));
    }

    /** A version by the reference a change's evidence keeps, {@code <notice id>@<version>}. */
    public Optional<NoticeVersion> noticeVersion(String reference) {
        return notices.stream().map(notice -> notice.versionNamed(reference)).flatMap(Optional::stream).findFirst();
    }

    /** This profile as it would be with one more version of a notice published: what a notice dry run compares against. */
    public ComplianceProfile withNoticeVersion(TechnicalId noticeId, NoticeVersion candidate) {
        Notice notice = requireNotice(noticeId);
        var versions = new ArrayList<>(notice.versions());
        versions.add(candidate);
        Notice published = new Notice(notice.id(), notice.purposeId(), notice.topicId(), versions);
        List<Notice> revised = notices.stream().map(n -> n.id().equals(noticeId) ? published : n).toList();
        return new ComplianceProfile(tenant, id, name, companyAddress, purposes, defaultConsents, doubleOptIn, branding, sms, revised,
                noticePolicy, version);
    }

    /** The wording a record's opt-in was given under: its topic's notice, else its purpose's. */
    public Optional<Notice> noticeFor(RecordKey key) {
        return noticeFor(key.purposeId(), key.topicId());
    }

    public Optional<Notice> noticeFor(TechnicalId purposeId, TechnicalId topicId) {
        Optional<Notice> own = notices.stream().filter(n -> n.purposeId().equals(purposeId) && Objects.equals(n.topicId(), topicId))
                .findFirst();
        return own.isPresent() || topicId == null ? own
                : notices.stream().filter(n -> n.purposeId().equals(purposeId) && n.topicId() == null).findFirst();
    }

    /**
     * Opt-ins of the purpose (or topic) captured before this count as absent at {@code now}: the
     * effective date of the material version of its notice in force, where consent is required
     * again; null when none applies (§15). Reports count with it, as decisions decide with
     * {@link #noticeSupersedes}.
     */
    public Instant supersededIfCapturedBefore(TechnicalId purposeId, TechnicalId topicId, Instant now) {
        if (noticePolicy != NoticePolicy.RECONSENT_REQUIRED) {
            return null;
        }
        return noticeFor(purposeId, topicId).flatMap(notice -> notice.materialInEffect(now)).map(NoticeVersion::effectiveAt).orElse(null);
    }

    /**
     * The notice version a capture says the person saw: it must be a version of the notice of the
     * record's purpose or topic (§15).
     *
     * @throws DomainRejection.RuleViolation {@code notice-unknown} otherwise
     */
    public NoticeVersion requireNoticeVersion(RecordKey key, TechnicalId noticeId, String version) {
        return requireNotice(key, noticeId).version(version).orElseThrow(() -> new DomainRejection.RuleViolation("notice-unknown",
                "notice '" + noticeId + "' has no version '" + version + "'"));
    }

    /** The capture's evidence, naming the version seen and the hash of its text (§15); refused as {@link #requireNoticeVersion}. */
    public Evidence withNoticeSeen(RecordKey key, TechnicalId noticeId, String version, Evidence evidence) {
        NoticeVersion seen = requireNoticeVersion(key, noticeId, version);
        return (evidence == null ? Evidence.NONE : evidence).withNotice(requireNotice(key, noticeId).reference(seen), seen.hash());
    }

    private Notice requireNotice(RecordKey key, TechnicalId noticeId) {
        return noticeFor(key).filter(n -> n.id().equals(noticeId)).orElseThrow(() -> new DomainRejection.RuleViolation(
                "notice-unknown", "notice '" + noticeId + "' is not the wording of purpose '" + key.purposeId() + "'"
                + (key.topicId() == null ? "" : " or topic '" + key.topicId() + "'") + " in profile '" + id + "'"));
    }

    /**
     * Whether an opt-in counts as absent because a material version of its notice took effect
     * after the version it was given under, and the profile requires consent again (§15).
     */
    public boolean noticeSupersedes(RecordKey key, RecordState state, Instant now) {
        if (noticePolicy != NoticePolicy.RECONSENT_REQUIRED || state == null || state.state() != ConsentState.OPTED_IN || now == null) {
            return false;
        }
        return noticeFor(key).flatMap(notice -> notice.materialInEffect(now)
                        .map(material -> notice.givenBefore(material, state.evidence() == null ? null : state.evidence().notice(),
                                state.capturedAt())))
                .orElse(false);
    }

    /** The tenant numbers bound to this profile and how they answer (§14). */
    public SmsProgramme sms() {
        return sms;
    }

    public long version() {
        return version;
    }
}
