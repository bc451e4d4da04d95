package org.consentplatform.adapter.in.rest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The access bundle in JSON-LD: records shaped after ISO/IEC TS 27560 in the W3C Data Privacy
 * Vocabulary ({@code dpv:}), Dublin Core ({@code dct:}) for dates and titles, and the platform's
 * own terms ({@code cp:}) where neither has one. docs/privacy.md and its JSON Schema describe it.
 */
final class SubjectAccessJson {

    static final String MEDIA_TYPE = "application/ld+json";

    static final Map<String, Object> CONTEXT = Map.of(
            "dpv", "https://w3id.org/dpv#",
            "dct", "http://purl.org/dc/terms/",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "cp", "https://consentplatform.org/ns/v1#",
            "dct:created", Map.of("@type", "xsd:dateTime"),
            "dct:modified", Map.of("@type", "xsd:dateTime"),
            "cp:birthDate", Map.of("@type", "xsd:date"));

    private SubjectAccessJson() {
    }

    @Schema(description = "Whom the request is about: a contact id, or contact points, not both. language (en, fr, pl) is "
            + "the PDF's; by default the one the person was last written to in.",
            example = "{\"contactPoints\": [{\"channel\": \"EMAIL\", \"address\": \"ann@example.com\"}], \"language\": \"fr\"}")
    public record AccessRequest(String contactId, List<ContactJson.ContactPoint> contactPoints, String language) {
    }

    /** A reference to a node by its IRI, such as a DPV term. */
    public record AccessNode(@JsonProperty("@id") String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessBundle(@JsonProperty("@context") Map<String, Object> context,
                         @JsonProperty("@id") String id,
                         @JsonProperty("@type") String type,
                         @JsonProperty("dct:created") Instant created,
                         @JsonProperty("dct:language") String language,
                         @JsonProperty("dpv:hasDataController") AccessNode controller,
                         @JsonProperty("dpv:hasDataSubject") AccessSubject subject,
                         @JsonProperty("cp:consentRecords") List<AccessConsentRecord> records,
                         @JsonProperty("cp:confirmationRequests") List<AccessConfirmationRequest> confirmationRequests) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessSubject(@JsonProperty("@id") String id,
                          @JsonProperty("@type") String type,
                          @JsonProperty("cp:contactId") String contactId,
                          @JsonProperty("cp:entityType") String entityType,
                          @JsonProperty("cp:contactPoints") List<AccessContactPoint> contactPoints) {
    }

    /**
     * A contact point; one the platform erased has no address, and says when and on which ground;
     * one flagged as a minor's says so, with the birth date held if any.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessContactPoint(@JsonProperty("cp:channel") String channel, @JsonProperty("cp:address") String address,
                                     @JsonProperty("cp:erasedAt") Instant erasedAt,
                                     @JsonProperty("cp:erasureGround") String erasureGround,
                                     @JsonProperty("cp:minor") Boolean minor,
                                     @JsonProperty("cp:birthDate") LocalDate birthDate) {
    }

    /** One record in the shape of a 27560 consent record; its events are its whole history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessConsentRecord(@JsonProperty("@id") String id,
                                @JsonProperty("@type") String type,
                                @JsonProperty("cp:schemaVersion") String schemaVersion,
                                @JsonProperty("dpv:hasDataSubject") AccessNode subject,
                                @JsonProperty("dpv:hasDataController") AccessNode controller,
                                @JsonProperty("cp:contactPoint") AccessContactPoint contactPoint,
                                @JsonProperty("dpv:hasPurpose") AccessPurpose purpose,
                                @JsonProperty("dpv:hasLegalBasis") AccessNode legalBasis,
                                @JsonProperty("dpv:hasRecipient") AccessRecipient recipient,
                                @JsonProperty("dpv:hasConsentStatus") AccessNode status,
                                @JsonProperty("dct:modified") Instant statusSince,
                                @JsonProperty("cp:events") List<AccessEvent> events,
                                @JsonProperty("cp:receipt") AccessReceipt receipt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessPurpose(@JsonProperty("@id") String id,
                          @JsonProperty("@type") String type,
                          @JsonProperty("dct:title") String title,
                          @JsonProperty("cp:profileId") String profileId,
                          @JsonProperty("cp:profileName") String profileName,
                          @JsonProperty("cp:purposeId") String purposeId,
                          @JsonProperty("cp:topicId") String topicId,
                          @JsonProperty("cp:topicName") String topicName) {
    }

    public record AccessRecipient(@JsonProperty("@type") String type, @JsonProperty("dct:title") String name) {
    }

    /** One entry of the record's hash-chained history, with its evidence. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessEvent(@JsonProperty("@id") String id,
                        @JsonProperty("@type") String type,
                        @JsonProperty("cp:seq") long seq,
                        @JsonProperty("cp:outcome") String outcome,
                        @JsonProperty("cp:rejection") String rejection,
                        @JsonProperty("cp:requestedState") String requestedState,
                        @JsonProperty("dpv:hasConsentStatus") AccessNode status,
                        @JsonProperty("dct:created") Instant recordedAt,
                        @JsonProperty("cp:capturedAt") Instant capturedAt,
                        @JsonProperty("cp:source") String source,
                        @JsonProperty("cp:actor") String actor,
                        @JsonProperty("cp:client") String client,
                        @JsonProperty("cp:evidence") AccessEvidence evidence,
                        @JsonProperty("cp:correlationId") String correlationId,
                        @JsonProperty("cp:previousHash") String previousHash,
                        @JsonProperty("cp:hash") String hash) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessEvidence(@JsonProperty("cp:wordingVersion") String wordingVersion,
                           @JsonProperty("cp:formId") String formId,
                           @JsonProperty("cp:clientAddress") String clientAddress,
                           @JsonProperty("cp:userAgent") String userAgent,
                           @JsonProperty("cp:guardian") String guardian,
                           @JsonProperty("cp:reason") String reason,
                           @JsonProperty("cp:notice") String notice,
                           @JsonProperty("cp:noticeHash") String noticeHash,
                           @JsonProperty("cp:noticeText") String noticeText) {
    }

    /** A signed receipt of the consent that stands, verifiable with the published receipt keys. */
    public record AccessReceipt(@JsonProperty("cp:jws") String jws, @JsonProperty("cp:verificationKeys") String keys) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessConfirmationRequest(@JsonProperty("@type") String type,
                                      @JsonProperty("cp:contactPoint") AccessContactPoint contactPoint,
                                      @JsonProperty("cp:profileId") String profileId,
                                      @JsonProperty("cp:purposeId") String purposeId,
                                      @JsonProperty("cp:topicId") String topicId,
                                      @JsonProperty("cp:wordingVersion") String wordingVersion,
                                      @JsonProperty("dct:language") String language,
                                      @JsonProperty("dct:created") Instant requestedAt,
                                      @JsonProperty("cp:expiresAt") Instant expiresAt,
                                      @JsonProperty("cp:confirmedAt") Instant confirmedAt) {
    }
}
