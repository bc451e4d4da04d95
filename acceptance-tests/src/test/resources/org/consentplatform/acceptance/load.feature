Feature: Load (domain rules §9, with §7 for legacy flags and §6 for ordering)
  Legacy contacts become records by the subscription-center rules: both email flags decide the
  commercial purposes, doNotEmail the transactional ones, doNotTrack the tracking one; an empty
  flag says nothing. Subscription-list members opt in to the list's topic. Rows older than the
  record's consent are superseded; bad rows are rejected by line and the rest goes on.

  Background:
    Given a profile whose purpose "newsletter" has the topics "wine" and "cheese"

  Scenario: legacy flags and list memberships become records
    When this legacy file is loaded, list "Wine club" mapped to topic "wine", exported at "2026-10-01T00:00:00Z":
      | contactId | emails         | doNotEmail | doNotBulkEmail | doNotTrack | lists     |
      | c1        | load-a1@ex.com | false      | false          | false      | Wine club |
      | c2        | load-a2@ex.com | false      | true           | true       |           |
      | c3        | load-a3@ex.com | true       | false          |            |           |
      | c4        | load-a4@ex.com |            |                |            | Wine club |
    Then the load completes with 4 rows read, 4 applied, 0 superseded, 0 rejected
    And the loaded records are:
      | address        | purpose       | topic | state     |
      | load-a1@ex.com | newsletter    |       | OPTED_IN  |
      | load-a1@ex.com | transactional |       | OPTED_IN  |
      | load-a1@ex.com | tracking      |       | OPTED_IN  |
      | load-a1@ex.com | newsletter    | wine  | OPTED_IN  |
      | load-a2@ex.com | newsletter    |       | OPTED_OUT |
      | load-a2@ex.com | transactional |       | OPTED_IN  |
      | load-a2@ex.com | tracking      |       | OPTED_OUT |
      | load-a3@ex.com | newsletter    |       | OPTED_OUT |
      | load-a3@ex.com | transactional |       | OPTED_OUT |
      | load-a3@ex.com | tracking      |       | absent    |
      | load-a4@ex.com | newsletter    |       | absent    |
      | load-a4@ex.com | newsletter    | wine  | OPTED_IN  |

  Scenario: an older row is superseded, bad rows are rejected by line, and the rest goes on
    Given "load-b1@ex.com" opted out of "newsletter" at "2026-11-01T00:00:00Z"
    When this legacy file is loaded, list "Wine club" mapped to topic "wine", exported at "2026-10-01T00:00:00Z":
      | contactId | emails         | doNotEmail | doNotBulkEmail | doNotTrack | lists     |
      | c1        | load-b1@ex.com |            | true           |            |           |
      | c2        | load-b1@ex.com | false      | false          |            |           |
      | c3        | not-an-address | false      | false          | false      |           |
      | c4        | load-b4@ex.com | false      | false          | false      | Beer club |
      | c5        | load-b5@ex.com | yes        | no             | 1          |           |
    Then the load completes with 5 rows read, 2 applied, 1 superseded, 2 rejected
    And the error report lists:
      | line | field  |
      | 4    | emails |
      | 5    | lists  |
    And the loaded record of "load-b1@ex.com" for "newsletter" is OPTED_OUT

  Scenario: loading the same file again changes nothing
    When this legacy file is loaded, list "Wine club" mapped to topic "wine", exported at "2026-10-01T00:00:00Z":
      | contactId | emails         | doNotEmail | doNotBulkEmail | doNotTrack | lists     |
      | c1        | load-c1@ex.com | false      | false          | false      | Wine club |
    And the same file is loaded again
    Then the load completes with 1 rows read, 0 applied, 0 superseded, 0 rejected
    And 1 row is counted as unchanged
