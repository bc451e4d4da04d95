package org.consentplatform.adapter.in.rest.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.rest.shared.CorrelationIdFilter;
import org.consentplatform.adapter.in.rest.shared.PrivacySignals;
import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.adapter.in.rest.shared.RecipientLinkSeal;
import org.consentplatform.application.port.in.RecipientPreferences;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.preference.Choice;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import static org.consentplatform.adapter.in.rest.shared.PublicPaths.FORM_EXPIRED;
import static org.consentplatform.adapter.in.rest.shared.PublicPaths.LANGUAGE;
import static org.consentplatform.adapter.in.rest.shared.PublicPaths.PREFERENCES;
import static org.consentplatform.adapter.in.rest.shared.PublicPaths.SUBSCRIPTIONS;
import static org.consentplatform.adapter.in.rest.shared.PublicPaths.UNSUBSCRIBE;

/**
 * The pages a recipient reaches from a message (domain rules §7, §8; RFC 8058): plain
 * server-rendered HTML, no script, no login. Each opens only with a sealed link made for it;
 * an expired or altered link shows a page that says so and reads nothing. Forms carry a CSRF
 * token, except one-click unsubscribe, whose POST comes from mail providers without cookies
 * and is protected by its link alone. GET never changes anything.
 */
@Hidden
@Controller
@RequestMapping
class RecipientPageController {

    private final RecipientPreferences preferences;
    private final RecipientLinkSeal seal;

    RecipientPageController(RecipientPreferences preferences, RecipientLinkSeal seal) {
        this.preferences = preferences;
        this.seal = seal;
    }

    // preference center (§8)

    @GetMapping(PREFERENCES + "/{token}")
    String preferences(@PathVariable String token, CsrfToken csrf, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        return opened(token, RecipientLink.Use.PREFERENCES, csrf, model, request, response, link -> {
            // §14: the browser's Global Privacy Control signal withdraws the partner purposes before the page shows them
            var signal = honourGlobalPrivacyControl(link, request);
            var page = preferences.preferences(link);
            model.addAttribute("page", page);
            model.addAttribute("globalPrivacyControl", signal.honoured());
            return brand(model, page.profile(), "preferences");
        });
    }

    @PostMapping(PREFERENCES + "/{token}")
    String savePreferences(@PathVariable String token, @RequestParam(name = "choice", required = false) List<String> choices,
                           @RequestParam(required = false) String fingerprint, CsrfToken csrf, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        return opened(token, RecipientLink.Use.PREFERENCES, csrf, model, request, response, link -> {
            Set<Choice> chosen = new LinkedHashSet<>();
            (choices == null ? List.<String>of() : choices).forEach(raw -> chosen.add(Choice.parse(raw)));
            RecipientPreferences.PreferencesSaved saved = preferences.savePreferences(link, chosen, fingerprint, visitor(request));
            // §14 again, after the boxes: a partner box ticked while the browser sends the signal ends opted out
            var signal = honourGlobalPrivacyControl(link, request);
            model.addAttribute("page", signal.changes().isEmpty() ? saved.page() : preferences.preferences(link));
            model.addAttribute("globalPrivacyControl", signal.honoured());
            return saved(model, response, saved.page().profile(), "preferences", saved.outcome(), saved.changes());
        });
    }

    private RecipientPreferences.PrivacySignal honourGlobalPrivacyControl(RecipientLink link, HttpServletRequest request) {
        return PrivacySignals.globalPrivacyControl(request) ? preferences.honourGlobalPrivacyControl(link, visitor(request))
                : RecipientPreferences.PrivacySignal.NOT_HONOURED;
    }

    // subscription center (§7)

    @GetMapping(SUBSCRIPTIONS + "/{token}")
    String subscriptions(@PathVariable String token, CsrfToken csrf, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        return opened(token, RecipientLink.Use.SUBSCRIPTIONS, csrf, model, request, response, link -> {
            var page = preferences.subscriptions(link);
            model.addAttribute("page", page);
            model.addAttribute("shown", FlagsField.of(page.shown()));
            return brand(model, page.profile(), "subscriptions");
        });
    }

    @PostMapping(SUBSCRIPTIONS + "/{token}")
    String saveSubscriptions(@PathVariable String token, @RequestParam(required = false) String doNotEmail,
                             @RequestParam(required = false) String doNotBulkEmail, @RequestParam(required = false) String doNotTrack,
                             @RequestParam(required = false) String shown, CsrfToken csrf, Model model,
                             HttpServletRequest request, HttpServletResponse response) {
        return opened(token, RecipientLink.Use.SUBSCRIPTIONS, csrf, model, request, response, link -> {
            var submitted = new LegacyFlags(blocked("doNotEmail", doNotEmail), blocked("doNotBulkEmail", doNotBulkEmail),
                    blocked("doNotTrack", doNotTrack));
            var saved = preferences.saveSubscriptions(link, submitted, FlagsField.parse(shown), visitor(request));
            model.addAttribute("page", saved.page());
            model.addAttribute("shown", FlagsField.of(saved.page().shown()));
            return saved(model, response, saved.page().profile(), "subscriptions", saved.outcome(), saved.changes());
        });
    }

    // one-click unsubscribe (RFC 8058)

