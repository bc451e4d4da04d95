package org.consentplatform.adapter.in.console.pages;

import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.profile.Branding;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The profile editor's fields as text, whether read from a stored profile or sent back by the
 * browser, so that a refused or dry-run submission shows the operator exactly what they wrote.
 * Parsing turns them into the domain's definition; the domain then checks it.
 */
public record ProfileForm(String name, String companyAddress, long version, List<PurposeForm> purposes, Mailing mailing) {

    /**
     * The double opt-in mail and the recipient pages' brand.
     *
     * @param linkLifetime an ISO 8601 duration such as PT72H
     */
    public record Mailing(String linkLifetime, String senderAddress, String senderName, String redirectUrl, String defaultLanguage,
                          String delivery, String logoUrl, String colour) {

        static Mailing of(DoubleOptInSettings settings, Branding branding) {
            return new Mailing(settings.linkLifetime().toString(), text(settings.senderAddress()), text(settings.senderName()),
                    settings.redirectUrl() == null ? "" : settings.redirectUrl().toString(), settings.defaultLanguage(),
                    settings.delivery().name(), branding.logoUrl() == null ? "" : branding.logoUrl().toString(),
                    branding.colour() == null ? "" : branding.colour());
        }

        static Mailing of(Map<String, String> fields) {
            return new Mailing(fields.getOrDefault("doi.linkLifetime", ""), fields.getOrDefault("doi.senderAddress", ""),
                    fields.getOrDefault("doi.senderName", ""), fields.getOrDefault("doi.redirectUrl", ""),
                    fields.getOrDefault("doi.defaultLanguage", ""), fields.getOrDefault("doi.delivery", ""),
                    fields.getOrDefault("branding.logoUrl", ""), fields.getOrDefault("branding.colour", ""));
        }

        DoubleOptInSettings doubleOptIn(InputCheck input) {
            Duration lifetime = null;
            if (!linkLifetime.isBlank()) {
                try {
                    lifetime = Duration.parse(linkLifetime.strip());
                } catch (DateTimeParseException e) {
                    input.refuse("doubleOptIn.linkLifetime", "must be an ISO 8601 duration such as PT72H");
                }
            }
            Duration parsedLifetime = lifetime;
            DoubleOptInSettings.Delivery deliveryValue = FormValues.named(input, "doubleOptIn.delivery", DoubleOptInSettings.Delivery.class, delivery);
            return input.attempt(() -> new DoubleOptInSettings(parsedLifetime, blankToNull(senderAddress), blankToNull(senderName),
                    DoubleOptInSettings.redirect(blankToNull(redirectUrl)), blankToNull(defaultLanguage), deliveryValue));
        }

        Branding branding(InputCheck input) {
            return input.attempt(() -> new Branding(Branding.logo(blankToNull(logoUrl)), blankToNull(colour)));
        }
    }

    /**
     * One purpose's fields; {@code models} maps a channel to a model name, or to "" for none.
     *
     * @param existing whether the profile has it already (its id and type are then fixed)
     * @param topics   one topic per line, {@code id = name}
     */
    public record PurposeForm(int index, String id, boolean existing, String type, String name, String legalBasis, String partner,
                              String lifetime, boolean renewOnEngagement, boolean doubleOptIn, String topics,
                              Map<String, String> models) {
    }

    static ProfileForm of(ComplianceProfile profile, List<ChannelDefinition> channels) {
        var purposes = new ArrayList<PurposeForm>();
        for (Purpose purpose : profile.purposes()) {
            var models = new LinkedHashMap<String, String>();
            channels.forEach(channel -> models.put(channel.channel().toString(),
                    purpose.modelFor(channel.channel()).map(Enum::name).orElse("")));
            purposes.add(new PurposeForm(purposes.size(), purpose.id().value(), true, purpose.type().name(), text(purpose.name()),
                    purpose.legalBasis().name(), text(purpose.partner()),
                    purpose.lifetime().lifetime() == null ? "" : purpose.lifetime().lifetime().toString(),
                    purpose.lifetime().renewOnEngagement(), purpose.doubleOptIn(),
                    purpose.topics().stream().map(t -> t.id().value() + (t.name() == null ? "" : " = " + t.name()))
                            .collect(Collectors.joining("\n")), models));
        }
        purposes.add(blank(purposes.size(), channels));
        return new ProfileForm(text(profile.name()), text(profile.companyAddress()), profile.version(), List.copyOf(purposes),
                Mailing.of(profile.doubleOptIn(), profile.branding()));
    }

