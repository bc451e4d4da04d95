package org.consentplatform.adapter.in.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.domain.contactpoint.AddressFormat;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tenant settings for compliance officers: custom channels, how addresses are normalised, the age
 * of digital consent, and the contact-level switch, whose dry run (which contacts' decisions flip)
 * is shown before it is saved.
 */
@Controller
class SettingsPage {

    private final ManageTenants tenants;

    SettingsPage(ManageTenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/console/t/{tenantId}/settings")
    String settings(@PathVariable String tenantId, Model model) {
        TenantSettings current = tenants.settings(new TenantId(tenantId));
        return page(model, tenantId, current, channelsText(current.customChannels()), current.checkContactLevelConsent(),
                current.lowercaseWholeEmail(), current.defaultPhoneRegion() == null ? "" : current.defaultPhoneRegion(),
                String.valueOf(current.ageOfDigitalConsent()), current.honourGlobalPrivacyControl());
    }

    @PostMapping("/console/t/{tenantId}/settings")
    String save(@PathVariable String tenantId, @RequestParam(required = false) String checkContactLevelConsent,
                @RequestParam(required = false) String lowercaseWholeEmail, @RequestParam(required = false) String defaultPhoneRegion,
                @RequestParam(required = false) String ageOfDigitalConsent, @RequestParam(required = false) String customChannels,
                @RequestParam(required = false) String honourGlobalPrivacyControl,
                @RequestParam(required = false) String confirmedSwitch, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        TenantId tenant = new TenantId(tenantId);
        TenantSettings current = tenants.settings(tenant);
        boolean contactLevel = checkContactLevelConsent != null;
        boolean gpc = honourGlobalPrivacyControl != null;
        String channels = customChannels == null ? "" : customChannels;
        String region = defaultPhoneRegion == null ? "" : defaultPhoneRegion.strip();
        String age = ageOfDigitalConsent == null ? "" : ageOfDigitalConsent.strip();
        try {
            var input = new InputCheck();
            List<ChannelDefinition> parsed = channels(input, channels);
            Integer ageValue = input.attempt(() -> {
                try {
                    return age.isEmpty() ? null : Integer.valueOf(age);
                } catch (NumberFormatException e) {
                    throw DomainRejection.InvalidInput.of("ageOfDigitalConsent", "must be a whole number from 13 to 16");
                }
            });
            input.verify();
            // the history retention is not on this page: it stays as it is
            TenantSettings revised = new TenantSettings(contactLevel, lowercaseWholeEmail != null, region.isEmpty() ? null : region,
                    parsed, ageValue, current.historyRetention(), gpc);
            if (contactLevel != current.checkContactLevelConsent() && !String.valueOf(contactLevel).equals(confirmedSwitch)) {
                model.addAttribute("impact", tenants.dryRunContactLevelConsent(tenant, contactLevel, null))
                        .addAttribute("confirmedSwitch", String.valueOf(contactLevel));
                return page(model, tenantId, current, channels, contactLevel, lowercaseWholeEmail != null, region, age, gpc);
            }
            tenants.configure(tenant, revised);
        } catch (DomainRejection.InvalidInput | DomainRejection.RuleViolation refused) {
            response.setStatus(refused instanceof DomainRejection.RuleViolation ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", refused instanceof DomainRejection.InvalidInput invalid
                    ? invalid.violations().stream().map(v -> v.field() + ": " + v.reason()).toList() : List.of(refused.getMessage()));
            return page(model, tenantId, current, channels, contactLevel, lowercaseWholeEmail != null, region, age, gpc);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/t/" + tenantId + "/settings";
    }

    private static String page(Model model, String tenantId, TenantSettings current, String channels, boolean contactLevel,
                               boolean lowercase, String region, String age, boolean gpc) {
        model.addAttribute("tenant", tenantId).addAttribute("current", current).addAttribute("channelsText", channels)
                .addAttribute("contactLevel", contactLevel).addAttribute("lowercase", lowercase).addAttribute("region", region)
                .addAttribute("age", age).addAttribute("gpc", gpc).addAttribute("formats", AddressFormat.values());
        return "console/settings";
    }

    /** One custom channel per line: {@code ID | name | FORMAT}. */
    private static List<ChannelDefinition> channels(InputCheck input, String text) {
        var definitions = new ArrayList<ChannelDefinition>();
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\\|", -1);
            String field = "customChannels[" + i + "]";
            if (parts.length != 3) {
                input.refuse(field, "write each line as: ID | name | " + java.util.Arrays.stream(AddressFormat.values())
                        .map(Enum::name).collect(Collectors.joining(" or ")));
                continue;
            }
            TechnicalId id = input.id(field + ".channel", parts[0].strip());
            AddressFormat format = FormValues.named(input, field + ".addressFormat", AddressFormat.class, parts[2].strip());
            if (id != null && format != null) {
                ChannelDefinition definition = input.attempt(() -> new ChannelDefinition(new Channel(id),
                        parts[1].strip().isEmpty() ? null : parts[1].strip(), format));
                if (definition != null) {
                    definitions.add(definition);
                }
            } else if (id != null) {
                input.required(field + ".addressFormat", format);
            }
        }
        return definitions;
    }

    private static String channelsText(List<ChannelDefinition> channels) {
        return channels.stream().map(c -> c.channel() + " | " + (c.name() == null ? "" : c.name()) + " | " + c.addressFormat().name())
                .collect(Collectors.joining("\n"));
    }
}
