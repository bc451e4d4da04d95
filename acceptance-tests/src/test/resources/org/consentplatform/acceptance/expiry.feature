Feature: Consent lifetime, expiry and renewal (domain rules §10)
  A purpose may give its opt-ins a lifetime. An opt-in older than that is evaluated as absent
  the moment it expires: decisions never wait for a job, and they say "expired". A fresh
  opt-in restarts the lifetime; where the purpose allows it, reported engagement renews a
  valid opt-in, but never revives an expired one.

  Background:
    Given a profile whose purpose "offers" is RESTRICTIVE on EMAIL and whose opt-ins live P12M, renewed on engagement

  Scenario Outline: an opt-in counts until its lifetime is over, then as absent
    Given "<address>" opted in to "offers" <months> months ago
    Then a message for "offers" to "<address>" is <verdict> because of <reason>

    Examples:
      | address             | months | verdict | reason          |
      | recent@example.com  | 11     | sent    | PURPOSE_CONSENT |
      | expired@example.com | 13     | blocked | CONSENT_EXPIRED |

  Scenario: the expiry job writes the expiry down, and decisions say "expired" before and after it
    Given "job@example.com" opted in to "offers" 13 months ago
    Then a message for "offers" to "job@example.com" is blocked because of CONSENT_EXPIRED
    When the expiry job runs
    Then the history of "job@example.com" for "offers" ends with an EXPIRY change by "expiry"
    And a message for "offers" to "job@example.com" is blocked because of CONSENT_EXPIRED
    When "job@example.com" opts in to "offers" again today
    Then a message for "offers" to "job@example.com" is sent because of PURPOSE_CONSENT

  Scenario: the explanation says the opt-in expired
    Given "old@example.com" opted in to "offers" 13 months ago
    Then the explanation for "offers" to "old@example.com" says "expired"

  Scenario: under NON_RESTRICTIVE an expired opt-in counts as absent, so the message goes out
    Given a profile whose purpose "news" is NON_RESTRICTIVE on EMAIL and whose opt-ins live P12M, renewed on engagement
    And "absent@example.com" opted in to "news" 13 months ago
    Then a message for "news" to "absent@example.com" is sent because of CONSENT_EXPIRED

  Scenario: a fresh opt-in restarts the lifetime
    Given "again@example.com" opted in to "offers" 13 months ago
    When "again@example.com" opts in to "offers" again today
    Then a message for "offers" to "again@example.com" is sent because of PURPOSE_CONSENT

  Scenario: engagement renews a valid opt-in from the moment of the engagement
    Given "clicker@example.com" opted in to "offers" 11 months ago
    When "clicker@example.com" clicks in a message about "offers" today
    Then the record of "clicker@example.com" for "offers" is OPTED_IN captured at the click

  Scenario: engagement never revives an expired opt-in
    Given "lapsed@example.com" opted in to "offers" 13 months ago
    When "lapsed@example.com" clicks in a message about "offers" today
    Then the engagement is refused with the rule "nothing-to-renew"
    And the history of "lapsed@example.com" for "offers" ends with a REJECTED opt-in for the rule "nothing-to-renew", the record OPTED_IN
    And a message for "offers" to "lapsed@example.com" is blocked because of CONSENT_EXPIRED
