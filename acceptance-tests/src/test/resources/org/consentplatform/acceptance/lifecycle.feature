Feature: Legal basis and partner purposes (domain rules §1, §12)
  Each purpose records the legal basis it rests on. A purpose resting on CONSENT whose model
  sends without an opt-in is accepted, but the profile carries a warning naming the purpose and
  channel. A purpose may name the partner the data is shared with; decisions, explanations and
  receipts carry it.

  Scenario: a purpose resting on consent that sends without an opt-in is accepted with a warning
    When the admin creates a profile whose purpose "offers" rests on CONSENT, NON_RESTRICTIVE on EMAIL and RESTRICTIVE on SMS
    Then the profile is created with a compliance warning for "offers" on EMAIL
    And it has no compliance warning for "offers" on SMS

  Scenario: a purpose resting on legitimate interest carries no warning
    When the admin creates a profile whose purpose "catalogue" rests on LEGITIMATE_INTEREST, NON_RESTRICTIVE on EMAIL and RESTRICTIVE on SMS
    Then it has no compliance warning for "catalogue" on EMAIL

  Scenario: a partner purpose is named in decisions, explanations and receipts
    Given a profile whose purpose "partner-offers" shares data with "Acme Travel"
    And "zoe@example.com" opted in to the partner purpose
    Then a decision about it to "zoe@example.com" names the partner "Acme Travel" and the legal basis CONSENT
    And its explanation names the partner "Acme Travel" and the legal basis CONSENT
    And the receipt of "zoe@example.com" discloses the third party "Acme Travel"
