package org.consentplatform.embedded;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dev issuer's sign-in form, which lists the demo people (embedded profile only: their passwords are in the README). */
@Controller
class DevIssuerLoginPage {

    static final String LOGIN = "/dev-issuer/login";
    static final String PATHS = "/dev-issuer/**";

    private final DevTokenIssuer.Settings settings;

    DevIssuerLoginPage(DevTokenIssuer.Settings settings) {
        this.settings = settings;
    }

    @GetMapping(LOGIN)
    String login(Model model) {
        model.addAttribute("people", settings.users());
        return "dev-issuer/login";
    }
}
