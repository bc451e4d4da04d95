Feature: Capture, sources, evidence and the ordering rule (domain rules §6)
  Every change carries its state, when the person gave it, the source, the actor and the
  evidence. A change older than the record's current consent is not applied but kept in
  the audit as superseded. Addresses are normalised before anything is stored or looked up.

  Background:
    Given tenant "acme" does not check contact-level consent
    And a profile "capture" with the default purposes

  Scenario: an older capture never overwrites newer consent, and is audited as superseded
    Given "ann@example.com" opted out of "commercial" at "2026-11-10T09:00:00Z"
    When an import reports that "ann@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    Then the change is recorded as SUPERSEDED
    And the record of "ann@example.com" for "commercial" is still OPTED_OUT captured at "2026-11-10T09:00:00Z"
    And the auditor sees 2 changes in the history of that record, the second SUPERSEDED

  Scenario: a change carries its source, actor and evidence
    When "bob@example.com" opts in to "commercial" from form "newsletter-footer" having seen wording "v7"
    Then the auditor sees the change with source FORM, actor "demo-marketing", form "newsletter-footer" and wording "v7"

  Scenario Outline: addresses are normalised before they are stored or looked up
    When "<written>" on <channel> opts in to "commercial"
    Then the consents of "<lookup>" on <channel> show "<stored>" opted in to "commercial"

    Examples:
      | channel | written                | lookup                  | stored                 |
      | EMAIL   | Carol@Example.COM      | carol@EXAMPLE.com       | carol@example.com      |
      | SMS     | +33 6 12 34 56 78      | 0033612345678           | +33612345678           |
      | VOICE   | +48 512 345 678        | +48512345678            | +48512345678           |

  Scenario: an address that cannot be normalised is refused and nothing is stored
    When "not-an-address" on EMAIL opts in to "commercial"
    Then the answer is 400 with an error on field "address"

  Scenario: a batch is all or nothing for invalid input
    When a batch of 3 captures is sent whose second address is "dave@"
    Then the answer is 400 with an error on field "items[1].address"
    And none of the batch's addresses has a consent
    When the batch is sent again with the second address corrected
    Then the answer lists 3 applied changes

  Scenario: an explanation says why a journey was blocked
    Given tenant "acme" checks contact-level consent
    And a CONTACT "eve" with doNotBulkEmail set and the email "eve@example.com"
    And "eve@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    When the marketer asks why a commercial email to "eve" was blocked
    Then the explanation says the message is blocked by the contact flag "doNotBulkEmail"
    And it lists the record of "commercial" as OPTED_IN and the tracking record as absent

  Scenario: a stream of decisions answers every line in order, bad lines included
    Given "fay@example.com" opted out of "commercial" at "2026-11-01T09:00:00Z"
    When a batch of decision lines is streamed:
      | line                                                                                            |
      | {"profileId":"capture","purposeId":"commercial","channel":"EMAIL","address":"fay@example.com"}  |
      | this is not json                                                                                |
      | {"profileId":"capture","purposeId":"commercial","channel":"EMAIL","address":"gus@example.com"}  |
      | {"profileId":"capture","purposeId":"nope","channel":"EMAIL","address":"gus@example.com"}        |
      | {"profileId":"capture","purposeId":"commercial","channel":"EMAIL","address":"gus@"}             |
    Then the answers are:
      | line | send  | problem                                |
      | 1    | false |                                        |
      | 2    |       | urn:consentplatform:problem:invalid-input |
      | 3    | true  |                                        |
      | 4    |       | urn:consentplatform:problem:not-found  |
      | 5    |       | urn:consentplatform:problem:invalid-input |
