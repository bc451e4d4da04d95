package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ConfirmOptIns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The page a confirmation link opens: plain server-rendered HTML in the visitor's language, no
 * script. GET (and HEAD) only show what would be confirmed, so mail scanners that fetch links
 * confirm nothing; the page's button POSTs to the same address, and only that confirms. A client
 * that keeps presenting links that lead nowhere is slowed down (429).
 */
@Hidden
@Controller
@RequestMapping(ConfirmationPageController.PATH)
class ConfirmationPageController {

    static final String PATH = "/confirm";

    private final ConfirmOptIns confirmations;
    private final LinkGuesses guesses;

    ConfirmationPageController(ConfirmOptIns confirmations,
                                @Value("${consent.double-opt-in.limits.wrong-links-per-client:20}") long wrongLinks,
                                @Value("${consent.double-opt-in.limits.wrong-links-period:PT10M}") Duration period) {
        this.confirmations = confirmations;
        this.guesses = new LinkGuesses(wrongLinks, period);
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, model, token, () -> confirmations.view(token));
    }

    @PostMapping("/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, model, token,
                () -> confirmations.confirm(token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
    }

    private String answer(HttpServletRequest request, HttpServletResponse response, Model model, String token,
                          Supplier<ConfirmOptIns.Confirmation> lookup) {
        Duration wait = guesses.waitFor(request.getRemoteAddr());
        if (!wait.isZero()) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return "too-many-attempts";
        }
        ConfirmOptIns.Confirmation confirmation = lookup.get();
        if (confirmation.status() == ConfirmOptIns.Status.UNKNOWN) {
            guesses.wrongGuess(request.getRemoteAddr());
        }
        return page(confirmation, token, model, response);
    }

    private static String page(ConfirmOptIns.Confirmation confirmation, String token, Model model, HttpServletResponse response) {
        response.setStatus(switch (confirmation.status()) {
            case UNKNOWN -> HttpServletResponse.SC_NOT_FOUND;
            case EXPIRED -> HttpServletResponse.SC_GONE;
            case VOID -> HttpServletResponse.SC_CONFLICT;
            default -> HttpServletResponse.SC_OK;
        });
        // the token is a credential: never cached, never sent on as a referrer, never indexed
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("action", PATH + "/" + token);
        return "confirmation";
    }
}
