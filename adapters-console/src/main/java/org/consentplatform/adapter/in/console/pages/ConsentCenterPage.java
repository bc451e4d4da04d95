package org.consentplatform.adapter.in.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.console.ConsoleProperties;
import org.consentplatform.adapter.in.console.security.Operator;
import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.slf4j.MDC;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.Serializable;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The consent center: find a person by email, phone or contact id; read each purpose and topic
 * on each of their contact points beside what a message would get now, and why; change a record
 * as an operator, with a reason, which the next decision sees.
 */
@Controller
class ConsentCenterPage {

    /** The channels of the at-a-glance summary. */
    static final List<Channel> SUMMARY = List.of(Channel.EMAIL, Channel.SMS, Channel.VOICE);

    private final ConsentCenter center;
    private final ManageProfiles profiles;
    private final CaptureConsent capture;
    private final ConsoleProperties console;
    private final Clock clock;

    ConsentCenterPage(ConsentCenter center, ManageProfiles profiles, CaptureConsent capture, ConsoleProperties console, Clock clock) {
        this.center = center;
        this.profiles = profiles;
        this.capture = capture;
        this.console = console;
        this.clock = clock;
    }

    /** What an operator's change did, for the page after the redirect. */
    public record Changed(String subject, String address, String state, String outcome) implements Serializable {
    }

    /** How the operator names the person. */
    enum Kind {
        EMAIL, PHONE, CONTACT;

        ConsentCenter.PersonQuery query(String find) {
            String value = find.strip();
            return switch (this) {
                case EMAIL -> ConsentCenter.PersonQuery.contactPoints(List.of(new RawContactPoint(Channel.EMAIL, value)));
                case PHONE -> ConsentCenter.PersonQuery.contactPoints(List.of(new RawContactPoint(Channel.SMS, value),
                        new RawContactPoint(Channel.VOICE, value)));
                case CONTACT -> ConsentCenter.PersonQuery.contact(TechnicalId.parse("find", value));
            };
        }

        static Kind of(String raw) {
            try {
                return raw == null ? EMAIL : valueOf(raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainRejection.InvalidInput.of("kind", "must be email, phone or contact");
            }
        }
    }

    @GetMapping("/console/t/{tenantId}/people")
    String find(@PathVariable String tenantId, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String find, @RequestParam(required = false) String profile, Model model) {
        Kind by = Kind.of(kind);
        TechnicalId oneProfile = profile == null || profile.isBlank() ? null : TechnicalId.parse("profile", profile);
        model.addAttribute("tenant", tenantId).addAttribute("kind", by).addAttribute("find", find == null ? "" : find)
                .addAttribute("profile", oneProfile == null ? "" : oneProfile.value())
                .addAttribute("profiles", profiles.list(new TenantId(tenantId)))
                .addAttribute("summaryChannels", SUMMARY).addAttribute("kinds", Kind.values());
        if (find != null && !find.isBlank()) {
            model.addAttribute("person", center.person(new TenantId(tenantId), by.query(find).inProfile(oneProfile)));
        }
        return "console/people";
    }

    @PostMapping("/console/t/{tenantId}/people/records")
    String change(@PathVariable String tenantId, @ModelAttribute("operator") Operator operator,
                  @RequestParam String profileId, @RequestParam String purposeId, @RequestParam(required = false) String topicId,
                  @RequestParam String channel, @RequestParam String address, @RequestParam String state,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String find, @RequestParam(name = "only", required = false) String only,
                  Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        TenantId tenant = new TenantId(tenantId);
        Kind by = Kind.of(kind);
        try {
            var command = new CaptureConsent.CaptureCommand(TechnicalId.parse("profileId", profileId),
                    RawContactPoint.parse(channel, address), TechnicalId.parse("purposeId", purposeId),
                    topicId == null || topicId.isBlank() ? null : TechnicalId.parse("topicId", topicId),
                    stateOf(state), clock.instant(), Source.OPERATOR, Evidence.because(reason), null);
            ConsentChange change = capture.capture(tenant, command, new CaptureConsent.Caller(operator.actor(console.actorClient()), correlationId()));
            // the flash map lives in the session, which holds serialisable values only
            redirect.addFlashAttribute("changed", new Changed(change.key().topic().orElse(change.key().purposeId()).value(),
                    change.key().contactPoint().address(), change.after() == null || change.after().state() == null ? "ABSENT"
                    : change.after().state().name(), change.outcome().name()));
        } catch (DomainRejection.InvalidInput refused) {
            // the person's page again, with what was wrong; nothing was recorded
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", refused.violations());
            return find(tenantId, by.name(), find, only, model);
        }
        // values expanded into an encoded template are encoded strictly: a phone number's "+" stays a plus
        var values = new HashMap<String, String>(Map.of("tenant", tenantId, "kind", by.name().toLowerCase(Locale.ROOT),
                "find", find == null ? address : find));
        var url = UriComponentsBuilder.fromPath("/console/t/{tenant}/people").queryParam("kind", "{kind}").queryParam("find", "{find}");
        if (only != null && !only.isBlank()) {
            values.put("profile", only);
            url.queryParam("profile", "{profile}");
        }
        return "redirect:" + url.encode().buildAndExpand(values).toUriString();
    }

    /** The state named by the form; which states an operator may record is the capture's rule. */
    private static ConsentState stateOf(String raw) {
        var input = new InputCheck();
        ConsentState state = input.required("state", FormValues.named(input, "state", ConsentState.class, raw));
        input.verify();
        return state;
    }

    private static String correlationId() {
        String id = MDC.get("correlationId");
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
