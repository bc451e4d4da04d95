Feature: A person asks to be erased (GDPR Art. 17)
  The data protection officer erases a person. Downstream systems are told first, on
  consent.erasures.v1; then the person's data key is destroyed, so that no copy of their
  address anywhere still decrypts, and a suppression entry keeps only its keyed hash, when
  and why. Each record's consent is forgotten by an ERASURE entry of its history, which still
  verifies, and so does a receipt handed out before. From then on nothing commercial is sent
  or tracked (ERASED), a load cannot bring the address back, and only an opt-in the person
  gives again lifts the suppression. Only the consent:privacy scope erases.

  Background:
    Given tenant "acme" does not check contact-level consent
    And a profile "erasure" with the default purposes

  Scenario: an erased address is gone from every collection, and its history still verifies
    Given "eve@erasure.example" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "eve@erasure.example" opts in to "tracking" from form "footer" having seen wording "v3"
    And a CONTACT "c-erasure-eve" with the emails "eve@erasure.example" and "eve@home.erasure.example"
    And the marketer keeps the receipt of "eve@erasure.example" for "commercial"
    When the data protection officer erases "eve@erasure.example" under "GDPR Art. 17(1)(b)"
    Then the erasure forgot 2 records and deleted 1 contact
    And no document of the store holds "eve@erasure.example", nor anything that still decrypts to it
    And the history of "eve@erasure.example" for "commercial" ends with an ERASURE entry, the record absent
    And the chain of "eve@erasure.example" for "commercial" verifies, its 2 entries intact
    And the auditor's verification of the whole tenant finds nothing broken
    And the receipt kept before the erasure still verifies with the published keys
    And an erasure event for "eve@erasure.example" is on consent.erasures.v1, keyed like its changes
    And the auditor lists the erasure under "GDPR Art. 17(1)(b)", done, asked by the client "demo-auditor"
    When the auditor asks what is held about "eve@erasure.example"
    Then the bundle validates against the schema docs/privacy documents
    And it names "eve@erasure.example" as erased under "GDPR Art. 17(1)(b)"

  Scenario: nothing commercial is sent to an erased address, and nothing is tracked
    Given "fay@erasure.example" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "fay@erasure.example" was erased
    Then these decisions for "fay@erasure.example" are taken:
      | purpose       | send  | track | blocked by |
      | commercial    | false | false | ERASED     |
      | transactional | true  | false | ERASED     |

  Scenario: a load cannot bring an erased address back
    Given "gus@erasure.example" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And the consents of "gus@erasure.example" and "hub@erasure.example" to "commercial" are loaded
    And "gus@erasure.example" was erased
    When the consents of "gus@erasure.example" and "hub@erasure.example" to "commercial" are loaded again
    Then the load rejects line 2 as ERASED and counts line 3 as unchanged
    And a message for "commercial" to "gus@erasure.example" is blocked because of ERASED

  Scenario Outline: only an opt-in the person gives again brings an erased address back
    Given "<address>" was erased
    When "<address>" is opted in to "commercial" by <who>
    Then that opt-in is <answer>
    And a message for "commercial" to "<address>" is <verdict> because of <reason>

    Examples:
      | address             | who                      | answer                          | verdict | reason          |
      | ian@erasure.example | the API                  | recorded                        | sent    | PURPOSE_CONSENT |
      | joy@erasure.example | a form                   | recorded                        | sent    | PURPOSE_CONSENT |
      | kai@erasure.example | an operator on the phone | refused with the rule "erased"  | blocked | ERASED          |

  Scenario: a double opt-in brings an erased address back only once the person confirms
    Given a profile whose purpose "letter" requires double opt-in, RESTRICTIVE on EMAIL
    And "lou@erasure.example" was erased
    When "lou@erasure.example" opts in to "letter" on a form
    Then a confirmation mail reached "lou@erasure.example"
    And a message for "letter" to "lou@erasure.example" is blocked because of ERASED
    When the person confirms with the link in the mail to "lou@erasure.example"
    Then a message for "letter" to "lou@erasure.example" is sent because of PURPOSE_CONSENT
    And the auditor sees the erasure of "lou@erasure.example" lifted by a DOUBLE_OPT_IN change

  Scenario: requests that name nobody, or come without the privacy scope, are refused and erase nothing
    Given "mia@erasure.example" opted in to "commercial" at "2026-11-01T09:00:00Z"
    Then these erasure requests are refused:
      | who      | body                                                                                                   | status |
      | marketer | {"contactPoints": [{"channel": "EMAIL", "address": "mia@erasure.example"}], "legalReference": "Art. 17"} | 403    |
      | admin    | {"contactPoints": [{"channel": "EMAIL", "address": "mia@erasure.example"}], "legalReference": "Art. 17"} | 403    |
      | auditor  | {"contactPoints": [{"channel": "EMAIL", "address": "mia@erasure.example"}]}                              | 400    |
      | auditor  | {"legalReference": "Art. 17"}                                                                          | 400    |
      | auditor  | {"contactId": "c-1", "contactPoints": [{"channel": "EMAIL", "address": "mia@erasure.example"}], "legalReference": "Art. 17"} | 400 |
      | auditor  | {"contactPoints": [{"channel": "EMAIL", "address": "not an address"}], "legalReference": "Art. 17"}    | 400    |
      | auditor  | {"contactId": "nobody-here", "legalReference": "Art. 17"}                                              | 404    |
      | auditor  | not json                                                                                               | 400    |
    And a message for "commercial" to "mia@erasure.example" is sent because of PURPOSE_CONSENT
