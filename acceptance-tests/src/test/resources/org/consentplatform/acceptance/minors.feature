Feature: Minors and guardians (domain rules §12)
  A contact point may be flagged as a minor's. Below the tenant's age of digital consent (16
  unless the tenant sets 13 to 16), an opt-in counts only when a parent or guardian gave it,
  named in the evidence: other opt-ins are refused, and one recorded before the flag counts as
  absent. Opt-outs are always taken.

  Background:
    Given a profile whose purpose "offers" is RESTRICTIVE on EMAIL

  Scenario: a minor's opt-in without a guardian is refused, changes no state, and is kept in the history
    Given "zoe@example.com" is flagged as a minor's, born 10 years ago
    When "zoe@example.com" opts in to "offers" without a guardian
    Then the capture is refused with the rule "guardian-required"
    And a message for "offers" to "zoe@example.com" is blocked because of PURPOSE_CONSENT
    And the history of "zoe@example.com" for "offers" ends with a REJECTED opt-in for the rule "guardian-required", the record absent
    And the auditor finds that attempt among the profile's REJECTED entries, in a history that verifies

  Scenario: a refused opt-in leaves an earlier opt-out in place
    Given "ada@example.com" is flagged as a minor's, born 10 years ago
    And "ada@example.com" opts out of "offers"
    When "ada@example.com" opts in to "offers" without a guardian
    Then the capture is refused with the rule "guardian-required"
    And the history of "ada@example.com" for "offers" ends with a REJECTED opt-in for the rule "guardian-required", the record OPTED_OUT

  Scenario: with a parent named in the evidence, the minor's opt-in counts
    Given "zoe@example.com" is flagged as a minor's, born 10 years ago
    When "zoe@example.com" opts in to "offers" with the guardian "Marc Martin (father)"
    Then a message for "offers" to "zoe@example.com" is sent because of PURPOSE_CONSENT

  Scenario: an opt-in recorded before the flag no longer counts, and the explanation says why
    Given "leo@example.com" opted in to "offers" 1 months ago
    When "leo@example.com" is flagged as a minor's, born 12 years ago
    Then a message for "offers" to "leo@example.com" is blocked because of MINOR_WITHOUT_GUARDIAN
    And the explanation for "offers" to "leo@example.com" says "minor"

  Scenario: past the tenant's age of digital consent a person opts in alone
    Given "sam@example.com" is flagged as a minor's, born 17 years ago
    When "sam@example.com" opts in to "offers" without a guardian
    Then a message for "offers" to "sam@example.com" is sent because of PURPOSE_CONSENT

  Scenario: a minor's opt-out is always taken
    Given "zoe@example.com" is flagged as a minor's, born 10 years ago
    When "zoe@example.com" opts out of "offers"
    Then the capture is accepted
