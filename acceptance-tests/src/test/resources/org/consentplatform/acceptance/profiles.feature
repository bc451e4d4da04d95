Feature: Compliance profiles are revised with optimistic concurrency
  A profile is read with its version as ETag and replaced with If-Match, so two admins
  never overwrite each other's changes unknowingly.

  Scenario: a stale If-Match is refused and nothing changes
    Given a profile "concurrency" with the default purposes
    When admin A reads it and admin B reads it
    And admin A renames it "First" with the ETag read
    And admin B renames it "Second" with the ETag read
    Then admin B is answered 412
    And the profile is named "First" at version 2

  Scenario: a revision without If-Match is refused
    Given a profile "no-if-match" with the default purposes
    When the admin renames it without If-Match
    Then the answer is 428

  Scenario: double opt-in can be required only on the EMAIL channel
    Given a profile "doi" with the default purposes
    When the admin requires double opt-in on the SMS default consent
    Then the answer is 422 with the rule "double-opt-in-email-only"

  Scenario: a retried write with the same Idempotency-Key is answered once
    Given a profile "idempotent" with the default purposes
    When the same capture is sent twice with Idempotency-Key "k-123"
    Then both answers are the same change and the second is marked as replayed
    And the history of that record holds 1 change
    When another capture is sent with Idempotency-Key "k-123"
    Then the answer is 409
