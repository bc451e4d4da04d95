package org.consentplatform.domain.tenant;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.NormalisationRules;
import org.consentplatform.domain.contactpoint.PhoneNumbers;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tenant-wide switches and the tenant's custom channels.
 *
 * @param checkContactLevelConsent also check the legacy contact flags (domain rules §4); on while a tenant migrates
 * @param lowercaseWholeEmail      lower-case the local part of email addresses too, not only the domain
 * @param defaultPhoneRegion       ISO 3166 region for phone numbers written without a country code; null: require "+"
 * @param customChannels           channels the tenant defines besides EMAIL, SMS, VOICE and POSTAL
 * @param ageOfDigitalConsent      below it a person's opt-in needs a parent or guardian (GDPR Art. 8: 13 to 16, default 16)
 * @param historyRetention         how long the history keeps a contact point's address once nothing changed for it: past
 *                                 it, the address is destroyed (its data key), the entries stay by pseudonym and still
 *                                 verify, and its consent still decides (§13); null keeps addresses as long as the history
 * @param honourGlobalPrivacyControl whether a preference-center or web-form request carrying Global Privacy Control
 *                                 ({@code Sec-GPC: 1}) withdraws every partner purpose (§14); on unless the tenant, as a
 *                                 legal choice of its own, turns it off
 */
public record TenantSettings(boolean checkContactLevelConsent, boolean lowercaseWholeEmail, String defaultPhoneRegion,
                             List<ChannelDefinition> customChannels, Integer ageOfDigitalConsent, Period historyRetention,
                             Boolean honourGlobalPrivacyControl) {

    public static final int DEFAULT_AGE_OF_DIGITAL_CONSENT = 16;
    public static final TenantSettings DEFAULTS = new TenantSettings(true, true, null, List.of());
    /** The shortest history retention: shorter, a person's address would go before any dispute about their consent. */
    public static final Period MIN_HISTORY_RETENTION = Period.ofDays(30);
    public static final Period MAX_HISTORY_RETENTION = Period.ofYears(100);

    public TenantSettings(boolean checkContactLevelConsent, boolean lowercaseWholeEmail, String defaultPhoneRegion,
                          List<ChannelDefinition> customChannels) {
        this(checkContactLevelConsent, lowercaseWholeEmail, defaultPhoneRegion, customChannels, null, null);
    }

    public TenantSettings(boolean checkContactLevelConsent, boolean lowercaseWholeEmail, String defaultPhoneRegion,
                          List<ChannelDefinition> customChannels, Integer ageOfDigitalConsent) {
        this(checkContactLevelConsent, lowercaseWholeEmail, defaultPhoneRegion, customChannels, ageOfDigitalConsent, null);
    }

    public TenantSettings(boolean checkContactLevelConsent, boolean lowercaseWholeEmail, String defaultPhoneRegion,
                          List<ChannelDefinition> customChannels, Integer ageOfDigitalConsent, Period historyRetention) {
        this(checkContactLevelConsent, lowercaseWholeEmail, defaultPhoneRegion, customChannels, ageOfDigitalConsent, historyRetention,
                null);
    }

    public TenantSettings {
        if (historyRetention != null && (historyRetention.isNegative() || approximateDays(historyRetention) < approximateDays(
                MIN_HISTORY_RETENTION) || approximateDays(historyRetention) > approximateDays(MAX_HISTORY_RETENTION))) {
            throw DomainRejection.InvalidInput.of("historyRetention", "must be a period from P30D to P100Y, or left out");
        }
        ageOfDigitalConsent = ageOfDigitalConsent == null ? DEFAULT_AGE_OF_DIGITAL_CONSENT : ageOfDigitalConsent;
        honourGlobalPrivacyControl = honourGlobalPrivacyControl == null || honourGlobalPrivacyControl;
        if (ageOfDigitalConsent < 13 || ageOfDigitalConsent > 16) {
            throw DomainRejection.InvalidInput.of("ageOfDigitalConsent", "must be from 13 to 16 (GDPR Art. 8)");
        }
        if (defaultPhoneRegion != null) {
            defaultPhoneRegion = PhoneNumbers.requireKnownRegion("defaultPhoneRegion", defaultPhoneRegion);
        }
        customChannels = List.copyOf(customChannels == null ? List.of() : customChannels);
        var seen = new HashSet<Channel>();
        for (ChannelDefinition definition : customChannels) {
            if (definition.channel().isBuiltIn()) {
                throw new DomainRejection.RuleViolation("custom-channel-is-built-in",
                        "'" + definition.channel() + "' is a built-in channel and cannot be redefined");
            }
            if (!seen.add(definition.channel())) {
                throw DomainRejection.InvalidInput.of("customChannels", "channel '" + definition.channel() + "' is defined twice");
            }
        }
    }

    public NormalisationRules normalisationRules() {
        return new NormalisationRules(lowercaseWholeEmail, defaultPhoneRegion);
    }

    /** Every channel the tenant can send on: the built-in ones, then its custom ones. */
    public List<ChannelDefinition> channels() {
        return Stream.concat(Channel.BUILT_IN.stream().map(ChannelDefinition::builtIn), customChannels.stream()).toList();
    }

    public Optional<ChannelDefinition> channel(Channel channel) {
        return channels().stream().filter(c -> c.channel().equals(channel)).findFirst();
    }

    /** Parses and normalises a caller's (channel, address) pair; unknown channels are refused. */
    public ContactPoint contactPoint(String rawChannel, String rawAddress) {
        return contactPoint(Channel.of("channel", rawChannel), rawAddress);
    }

    /** Normalises a contact point as written by the tenant's rules; channels the tenant lacks are refused. */
    public ContactPoint contactPoint(RawContactPoint written) {
        return contactPoint(written.channel(), written.address());
    }

    private ContactPoint contactPoint(Channel channel, String rawAddress) {
        ChannelDefinition definition = channel(channel).orElseThrow(() -> DomainRejection.InvalidInput.of("channel",
                "'" + channel + "' is neither a built-in channel nor one of the tenant's custom channels"));
        return ContactPoint.normalise(definition, rawAddress, normalisationRules());
    }

    /** The same settings with the contact-level checks (§4) on or off. */
    public TenantSettings withContactLevelConsent(boolean check) {
        return new TenantSettings(check, lowercaseWholeEmail, defaultPhoneRegion, customChannels, ageOfDigitalConsent, historyRetention,
                honourGlobalPrivacyControl);
    }

    /**
     * Contact points whose newest change is older than this have their address destroyed (§13);
     * empty when the tenant keeps addresses as long as the history.
     */
    public Optional<Instant> addressesKeptAfter(Instant now) {
        return Optional.ofNullable(historyRetention).map(period -> now.atZone(ZoneOffset.UTC).minus(period).toInstant());
    }

    private static long approximateDays(Period period) {
        return period.getYears() * 366L + period.getMonths() * 31L + period.getDays();
    }
}
