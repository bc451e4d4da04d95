package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ImportMapper {

    default ImportSpec toSpec(ImportJson.ImportRequest request) {
        if (request == null) {
            throw InvalidInputs.required("job");
        }
        Map<String, ImportSpec.ListTopic> lists = new LinkedHashMap<>();
        if (request.lists() != null) {
            request.lists().forEach((list, topic) -> {
                if (topic == null) {
                    throw DomainRejection.InvalidInput.of("lists." + list, "must name purposeId and topicId");
                }
                lists.put(InvalidInputs.requiredText("lists", list, 200), new ImportSpec.ListTopic(
                        TechnicalId.parse("lists." + list + ".purposeId", topic.purposeId()),
                        TechnicalId.parse("lists." + list + ".topicId", topic.topicId())));
            });
        }
        return new ImportSpec(request.shape(), request.format(),
                request.profileId() == null ? null : TechnicalId.parse("profileId", request.profileId()), lists, request.capturedAt());
    }

    /** The job as it stands at {@code now}: its pace and the time left are worked out from it. */
    default ImportJson.ImportJob toApi(ImportJob job, Instant now) {
        var counts = job.counts();
        return new ImportJson.ImportJob(job.id(), job.spec().shape(), job.spec().format(), ValueMapping.map(job.spec().profileId()),
                job.fileName(), ImportJson.ImportJobState.valueOf(job.state().name()), job.totalRows(),
                new ImportJson.ImportCounts(counts.read(), counts.applied(), counts.superseded(), counts.unchanged(), counts.rejected()),
                Math.round(job.rowsPerSecond(now) * 10) / 10.0, job.timeLeft(now).map(Object::toString).orElse(null),
                job.createdAt(), job.startedAt(), job.finishedAt(), job.failure(), job.cancelRequested());
    }
}
