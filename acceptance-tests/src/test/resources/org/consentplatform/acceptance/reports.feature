Feature: Reports (domain rules §12)
  Per profile, purpose and channel, a report tells how many contact points will be sent to and
  how many not, and the opt-ins, opt-outs and expiries of each day, so a sudden drop is visible.
  Reports read counters the change log feeds, so every load and every expiry shows in them,
  each change once.

  Background:
    Given a profile whose purpose "offers" is RESTRICTIVE on EMAIL and SMS, shared with "Acme Travel", opt-ins living P10Y
    When these consents are loaded:
      | channel | address         | purposeId | state     | capturedAt           |
      | EMAIL   | r1@example.com  | offers    | OPTED_IN  | 2026-10-01T09:00:00Z |
      | EMAIL   | r2@example.com  | offers    | OPTED_IN  | 2026-10-01T10:00:00Z |
      | EMAIL   | r3@example.com  | offers    | OPTED_OUT | 2026-10-01T11:00:00Z |
      | EMAIL   | r4@example.com  | offers    | OPTED_IN  | 2026-10-02T09:00:00Z |
      | EMAIL   | r5@example.com  | offers    | OPTED_IN  | 2015-06-01T09:00:00Z |
      | EMAIL   | r6@example.com  | offers    | OPTED_OUT | 2026-10-02T10:00:00Z |
      | SMS     | +33612345678    | offers    | OPTED_IN  | 2026-10-02T11:00:00Z |
    And the report counters catch up

  Scenario: report figures after a load and an expiry
    Then the reach is:
      | purpose | channel | optedIn | optedOut | expired | overdueOptIns | willSend | willNotSend |
      | offers  | EMAIL   | 4       | 2        | 0       | 1             | 3        | 3           |
      | offers  | SMS     | 1       | 0        | 0       | 0             | 1        | 0           |
    When the expiry job runs
    And the report counters catch up
    Then the reach is:
      | purpose | channel | optedIn | optedOut | expired | overdueOptIns | willSend | willNotSend |
      | offers  | EMAIL   | 3       | 2        | 1       | 0             | 3        | 3           |
      | offers  | SMS     | 1       | 0        | 0       | 0             | 1        | 0           |
    And the daily figures from "2026-10-01" to "2026-10-02" are:
      | day        | purpose | channel | optIns | optOuts | expiries |
      | 2026-10-01 | offers  | EMAIL   | 2      | 1       | 0        |
      | 2026-10-02 | offers  | EMAIL   | 1      | 1       | 0        |
      | 2026-10-02 | offers  | SMS     | 1      | 0       | 0        |
    And the daily figures from "2025-06-01" to "2025-06-01" are:
      | day        | purpose | channel | optIns | optOuts | expiries |
      | 2025-06-01 | offers  | EMAIL   | 0      | 0       | 1        |

  Scenario: loading the same file again counts nothing twice
    When the same consents are loaded again
    And the report counters catch up
    Then the reach is:
      | purpose | channel | optedIn | optedOut | expired | overdueOptIns | willSend | willNotSend |
      | offers  | EMAIL   | 4       | 2        | 0       | 1             | 3        | 3           |
      | offers  | SMS     | 1       | 0        | 0       | 0             | 1        | 0           |

  Scenario: an opt-out made through the API shows the same day
    When "r1@example.com" opts out of "offers" today
    And the report counters catch up
    Then the reach is:
      | purpose | channel | optedIn | optedOut | expired | overdueOptIns | willSend | willNotSend |
      | offers  | EMAIL   | 3       | 3        | 0       | 1             | 2        | 4           |
      | offers  | SMS     | 1       | 0        | 0       | 0             | 1        | 0           |
    And today's figures count 1 opt-out for "offers" on EMAIL

  Scenario: the partner report names the partner the purpose shares data with
    Then the partner report lists "Acme Travel" with "offers" on EMAIL and SMS

  Scenario: the reach report comes as CSV for a spreadsheet
    Then the reach as CSV has the line "offers" EMAIL with 3 sent to and 3 not
