Feature: Dry run of an enforcement-model change
  Before a purpose's model changes, the admin asks what it would do: how many of the
  records as they stand would flip from send to block and back (a sample names them), and
  what happens to contact points that have no record at all, which cannot be counted. The dry
  run changes nothing.

  Background:
    Given a profile whose purpose "news" is NON_RESTRICTIVE on EMAIL, with a topic "weekly" and opt-ins that live P12M
    And these records of "news" on EMAIL:
      | address           | topic  | state     | captured      |
      | in1@example.com   |        | OPTED_IN  | today         |
      | in2@example.com   |        | OPTED_IN  | today         |
      | old@example.com   |        | OPTED_IN  | 13 months ago |
      | out1@example.com  |        | OPTED_OUT | today         |
      | out2@example.com  |        | OPTED_OUT | today         |
      | out3@example.com  | weekly | OPTED_OUT | today         |

  Scenario Outline: trying each model on the known records
    When the admin tries <model> for "news" on EMAIL
    Then 6 records are evaluated: <to block> would go from send to block and <to send> from block to send
    And the sample names <sample>
    And contact points without a record would <without> it
    And nothing has changed: the profile is at version 1 and a message for "news" to "out1@example.com" is still blocked

    Examples:
      | model           | to block | to send | sample                                               | without              |
      | RESTRICTIVE     | 1        | 0       | old@example.com                                      | stop receiving       |
      | DISABLED        | 0        | 3       | out1@example.com, out2@example.com, out3@example.com | keep receiving       |
      | NON_RESTRICTIVE | 0        | 0       | nobody                                               | keep receiving       |
