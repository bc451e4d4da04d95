Feature: Topics (domain rules §3)
  A message for a topic needs its parent purpose to send and the topic's own record to send
  under the parent purpose's model. Opting in to a topic under an opted-out purpose changes
  nothing; opting out of a purpose blocks all its topics.

  Background:
    Given tenant "acme" does not check contact-level consent

  Scenario: a topic message needs both its purpose and its topic
    Then for an email about topic "newsletter" of purpose "commercial" the decisions are:
      | parent model    | purpose record | topic record | message |
      | RESTRICTIVE     | OPTED_IN       | OPTED_IN     | send    |
      | RESTRICTIVE     | OPTED_IN       | absent       | block   |
      | RESTRICTIVE     | OPTED_IN       | OPTED_OUT    | block   |
      | RESTRICTIVE     | OPTED_OUT      | OPTED_IN     | block   |
      | RESTRICTIVE     | absent         | OPTED_IN     | block   |
      | NON_RESTRICTIVE | absent         | absent       | send    |
      | NON_RESTRICTIVE | OPTED_OUT      | OPTED_IN     | block   |
      | NON_RESTRICTIVE | OPTED_OUT      | absent       | block   |
      | NON_RESTRICTIVE | OPTED_IN       | OPTED_OUT    | block   |
      | DISABLED        | OPTED_OUT      | OPTED_OUT    | send    |
