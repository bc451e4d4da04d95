Feature: A person asks what is held about them (GDPR Art. 15)
  The data protection officer answers with everything the platform holds about the person:
  their contact points, every record with its whole history and evidence, the confirmation
  mails sent to them, and a signed receipt of each record's current state, an opt-out too. The bundle is JSON-LD,
  each record an ISO/IEC TS 27560 consent record in the W3C Data Privacy Vocabulary; the same
  answer is a PDF the person can read in their language. A pending opt-in has no receipt until
  it is confirmed. Only the consent:privacy scope asks.

  Background:
    Given tenant "acme" does not check contact-level consent
    And a profile "privacy" with the default purposes

  Scenario: everything held about a contact point, as DPV consent records with their history
    Given "ola@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "ola@example.com" opted out of "commercial" at "2026-11-02T09:00:00Z"
    And "ola@example.com" opts in to "tracking" from form "footer" having seen wording "v3"
    And "ola@example.com" opted out of "transactional" at "2026-11-03T09:00:00Z"
    When the auditor asks what is held about "ola@example.com"
    Then the bundle validates against the schema docs/privacy documents
    And a JSON-LD processor expands it to DPV's IRIs, every term defined by its context
    And it names the contact points "ola@example.com"
    And it discloses these records:
      | address         | purpose       | status               | legalBasis   | entries |
      | ola@example.com | commercial    | dpv:ConsentWithdrawn | dpv:Consent  | 2       |
      | ola@example.com | tracking      | dpv:ConsentGiven     | dpv:Consent  | 1       |
      | ola@example.com | transactional | dpv:ConsentRefused   | dpv:Contract | 1       |
    And its history of "ola@example.com" for "commercial" is the auditor's, entry for entry
    And the receipt it carries for "tracking" verifies with the published keys and attests OPTED_IN
    And the receipt it carries for "commercial" verifies with the published keys and attests OPTED_OUT

  Scenario: a contact is answered for all of its contact points
    Given a CONTACT "c-privacy-1" with the emails "pia@example.com" and "pia@work.example.com"
    And "pia@example.com" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "pia@work.example.com" opted out of "commercial" at "2026-11-01T10:00:00Z"
    When the auditor asks what is held about the contact "c-privacy-1"
    Then the bundle validates against the schema docs/privacy documents
    And it names the contact points "pia@example.com, pia@work.example.com"
    And it discloses these records:
      | address              | purpose    | status             | legalBasis  | entries |
      | pia@example.com      | commercial | dpv:ConsentGiven   | dpv:Consent | 1       |
      | pia@work.example.com | commercial | dpv:ConsentRefused | dpv:Consent | 1       |

  Scenario: an opt-in awaiting its confirmation, and the mail that asked for it
    Given a profile whose purpose "letter" requires double opt-in, RESTRICTIVE on EMAIL
    When "rui@example.com" opts in to "letter" on a form
    And the auditor asks what is held about "rui@example.com"
    Then the bundle validates against the schema docs/privacy documents
    And it discloses these records:
      | address         | purpose | status                | legalBasis  | entries |
      | rui@example.com | letter  | dpv:ConsentRequested  | dpv:Consent | 1       |
    And it lists the confirmation mail sent to "rui@example.com" for "letter", not confirmed
    And it carries no receipt for "letter"

  Scenario: a minor's contact point is disclosed with the birth date held
    Given "zia@example.com" is flagged as a minor's, born 12 years ago
    And "zia@example.com" opted out of "commercial" at "2026-11-01T09:00:00Z"
    When the auditor asks what is held about "zia@example.com"
    Then the bundle validates against the schema docs/privacy documents
    And a JSON-LD processor expands it to DPV's IRIs, every term defined by its context
    And it names "zia@example.com" as a minor's, born 12 years ago
    When the auditor asks for the PDF, in "en", of what is held about "zia@example.com"
    Then the PDF reads that "zia@example.com" is a minor's, born 12 years ago

  Scenario Outline: the same answer as a document the person reads in their language
    Given "<address>" opted in to "commercial" at "2026-11-01T09:00:00Z"
    And "<address>" opted out of "commercial" at "2026-11-02T09:00:00Z"
    When the auditor asks for the PDF, in "<language>", of what is held about "<address>"
    Then the PDF reads "<title>"
    And the PDF reads "EMAIL <address>"
    And the PDF reads "<withdrawn>"

    Examples:
      | language | address          | title                                 | withdrawn          |
      | en       | sam@example.com  | What we hold about you                | consent withdrawn  |
      | fr       | theo@example.com | Les données que nous détenons sur vous | consentement retiré |
      | pl       | ula@example.com  | Dane, które o Tobie przechowujemy     | zgoda wycofana     |

  Scenario: requests that name nobody, or come without the privacy scope, are refused
    Then these access requests are refused, and none is answered with data:
      | who      | body                                                                          | status |
      | marketer | {"contactPoints": [{"channel": "EMAIL", "address": "ola@example.com"}]}       | 403    |
      | admin    | {"contactPoints": [{"channel": "EMAIL", "address": "ola@example.com"}]}       | 403    |
      | auditor  | {}                                                                            | 400    |
      | auditor  | {"contactId": "c-1", "contactPoints": [{"channel": "EMAIL", "address": "a@example.com"}]} | 400 |
      | auditor  | {"contactPoints": [{"channel": "EMAIL", "address": "not an address"}]}        | 400    |
      | auditor  | {"contactPoints": [{"channel": "EMAIL", "address": "ola@example.com"}], "language": "de"} | 400 |
      | auditor  | {"contactId": "nobody-here"}                                                  | 404    |
      | auditor  | not json                                                                      | 400    |
