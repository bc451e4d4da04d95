package org.consentplatform.adapter.in.rest.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The server-rendered pages' own beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfirmationLimits.class)
class WebConfiguration {

    /** Pages speak the {@code lang} parameter's language, else the browser's, among English, French and Polish. */
    @Bean
    LocaleResolver localeResolver() {
        return new PageLocales();
    }
}
