package org.consentplatform.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses what a caller wrote into domain values field by field, collecting every reason one is
 * refused, then refuses once with all of them. A refused field reads as null until {@link #verify()}.
 */
public final class InputCheck {

    private final List<Violation> violations = new ArrayList<>();

    public TechnicalId id(String field, String raw) {
        return attempt(() -> TechnicalId.parse(field, raw));
    }

    public TechnicalId optionalId(String field, String raw) {
        return raw == null ? null : id(field, raw);
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            refuse(field, "is required");
        }
        return value;
    }

    /** A reason no single field's parse can see, such as two fields that go together. */
    public void refuse(String field, String reason) {
        violations.add(new Violation(field, reason));
    }

    /** The parsed value, or null with the parse's reasons kept. */
    public <T> T attempt(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainRejection.InvalidInput e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    /** @throws DomainRejection.InvalidInput with every reason collected, if there is one */
    public void verify() {
        if (!violations.isEmpty()) {
            throw new DomainRejection.InvalidInput(violations);
        }
    }
}
