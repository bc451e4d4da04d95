package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a message is sent, with its enforcement model per channel and its topics.
 *
 * @param models      explicit models; a channel without one uses the type's default (custom channels added later)
 * @param doubleOptIn whether an email opt-in for this purpose must be confirmed (domain rules §5)
 * @param partner     the third party the data is shared with under this purpose (§12), or null
 * @param lifetime    how long its opt-ins (and its topics') count (§10)
 */
public record Purpose(TechnicalId id, String name, PurposeType type, LegalBasis legalBasis,
                      Map<Channel, EnforcementModel> models, List<Topic> topics, boolean doubleOptIn, String partner,
                      ConsentLifetime lifetime) {

    public Purpose {
        InvalidInputs.requireNonNull("purpose.id", id);
        name = InvalidInputs.optionalText("purpose.name", name, 200);
        InvalidInputs.requireNonNull("purpose.type", type);
        legalBasis = legalBasis == null ? type.defaultLegalBasis() : legalBasis;
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models == null ? Map.of() : models));
        topics = List.copyOf(topics == null ? List.of() : topics);
        partner = InvalidInputs.optionalText("purpose.partner", partner, 200);
        lifetime = lifetime == null ? ConsentLifetime.UNLIMITED : lifetime;
        if (partner != null && (partner.isBlank() || partner.chars().anyMatch(Character::isISOControl))) {
            throw DomainRejection.InvalidInput.of("purpose.partner", "must be one line of text naming the partner");
        }
        var topicIds = new HashSet<TechnicalId>();
        for (Topic topic : topics) {
            if (!topicIds.add(topic.id())) {
                throw DomainRejection.InvalidInput.of("purposes.topics",
                        "topic '" + topic.id() + "' is defined twice in purpose '" + id + "'");
            }
        }
    }

    public Purpose(TechnicalId id, String name, PurposeType type, LegalBasis legalBasis, Map<Channel, EnforcementModel> models,
                   List<Topic> topics, boolean doubleOptIn) {
        this(id, name, type, legalBasis, models, topics, doubleOptIn, null, null);
    }

    /**
     * A purpose as given by a user: models not given are filled with the type's defaults for
     * every built-in channel, so a later change of the defaults does not change stored profiles.
     */
    public static Purpose define(TechnicalId id, String name, PurposeType type, LegalBasis legalBasis,
                                 Map<Channel, EnforcementModel> models, List<Topic> topics, boolean doubleOptIn) {
        return define(id, name, type, legalBasis, models, topics, doubleOptIn, null, null);
    }

    public static Purpose define(TechnicalId id, String name, PurposeType type, LegalBasis legalBasis,
                                 Map<Channel, EnforcementModel> models, List<Topic> topics, boolean doubleOptIn, String partner,
                                 ConsentLifetime lifetime) {
        var complete = new LinkedHashMap<Channel, EnforcementModel>();
        for (Channel channel : Channel.BUILT_IN) {
            type.defaultModel(channel).ifPresent(model -> complete.put(channel, model));
        }
        if (models != null) {
            complete.putAll(models);
        }
        return new Purpose(id, name, type, legalBasis, complete, topics, doubleOptIn, partner, lifetime);
    }

    public static Purpose byDefault(PurposeType type) {
        TechnicalId id = new TechnicalId(type.name().toLowerCase());
        return define(id, type.name().charAt(0) + type.name().substring(1).toLowerCase(), type, null, null, null, false);
    }

    /** The model on a channel; empty where this purpose does not apply (tracking outside email by default). */
    public Optional<EnforcementModel> modelFor(Channel channel) {
        EnforcementModel explicit = models.get(channel);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return channel.isBuiltIn() ? Optional.empty() : type.defaultModel(channel);
    }

    public Optional<Topic> topic(TechnicalId topicId) {
        return topics.stream().filter(t -> t.id().equals(topicId)).findFirst();
    }

    /**
     * Where the purpose rests on consent yet the model lets messages (or tracking) through without
     * an opt-in: accepted, but a compliance risk to show (issue: legal basis warnings).
     */
    public List<ComplianceWarning> complianceWarnings() {
        if (legalBasis != LegalBasis.CONSENT) {
            return List.of();
        }
        return models.entrySet().stream()
                .filter(entry -> entry.getValue() != EnforcementModel.RESTRICTIVE)
                .map(entry -> new ComplianceWarning(id, entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Double opt-in applies to the email channel only. */
    public boolean requiresDoubleOptIn(Channel channel) {
        return doubleOptIn && channel.equals(Channel.EMAIL);
    }
}
