package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ConfirmOptIns;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page a confirmation link opens: plain server-rendered HTML in the visitor's language, no
 * script. GET (and HEAD) only show what would be confirmed, so mail scanners that fetch links
 * confirm nothing; the page's button POSTs to the same address, and only that confirms.
 */
@Hidden
@Controller
@RequestMapping(ConfirmationPageController.PATH)
class ConfirmationPageController {

    static final String PATH = "/confirm";

    private final ConfirmOptIns confirmations;

    ConfirmationPageController(ConfirmOptIns confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(confirmations.view(token), token, model, response);
    }

    @PostMapping("/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(confirmations.confirm(token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)), token, model,
                response);
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
