package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.privacy.ConsentStatus;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Tells an access bundle in JSON-LD; every IRI the platform mints is a URN under the tenant's. */
@Component
class SubjectAccessMapper {

    static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";

    /** Whom the request names; a malformed part is refused with its field. */
    ConsentCenter.PersonQuery toQuery(SubjectAccessJson.AccessRequest request) {
        var input = new InputCheck();
        TechnicalId contactId = input.optionalId("contactId", request.contactId());
        List<RawContactPoint> points = request.contactPoints() == null ? List.of() : input.attempt(() -> ValueMapping.indexed(
                "contactPoints", request.contactPoints(), point -> RawContactPoint.parse(point.channel(), point.address())));
        input.verify();
        return new ConsentCenter.PersonQuery(contactId, points, null);
    }

    SubjectAccessJson.AccessBundle toJsonLd(SubjectAccess access) {
        String tenant = tenantIri(access.tenant());
        var subject = new SubjectAccessJson.AccessNode(subjectIri(access));
        return new SubjectAccessJson.AccessBundle(SubjectAccessJson.CONTEXT, "urn:uuid:" + access.id(), "cp:SubjectAccessBundle",
                access.compiledAt(), access.language(), new SubjectAccessJson.AccessNode(tenant),
                new SubjectAccessJson.AccessSubject(subject.id(), "dpv:DataSubject",
                        access.contact() == null ? null : access.contact().id().value(),
                        access.contact() == null ? null : access.contact().type().name(),
                        access.contactPoints().stream().map(point -> subjectsPoint(point, access.suppressions().get(point),
                                access.minors().get(point))).toList()),
                access.records().stream().map(record -> record(access.tenant(), subject, record, access.language())).toList(),
                access.confirmationRequests().stream().map(SubjectAccessMapper::confirmation).toList());
    }

    private static SubjectAccessJson.AccessConsentRecord record(TenantId tenant, SubjectAccessJson.AccessNode subject,
                                                          SubjectAccess.Disclosed record, String language) {
        var key = record.key();
        String recordId = UUID.nameUUIDFromBytes((tenant.value() + "|" + key.value()).getBytes(StandardCharsets.UTF_8)).toString();
        Purpose purpose = record.purpose().orElse(null);
        Topic topic = record.topic().orElse(null);
        String purposeIri = tenantIri(tenant) + ":profile:" + encode(key.profileId().value()) + ":purpose:" + encode(key.purposeId().value())
                + key.topic().map(id -> ":topic:" + encode(id.value())).orElse("");
        return new SubjectAccessJson.AccessConsentRecord("urn:uuid:" + recordId, "cp:ConsentRecord", SCHEMA_VERSION, subject,
                new SubjectAccessJson.AccessNode(tenantIri(tenant)), contactPoint(key.contactPoint()),
                new SubjectAccessJson.AccessPurpose(purposeIri, "dpv:Purpose", purpose == null ? null : purpose.name(),
                        key.profileId().value(), record.profile() == null ? null : record.profile().name(),
                        key.purposeId().value(), key.topic().map(id -> id.value()).orElse(null), topic == null ? null : topic.name()),
                purpose == null ? null : new SubjectAccessJson.AccessNode(legalBasis(purpose.legalBasis())),
                purpose == null || purpose.partner() == null ? null : new SubjectAccessJson.AccessRecipient("dpv:ThirdParty", purpose.partner()),
                record.status().map(SubjectAccessMapper::status).orElse(null),
                record.current().map(state -> state.capturedAt()).orElse(null),
                record.history().stream().map(entry -> event(tenant, record, entry, language)).toList(),
                record.receipt() == null ? null : new SubjectAccessJson.AccessReceipt(record.receipt().jws(), PublicPaths.RECEIPT_KEYS));
    }

    private static SubjectAccessJson.AccessEvent event(TenantId tenant, SubjectAccess.Disclosed record, ConsentChange entry,
                                                       String language) {
        return new SubjectAccessJson.AccessEvent(tenantIri(tenant) + ":change:" + encode(entry.id()), "cp:ConsentEvent", entry.seq(),
                entry.outcome().name(), entry.rejection() == null ? null : entry.rejection().reason(),
                entry.requestedState() == null ? null : entry.requestedState().name(),
                record.statusAfter(entry).map(SubjectAccessMapper::status).orElse(null), entry.recordedAt(), entry.capturedAt(),
                entry.source().name(), entry.actor().id(), entry.actor().client(), evidence(record, entry.evidence(), language),
                entry.correlationId(), entry.previousHash(), entry.hash());
    }

    /** The evidence, with the words of the notice version the person agreed to (§15) when the profile still has them. */
    private static SubjectAccessJson.AccessEvidence evidence(SubjectAccess.Disclosed record, Evidence evidence, String language) {
        Evidence e = evidence == null ? Evidence.NONE : evidence;
        String text = e.notice() == null || record.profile() == null ? null
                : record.profile().noticeVersion(e.notice()).map(version -> version.text(language)).orElse(null);
        return new SubjectAccessJson.AccessEvidence(e.wordingVersion(), e.formId(), e.clientAddress(), e.userAgent(), e.guardian(), e.reason(),
                e.notice(), e.noticeHash(), text);
    }

    private static SubjectAccessJson.AccessConfirmationRequest confirmation(ConfirmationRequest request) {
        var key = request.key();
        return new SubjectAccessJson.AccessConfirmationRequest("cp:ConfirmationRequest", contactPoint(key.contactPoint()),
                key.profileId().value(), key.purposeId().value(), key.topic().map(id -> id.value()).orElse(null),
                request.wordingVersion(), request.language(), request.requestedAt(), request.expiresAt(), request.confirmedAt());
    }

    private static SubjectAccessJson.AccessNode status(ConsentStatus status) {
        return new SubjectAccessJson.AccessNode(status.term());
    }

    /** GDPR Art. 6 grounds as DPV's legal bases. */
    static String legalBasis(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "dpv:Consent";
            case CONTRACT -> "dpv:Contract";
            case LEGITIMATE_INTEREST -> "dpv:LegitimateInterest";
            case LEGAL_OBLIGATION -> "dpv:LegalObligation";
            case VITAL_INTEREST -> "dpv:VitalInterest";
            case PUBLIC_TASK -> "dpv:PublicInterest";
        };
    }

    private static SubjectAccessJson.AccessContactPoint contactPoint(ContactPoint point) {
        return subjectsPoint(point, null, null);
    }

    /**
     * The person's contact point, with its erasure if it was erased (its address is gone then, or
     * given anew) and its minor flag if it has one.
     */
    private static SubjectAccessJson.AccessContactPoint subjectsPoint(ContactPoint point, Suppression suppression, MinorFlag minor) {
        return new SubjectAccessJson.AccessContactPoint(point.channel().toString(), point.address(),
                suppression == null ? null : suppression.erasedAt(), suppression == null ? null : suppression.legalReference(),
                minor == null ? null : true, minor == null ? null : minor.birthDate());
    }

    private static String subjectIri(SubjectAccess access) {
        return access.contact() == null ? "urn:uuid:" + access.id() + "#subject"
                : tenantIri(access.tenant()) + ":contact:" + encode(access.contact().id().value());
    }

    private static String tenantIri(TenantId tenant) {
        return "urn:consent-platform:tenant:" + encode(tenant.value());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
