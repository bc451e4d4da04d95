package org.consentplatform.adapter.in.rest.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.application.port.in.ConfirmOptIns;
import org.consentplatform.domain.shared.DomainRejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The page a confirmation link opens: plain server-rendered HTML in the visitor's language, no
 * script. GET (and HEAD) only show what would be confirmed, so mail scanners that fetch links
 * confirm nothing; the page's button POSTs to the same address, and only that confirms. An expired
 * link offers a new one; an unknown link offers new links for an address (§5). A client that keeps
 * presenting links that lead nowhere, or asking for links by address, is slowed down (429).
 */
@Hidden
@Controller
@RequestMapping(PublicPaths.CONFIRMATION)
class ConfirmationPageController {

    private final ConfirmOptIns confirmations;
    private final LinkGuesses guesses;

    ConfirmationPageController(ConfirmOptIns confirmations, ConfirmationLimits limits) {
        this.confirmations = confirmations;
        this.guesses = new LinkGuesses(limits.wrongLinksPerClient(), limits.wrongLinksPeriod());
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

    /** The expired page's button: a new link for the same opt-in, if it still waits. */
    @PostMapping("/{token}/renewal")
    String renew(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return limited(request, response, () -> {
            ConfirmOptIns.Renewal renewal = confirmations.renew(token);
            if (renewal == ConfirmOptIns.Renewal.SENT) {
                return renewalSent(response);
            }
            if (renewal == ConfirmOptIns.Renewal.UNKNOWN) {
                guesses.wrongGuess(request.getRemoteAddr());
            }
            return page(confirmations.view(token), token, model, response);
        });
    }

    /**
     * The unknown page's form: new links for whatever waits for an address. Each request counts
     * against the client like a wrong link, and the answer is the same whether anything waited.
     */
    @PostMapping("/renewal")
    String renewFor(@RequestParam(required = false) String address, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        return limited(request, response, () -> {
            guesses.wrongGuess(request.getRemoteAddr());
            try {
                confirmations.renewFor(address);
            } catch (DomainRejection.InvalidInput e) {
                model.addAttribute("invalidAddress", true);
                return page(ConfirmOptIns.Confirmation.UNKNOWN, null, model, response, HttpServletResponse.SC_BAD_REQUEST);
            }
            return renewalSent(response);
        });
    }

    private String answer(HttpServletRequest request, HttpServletResponse response, Model model, String token,
                          Supplier<ConfirmOptIns.Confirmation> lookup) {
        return limited(request, response, () -> {
            ConfirmOptIns.Confirmation confirmation = lookup.get();
            if (confirmation.status() == ConfirmOptIns.Status.UNKNOWN) {
                guesses.wrongGuess(request.getRemoteAddr());
            }
            if (confirmation.status() == ConfirmOptIns.Status.CONFIRMED && confirmation.redirectUrl() != null) {
                noStore(response);
                request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER); // "see the page" after a POST
                return "redirect:" + confirmation.redirectUrl();
            }
            return page(confirmation, token, model, response);
        });
    }

    /** Clients past their share of wrong links, and addresses past their share of mails, get a page that says wait. */
    private String limited(HttpServletRequest request, HttpServletResponse response, Supplier<String> page) {
        Duration wait = guesses.waitFor(request.getRemoteAddr());
        if (wait.isZero()) {
            try {
                return page.get();
            } catch (DomainRejection.TooManyRequests e) {
                wait = e.retryAfter();
            }
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        noStore(response);
        return "too-many-attempts";
    }

    private static String renewalSent(HttpServletResponse response) {
        noStore(response);
        return "renewal-sent";
    }

    private static String page(ConfirmOptIns.Confirmation confirmation, String token, Model model, HttpServletResponse response) {
        return page(confirmation, token, model, response, switch (confirmation.status()) {
            case UNKNOWN -> HttpServletResponse.SC_NOT_FOUND;
            case EXPIRED -> HttpServletResponse.SC_GONE;
            case VOID -> HttpServletResponse.SC_CONFLICT;
            default -> HttpServletResponse.SC_OK;
        });
    }

    private static String page(ConfirmOptIns.Confirmation confirmation, String token, Model model, HttpServletResponse response,
                               int status) {
        response.setStatus(status);
        noStore(response);
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("action", token == null ? null : PublicPaths.CONFIRMATION + "/" + token);
        model.addAttribute("renewal", token == null ? null : PublicPaths.CONFIRMATION + "/" + token + "/renewal");
        model.addAttribute("renewalByAddress", PublicPaths.CONFIRMATION + "/renewal");
        return "confirmation";
    }

    /** The token is a credential: never cached, never sent on as a referrer, never indexed. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
