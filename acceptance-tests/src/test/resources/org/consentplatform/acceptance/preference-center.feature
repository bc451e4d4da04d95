Feature: Preference page and preference center (domain rules §8)
  A message carries a signed link to its recipient's preference page: the profile's purposes
  and topics for that contact point, pre-filled as the enforcement policy would decide now.
  For a CONTACT the legacy flags take part, only while the tenant checks contact-level
  consent; for leads and profiles the record alone decides. Submitting writes only the
  records the person changed, with source PREFERENCE_CENTER, and never the contact's flags.

  Background:
    Given a profile whose purposes and topic are RESTRICTIVE on EMAIL

  Scenario Outline: pre-fill by the §8 table, row by row
    Given tenant "acme" <setting> contact-level consent
    And a <entity> with <flag> set and an email address
    And the address's <purpose> record is <state>
    When the person opens the preference link made for the <entity>
    Then the <purpose> box is <shown>

    Examples: contact, COMMERCIAL (and its topics): sends, and doNotBulkEmail and doNotEmail allow (when checked)
      | entity  | purpose    | setting        | flag           | state     | shown     |
      | CONTACT | COMMERCIAL | checks         | no flag        | OPTED_IN  | ticked    |
      | CONTACT | COMMERCIAL | checks         | no flag        | OPTED_OUT | unticked  |
      | CONTACT | COMMERCIAL | checks         | doNotBulkEmail | OPTED_IN  | unticked  |
      | CONTACT | COMMERCIAL | checks         | doNotEmail     | OPTED_IN  | unticked  |
      | CONTACT | COMMERCIAL | does not check | doNotBulkEmail | OPTED_IN  | ticked    |
      | CONTACT | topic      | checks         | no flag        | OPTED_IN  | ticked    |
      | CONTACT | topic      | checks         | doNotBulkEmail | OPTED_IN  | unticked  |
      | CONTACT | topic      | does not check | doNotEmail     | OPTED_IN  | ticked    |

    Examples: contact, TRANSACTIONAL: sends, and doNotEmail allow (when checked)
      | entity  | purpose       | setting        | flag           | state     | shown    |
      | CONTACT | TRANSACTIONAL | checks         | no flag        | OPTED_IN  | ticked   |
      | CONTACT | TRANSACTIONAL | checks         | doNotBulkEmail | OPTED_IN  | ticked   |
      | CONTACT | TRANSACTIONAL | checks         | doNotEmail     | OPTED_IN  | unticked |
      | CONTACT | TRANSACTIONAL | does not check | doNotEmail     | OPTED_IN  | ticked   |
      | CONTACT | TRANSACTIONAL | checks         | no flag        | absent    | unticked |

    Examples: contact, TRACKING: tracks, and doNotTrack allow (when checked)
      | entity  | purpose  | setting        | flag       | state     | shown    |
      | CONTACT | TRACKING | checks         | no flag    | OPTED_IN  | ticked   |
      | CONTACT | TRACKING | checks         | doNotTrack | OPTED_IN  | unticked |
      | CONTACT | TRACKING | checks         | doNotEmail | OPTED_IN  | ticked   |
      | CONTACT | TRACKING | does not check | doNotTrack | OPTED_IN  | ticked   |
      | CONTACT | TRACKING | checks         | no flag    | OPTED_OUT | unticked |

    Examples: lead / profile, any purpose: the record alone
      | entity  | purpose       | setting | flag    | state     | shown    |
      | LEAD    | COMMERCIAL    | checks  | doNotBulkEmail | OPTED_IN  | ticked   |
      | LEAD    | COMMERCIAL    | checks  | no flag | absent    | unticked |
      | LEAD    | topic         | checks  | no flag | OPTED_IN  | ticked   |
      | PROFILE | TRANSACTIONAL | checks  | doNotEmail | OPTED_IN  | ticked   |
      | PROFILE | TRACKING      | checks  | doNotTrack | OPTED_IN  | ticked   |
      | PROFILE | TRACKING      | checks  | no flag | OPTED_OUT | unticked |

  Scenario: submitting writes only what changed and never the contact's flags
    Given tenant "acme" checks contact-level consent
    And a CONTACT with doNotBulkEmail set and an email address
    And the address's COMMERCIAL record is OPTED_IN
    When the person opens the preference link made for the CONTACT
    And ticks the topic box and saves
    Then the page says the choices are saved
    And the address's topic record is OPTED_IN from PREFERENCE_CENTER with the browser as evidence
    And the address has 2 changes in its history
    And the contact still has doNotBulkEmail set
    And a commercial email about the topic to the contact is blocked by "doNotBulkEmail"
