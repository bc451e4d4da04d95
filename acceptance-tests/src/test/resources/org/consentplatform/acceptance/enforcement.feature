Feature: Enforcement models decide whether a message is sent and tracked (domain rules §2)
  Right before a message goes out, the enforcement model of the message's purpose on the
  channel turns the contact point's record into send or block; the model of the profile's
  TRACKING purpose turns its record into track or no track.

  Background:
    Given tenant "acme" does not check contact-level consent

  Scenario: each model turns each record state into a decision
    Then for an email about purpose "commercial" the models decide:
      | model — aspect             | OPTED_OUT | absent   | OPTED_IN |
      | RESTRICTIVE — message      | block     | block    | send     |
      | RESTRICTIVE — tracking     | no track  | no track | track    |
      | NON_RESTRICTIVE — message  | block     | send     | send     |
      | NON_RESTRICTIVE — tracking | no track  | track    | track    |
      | DISABLED — message         | send      | send     | send     |
      | DISABLED — tracking        | track     | track    | track    |

  Scenario: a new profile starts with one purpose of each type and the default models
    Given tenant "acme" has a custom channel "WHATSAPP" whose addresses are phone numbers
    When the admin creates a profile without purposes
    Then the profile has one purpose of each type and default consents on EMAIL, SMS and VOICE
    And its purposes use these models:
      | purpose type  | EMAIL           | SMS         | VOICE       | custom channels | POSTAL          |
      | COMMERCIAL    | NON_RESTRICTIVE | RESTRICTIVE | RESTRICTIVE | RESTRICTIVE     | NON_RESTRICTIVE |
      | TRANSACTIONAL | DISABLED        | DISABLED    | DISABLED    | DISABLED        | DISABLED        |
      | TRACKING      | RESTRICTIVE     | —           | —           | —               | —               |

  Scenario: a revocation is visible to the very next decision
    Given a profile whose purpose "commercial" is RESTRICTIVE on EMAIL
    And "ann@example.com" opted in to "commercial" on EMAIL
    And a message for "commercial" to "ann@example.com" would be sent
    When "ann@example.com" opts out of "commercial" on EMAIL
    Then the very next decision for "commercial" to "ann@example.com" blocks the message