    /** What the browser sent: {@code p<i>.<field>} for each purpose, {@code p<i>.model.<channel>} for its models. */
    static ProfileForm of(Map<String, String> fields, List<ChannelDefinition> channels, ComplianceProfile current) {
        var purposes = new ArrayList<PurposeForm>();
        for (int i = 0; fields.containsKey("p" + i + ".id"); i++) {
            String prefix = "p" + i + ".";
            String id = fields.getOrDefault(prefix + "id", "").strip();
            var models = new LinkedHashMap<String, String>();
            for (ChannelDefinition channel : channels) {
                models.put(channel.channel().toString(), fields.getOrDefault(prefix + "model." + channel.channel(), ""));
            }
            boolean existing = current != null && TechnicalId.isValid(id) && current.purpose(new TechnicalId(id)).isPresent();
            purposes.add(new PurposeForm(i, id, existing, fields.getOrDefault(prefix + "type", ""), fields.getOrDefault(prefix + "name", ""),
                    fields.getOrDefault(prefix + "legalBasis", ""), fields.getOrDefault(prefix + "partner", ""),
                    fields.getOrDefault(prefix + "lifetime", ""), fields.containsKey(prefix + "renewOnEngagement"),
                    fields.containsKey(prefix + "doubleOptIn"), fields.getOrDefault(prefix + "topics", ""), models));
        }
        long version = parseVersion(fields.get("version"));
        return new ProfileForm(fields.getOrDefault("name", ""), fields.getOrDefault("companyAddress", ""), version, List.copyOf(purposes),
                Mailing.of(fields));
    }

    static PurposeForm blank(int index, List<ChannelDefinition> channels) {
        var models = new LinkedHashMap<String, String>();
        channels.forEach(channel -> models.put(channel.channel().toString(), ""));
        return new PurposeForm(index, "", false, PurposeType.COMMERCIAL.name(), "", "", "", "", false, false, "", models);
    }

    /**
     * The definition the fields describe: purposes without an id are left out (the blank one);
     * a new purpose's empty models take its type's defaults. Every unreadable field is named at once.
     */
    ProfileDefinition definition(ComplianceProfile current) {
        var input = new InputCheck();
        var parsed = new ArrayList<Purpose>();
        for (PurposeForm form : purposes) {
            if (form.id().isBlank()) {
                continue;
            }
            String field = "purposes[" + form.index() + "]";
            TechnicalId id = input.id(field + ".id", form.id());
            PurposeType type = FormValues.named(input, field + ".type", PurposeType.class, form.type());
            LegalBasis legalBasis = FormValues.named(input, field + ".legalBasis", LegalBasis.class, form.legalBasis());
            var models = new LinkedHashMap<Channel, EnforcementModel>();
            form.models().forEach((channel, model) -> {
                EnforcementModel value = FormValues.named(input, field + ".models." + channel, EnforcementModel.class, model);
                if (value != null) {
                    models.put(new Channel(new TechnicalId(channel)), value);
                }
            });
            var topics = new ArrayList<Topic>();
            form.topics().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                int equals = line.indexOf('=');
                String topicId = (equals < 0 ? line : line.substring(0, equals)).strip();
                String topicName = equals < 0 ? null : line.substring(equals + 1).strip();
                TechnicalId parsedId = input.id(field + ".topics", topicId);
                if (parsedId != null) {
                    topics.add(input.attempt(() -> new Topic(parsedId, topicName == null || topicName.isEmpty() ? null : topicName)));
                }
            });
            ConsentLifetime lifetime = input.attempt(() -> new ConsentLifetime(
                    form.lifetime().isBlank() ? null : ConsentLifetime.parse(form.lifetime().strip()), form.renewOnEngagement()));
            if (id == null || type == null) {
                continue;
            }
            boolean isNew = current == null || current.purpose(id).isEmpty();
            Purpose purpose = input.attempt(() -> isNew
                    ? Purpose.define(id, blankToNull(form.name()), type, legalBasis, models, topics, form.doubleOptIn(),
                    blankToNull(form.partner()), lifetime)
                    : new Purpose(id, blankToNull(form.name()), type, legalBasis, models, topics, form.doubleOptIn(),
                    blankToNull(form.partner()), lifetime));
            if (purpose != null) {
                parsed.add(purpose);
            }
        }
        DoubleOptInSettings doubleOptIn = mailing.doubleOptIn(input);
        Branding branding = mailing.branding(input);
        input.verify();
        return new ProfileDefinition(blankToNull(name), blankToNull(companyAddress), List.copyOf(parsed),
                current == null ? null : current.defaultConsents(), doubleOptIn, branding);
    }

    private static long parseVersion(String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1; // refused by the version check as a stale edit
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
