Feature: Subscription center for contacts (domain rules §7)
  The subscription center shows a CONTACT's three legacy flags, pre-filled from the contact and
  from the records of every one of its email addresses, and writes them back to both. The
  contact here has two email addresses and a phone number; every purpose is NON_RESTRICTIVE on
  EMAIL, so only a flag or an opt-out shows "block".

  Background:
    Given a profile with two commercial purposes, all NON_RESTRICTIVE on EMAIL
    And a CONTACT with the emails "first" and "second" and a phone number

  Scenario Outline: pre-fill by the §7 table, row by row
    Given the contact has <flag> set
    And the second address is opted out of <purpose>
    When the person opens the subscription link
    Then the page shows doNotBulkEmail <bulk>, doNotEmail <email> and doNotTrack <track>

    Examples:
      | flag           | purpose       | bulk  | email | track |
      | no flag        | nothing       | allow | allow | allow |
      | doNotBulkEmail | nothing       | block | allow | allow |
      | doNotEmail     | nothing       | allow | block | allow |
      | doNotTrack     | nothing       | allow | allow | block |
      | no flag        | COMMERCIAL    | block | allow | allow |
      | no flag        | TRANSACTIONAL | allow | block | allow |
      | no flag        | TRACKING      | allow | allow | block |

  Scenario Outline: write-back by the §7 table, to every email address of the contact
    When the person opens the subscription link
    And sets doNotBulkEmail to <bulk>, doNotEmail to <email> and doNotTrack to <track> and saves
    Then the page says the subscriptions are saved
    And on both email addresses every COMMERCIAL purpose is <commercial>
    And on both email addresses every TRANSACTIONAL purpose is <transactional>
    And on both email addresses every TRACKING purpose is <tracking>
    And the changes have source SUBSCRIPTION_CENTER
    And the phone number has no consent record
    And the contact's flags are doNotBulkEmail <bulk>, doNotEmail <email> and doNotTrack <track>

    Examples:
      | bulk  | email | track | commercial | transactional | tracking  |
      | allow | allow | allow | OPTED_IN   | OPTED_IN      | OPTED_IN  |
      | block | allow | allow | OPTED_OUT  | OPTED_IN      | OPTED_IN  |
      | allow | block | allow | OPTED_OUT  | OPTED_OUT     | OPTED_IN  |
      | block | block | block | OPTED_OUT  | OPTED_OUT     | OPTED_OUT |
      | allow | allow | block | OPTED_IN   | OPTED_IN      | OPTED_OUT |

  Scenario: the next decision sees the write-back at once
    When the person opens the subscription link
    And sets doNotBulkEmail to block, doNotEmail to allow and doNotTrack to allow and saves
    Then a commercial email to the second address is blocked
