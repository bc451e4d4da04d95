package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

/**
 * Why a rule refused a capture that named a record (§11). It is kept in the record's history,
 * which is hash-chained and outlives the person's address, so the reason never names the address.
 *
 * @param rule   a stable, kebab-case name of the rule, as the API's 422 names it
 * @param reason what the rule requires, in words
 */
public record Rejection(String rule, String reason) {

    public Rejection {
        rule = InvalidInputs.requiredText("rejection.rule", rule, 64);
        reason = InvalidInputs.requiredText("rejection.reason", reason, 512);
    }

    /** The refusal the caller gets. */
    public DomainRejection.RuleViolation refusal() {
        return new DomainRejection.RuleViolation(rule, reason);
    }
}
