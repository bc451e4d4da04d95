package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.enforcement.ModelChangeImpact;
import org.consentplatform.domain.enforcement.NoticeChangeImpact;
import org.consentplatform.domain.profile.Branding;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ComplianceWarning;
import org.consentplatform.domain.profile.DefaultConsent;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.Notice;
import org.consentplatform.domain.profile.NoticePolicy;
import org.consentplatform.domain.profile.NoticeVersion;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.SmsKeyword;
import org.consentplatform.domain.profile.SmsNumber;
import org.consentplatform.domain.profile.SmsProgramme;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Profiles to and from their JSON; definitions go through the domain's factories, so every rule is checked. */
@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ProfileMapper {

    ProfileJson.Topic toApi(Topic topic);

    @Mapping(target = "consentLifetime", expression = "java(purpose.lifetime().lifetime() == null ? null : purpose.lifetime().lifetime().toString())")
    @Mapping(target = "renewOnEngagement", source = "lifetime.renewOnEngagement")
    ProfileJson.Purpose toApi(Purpose purpose);

    ProfileJson.DefaultConsent toApi(DefaultConsent consent);

    default ProfileJson.ComplianceWarning toApi(ComplianceWarning warning) {
        return new ProfileJson.ComplianceWarning(warning.purposeId().value(), warning.channel().toString(), warning.model(),
                warning.message());
    }

    default ProfileJson.Profile toApi(ComplianceProfile profile) {
        return new ProfileJson.Profile(profile.id().value(), profile.name(), profile.companyAddress(), profile.version(),
                profile.purposes().stream().map(this::toApi).toList(),
                profile.defaultConsents().stream().map(this::toApi).toList(), toApi(profile.doubleOptIn()),
                toApi(profile.branding()), toApi(profile.sms()), profile.notices().stream().map(ProfileMapper::toApi).toList(),
                profile.noticePolicy(), profile.complianceWarnings().stream().map(this::toApi).toList());
    }

    default ProfileJson.NoticeDryRun toApi(NoticeChangeImpact impact) {
        return new ProfileJson.NoticeDryRun(impact.notice().id().value(), impact.candidate().version(), impact.candidate().material(),
                impact.noticePolicy(), impact.at(), impact.evaluated(), impact.optInsStopped(), impact.contactPointsStopped(),
                impact.sample().stream().map(key -> new ProfileJson.NoticeDryRunLine(key.contactPoint().channel().toString(),
                        key.contactPoint().address(), key.purposeId().value(), ValueMapping.map(key.topicId()))).toList());
    }

    default ProfileJson.Reconsent toApi(ManageProfiles.Reconsent line) {
        RecordKey key = line.record();
        return new ProfileJson.Reconsent(key.contactPoint().channel().toString(), key.contactPoint().address(), key.purposeId().value(),
                ValueMapping.map(key.topicId()), line.state().capturedAt(),
                line.state().evidence() == null ? null : line.state().evidence().notice());
    }

    /** A version proposed to a dry run. */
    default NoticeVersion toDomain(ProfileJson.NoticeVersion version) {
        return version(version);
    }

    private static ProfileJson.Notice toApi(Notice notice) {
        return new ProfileJson.Notice(notice.id().value(), notice.purposeId().value(), ValueMapping.map(notice.topicId()),
                notice.versions().stream().map(v -> new ProfileJson.NoticeVersion(v.version(), v.effectiveAt(), v.material(), v.texts(),
                        v.hash())).toList());
    }

    private static Notice toDomain(ProfileJson.Notice notice) {
        var input = new InputCheck();
        TechnicalId id = input.id("id", notice.id());
        TechnicalId purposeId = input.id("purposeId", notice.purposeId());
        TechnicalId topicId = input.optionalId("topicId", notice.topicId());
        input.verify();
        return new Notice(id, purposeId, topicId, notice.versions() == null ? null : ValueMapping.indexed("versions", notice.versions(),
                ProfileMapper::version));
    }

    private static NoticeVersion version(ProfileJson.NoticeVersion version) {
        return new NoticeVersion(version.version(), version.effectiveAt(), version.material(), version.texts());
    }

    default ProfileJson.Sms toApi(SmsProgramme sms) {
        var keywords = new TreeMap<String, Map<String, String>>();
        sms.keywords().forEach((language, words) -> {
            var table = new TreeMap<String, String>();
            words.forEach((word, meaning) -> table.put(word, meaning.name()));
            keywords.put(language, table);
        });
        return new ProfileJson.Sms(sms.numbers().stream().map(n -> new ProfileJson.SmsNumber(n.number(), n.language())).toList(),
                new TreeMap<>(sms.helpText()), keywords);
    }

    default SmsProgramme toDomain(ProfileJson.Sms sms) {
        var keywords = new LinkedHashMap<String, Map<String, SmsKeyword>>();
        (sms.keywords() == null ? Map.<String, Map<String, String>>of() : sms.keywords()).forEach((language, words) -> {
            var table = new LinkedHashMap<String, SmsKeyword>();
            (words == null ? Map.<String, String>of() : words).forEach((word, meaning) -> table.put(word, keyword(language, meaning)));
            keywords.put(language, table);
        });
        return new SmsProgramme(sms.numbers() == null ? null : ValueMapping.indexed("sms.numbers", sms.numbers(),
                number -> new SmsNumber(number.number(), number.language())), sms.helpText(), keywords);
    }

    private static SmsKeyword keyword(String language, String meaning) {
        try {
            return SmsKeyword.valueOf(InvalidInputs.requiredText("sms.keywords." + language, meaning, 8));
        } catch (IllegalArgumentException e) {
            throw DomainRejection.InvalidInput.of("sms.keywords." + language, "a keyword means STOP, START or HELP");
        }
    }

    default ProfileJson.Branding toApi(Branding branding) {
        return new ProfileJson.Branding(branding.logoUrl() == null ? null : branding.logoUrl().toString(), branding.colour());
    }

    default ProfileJson.DoubleOptIn toApi(DoubleOptInSettings settings) {
        return new ProfileJson.DoubleOptIn(settings.linkLifetime().toString(), settings.senderAddress(), settings.senderName(),
                settings.redirectUrl() == null ? null : settings.redirectUrl().toString(), settings.defaultLanguage(),
                settings.delivery());
    }

    default ManageProfiles.ModelChange toCommand(ProfileJson.DryRunRequest request) {
        var input = new InputCheck();
        TechnicalId purposeId = input.id("purposeId", request.purposeId());
        Channel channel = input.attempt(() -> Channel.of("channel", request.channel()));
        EnforcementModel model = input.required("model", request.model());
        input.verify();
        return new ManageProfiles.ModelChange(purposeId, channel, model);
    }

    default ProfileJson.DryRun toApi(ModelChangeImpact impact) {
        return new ProfileJson.DryRun(impact.purposeId().value(), impact.channel().toString(), impact.from(), impact.to(),
                impact.evaluated(), impact.sendToBlock(), impact.blockToSend(),
                impact.evaluated() - impact.sendToBlock() - impact.blockToSend(),
                new ProfileJson.DryRunVerdicts(impact.sendsWithoutRecordBefore(), impact.sendsWithoutRecordAfter()),
                impact.sample().stream().map(flip -> new ProfileJson.DryRunFlip(flip.record().contactPoint().channel().toString(),
                        flip.record().contactPoint().address(), ValueMapping.map(flip.record().topicId()),
                        flip.sendsBefore(), flip.sendsAfter())).toList());
    }

    default ProfileDefinition toDomain(ProfileJson.NewProfile profile) {
        return toDomain(profile.name(), profile.companyAddress(), profile.purposes(), profile.defaultConsents(),
                profile.doubleOptIn(), profile.branding(), profile.sms(), profile.notices(), profile.noticePolicy());
    }

    default ProfileDefinition toDomain(ProfileJson.ProfileRevision revision) {
        InvalidInputs.requireNonNull("purposes", revision.purposes());
        return toDomain(revision.name(), revision.companyAddress(), revision.purposes(), revision.defaultConsents(),
                revision.doubleOptIn(), revision.branding(), revision.sms(), revision.notices(), revision.noticePolicy());
    }

    private ProfileDefinition toDomain(String name, String companyAddress, List<ProfileJson.Purpose> purposes,
                                       List<ProfileJson.DefaultConsent> defaultConsents, ProfileJson.DoubleOptIn doubleOptIn,
                                       ProfileJson.Branding branding, ProfileJson.Sms sms, List<ProfileJson.Notice> notices,
                                       NoticePolicy noticePolicy) {
        return new ProfileDefinition(name, companyAddress,
                purposes == null ? null : ValueMapping.indexed("purposes", purposes, this::toDomain),
                defaultConsents == null ? null : ValueMapping.indexed("defaultConsents", defaultConsents, this::toDomain),
                doubleOptIn == null ? null : toDomain(doubleOptIn),
                branding == null ? null : new Branding(Branding.logo(branding.logoUrl()), branding.colour()),
                sms == null ? null : toDomain(sms),
                notices == null ? null : ValueMapping.indexed("notices", notices, ProfileMapper::toDomain), noticePolicy);
    }

    default DoubleOptInSettings toDomain(ProfileJson.DoubleOptIn settings) {
        Duration lifetime;
        try {
            lifetime = settings.linkLifetime() == null ? null : Duration.parse(settings.linkLifetime());
        } catch (DateTimeParseException e) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.linkLifetime", "must be an ISO 8601 duration such as PT72H");
        }
        return new DoubleOptInSettings(lifetime, settings.senderAddress(), settings.senderName(),
                DoubleOptInSettings.redirect(settings.redirectUrl()), settings.defaultLanguage(), settings.delivery());
    }

    default Purpose toDomain(ProfileJson.Purpose purpose) {
        Map<Channel, EnforcementModel> models = new LinkedHashMap<>();
        if (purpose.models() != null) {
            purpose.models().forEach((channel, model) ->
                    models.put(Channel.of("models", channel), InvalidInputs.requireNonNull("models." + channel, model)));
        }
        List<Topic> topics = purpose.topics() == null ? List.of()
                : ValueMapping.indexed("topics", purpose.topics(), t -> new Topic(TechnicalId.parse("id", t.id()), t.name()));
        return Purpose.define(TechnicalId.parse("id", purpose.id()), purpose.name(),
                InvalidInputs.requireNonNull("type", purpose.type()), purpose.legalBasis(), models, topics,
                Boolean.TRUE.equals(purpose.doubleOptIn()), purpose.partner(),
                new ConsentLifetime(ConsentLifetime.parse(purpose.consentLifetime()), Boolean.TRUE.equals(purpose.renewOnEngagement())));
    }

    default DefaultConsent toDomain(ProfileJson.DefaultConsent consent) {
        return new DefaultConsent(Channel.of("channel", consent.channel()), TechnicalId.parse("purposeId", consent.purposeId()),
                consent.wording(), consent.wordingVersion(), Boolean.TRUE.equals(consent.doubleOptIn()));
    }
}
