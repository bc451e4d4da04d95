package org.consentplatform.adapter.in.rest;

import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.DecideMessages;
import org.consentplatform.application.port.in.DecisionQuery;
import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.enforcement.Reason;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DefaultConsent;
import org.consentplatform.domain.profile.Branding;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantSettings;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps API shapes to commands and domain objects (through the domain's factories, so every
 * rule is checked) and domain objects back to API shapes.
 */
@Mapper(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface RestMapper {

    // identifiers and value objects

    default String map(TechnicalId id) {
        return id == null ? null : id.value();
    }

    default String map(Channel channel) {
        return channel == null ? null : channel.toString();
    }

    // domain → API

    @Mapping(target = "id", source = "channel")
    Api.CustomChannel toApi(ChannelDefinition channel);

    Api.TenantSettings toApi(TenantSettings settings);

    Api.Topic toApi(Topic topic);

    @Mapping(target = "consentLifetime", expression = "java(purpose.lifetime().lifetime() == null ? null : purpose.lifetime().lifetime().toString())")
    @Mapping(target = "renewOnEngagement", source = "lifetime.renewOnEngagement")
    Api.Purpose toApi(Purpose purpose);

    Api.DefaultConsent toApi(DefaultConsent consent);

    default Api.Profile toApi(ComplianceProfile profile) {
        return new Api.Profile(profile.id().value(), profile.name(), profile.companyAddress(), profile.version(),
                profile.purposes().stream().map(this::toApi).toList(),
                profile.defaultConsents().stream().map(this::toApi).toList(), toApi(profile.doubleOptIn()), toApi(profile.branding()),
                profile.complianceWarnings().stream().map(w -> new Api.ComplianceWarning(w.purposeId().value(),
                        w.channel().toString(), w.model(), w.message())).toList());
    }

    default Api.Branding toApi(Branding branding) {
        return new Api.Branding(branding.logoUrl() == null ? null : branding.logoUrl().toString(), branding.colour());
    }

    default Api.DoubleOptIn toApi(DoubleOptInSettings settings) {
        return new Api.DoubleOptIn(settings.linkLifetime().toString(), settings.senderAddress(), settings.senderName(),
                settings.redirectUrl() == null ? null : settings.redirectUrl().toString(), settings.defaultLanguage(),
                settings.delivery());
    }

    Api.ContactPoint toApi(ContactPoint contactPoint);

    Api.LegacyFlags toApi(LegacyFlags flags);

    @Mapping(target = "entityType", source = "type")
    Api.Contact toApi(Contact contact);

    Api.Evidence toApi(Evidence evidence);

    Api.RecordState toApi(RecordState state);

    @Mapping(target = "profileId", source = "key.profileId")
    @Mapping(target = "channel", source = "key.contactPoint.channel")
    @Mapping(target = "address", source = "key.contactPoint.address")
    @Mapping(target = "purposeId", source = "key.purposeId")
    @Mapping(target = "topicId", source = "key.topicId")
    @Mapping(target = "actor", source = "actor.id")
    @Mapping(target = "legalBasis", ignore = true)
    @Mapping(target = "partner", ignore = true)
    Api.Change toApi(ConsentChange change);

    default Api.Change toApi(ReadHistory.ExportedChange line) {
        return toApi(line.change()).withPurpose(line.legalBasis(), line.partner());
    }

    default Api.ConsentRecord toApi(ConsentRecord record) {
        RecordState state = record.current().orElseThrow();
        return new Api.ConsentRecord(record.key().profileId().value(), record.key().contactPoint().channel().toString(),
                record.key().contactPoint().address(), record.key().purposeId().value(), map(record.key().topicId()),
                state.state(), state.capturedAt(), state.source(), toApi(state.evidence()), record.seq());
    }

    @Mapping(target = "purposeId", source = "record.purposeId")
    @Mapping(target = "topicId", source = "record.topicId")
    @Mapping(target = "explanation", expression = "java(reason.explanation())")
    @Named("explained")
    Api.Reason toApi(Reason reason);

    /** Structured reasons only: the sentences are the explanation endpoint's, and cost time on the hot path. */
    @Mapping(target = "purposeId", source = "record.purposeId")
    @Mapping(target = "topicId", source = "record.topicId")
    @Mapping(target = "explanation", ignore = true)
    @Named("structured")
    Api.Reason toStructured(Reason reason);

    default Api.Decision toApi(Decision decision) {
        return new Api.Decision(decision.send(), decision.track(), decision.reasons().stream().map(this::toStructured).toList(),
                decision.legalBasis(), decision.partner());
    }

    default Api.Explanation toApi(DecideMessages.Explanation explanation) {
        Decision decision = explanation.decision();
        return new Api.Explanation(decision.send(), decision.track(), decision.reasons().stream().map(this::toApi).toList(),
                explanation.records().stream().map(r -> new Api.ConsultedRecord(r.key().purposeId().value(),
                        map(r.key().topicId()), toApi(r.state()))).toList(),
                explanation.contact() == null ? null : toApi(explanation.contact()),
                explanation.contactLevelConsentChecked(), decision.legalBasis(), decision.partner());
    }

    @Mapping(target = "profileId", source = "key.profileId")
    @Mapping(target = "channel", source = "key.contactPoint.channel")
    @Mapping(target = "address", source = "key.contactPoint.address")
    @Mapping(target = "purposeId", source = "key.purposeId")
    @Mapping(target = "topicId", source = "key.topicId")
    Api.Verification toApi(ChainVerification verification);

    Api.TenantVerification toApi(ReadHistory.TenantVerification verification);

    default Api.AsOf asOf(java.time.Instant at, ConsentChange change) {
        return change == null ? new Api.AsOf(at, null, null, null)
                : new Api.AsOf(at, toApi(change.after()), change.seq(), change.id());
    }

    // API → commands and domain

    DecisionQuery toQuery(Api.DecisionRequest request);

    ReadHistory.RecordQuery toQuery(Api.RecordHistoryQuery query);

    ReadHistory.HistoryFilter toFilter(Api.HistoryFilter filter);

    default Evidence toDomain(Api.Evidence evidence) {
        return evidence == null ? Evidence.NONE
                : new Evidence(evidence.wordingVersion(), evidence.formId(), evidence.clientAddress(), evidence.userAgent(),
                evidence.guardian());
    }

    CaptureConsent.CaptureCommand toCommand(Api.Capture capture);

    CaptureConsent.EngagementCommand toCommand(Api.Engagement engagement);

    default TenantSettings toDomain(Api.TenantSettings settings) {
        var channels = new ArrayList<ChannelDefinition>();
        List<Api.CustomChannel> custom = settings.customChannels() == null ? List.of() : settings.customChannels();
        for (int i = 0; i < custom.size(); i++) {
            Api.CustomChannel channel = custom.get(i);
            String field = "customChannels[" + i + "]";
            channels.add(new ChannelDefinition(Channel.of(field + ".id", channel.id()), channel.name(),
                    InvalidInputs.requireNonNull(field + ".addressFormat", channel.addressFormat())));
        }
        return new TenantSettings(InvalidInputs.requireNonNull("checkContactLevelConsent", settings.checkContactLevelConsent()),
                InvalidInputs.requireNonNull("lowercaseWholeEmail", settings.lowercaseWholeEmail()),
                settings.defaultPhoneRegion(), channels, settings.ageOfDigitalConsent());
    }

    default ProfileDefinition toDomain(String name, String companyAddress, List<Api.Purpose> purposes,
                                       List<Api.DefaultConsent> defaultConsents, Api.DoubleOptIn doubleOptIn,
                                       Api.Branding branding) {
        return new ProfileDefinition(name, companyAddress,
                purposes == null ? null : indexed("purposes", purposes, this::toDomain),
                defaultConsents == null ? null : indexed("defaultConsents", defaultConsents, this::toDomain),
                doubleOptIn == null ? null : toDomain(doubleOptIn),
                branding == null ? null : new Branding(Branding.logo(branding.logoUrl()), branding.colour()));
    }

    default DoubleOptInSettings toDomain(Api.DoubleOptIn settings) {
        Duration lifetime;
        try {
            lifetime = settings.linkLifetime() == null ? null : Duration.parse(settings.linkLifetime());
        } catch (DateTimeParseException e) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.linkLifetime", "must be an ISO 8601 duration such as PT72H");
        }
        return new DoubleOptInSettings(lifetime, settings.senderAddress(), settings.senderName(),
                DoubleOptInSettings.redirect(settings.redirectUrl()), settings.defaultLanguage(), settings.delivery());
    }

    default Purpose toDomain(Api.Purpose purpose) {
        Map<Channel, EnforcementModel> models = new LinkedHashMap<>();
        if (purpose.models() != null) {
            purpose.models().forEach((channel, model) ->
                    models.put(Channel.of("models", channel), InvalidInputs.requireNonNull("models." + channel, model)));
        }
        List<Topic> topics = purpose.topics() == null ? List.of()
                : purpose.topics().stream().map(t -> new Topic(TechnicalId.parse("topics.id", t.id()), t.name())).toList();
        return Purpose.define(TechnicalId.parse("id", purpose.id()), purpose.name(),
                InvalidInputs.requireNonNull("type", purpose.type()), purpose.legalBasis(), models, topics,
                Boolean.TRUE.equals(purpose.doubleOptIn()), purpose.partner(),
                new ConsentLifetime(ConsentLifetime.parse(purpose.consentLifetime()), Boolean.TRUE.equals(purpose.renewOnEngagement())));
    }

    default DefaultConsent toDomain(Api.DefaultConsent consent) {
        return new DefaultConsent(Channel.of("channel", consent.channel()), TechnicalId.parse("purposeId", consent.purposeId()),
                consent.wording(), consent.wordingVersion(), Boolean.TRUE.equals(consent.doubleOptIn()));
    }

    default ManageContacts.ContactCommand toCommand(String contactId, Api.ContactUpsert contact) {
        Api.LegacyFlags flags = contact.flags();
        return new ManageContacts.ContactCommand(TechnicalId.parse("contactId", contactId),
                InvalidInputs.requireNonNull("entityType", contact.entityType()),
                flags == null ? LegacyFlags.NONE : new LegacyFlags(Boolean.TRUE.equals(flags.doNotEmail()),
                        Boolean.TRUE.equals(flags.doNotBulkEmail()), Boolean.TRUE.equals(flags.doNotTrack())),
                contact.contactPoints() == null ? List.of() : contact.contactPoints().stream()
                        .map(cp -> new ManageContacts.RawContactPoint(cp.channel(), cp.address())).toList());
    }

    /** Maps each element, naming its position in any rejection. */
    private static <A, D> List<D> indexed(String field, List<A> items, java.util.function.Function<A, D> mapping) {
        var mapped = new ArrayList<D>(items.size());
        for (int i = 0; i < items.size(); i++) {
            A item = items.get(i);
            if (item == null) {
                throw new DomainRejection.InvalidInput(List.of(new Violation(field + "[" + i + "]", "must not be null")));
            }
            try {
                mapped.add(mapping.apply(item));
            } catch (DomainRejection.InvalidInput e) {
                throw e.prefixed(field + "[" + i + "]");
            }
        }
        return mapped;
    }
}
