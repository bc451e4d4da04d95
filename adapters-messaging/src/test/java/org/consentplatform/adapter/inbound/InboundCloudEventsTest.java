package org.consentplatform.adapter.inbound;

import org.consentplatform.application.port.in.RecordInboundEvents.InboundCommand;
import org.consentplatform.application.port.in.RecordInboundEvents.SmsCommand;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundCloudEventsTest {

    private static final String UNSUBSCRIBE = """
            {"specversion":"1.0","id":"evt-1","source":"/providers/mailer","time":"2026-11-20T10:00:00Z",
             "type":"org.consentplatform.inbound.unsubscribe.v1","datacontenttype":"application/json",
             "data":{"tenant":"acme","channel":"EMAIL","address":"Ann@Example.com","profileId":"retail","purposeId":"news"}}""";

    @Test
    void aStructuredCloudEventBecomesACommand() {
        var parsed = InboundCloudEvents.parse(bytes(UNSUBSCRIBE));

        assertThat(parsed).isEqualTo(new InboundCloudEvents.Report(new InboundCommand("evt-1", new TenantId("acme"), InboundEvent.Kind.UNSUBSCRIBE,
                new RawContactPoint(Channel.EMAIL, "Ann@Example.com"), new TechnicalId("retail"), new TechnicalId("news"), null,
                Instant.parse("2026-11-20T10:00:00Z"), "/providers/mailer")));
    }

    @Test
    void aTextToATenantNumberBecomesAnSmsCommand() {
        var parsed = InboundCloudEvents.parse(bytes("""
                {"specversion":"1.0","id":"sms-1","source":"/providers/sms","time":"2026-11-20T10:00:00Z",
                 "type":"org.consentplatform.inbound.sms_received.v1","datacontenttype":"application/json",
                 "data":{"tenant":"acme","from":"+33612345678","to":"36180","text":" Arrêt "}}"""));

        assertThat(parsed).isEqualTo(new InboundCloudEvents.Text(new SmsCommand("sms-1", new TenantId("acme"), "+33612345678", "36180",
                " Arrêt ", Instant.parse("2026-11-20T10:00:00Z"), "/providers/sms")));
    }

    @Test
    void aTextWithoutItsNumbersNamesBoth() {
        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes("""
                {"specversion":"1.0","id":"sms-2","source":"/providers/sms","type":"org.consentplatform.inbound.sms_received.v1",
                 "data":{"tenant":"acme","text":"STOP"}}""")))
                .isInstanceOf(UnprocessableEvent.class)
                .cause().isInstanceOfSatisfying(DomainRejection.InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("from", "to"));
    }

    @Test
    void everyReasonAnEventCannotBeAppliedIsNamedAtOnce() {
        String bad = UNSUBSCRIBE.replace("\"channel\":\"EMAIL\"", "\"channel\":\"e mail\"").replace("\"purposeId\":\"news\"", "\"purposeId\":\"\"")
                .replace("inbound.unsubscribe", "inbound.resubscribe");

        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes(bad))).isInstanceOf(UnprocessableEvent.class)
                .hasMessageContaining("cannot be applied")
                .cause().isInstanceOfSatisfying(DomainRejection.InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("kind", "channel", "purposeId"));
    }

    @Test
    void whatIsNotSuchAnEventIsUnprocessable() {
        assertThatThrownBy(() -> InboundCloudEvents.parse(new byte[0])).isInstanceOf(UnprocessableEvent.class);
        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes("not json"))).isInstanceOf(UnprocessableEvent.class)
                .hasMessageContaining("not a CloudEvents");
        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes(UNSUBSCRIBE.replace("\"specversion\":\"1.0\",", ""))))
                .isInstanceOf(UnprocessableEvent.class);
        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes(UNSUBSCRIBE.replace("inbound.unsubscribe", "billing.paid"))))
                .isInstanceOf(UnprocessableEvent.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes(UNSUBSCRIBE.replace("\"tenant\":\"acme\"", "\"tenant\":{\"$ne\":1}"))))
                .isInstanceOf(UnprocessableEvent.class).hasMessageContaining("data.tenant must be a string");
        assertThatThrownBy(() -> InboundCloudEvents.parse(bytes(UNSUBSCRIBE.replaceAll(",\"datacontenttype\".*", "}"))))
                .isInstanceOf(UnprocessableEvent.class).hasMessageContaining("has no data");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
