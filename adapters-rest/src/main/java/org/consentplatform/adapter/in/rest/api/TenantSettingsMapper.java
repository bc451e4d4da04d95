package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.enforcement.ContactLevelSwitchImpact;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.tenant.TenantSettings;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface TenantSettingsMapper {

    @Mapping(target = "id", source = "channel")
    TenantSettingsJson.CustomChannel toApi(ChannelDefinition channel);

    @Mapping(target = "historyRetention", expression = "java(settings.historyRetention() == null ? null : settings.historyRetention().toString())")
    TenantSettingsJson.TenantSettings toApi(TenantSettings settings);

    default TenantSettings toDomain(TenantSettingsJson.TenantSettings settings) {
        List<ChannelDefinition> channels = settings.customChannels() == null ? List.of()
                : ValueMapping.indexed("customChannels", settings.customChannels(), channel -> new ChannelDefinition(
                        Channel.of("id", channel.id()), channel.name(), InvalidInputs.requireNonNull("addressFormat", channel.addressFormat())));
        return new TenantSettings(InvalidInputs.requireNonNull("checkContactLevelConsent", settings.checkContactLevelConsent()),
                InvalidInputs.requireNonNull("lowercaseWholeEmail", settings.lowercaseWholeEmail()),
                settings.defaultPhoneRegion(), channels, settings.ageOfDigitalConsent(), historyRetention(settings.historyRetention()),
                settings.honourGlobalPrivacyControl());
    }

    private static Period historyRetention(String raw) {
        try {
            return raw == null ? null : Period.parse(raw);
        } catch (DateTimeParseException e) {
            throw DomainRejection.InvalidInput.of("historyRetention", "must be an ISO 8601 period such as P3Y");
        }
    }

    default TenantSettingsJson.ContactLevelDryRun toApi(ContactLevelSwitchImpact impact) {
        return new TenantSettingsJson.ContactLevelDryRun(impact.from(), impact.to(), impact.contacts(),
                impact.counts().entrySet().stream().map(line -> new TenantSettingsJson.ContactLevelDryRunLine(
                        line.getKey().profileId().value(), line.getKey().purposeId().value(), line.getKey().aspect(),
                        line.getValue().sendToBlock(), line.getValue().blockToSend())).toList(),
                impact.sample().stream().map(flip -> new TenantSettingsJson.ContactLevelDryRunFlip(flip.contactId().value(),
                        flip.contactPoint().address(), flip.line().profileId().value(), flip.line().purposeId().value(),
                        flip.line().aspect(), flip.permittedBefore(), !flip.permittedBefore())).toList());
    }
}
