package org.consentplatform.bootstrap;

import org.consentplatform.adapter.in.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The operator console's sessions live in the shared store (the repository is wired in
 * {@link ApplicationWiring}), so N instances need no sticky sessions (ADR 35). Only the console
 * and the dev issuer's sign-in form create one; the API and the recipient pages stay stateless.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class ConsoleSessions {

    /** HttpOnly, SameSite=Lax (the provider's redirect back must carry it), Secure outside plain-http development. */
    @Bean
    CookieSerializer consoleSessionCookie(ConsoleProperties console) {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(console.session().cookieName());
        cookie.setUseSecureCookie(console.session().secureCookie());
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }
}
