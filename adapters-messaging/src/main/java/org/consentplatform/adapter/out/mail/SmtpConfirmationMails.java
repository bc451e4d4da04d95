package org.consentplatform.adapter.out.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.consentplatform.application.port.out.ConfirmationMails;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart mail (plain text and HTML) per confirmation, in English, French or Polish
 * (English for any other language). Templates live in {@code mail/confirmation-<lang>.txt|html}.
 */
public final class SmtpConfirmationMails implements ConfirmationMails {

    private static final Map<String, String> SUBJECTS = Map.of(
            "en", "Please confirm your subscription",
            "fr", "Confirmez votre inscription",
            "pl", "Potwierdź swoją zgodę");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JavaMailSender sender;
    private final String from;
    private final String fromName;
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    public SmtpConfirmationMails(JavaMailSender sender, String from, String fromName) {
        this.sender = sender;
        this.from = from;
        this.fromName = fromName;
    }

    @Override
    public void send(ConfirmationMail mail) {
        String language = SUBJECTS.containsKey(mail.language()) ? mail.language() : "en";
        var context = new Context(Locale.forLanguageTag(language), Map.of(
                "link", mail.link(), "brand", orEmpty(mail.brand()), "purpose", orEmpty(mail.purpose()),
                "topic", orEmpty(mail.topic()), "companyAddress", orEmpty(mail.companyAddress()),
                "expiresAt", UTC.format(mail.expiresAt())));
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            // a profile's own sender replaces the platform's; its name defaults to the platform's only with its address
            helper.setFrom(mail.senderAddress() == null
                    ? new InternetAddress(from, fromName, StandardCharsets.UTF_8.name())
                    : new InternetAddress(mail.senderAddress(), mail.senderName(), StandardCharsets.UTF_8.name()));
            helper.setTo(mail.to());
            helper.setSubject(SUBJECTS.get(language));
            helper.setText(text.process("confirmation-" + language, context), html.process("confirmation-" + language, context));
            sender.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException("confirmation mail not built", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver(SmtpConfirmationMails.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
