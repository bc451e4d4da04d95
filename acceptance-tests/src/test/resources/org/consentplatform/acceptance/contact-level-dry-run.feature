Feature: Dry run of the contact-level switch (domain rules §4)
  Before a tenant turns checkContactLevelConsent off (its migration is over) or on again, the
  admin asks what it would do: per profile and purpose, how many decisions on the email
  addresses of CONTACTs with a legacy flag set would flip, with a sample. Only those contacts
  can flip; a contact whose record blocks anyway does not count. Nothing changes.

  Background:
    Given a profile whose purpose "deals" is RESTRICTIVE on EMAIL
    And these contacts, opted in or out of "deals" and of tracking:
      | contact  | doNotEmail | doNotBulkEmail | doNotTrack | email              | deals     | tracking  |
      | switch-1 | true       | false          | false      | sw1@example.com    | OPTED_IN  | OPTED_IN  |
      | switch-2 | false      | true           | true       | sw2@example.com    | OPTED_IN  | OPTED_IN  |
      | switch-3 | false      | false          | false      | sw3@example.com    | OPTED_IN  | OPTED_IN  |
      | switch-4 | true       | true           | true       | sw4@example.com    | OPTED_OUT | OPTED_OUT |

  Scenario: turning the checks off lets the flagged contacts' opt-ins through
    Given tenant "acme" checks contact-level consent
    When the admin tries turning contact-level checks off
    Then "deals" would go from block to send for 2 and from send to block for 0
    And tracking would go from block to send for 1 and from send to block for 0
    And the sample of "deals" names sw1@example.com, sw2@example.com
    And nothing has changed: the tenant still checks contact-level consent and "sw1@example.com" is still blocked for "deals"

  Scenario: turning the checks on stops them again
    Given tenant "acme" does not check contact-level consent
    When the admin tries turning contact-level checks on
    Then "deals" would go from block to send for 0 and from send to block for 2
    And tracking would go from block to send for 0 and from send to block for 1

  Scenario: trying the setting already in force reads nothing
    Given tenant "acme" checks contact-level consent
    When the admin tries turning contact-level checks on
    Then no contact is evaluated and nothing would flip
