package org.consentplatform.adapter.in.rest.api;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.privacy.ConsentStatus;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The access bundle as a document a person can read, in their language: rendered from the
 * {@code subject-access} template, then laid out as PDF by openhtmltopdf.
 */
@Component
class SubjectAccessPdf {

    static final String MEDIA_TYPE = "application/pdf";

    /** PDFBox ships Liberation Sans; unlike the standard PDF fonts it writes Polish letters. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ITemplateEngine templates;

    SubjectAccessPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(SubjectAccess access) {
        String html = templates.process("subject-access", new Context(Locale.forLanguageTag(access.language()), Map.of(
                "access", access,
                "compiledAt", when(access.compiledAt()),
                "contactPoints", access.contactPoints().stream().map(point -> new PointView(contactPoint(point),
                        access.minors().containsKey(point), Optional.ofNullable(access.minors().get(point))
                        .map(MinorFlag::birthDate).map(LocalDate::toString).orElse(null))).toList(),
                "records", access.records().stream().map(SubjectAccessPdf::record).toList(),
                "requests", access.confirmationRequests().stream().map(SubjectAccessPdf::request).toList())));
        var pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useFont(() -> SubjectAccessPdf.class.getResourceAsStream(FONT), "Liberation Sans")
                    .withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("the access PDF could not be laid out", e);
        }
        return pdf.toByteArray();
    }

    /** One of the person's contact points, and whether it is flagged as a minor's. */
    record PointView(String point, boolean minor, String birthDate) {
    }

    /** What the template shows of one record; statuses are message keys. */
    record RecordView(String profile, String purpose, String topic, String contactPoint, String status, String since,
                      List<EntryView> entries) {
    }

    record EntryView(long seq, String recordedAt, String capturedAt, String status, String outcome, String source,
                     String wording, String form) {
    }

    record RequestView(String contactPoint, String purpose, String language, String requestedAt, String confirmedAt) {
    }

    private static RecordView record(SubjectAccess.Disclosed record) {
        var key = record.key();
        return new RecordView(record.profile() == null ? key.profileId().value() : record.profile().name(),
                record.purpose().map(purpose -> purpose.name()).orElse(key.purposeId().value()),
                key.topic().map(id -> record.topic().map(topic -> topic.name()).orElse(id.value())).orElse(null),
                contactPoint(key.contactPoint()), record.status().map(ConsentStatus::name).orElse(null),
                record.current().map(state -> when(state.capturedAt())).orElse(null),
                record.history().stream().map(entry -> entry(record, entry)).toList());
    }

    private static EntryView entry(SubjectAccess.Disclosed record, ConsentChange entry) {
        return new EntryView(entry.seq(), when(entry.recordedAt()), when(entry.capturedAt()),
                record.statusAfter(entry).map(ConsentStatus::name).orElse(null), entry.outcome().name(), entry.source().name(),
                entry.evidence() == null ? null : entry.evidence().wordingVersion(),
                entry.evidence() == null ? null : entry.evidence().formId());
    }

    private static RequestView request(ConfirmationRequest request) {
        var key = request.key();
        return new RequestView(contactPoint(key.contactPoint()), key.profileId() + " / " + key.purposeId()
                + key.topic().map(topic -> " / " + topic).orElse(""), request.language(), when(request.requestedAt()),
                request.confirmedAt() == null ? null : when(request.confirmedAt()));
    }

    /** An address the platform no longer holds (erased) is shown by its channel alone. */
    private static String contactPoint(ContactPoint point) {
        return point.isWithheld() ? point.channel() + " —" : point.channel() + " " + point.address();
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant);
    }
}
