package org.consentplatform.adapter.in.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.enforcement.ModelChangeImpact;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ModelRevision;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compliance profiles for compliance officers: the list with their warnings, a new profile, and
 * the editor of purposes, topics and models. A revision that changes a model is shown its dry
 * run first (how many contact points flip each way, with a sample) and saved only once confirmed;
 * an edit of a version someone else has revised meanwhile is refused (the API's ETag check).
 */
@Controller
class ProfilesPage {

    private final ManageProfiles profiles;
    private final ManageTenants tenants;

    ProfilesPage(ManageProfiles profiles, ManageTenants tenants) {
        this.profiles = profiles;
        this.tenants = tenants;
    }

    @GetMapping("/console/t/{tenantId}/profiles")
    String list(@PathVariable String tenantId, Model model) {
        model.addAttribute("tenant", tenantId).addAttribute("profiles", profiles.list(new TenantId(tenantId)));
        return "console/profiles";
    }

    @PostMapping("/console/t/{tenantId}/profiles")
    String create(@PathVariable String tenantId, @RequestParam(required = false) String id, @RequestParam(required = false) String name,
                  RedirectAttributes redirect) {
        TechnicalId profileId = TechnicalId.parse("id", id == null ? null : id.strip());
        profiles.create(new TenantId(tenantId), profileId, new ProfileDefinition(name == null || name.isBlank() ? null : name.strip(),
                null, null, null));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/t/" + tenantId + "/profiles/" + profileId;
    }

    @GetMapping("/console/t/{tenantId}/profiles/{profileId}")
    String edit(@PathVariable String tenantId, @PathVariable String profileId, Model model) {
        TenantId tenant = new TenantId(tenantId);
        ComplianceProfile profile = profiles.get(tenant, TechnicalId.parse("profileId", profileId));
        List<ChannelDefinition> channels = tenants.settings(tenant).channels();
        return editor(model, tenantId, profile, ProfileForm.of(profile, channels), channels);
    }

    @PostMapping("/console/t/{tenantId}/profiles/{profileId}")
    String save(@PathVariable String tenantId, @PathVariable String profileId, @RequestParam Map<String, String> fields,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TenantId tenant = new TenantId(tenantId);
        ComplianceProfile current = profiles.get(tenant, TechnicalId.parse("profileId", profileId));
        List<ChannelDefinition> channels = tenants.settings(tenant).channels();
        ProfileForm form = ProfileForm.of(fields, channels, current);
        try {
            ProfileDefinition revised = form.definition(current);
            current.revise(revised, form.version()); // refused here (stale, type changed) before any dry run is shown; saves nothing
            List<ModelRevision> revisions = ModelRevision.between(current, revised);
            String fingerprint = fingerprint(revisions);
            if (!revisions.isEmpty() && !fingerprint.equals(fields.get("confirmedRevisions"))) {
                // shown first, saved only when the same changes come back confirmed
                List<ModelChangeImpact> impacts = revisions.stream().map(revision -> profiles.dryRun(tenant, current.id(),
                        new ManageProfiles.ModelChange(revision.purposeId(), revision.channel(), revision.to()))).toList();
                model.addAttribute("impacts", impacts).addAttribute("confirmedRevisions", fingerprint);
                return editor(model, tenantId, current, form, channels);
            }
            profiles.revise(tenant, current.id(), revised, form.version());
        } catch (DomainRejection.InvalidInput | DomainRejection.RuleViolation | DomainRejection.ConcurrentChange refused) {
            response.setStatus(refused instanceof DomainRejection.ConcurrentChange ? HttpServletResponse.SC_CONFLICT
                    : refused instanceof DomainRejection.RuleViolation ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", refused instanceof DomainRejection.InvalidInput invalid
                    ? invalid.violations().stream().map(v -> v.field() + ": " + v.reason()).toList() : List.of(refused.getMessage()));
            model.addAttribute("stale", refused instanceof DomainRejection.ConcurrentChange);
            return editor(model, tenantId, current, form, channels);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/t/" + tenantId + "/profiles/" + profileId;
    }

    private static String editor(Model model, String tenantId, ComplianceProfile profile, ProfileForm form, List<ChannelDefinition> channels) {
        model.addAttribute("tenant", tenantId).addAttribute("profile", profile).addAttribute("form", form)
                .addAttribute("channels", channels).addAttribute("warnings", profile.complianceWarnings())
                .addAttribute("types", PurposeType.values()).addAttribute("bases", LegalBasis.values())
                .addAttribute("models", EnforcementModel.values()).addAttribute("deliveries", DoubleOptInSettings.Delivery.values());
        return "console/profile";
    }

    /** The model changes a dry run was shown for, so that a confirmation is of exactly those. */
    private static String fingerprint(List<ModelRevision> revisions) {
        return revisions.stream().map(r -> r.purposeId() + ":" + r.channel() + ":" + r.from() + ">" + r.to()).collect(Collectors.joining(","));
    }
}
