package org.consentplatform.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real SMTP server in this JVM (GreenMail) that receives every mail the service sends, and
 * {@code GET /dev/mailbox} to read them (newest last) with the links they carry. Port 3025 by
 * default; {@code consent.embedded.mail.port=0} picks a free one. Never outside this profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consent.embedded.mail.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedMail {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMail.class);
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(EmbeddedProperties embedded) {
        int port = embedded.mail().port();
        var setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        var server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        LOG.info("Embedded SMTP server listening on 127.0.0.1:{}; read what it received at /dev/mailbox", server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail server) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        return sender;
    }

    @Bean
    @Order(2)
    SecurityFilterChain devMailboxSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(DevMailbox.PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** One received mail as the mailbox lists it. */
    record ReceivedMail(List<String> to, String subject, String text, List<String> links) {
    }

    @Hidden
    @RestController
    @Profile("embedded")
    @ConditionalOnProperty(name = "consent.embedded.mail.enabled", havingValue = "true", matchIfMissing = true)
    static class DevMailbox {

        static final String PATH = "/dev/mailbox";

        private final GreenMail server;

        DevMailbox(GreenMail server) {
            this.server = server;
        }

        @GetMapping(PATH)
        List<ReceivedMail> mailbox() throws MessagingException, IOException {
            var mails = new ArrayList<ReceivedMail>();
            for (MimeMessage message : server.getReceivedMessages()) {
                String text = plainText(message);
                mails.add(new ReceivedMail(Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                        message.getSubject(), text, LINK.matcher(text).results().map(m -> m.group()).toList()));
            }
            return mails;
        }

        private static String plainText(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = plainText(child);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
    }
}
