Feature: Global Privacy Control (domain rules §14)
  A browser that sends Sec-GPC: 1 says its user does not want their data sold or shared. When
  the preference page is opened or submitted with it, the platform withdraws at once every purpose that
  names a partner, for the contact point the link names, with source PREFERENCE_CENTER and the
  signal as evidence, and the page says so in the person's language. Other purposes are left as
  they are. A tenant may turn this off: a legal choice of its own.

  Background:
    Given a profile with a commercial purpose "news" and a purpose "partners" shared with "Globex Retail"
    And the address is opted in to "news" and "partners"

  Scenario Outline: the signal and the tenant's choice, row by row
    Given the tenant <setting> Global Privacy Control
    When the person opens the preference link <signal>
    Then "partners" is <partners> and "news" is OPTED_IN
    And the page <says> that the signal was honoured

    Examples:
      | setting         | signal             | partners  | says         |
      | honours         | with Sec-GPC: 1    | OPTED_OUT | says         |
      | honours         | without the signal | OPTED_IN  | does not say |
      | honours         | with Sec-GPC: 0    | OPTED_IN  | does not say |
      | does not honour | with Sec-GPC: 1    | OPTED_IN  | does not say |

  Scenario: the withdrawal is written once, with the signal as evidence, and the next decision blocks
    Given the tenant honours Global Privacy Control
    When the person opens the preference link with Sec-GPC: 1
    And the person opens the preference link with Sec-GPC: 1
    Then the "partners" record is OPTED_OUT from PREFERENCE_CENTER with the reason "Global Privacy Control signal (Sec-GPC: 1)"
    And the "partners" record has 2 changes in its history
    And an email for "partners" to the address is blocked
    And the page's "partners" box is unticked

  Scenario Outline: a submitted page carries the signal too: a partner box ticked under it ends opted out
    Given the tenant honours Global Privacy Control
    And the person opens the preference link with Sec-GPC: 1
    When the person ticks "partners" and submits the page <signal>
    Then "partners" is <partners> and "news" is OPTED_IN
    And the page <says> that the signal was honoured
    And the page's "partners" box is <box>

    Examples:
      | signal             | partners  | says         | box      |
      | with Sec-GPC: 1    | OPTED_OUT | says         | unticked |
      | without the signal | OPTED_IN  | does not say | ticked   |

  Scenario Outline: the page says it in the person's language
    Given the tenant honours Global Privacy Control
    When the person opens the preference link in "<language>" with Sec-GPC: 1
    Then the notice on the page says "<text>"

    Examples:
      | language | text                                                 |
      | en       | no longer share your data with our partners          |
      | fr       | ne partageons plus vos données avec nos partenaires  |
      | pl       | nie udostępniamy już Twoich danych naszym partnerom  |

  Scenario Outline: a web form's capture passes its visitor's signal on
    Given the tenant <setting> Global Privacy Control
    When a web form captures an opt-in to "news" for the address <signal>
    Then "partners" is <partners> and "news" is OPTED_IN

    Examples:
      | setting         | signal             | partners  |
      | honours         | with Sec-GPC: 1    | OPTED_OUT |
      | honours         | without the signal | OPTED_IN  |
      | does not honour | with Sec-GPC: 1    | OPTED_IN  |

  Scenario: the signal withdraws a partner purpose the same form opted in to, as §14 says: every purpose naming a partner
    Given the tenant honours Global Privacy Control
    When a web form captures an opt-in to "partners" for the address with Sec-GPC: 1
    Then "partners" is OPTED_OUT and "news" is OPTED_IN
