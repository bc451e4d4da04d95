Feature: An auditor can trust the history (domain rules §11)
  Every change of a record is an immutable entry chained to the one before it by a SHA-256
  hash. An auditor reads the history, the state of a record at any past instant, and checks
  that no entry was edited, removed or reordered.

  Background:
    Given tenant "acme" does not check contact-level consent
    And a profile "audit" with the default purposes

  Scenario: the state of a record as of a past instant is replayed from its history
    Given "hal@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And a moment passes, noted as "after the opt-in"
    And "hal@example.com" opted out of "commercial" at "2026-11-02T09:00:00Z"
    Then as of "after the opt-in" the auditor sees "hal@example.com" OPTED_IN to "commercial"
    And as of now the auditor sees "hal@example.com" OPTED_OUT to "commercial"
    And as of "2000-01-01T00:00:00Z" the auditor sees no state for "hal@example.com"

  Scenario: an untouched history verifies
    Given "ida@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "ida@example.com" opted out of "commercial" at "2026-11-02T09:00:00Z"
    Then the auditor verifies the history of "ida@example.com" for "commercial" as intact with 2 entries
    And the auditor's verification of the whole tenant finds nothing broken

  Scenario: the auditor searches the tenant's history with filters, page by page
    Given a moment passes, noted as "start"
    And "jan@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "jan@example.com" opted in to "tracking" at "2026-11-01T09:00:00Z"
    And "kim@example.com" opts in to "commercial" from form "footer" having seen wording "v2"
    And "kim@example.com" opted out of "commercial" at "2026-11-03T09:00:00Z"
    When the auditor searches the history since "start" for purpose "commercial", 2 entries a page
    Then the pages hold 3 entries in recorded order: "jan@example.com", "kim@example.com", "kim@example.com"
    When the auditor searches the history since "start" for source FORM
    Then the pages hold 1 entries in recorded order: "kim@example.com"

  Scenario: a service account's changes name its client, and the auditor finds them by it
    Given a moment passes, noted as "service start"
    And a service account of the client "crm-sync", whose subject is an opaque id, opts "nia@example.com" in to "commercial"
    And "nia@example.com" opted out of "tracking" at "2026-11-02T09:00:00Z"
    When the auditor searches the history since "service start" for client "crm-sync"
    Then the pages hold 1 entries in recorded order: "nia@example.com"
    And each entry found names the client "crm-sync" beside the service account's subject

  Scenario: the auditor exports a range as a stream
    Given a moment passes, noted as "export start"
    And "lea@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "lea@example.com" opted out of "commercial" at "2026-11-02T09:00:00Z"
    And "lea@example.com" opted in to "tracking" at "2026-11-02T09:00:00Z"
    And "lea@example.com" opted out of "transactional" at "2026-11-03T09:00:00Z"
    When the auditor exports the history since "export start"
    Then the export holds 4 lines, each an entry with its before, after, actor, source and correlation id
    And each exported line carries its purpose's legal basis:
      | purpose       | legalBasis |
      | commercial    | CONSENT    |
      | commercial    | CONSENT    |
      | tracking      | CONSENT    |
      | transactional | CONTRACT   |

  Scenario: a signed consent receipt, verifiable with the service's published key
    Given "max@example.com" opts in to "commercial" from form "checkout" having seen wording "v9"
    When the marketer asks for the receipt of "max@example.com" for "commercial"
    Then the receipt's signature verifies with the keys published at "/.well-known/consent-receipt-keys.json"
    And the receipt names the controller "Profile audit", the subject "EMAIL|max@example.com", the purpose "commercial", the state OPTED_IN, the source FORM and the wording "v9"
    And the receipt points at the history entry that set the state
    And a receipt whose claims were altered does not verify
    And there is no receipt for "nobody@example.com"
