package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.consentplatform.adapter.in.rest.shared.ApiProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The JSON API's own beans: its OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    OpenApiCustomizer apiDocumentation(ApiProperties properties) {
        return ApiDocumentation.fromClasspath((int) Math.min(Integer.MAX_VALUE, properties.maxBodyBytes()));
    }

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
}
