package org.consentplatform.adapter.in.console.pages;

import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.Reason;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * What pages say in the operator's language beyond fixed labels: a decision's reasons, with the
 * same facts the explanation endpoint gives (which record, which model, which state, what it
 * does), and instants. Templates call it as {@code ${@consoleTexts.reason(reason)}}.
 */
@Component("consoleTexts")
public class ConsoleTexts {

    private final MessageSource messages;

    ConsoleTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String reason(Reason reason) {
        Object[] facts = {subject(reason), reason.record() == null ? "" : reason.record().contactPoint().channel().toString(),
                reason.model() == null ? "" : text("model." + reason.model().name()),
                text(reason.state() == null ? "state.ABSENT" : "state." + reason.state().name()),
                text("verdict." + reason.aspect().name() + "." + reason.permits()), reason.flag() == null ? "" : reason.flag()};
        String key = switch (reason.code()) {
            case PURPOSE_CONSENT, TOPIC_CONSENT, TRACKING_CONSENT -> "reason.consent";
            case CONTACT_FLAG -> "reason.CONTACT_FLAG." + (reason.permits() ? "unset" : "set");
            default -> "reason." + reason.code().name();
        };
        return messages.getMessage(key, facts, LocaleContextHolder.getLocale());
    }

    /** An instant as the operator's locale writes a date and time, in UTC (the history's time). */
    public String when(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    private String subject(Reason reason) {
        if (reason.record() == null) {
            return "";
        }
        if (reason.aspect() == Aspect.TRACKING) {
            return text("reason.subject.tracking", reason.record().purposeId().value());
        }
        return reason.record().topic()
                .map(topic -> text("reason.subject.topic", topic.value(), reason.record().purposeId().value()))
                .orElseGet(() -> text("reason.subject.purpose", reason.record().purposeId().value()));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
