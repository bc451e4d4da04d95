package org.consentplatform.adapter.in.rest.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Serves the event contract the build puts on the classpath (docs/events): the AsyncAPI document
 * and the JSON Schemas each event's {@code dataschema} points at, for consumers to resolve.
 */
@Configuration(proxyBeanMethods = false)
class EventContract implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl anHour = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        registry.addResourceHandler(PublicPaths.EVENT_CONTRACT + "/*.yaml").addResourceLocations("classpath:/events/")
                .setCacheControl(anHour);
        registry.addResourceHandler(PublicPaths.EVENT_CONTRACT + "/schemas/*.json").addResourceLocations("classpath:/events/schemas/")
                .setCacheControl(anHour);
    }
}
