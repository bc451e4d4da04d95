package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The JSON API's own beans: its OpenAPI description and the receipt signing key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReceiptProperties.class)
class ApiConfiguration {

    @Bean
    OpenAPI consentOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Consent platform API").version("v1")
                        .description("Records consent per contact point, purpose, topic and channel, and decides right "
                                + "before a message goes out whether it may be sent and tracked."))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ReceiptSigner receiptSigner(ReceiptProperties receipts) {
        return new ReceiptSigner(receipts.jwkFile(), receipts.createKeyIfMissing());
    }
}