    /** Shows what the button would do; mail scanners that fetch links unsubscribe nobody. */
    @GetMapping(UNSUBSCRIBE + "/{token}")
    String unsubscription(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return opened(token, RecipientLink.Use.UNSUBSCRIBE, null, model, request, response, link -> {
            var unsubscription = preferences.unsubscription(link);
            model.addAttribute("unsubscription", unsubscription);
            return brand(model, unsubscription.profile(), "unsubscribe");
        });
    }

    /** The mail provider's one-click POST (body {@code List-Unsubscribe=One-Click}) and the page's button alike. */
    @PostMapping(UNSUBSCRIBE + "/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return opened(token, RecipientLink.Use.UNSUBSCRIBE, null, model, request, response, link -> {
            var unsubscribed = preferences.unsubscribe(link, visitor(request));
            model.addAttribute("unsubscription", unsubscribed.unsubscription());
            model.addAttribute("unsubscribed", unsubscribed);
            return brand(model, unsubscribed.unsubscription().profile(), "unsubscribe");
        });
    }

    @RequestMapping(FORM_EXPIRED)
    String formExpired(Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_FORBIDDEN, "form-expired");
    }

    /** A rejected submission shows a page, never a JSON problem: the visitor is a person with a browser. */
    @ExceptionHandler(DomainRejection.class)
    String rejected(DomainRejection rejection, Model model, HttpServletResponse response) {
        return switch (rejection) {
            case DomainRejection.InvalidInput invalid -> problem(model, response, HttpServletResponse.SC_BAD_REQUEST, "invalid-form");
            case DomainRejection.NotFound notFound -> problem(model, response, HttpServletResponse.SC_NOT_FOUND, "gone");
            case DomainRejection.TooManyRequests tooMany -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
                yield problem(model, response, 429, "too-many");
            }
            case DomainRejection.ConcurrentChange conflict -> problem(model, response, HttpServletResponse.SC_CONFLICT, "busy");
            default -> problem(model, response, 422, "refused");
        };
    }

    private String opened(String token, RecipientLink.Use use, CsrfToken csrf, Model model, HttpServletRequest request,
                          HttpServletResponse response, Function<RecipientLink, String> page) {
        noStore(response);
        if (csrf != null) {
            csrf.getToken(); // the cookie must be written before the page starts streaming
        }
        return switch (seal.open(token, use)) {
            case RecipientLinkSeal.Opened.Valid valid -> {
                model.addAttribute("action", PublicPaths.of(use) + "/" + token + languageQuery(request));
                yield page.apply(valid.link());
            }
            case RecipientLinkSeal.Opened.Expired expired -> problem(model, response, HttpServletResponse.SC_GONE, "expired");
            case RecipientLinkSeal.Opened.Invalid invalid -> problem(model, response, HttpServletResponse.SC_NOT_FOUND, "invalid");
        };
    }

    /** A submitted page: what it did, whether a confirmation mail went out; a stale one is a 409. */
    private static String saved(Model model, HttpServletResponse response, ComplianceProfile profile, String view,
                                RecipientPreferences.Outcome outcome, List<ConsentChange> changes) {
        model.addAttribute("outcome", outcome.name());
        model.addAttribute("awaitsConfirmation", changes.stream().anyMatch(ConsentChange::leftPending));
        if (outcome == RecipientPreferences.Outcome.STALE) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return brand(model, profile, view);
    }

    private static String brand(Model model, ComplianceProfile profile, String view) {
        model.addAttribute("profile", profile);
        model.addAttribute("branding", profile.branding());
        return view;
    }

    private static String problem(Model model, HttpServletResponse response, int status, String reason) {
        response.setStatus(status);
        noStore(response);
        model.addAttribute("reason", reason);
        return "link-problem";
    }

    private static RecipientPreferences.Visitor visitor(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return new RecipientPreferences.Visitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
                CorrelationIdFilter.of(request), locale.toLanguageTag());
    }

    private static String languageQuery(HttpServletRequest request) {
        String language = request.getParameter(LANGUAGE);
        return PageLocales.supported(language) ? "?" + LANGUAGE + "=" + language.toLowerCase(Locale.ROOT) : "";
    }

    private static boolean blocked(String field, String raw) {
        if ("block".equals(raw)) {
            return true;
        }
        if ("allow".equals(raw)) {
            return false;
        }
        throw DomainRejection.InvalidInput.of(field, "must be allow or block");
    }

    /** The flags a subscription page showed, sent back with the form: {@code 1} for blocked, in the order email, bulk, track. */
    static final class FlagsField {
        private FlagsField() {
        }

        static String of(LegacyFlags flags) {
            return bit(flags.doNotEmail()) + bit(flags.doNotBulkEmail()) + bit(flags.doNotTrack());
        }

        static LegacyFlags parse(String raw) {
            if (raw == null || !raw.matches("[01]{3}")) {
                throw DomainRejection.InvalidInput.of("shown", "is not what this page sent");
            }
            return new LegacyFlags(raw.charAt(0) == '1', raw.charAt(1) == '1', raw.charAt(2) == '1');
        }

        private static String bit(boolean set) {
            return set ? "1" : "0";
        }
    }

    /** The token is a credential: never cached, never sent on as a referrer, never indexed. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
