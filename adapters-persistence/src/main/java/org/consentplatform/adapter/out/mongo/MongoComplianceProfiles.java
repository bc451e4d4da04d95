package org.consentplatform.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.Branding;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DefaultConsent;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.Notice;
import org.consentplatform.domain.profile.NoticePolicy;
import org.consentplatform.domain.profile.NoticeVersion;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.SmsKeyword;
import org.consentplatform.domain.profile.SmsNumber;
import org.consentplatform.domain.profile.SmsProgramme;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles, one document each, replaced only when the stored version is the one the revision
 * started from. User-chosen ids are values, never field names, so no id can address a field.
 * Profiles are read by every decision and change rarely, so they are kept for a short time
 * ({@code ttl}); this instance forgets one at once when it writes it, other instances within the ttl.
 */
public final class MongoComplianceProfiles implements ComplianceProfiles {

    private final MongoCollection<Document> profiles;
    private final ConfigurationCache<String, Optional<ComplianceProfile>> cache;

    public MongoComplianceProfiles(MongoStore store, Duration ttl) {
        this.profiles = store.collection(MongoStore.PROFILES);
        this.cache = new ConfigurationCache<>(ttl);
    }

    @Override
    public Optional<ComplianceProfile> find(TenantId tenant, TechnicalId profileId) {
        return cache.get(MongoStore.id(tenant, profileId.value()), id ->
                Optional.ofNullable(profiles.find(Filters.eq("_id", id)).first()).map(MongoComplianceProfiles::profile));
    }

    @Override
    public List<ComplianceProfile> all(TenantId tenant) {
        return profiles.find(Filters.eq("tenant", tenant.value())).sort(Sorts.ascending("profileId"))
                .map(MongoComplianceProfiles::profile).into(new ArrayList<>());
    }

