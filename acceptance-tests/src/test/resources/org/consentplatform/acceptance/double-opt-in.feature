Feature: Double opt-in (domain rules §5)
  When double opt-in is required, an opt-in waits for the person to confirm it from a link
  mailed to them; until then every message for that purpose and address is blocked, whatever
  the model. Looking at the link confirms nothing; an explicit action on the page does. An
  opt-out never needs confirmation and always wins over a pending opt-in.

  Background:
    Given tenant "acme" does not check contact-level consent

  Scenario Outline: a pending opt-in blocks every message, whatever the model
    Given a profile whose purpose "letter" requires double opt-in, <model> on EMAIL
    When "<address>" opts in to "letter" on a form
    Then the record of "<address>" is PENDING_CONFIRMATION
    And a message for "letter" to "<address>" is blocked
    And a confirmation mail reached "<address>"

    Examples:
      | model           | address                 |
      | RESTRICTIVE     | doi-restrictive@ex.com  |
      | NON_RESTRICTIVE | doi-permissive@ex.com   |
      | DISABLED        | doi-disabled@ex.com     |

  Scenario: the person confirms from the mailed link, by pressing the button
    Given a profile whose purpose "letter" requires double opt-in, NON_RESTRICTIVE on EMAIL
    When "doi-ann@ex.com" opts in to "letter" on a form
    And the link in the mail to "doi-ann@ex.com" is opened 3 times without pressing anything
    Then a message for "letter" to "doi-ann@ex.com" is blocked
    When the person presses the confirm button on the page
    Then the page says "confirmed"
    And a message for "letter" to "doi-ann@ex.com" is sent
    And the record of "doi-ann@ex.com" is OPTED_IN from DOUBLE_OPT_IN
    When the person presses the confirm button on the page
    Then the page says "already-confirmed"

  Scenario: an opt-out while pending wins and voids the link
    Given a profile whose purpose "letter" requires double opt-in, NON_RESTRICTIVE on EMAIL
    When "doi-bob@ex.com" opts in to "letter" on a form
    And "doi-bob@ex.com" opts out of "letter" before confirming
    And the link in the mail to "doi-bob@ex.com" is opened 1 times without pressing anything
    And the person presses the confirm button on the page
    Then the page says "void"
    And a message for "letter" to "doi-bob@ex.com" is blocked

  Scenario: a person whose link leads nowhere asks for a new one by address, and confirms with it
    Given a profile whose purpose "letter" requires double opt-in, NON_RESTRICTIVE on EMAIL
    When "doi-cem@ex.com" opts in to "letter" on a form
    And a link that leads nowhere is opened
    Then the page says "unknown"
    When the person asks that page for a new link for "doi-cem@ex.com"
    Then the page says "renewal-sent"
    When the person presses the confirm button in the new mail to "doi-cem@ex.com"
    Then the page says "confirmed"
    And a message for "letter" to "doi-cem@ex.com" is sent
