package org.consentplatform.domain.sms;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.SmsKeyword;
import org.consentplatform.domain.profile.SmsNumber;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A text a person sent to one of the tenant's numbers (domain rules §14). Read against the
 * profile the number is bound to, it is a keyword or it is not:
 * <ul>
 * <li>STOP opts the sender out of every commercial SMS purpose of the profile at once;</li>
 * <li>START restores exactly what an SMS STOP withdrew: a purpose whose current opt-out was
 * written by a STOP keyword is opted in again; one withdrawn any other way (preference center,
 * complaint, operator, import) stays out, since the person said that elsewhere and a text
 * from a number cannot prove it is the same person deciding otherwise;</li>
 * <li>HELP changes nothing;</li>
 * <li>any other text changes nothing and is answered by nothing: the caller counts it.</li>
 * </ul>
 * Each change carries source INBOUND_EVENT and the text as evidence; each keyword is answered
 * by a reply for the sender, in the number's language.
 *
 * @param sender       the person's number, normalised
 * @param tenantNumber the tenant's number the text was sent to
 * @param provider     the SMS provider that reported it, recorded as the actor
 */
public record SmsReceived(String id, TenantId tenant, ContactPoint sender, String tenantNumber, String text, Instant occurredAt,
                          String provider) {

    /** How a STOP keyword's opt-outs begin their evidence's reason: what START looks for. */
    static final String STOP_REASON = "SMS keyword STOP";

    public SmsReceived {
        id = InvalidInputs.requiredText("id", id, 100);
        InvalidInputs.requireNonNull("tenant", tenant);
        InvalidInputs.requireNonNull("sender", sender);
        if (!sender.channel().equals(Channel.SMS)) {
            throw DomainRejection.InvalidInput.of("from", "must be the sender's SMS number");
        }
        tenantNumber = SmsNumber.number(tenantNumber);
        text = text == null ? "" : InvalidInputs.optionalText("text", text, 1600);
        InvalidInputs.requireNonNull("occurredAt", occurredAt);
        provider = InvalidInputs.requiredText("provider", provider, 64);
    }

    /**
     * What the text does.
     *
     * @param current the current state of the profile's commercial SMS purposes for the sender (see {@link #records})
     */
    public Effect effect(ComplianceProfile profile, Map<RecordKey, RecordState> current) {
        SmsNumber number = bound(profile);
        Optional<SmsKeyword> keyword = profile.sms().keywordTable().read(text, number.language());
        if (keyword.isEmpty()) {
            return new Effect(null, List.of(), null);
        }
        String name = profile.name() == null ? profile.id().value() : profile.name();
        return switch (keyword.get()) {
            case STOP -> {
                var optOuts = records(profile).stream()
                        .filter(key -> !isState(current.get(key), ConsentState.OPTED_OUT))
                        .map(key -> change(key, ConsentState.OPTED_OUT, STOP_REASON))
                        .toList();
                yield new Effect(SmsKeyword.STOP, optOuts, reply(SmsKeyword.STOP, number,
                        SmsReplies.text(SmsReplies.Text.STOPPED, number.language(), name)));
            }
            case START -> {
                var restored = records(profile).stream()
                        .filter(key -> stoppedByText(current.get(key)))
                        .map(key -> change(key, ConsentState.OPTED_IN, "SMS keyword START restores an SMS STOP"))
                        .toList();
                yield new Effect(SmsKeyword.START, restored, reply(SmsKeyword.START, number, SmsReplies.text(
                        restored.isEmpty() ? SmsReplies.Text.NOTHING_TO_RESTART : SmsReplies.Text.RESTARTED, number.language(), name)));
            }
            case HELP -> new Effect(SmsKeyword.HELP, List.of(), reply(SmsKeyword.HELP, number,
                    Optional.ofNullable(profile.sms().helpText().get(number.language()))
                            .orElseGet(() -> SmsReplies.text(SmsReplies.Text.HELP, number.language(), name))));
        };
    }

    /** The records a keyword may change: the profile's commercial purposes that have a model on SMS, for the sender. */
    public List<RecordKey> records(ComplianceProfile profile) {
        return profile.purposes().stream()
                .filter(purpose -> purpose.type() == PurposeType.COMMERCIAL && purpose.models().containsKey(Channel.SMS))
                .map(purpose -> RecordKey.ofPurpose(profile.id(), sender, purpose.id()))
                .toList();
    }

    /** The profile of the tenant's that the number texted is bound to. */
    public ComplianceProfile boundProfile(Collection<ComplianceProfile> tenantProfiles) {
        return tenantProfiles.stream().filter(profile -> profile.sms().number(tenantNumber).isPresent()).findFirst()
                .orElseThrow(() -> new DomainRejection.NotFound("number " + tenantNumber + " is bound to no profile of tenant '"
                        + tenant + "'"));
    }

    /** The number's binding in the profile. */
    public SmsNumber bound(ComplianceProfile profile) {
        return profile.sms().number(tenantNumber).orElseThrow(() -> new DomainRejection.NotFound(
                "number " + tenantNumber + " is not bound to profile '" + profile.id() + "'"));
    }

    /**
     * What a text did.
     *
     * @param keyword null when the text was no keyword
     * @param reply   what to text back; null when the text was no keyword
     */
    public record Effect(SmsKeyword keyword, List<ConsentCapture> changes, Reply reply) {
    }

    /**
     * A text for the sender, from the number it wrote to. Its id follows from the message it
     * answers, so a reply sent again after a failure is recognisably the same reply.
     */
    public record Reply(String id, String inReplyTo, TenantId tenant, String from, ContactPoint to, String language,
                        SmsKeyword keyword, String text) {
    }

    private Reply reply(SmsKeyword keyword, SmsNumber number, String replyText) {
        return new Reply("reply:" + id, id, tenant, number.number(), sender, number.language(), keyword, replyText);
    }

    private ConsentCapture change(RecordKey key, ConsentState state, String reason) {
        return new ConsentCapture(key, state, occurredAt, Source.INBOUND_EVENT, new Actor("provider:" + provider),
                Evidence.because(reason + ": \"" + text.strip() + "\" texted to " + tenantNumber), "inbound-event:" + id);
    }

    private static boolean isState(RecordState state, ConsentState expected) {
        return state != null && state.state() == expected;
    }

    private static boolean stoppedByText(RecordState state) {
        return isState(state, ConsentState.OPTED_OUT) && state.source() == Source.INBOUND_EVENT && state.evidence() != null
                && state.evidence().reason() != null && state.evidence().reason().startsWith(STOP_REASON + ":");
    }
}
