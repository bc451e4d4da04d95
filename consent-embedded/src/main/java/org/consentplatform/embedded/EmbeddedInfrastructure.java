package org.consentplatform.embedded;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Everything the service needs, in its own JVM, for the embedded profile: a MongoDB-wire
 * server, a Kafka broker, an SMTP server and a dev token issuer. An auto-configuration, so it
 * is there exactly when this module is on the classpath (the README's run command and the
 * tests), and ordered before Boot's clients so they connect to these servers. The production
 * jar does not contain this module.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, KafkaAutoConfiguration.class, MailSenderAutoConfiguration.class})
@Profile("embedded")
@Import({EmbeddedMongo.class, EmbeddedKafka.class, EmbeddedMail.class, DevTokenIssuer.class})
@EnableConfigurationProperties(EmbeddedProperties.class)
public class EmbeddedInfrastructure {
}
