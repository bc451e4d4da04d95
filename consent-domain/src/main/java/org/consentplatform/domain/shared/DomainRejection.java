package org.consentplatform.domain.shared;

import java.util.List;

/**
 * An expected business rejection. The core knows no HTTP: the REST adapter maps each kind
 * to a problem type and a status.
 */
public abstract sealed class DomainRejection extends RuntimeException
        permits DomainRejection.InvalidInput, DomainRejection.NotFound, DomainRejection.RuleViolation,
        DomainRejection.ConcurrentChange, DomainRejection.AlreadyExists, DomainRejection.TooManyRequests {

    private DomainRejection(String message) {
        super(message, null, false, false);
    }

    /** Input that can never be accepted as given, with every offending field. */
    public static final class InvalidInput extends DomainRejection {
        private final List<Violation> violations;

        public InvalidInput(List<Violation> violations) {
            super(violations.isEmpty() ? "invalid input" : violations.getFirst().field() + ": " + violations.getFirst().reason());
            this.violations = List.copyOf(violations);
        }

        public static InvalidInput of(String field, String reason) {
            return new InvalidInput(List.of(new Violation(field, reason)));
        }

        public List<Violation> violations() {
            return violations;
        }

        /** The same violations, each field prefixed (for example by the position in a batch). */
        public InvalidInput prefixed(String prefix) {
            return new InvalidInput(violations.stream()
                    .map(v -> new Violation(prefix + "." + v.field(), v.reason()))
                    .toList());
        }
    }

    /** A referenced thing does not exist within the tenant. */
    public static final class NotFound extends DomainRejection {
        public NotFound(String message) {
            super(message);
        }
    }

    /** Well-formed input that a business rule forbids. */
    public static final class RuleViolation extends DomainRejection {
        private final String rule;

        public RuleViolation(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        /** A stable, kebab-case name of the rule. */
        public String rule() {
            return rule;
        }
    }

    /** Someone else changed the thing first; reload and retry. */
    public static final class ConcurrentChange extends DomainRejection {
        public ConcurrentChange(String message) {
            super(message);
        }
    }

    /** A limit that protects people from abuse (for instance confirmation mails to one address) is reached for now. */
    public static final class TooManyRequests extends DomainRejection {
        private final java.time.Duration retryAfter;

        public TooManyRequests(String message, java.time.Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Creation of something whose identifier is already taken. */
    public static final class AlreadyExists extends DomainRejection {
        public AlreadyExists(String message) {
            super(message);
        }
    }
}
