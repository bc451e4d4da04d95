package org.consentplatform.bootstrap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupChecksTest {

    @Test
    void withoutTheEmbeddedProfileAMissingMongoDbFailsFastWithAClearMessage() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ConsentApplication.class).profiles("production")
                .run("--server.port=0"))
                .hasMessageContaining("No MongoDB connection string")
                .hasMessageContaining("spring.mongodb.uri");
    }

    @Test
    void withoutTheEmbeddedProfileAMissingMailRelayFailsFastNamingTheProperty() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ConsentApplication.class).profiles("production")
                .run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:1/consent"))
                .hasMessageContaining("No SMTP relay")
                .hasMessageContaining("spring.mail.host")
                .hasMessageNotContaining("MongoDB");
    }
}