    @Override
    public void add(ComplianceProfile profile) {
        cache.forget(MongoStore.id(profile.tenant(), profile.id().value()));
        try {
            profiles.insertOne(document(profile));
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new DomainRejection.AlreadyExists("profile '" + profile.id() + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public void replace(ComplianceProfile revised) {
        var result = profiles.replaceOne(Filters.and(Filters.eq("_id", MongoStore.id(revised.tenant(), revised.id().value())),
                Filters.eq("version", revised.version() - 1)), document(revised));
        cache.forget(MongoStore.id(revised.tenant(), revised.id().value()));
        if (result.getMatchedCount() == 0) {
            throw new DomainRejection.ConcurrentChange("profile '" + revised.id() + "' was changed by someone else: read it again");
        }
    }

    private static Document document(ComplianceProfile profile) {
        return new Document("_id", MongoStore.id(profile.tenant(), profile.id().value()))
                .append("tenant", profile.tenant().value())
                .append("profileId", profile.id().value())
                .append("version", profile.version())
                .append("name", profile.name())
                .append("companyAddress", profile.companyAddress())
                .append("purposes", profile.purposes().stream().map(MongoComplianceProfiles::purpose).toList())
                .append("defaultConsents", profile.defaultConsents().stream().map(c -> new Document("channel", c.channel().toString())
                        .append("purposeId", c.purposeId().value())
                        .append("wording", c.wording())
                        .append("wordingVersion", c.wordingVersion())
                        .append("doubleOptIn", c.doubleOptIn())).toList())
                .append("doubleOptIn", doubleOptIn(profile.doubleOptIn()))
                .append("branding", new Document("logoUrl", profile.branding().logoUrl() == null ? null : profile.branding().logoUrl().toString())
                        .append("colour", profile.branding().colour()))
                .append("sms", sms(profile.sms()))
                .append("notices", profile.notices().stream().map(MongoComplianceProfiles::notice).toList())
                .append("noticePolicy", profile.noticePolicy().name());
    }

    /** Texts as a list of {language, text}: a language is the tenant's word, a field name is the store's. */
    private static Document notice(Notice notice) {
        return new Document("id", notice.id().value())
                .append("purposeId", notice.purposeId().value())
                .append("topicId", notice.topicId() == null ? null : notice.topicId().value())
                .append("versions", notice.versions().stream().map(version -> new Document("version", version.version())
                        .append("effectiveAt", Date.from(version.effectiveAt()))
                        .append("material", version.material())
                        .append("texts", version.texts().entrySet().stream()
                                .map(text -> new Document("language", text.getKey()).append("text", text.getValue())).toList()))
                        .toList());
    }

    private static Notice notice(Document doc) {
        return new Notice(new TechnicalId(doc.getString("id")), new TechnicalId(doc.getString("purposeId")),
                doc.getString("topicId") == null ? null : new TechnicalId(doc.getString("topicId")),
                doc.getList("versions", Document.class).stream().map(version -> {
                    var texts = new LinkedHashMap<String, String>();
                    version.getList("texts", Document.class).forEach(text -> texts.put(text.getString("language"), text.getString("text")));
                    return new NoticeVersion(version.getString("version"), version.getDate("effectiveAt").toInstant(),
                            version.getBoolean("material", false), texts);
                }).toList());
    }

    /** Keywords as a list, not as field names: a word is the tenant's, a field name is the store's. */
    private static Document sms(SmsProgramme sms) {
        var keywords = new ArrayList<Document>();
        sms.keywords().forEach((language, words) -> words.forEach((word, meaning) ->
                keywords.add(new Document("language", language).append("word", word).append("meaning", meaning.name()))));
        var helpText = new ArrayList<Document>();
        sms.helpText().forEach((language, text) -> helpText.add(new Document("language", language).append("text", text)));
        return new Document("numbers", sms.numbers().stream()
                .map(number -> new Document("number", number.number()).append("language", number.language())).toList())
                .append("helpText", helpText)
                .append("keywords", keywords);
    }

    /** Profiles stored before SMS programmes existed have none. */
    private static SmsProgramme sms(Document doc) {
        if (doc == null) {
            return SmsProgramme.NONE;
        }
        var helpText = new LinkedHashMap<String, String>();
        doc.getList("helpText", Document.class, List.of()).forEach(text -> helpText.put(text.getString("language"), text.getString("text")));
        var keywords = new LinkedHashMap<String, Map<String, SmsKeyword>>();
        doc.getList("keywords", Document.class, List.of()).forEach(word -> keywords
                .computeIfAbsent(word.getString("language"), language -> new LinkedHashMap<>())
                .put(word.getString("word"), SmsKeyword.valueOf(word.getString("meaning"))));
        return new SmsProgramme(doc.getList("numbers", Document.class, List.of()).stream()
                .map(number -> new SmsNumber(number.getString("number"), number.getString("language"))).toList(), helpText, keywords);
    }

    /** Profiles stored before branding existed have none. */
    private static Branding branding(Document doc) {
        return doc == null ? Branding.NONE : new Branding(Branding.logo(doc.getString("logoUrl")), doc.getString("colour"));
    }

    private static Document doubleOptIn(DoubleOptInSettings settings) {
        return new Document("linkLifetime", settings.linkLifetime().toString())
                .append("senderAddress", settings.senderAddress())
                .append("senderName", settings.senderName())
                .append("redirectUrl", settings.redirectUrl() == null ? null : settings.redirectUrl().toString())
                .append("defaultLanguage", settings.defaultLanguage())
                .append("delivery", settings.delivery().name());
    }

    /** Profiles stored before these settings existed have the defaults. */
    private static DoubleOptInSettings doubleOptIn(Document doc) {
        if (doc == null) {
            return DoubleOptInSettings.DEFAULTS;
        }
        return new DoubleOptInSettings(Duration.parse(doc.getString("linkLifetime")), doc.getString("senderAddress"),
                doc.getString("senderName"), DoubleOptInSettings.redirect(doc.getString("redirectUrl")),
                doc.getString("defaultLanguage"), DoubleOptInSettings.Delivery.valueOf(doc.getString("delivery")));
    }

    private static Document purpose(Purpose purpose) {
        return new Document("id", purpose.id().value())
                .append("name", purpose.name())
                .append("type", purpose.type().name())
                .append("legalBasis", purpose.legalBasis().name())
                .append("models", purpose.models().entrySet().stream()
                        .map(e -> new Document("channel", e.getKey().toString()).append("model", e.getValue().name())).toList())
                .append("topics", purpose.topics().stream()
                        .map(t -> new Document("id", t.id().value()).append("name", t.name())).toList())
                .append("doubleOptIn", purpose.doubleOptIn())
                .append("partner", purpose.partner())
                .append("consentLifetime", purpose.lifetime().lifetime() == null ? null : purpose.lifetime().lifetime().toString())
                .append("renewOnEngagement", purpose.lifetime().renewOnEngagement());
    }

    private static ComplianceProfile profile(Document doc) {
        List<Purpose> purposes = doc.getList("purposes", Document.class).stream().map(p -> {
            Map<Channel, EnforcementModel> models = new LinkedHashMap<>();
            p.getList("models", Document.class).forEach(m ->
                    models.put(new Channel(new TechnicalId(m.getString("channel"))), EnforcementModel.valueOf(m.getString("model"))));
            return new Purpose(new TechnicalId(p.getString("id")), p.getString("name"), PurposeType.valueOf(p.getString("type")),
                    LegalBasis.valueOf(p.getString("legalBasis")), models,
                    p.getList("topics", Document.class).stream()
                            .map(t -> new Topic(new TechnicalId(t.getString("id")), t.getString("name"))).toList(),
                    p.getBoolean("doubleOptIn", false), p.getString("partner"),
                    new ConsentLifetime(ConsentLifetime.parse(p.getString("consentLifetime")), p.getBoolean("renewOnEngagement", false)));
        }).toList();
        List<DefaultConsent> consents = doc.getList("defaultConsents", Document.class).stream()
                .map(c -> new DefaultConsent(new Channel(new TechnicalId(c.getString("channel"))),
                        new TechnicalId(c.getString("purposeId")), c.getString("wording"), c.getString("wordingVersion"),
                        c.getBoolean("doubleOptIn", false)))
                .toList();
        return ComplianceProfile.reconstitute(new TenantId(doc.getString("tenant")), new TechnicalId(doc.getString("profileId")),
                doc.getString("name"), doc.getString("companyAddress"), purposes, consents,
                doubleOptIn(doc.get("doubleOptIn", Document.class)), branding(doc.get("branding", Document.class)),
                sms(doc.get("sms", Document.class)),
                doc.getList("notices", Document.class, List.of()).stream().map(MongoComplianceProfiles::notice).toList(),
                doc.getString("noticePolicy") == null ? null : NoticePolicy.valueOf(doc.getString("noticePolicy")), doc.getLong("version"));
    }
}
