package org.consentplatform.adapter.in.console.pages;

import org.consentplatform.adapter.in.console.security.Operator;
import org.consentplatform.domain.shared.TechnicalId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's entry: a tenant's home page, the tenant switcher, and the pages around signing in and out. */
@Controller
class HomePage {

    /** A person with one tenant lands on its home; with several, on the first, and switches from there. */
    @GetMapping("/console")
    String start(@ModelAttribute("operator") Operator operator) {
        return operator == null || operator.tenants().isEmpty() || operator.permissions().isEmpty()
                ? "console/no-access" : "redirect:/console/t/" + operator.tenants().getFirst();
    }

    @GetMapping("/console/t/{tenantId}")
    String home(@PathVariable String tenantId, Model model) {
        model.addAttribute("tenant", tenantId);
        return "console/home";
    }

    /** The switcher's form; the tenant's pages check that the operator may open it. */
    @GetMapping("/console/switch")
    String switchTenant(@RequestParam String tenant) {
        return "redirect:/console/t/" + TechnicalId.parse("tenant", tenant);
    }

    @GetMapping("/console/signed-out")
    String signedOut() {
        return "console/signed-out";
    }

    /** Where a refusal is forwarded, whatever the refused request's method. */
    @RequestMapping("/console/forbidden")
    String forbidden() {
        return "console/forbidden";
    }
}
