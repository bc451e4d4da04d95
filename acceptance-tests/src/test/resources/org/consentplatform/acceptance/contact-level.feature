Feature: Contact-level checks of the legacy flags (domain rules §4)
  With checkContactLevelConsent on, messages to entities of type CONTACT also need the
  contact's legacy flags clear, in addition to the contact point's records. Leads and
  profiles are never checked this way.

  Scenario: with the setting on, a contact also needs its flags clear
    Given tenant "acme" checks contact-level consent
    Then for a CONTACT whose records all permit, these flags are also required:
      | purpose type        | also required when the setting is on          |
      | COMMERCIAL email    | doNotEmail = false and doNotBulkEmail = false |
      | TRANSACTIONAL email | doNotEmail = false                            |
      | TRACKING            | doNotTrack = false                            |

  Scenario Outline: the flags are never read for leads and profiles, nor when the setting is off
    Given tenant "acme" <setting> contact-level consent
    And a <entity> "r-1" with doNotEmail, doNotBulkEmail and doNotTrack <flags> and the email "<address>"
    And every record of "<address>" is opted in
    Then a commercial email to "r-1" is <message> and <tracking>

    Examples:
      | setting           | entity  | flags | address           | message | tracking |
      | checks            | LEAD    | set   | lead@example.com  | sent    | tracked  |
      | checks            | PROFILE | set   | prof@example.com  | sent    | tracked  |
      | does not check    | CONTACT | set   | off@example.com   | sent    | tracked  |
      | checks            | CONTACT | set   | on@example.com    | blocked | not tracked |

  Scenario: both checks must pass: a contact without flags is still blocked by its record
    Given tenant "acme" checks contact-level consent
    And a CONTACT "r-2" with doNotEmail, doNotBulkEmail and doNotTrack clear and the email "optout@example.com"
    And every record of "optout@example.com" is opted in
    When "optout@example.com" opts out of "commercial" on EMAIL
    Then a commercial email to "r-2" is blocked and tracked
