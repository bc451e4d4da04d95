package org.consentplatform.adapter.in.rest.web;

import jakarta.servlet.http.HttpServletRequest;
import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.Locale;

/**
 * The language of the public pages: the {@code lang} parameter when it names one we write in
 * (the link may carry the message's language), else the browser's Accept-Language among
 * English, French and Polish, else English.
 */
final class PageLocales extends AcceptHeaderLocaleResolver {

    PageLocales() {
        setSupportedLocales(DoubleOptInSettings.LANGUAGES.stream().map(Locale::forLanguageTag).toList());
        setDefaultLocale(Locale.ENGLISH);
    }

    static boolean supported(String language) {
        return language != null && DoubleOptInSettings.LANGUAGES.contains(language.toLowerCase(Locale.ROOT));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String language = request.getParameter(PublicPaths.LANGUAGE);
        return supported(language) ? Locale.forLanguageTag(language.toLowerCase(Locale.ROOT)) : super.resolveLocale(request);
    }
}
