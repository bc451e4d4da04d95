package org.consentplatform.adapter.in.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * The tenant's audit trail for an auditor: the history searched with the API's filters and
 * paged, the matching entries exported as a streamed NDJSON file, and the tenant-wide chain
 * verification with the checkpoint hash to compare with the copy on Kafka.
 */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;

    private final ReadHistory history;
    private final JsonMapper json;

    AuditPage(ReadHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    /** The search form's fields, as the browser sends them; empty means "any". */
    record Search(String from, String to, String channel, String address, String profile, String purpose, String source,
                  String actor, String client, String outcome) {

        ReadHistory.HistoryFilter filter() {
            var input = new InputCheck();
            Instant fromInstant = FormValues.utc(input, "from", from);
            Instant toInstant = FormValues.utc(input, "to", to);
            RawContactPoint contactPoint = FormValues.blank(address) ? null
                    : input.attempt(() -> RawContactPoint.parse(FormValues.blank(channel) ? "EMAIL" : channel, address.strip()));
            var profileId = input.optionalId("profile", FormValues.blank(profile) ? null : profile);
            var purposeId = input.optionalId("purpose", FormValues.blank(purpose) ? null : purpose);
            Source sourceValue = FormValues.named(input, "source", Source.class, source);
            ChangeOutcome outcomeValue = FormValues.named(input, "outcome", ChangeOutcome.class, outcome);
            input.verify();
            return new ReadHistory.HistoryFilter(fromInstant, toInstant, contactPoint, profileId, purposeId, sourceValue,
                    FormValues.blank(actor) ? null : actor.strip(), FormValues.blank(client) ? null : client.strip(), outcomeValue);
        }

        boolean empty() {
            return Stream.of(from, to, address, profile, purpose, source, actor, client, outcome).allMatch(FormValues::blank);
        }
    }

    @GetMapping("/console/t/{tenantId}/audit")
    String audit(@PathVariable String tenantId, @ModelAttribute("search") Search search,
                 @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("tenant", tenantId).addAttribute("search", search).addAttribute("sources", Source.values())
                .addAttribute("outcomes", ChangeOutcome.values());
        if (!search.empty() || cursor != null) {
            model.addAttribute("changes", history.search(new TenantId(tenantId), search.filter(), cursor, PAGE_SIZE));
        }
        return "console/audit";
    }

    /** Verification reads every record of the tenant: a POST, so that no link or prefetch starts it. */
    @PostMapping("/console/t/{tenantId}/audit/verify")
    String verify(@PathVariable String tenantId, Model model) {
        model.addAttribute("verification", history.verifyTenant(new TenantId(tenantId)));
        return audit(tenantId, new Search(null, null, null, null, null, null, null, null, null, null), null, model);
    }

    @GetMapping("/console/t/{tenantId}/audit/export")
    void export(@PathVariable String tenantId, @ModelAttribute Search search, HttpServletResponse response) throws IOException {
        ReadHistory.HistoryFilter filter = search.filter(); // refused before a byte is written
        response.setContentType("application/x-ndjson");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"history-" + tenantId + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".ndjson\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        history.export(new TenantId(tenantId), filter, exported -> {
            try {
                out.write(json.writeValueAsBytes(Line.of(exported)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** One exported entry: the API's change fields, with the purpose's legal basis and partner. */
    record Line(String id, long seq, String profileId, String channel, String address, String purposeId, String topicId,
                String outcome, String rejectedBy, String requestedState, String state, Instant capturedAt, Instant recordedAt,
                String source, String actor, String actorClient, Evidence evidence, String legalBasis, String partner,
                String correlationId, String previousHash, String hash) {

        static Line of(ReadHistory.ExportedChange exported) {
            ConsentChange c = exported.change();
            RecordState after = c.after();
            return new Line(c.id(), c.seq(), c.key().profileId().value(), c.key().contactPoint().channel().toString(),
                    c.key().contactPoint().address(), c.key().purposeId().value(), c.key().topic().map(Object::toString).orElse(null),
                    c.outcome().name(), c.rejection() == null ? null : c.rejection().rule(),
                    c.requestedState() == null ? null : c.requestedState().name(),
                    after == null || after.state() == null ? null : after.state().name(), c.capturedAt(), c.recordedAt(),
                    c.source().name(), c.actor().id(), c.actor().client(), c.evidence(),
                    exported.legalBasis() == null ? null : exported.legalBasis().name(),
                    exported.partner(), c.correlationId(), c.previousHash(), c.hash());
        }
    }
}
