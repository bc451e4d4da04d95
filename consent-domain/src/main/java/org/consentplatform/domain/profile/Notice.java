package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wording shown for a purpose, or for one topic of it (domain rules §15), with every version
 * it ever had, oldest first. A default consent's wording is its purpose's notice.
 *
 * @param topicId null for the purpose's own notice
 */
public record Notice(TechnicalId id, TechnicalId purposeId, TechnicalId topicId, List<NoticeVersion> versions) {

    public Notice {
        InvalidInputs.requireNonNull("notices.id", id);
        InvalidInputs.requireNonNull("notices.purposeId", purposeId);
        versions = List.copyOf(versions == null ? List.of() : versions);
        if (versions.isEmpty()) {
            throw DomainRejection.InvalidInput.of("notices.versions", "notice '" + id + "' needs at least one version");
        }
        var labels = new HashSet<String>();
        for (int i = 0; i < versions.size(); i++) {
            if (!labels.add(versions.get(i).version())) {
                throw DomainRejection.InvalidInput.of("notices.versions", "version '" + versions.get(i).version() + "' of notice '" + id
                        + "' is listed twice");
            }
            if (i > 0 && !versions.get(i).effectiveAt().isAfter(versions.get(i - 1).effectiveAt())) {
                throw DomainRejection.InvalidInput.of("notices.versions", "versions of notice '" + id
                        + "' are listed oldest first, each in effect after the one before");
            }
        }
    }

    public Optional<NoticeVersion> version(String label) {
        return versions.stream().filter(version -> version.version().equals(label)).findFirst();
    }

    /** The newest material version in effect at that moment, if any. */
    public Optional<NoticeVersion> materialInEffect(Instant now) {
        NoticeVersion found = null;
        for (NoticeVersion version : versions) {
            if (version.material() && version.inEffectAt(now)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }

    /** How a change's evidence names a version of this notice: {@code <notice id>@<version>}. */
    public String reference(NoticeVersion version) {
        return id.value() + "@" + version.version();
    }

    /** The version a change's evidence names, when the reference is to this notice. */
    public Optional<NoticeVersion> versionNamed(String reference) {
        String prefix = id.value() + "@";
        return reference != null && reference.startsWith(prefix) ? version(reference.substring(prefix.length())) : Optional.empty();
    }

    /**
     * Whether an opt-in captured at {@code capturedAt} under the version the evidence names (null:
     * none named, the version then in effect is assumed) was given under a version older than
     * {@code material}.
     */
    public boolean givenBefore(NoticeVersion material, String namedReference, Instant capturedAt) {
        Instant seen = versionNamed(namedReference).map(NoticeVersion::effectiveAt).orElse(capturedAt);
        return seen != null && seen.isBefore(material.effectiveAt());
    }

    /** A revision keeps every version published before, as it was: history is not rewritten. */
    void requireKept(Notice revised) {
        for (NoticeVersion version : versions) {
            if (revised.version(version.version()).filter(version::equals).isEmpty()) {
                throw new DomainRejection.RuleViolation("notice-version-kept", "version '" + version.version() + "' of notice '" + id
                        + "' was published: it stays as it is; publish a new version instead");
            }
        }
        if (!revised.purposeId().equals(purposeId) || !Objects.equals(revised.topicId(), topicId)) {
            throw new DomainRejection.RuleViolation("notice-version-kept", "notice '" + id + "' keeps the purpose and topic it is for");
        }
    }
}
