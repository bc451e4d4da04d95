package org.consentplatform.acceptance.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/** Reads what the in-process SMTP server received. */
public final class Mails {

    /** A confirmation link as the embedded service writes it: group 1 the path, group 2 the token. */
    public static final Pattern CONFIRMATION_LINK = Pattern.compile("http://localhost:\\d+(/confirm/([A-Za-z0-9_-]{43}))");

    private Mails() {
    }

    /** The newest mail to the address whose text matches, waiting up to ten seconds for it. */
    public static MimeMessage newestTo(GreenMail smtp, String address, Predicate<String> text) {
        return Awaitility.await("a mail to " + address).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> newest(smtp, address, text), Objects::nonNull);
    }

    private static MimeMessage newest(GreenMail smtp, String address, Predicate<String> text) {
        MimeMessage newest = null;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (recipient(message).equals(address) && text.test(text(message))) {
                newest = message;
            }
        }
        return newest;
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part of the mail, plain and HTML, one after the other. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent() instanceof Multipart multipart ? text(multipart) : message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Multipart multipart) throws MessagingException, IOException {
        var text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            text.append(content instanceof Multipart nested ? text(nested) : content.toString());
        }
        return text.toString();
    }
}
