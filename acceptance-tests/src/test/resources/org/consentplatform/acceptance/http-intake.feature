Feature: HTTP intake of inbound events (for providers that cannot write to Kafka)
  A provider posts one CloudEvent per request to /inbound/v1/tenants/{tenant}/events, in the
  CloudEvents HTTP binding's structured or binary mode. It carries no token: it signs the exact
  body with the tenant's intake secret, the time bound into the signature, and the platform lets
  the request in only within 5 minutes of its own clock. What gets in is applied exactly as the
  Kafka listener applies it, once per event id. A request that can never be applied is a 4xx
  problem and changes nothing; a refused request changes nothing either.

  Background:
    Given a profile with a commercial purpose "news" on email and SMS, and an SMS number in "en"
    And the address is opted in to "news" on email
    And an administrator made the tenant's intake secret

  Scenario Outline: what the gate lets in
    When a provider posts an unsubscribe for the address in <mode> mode, <signed>
    Then the intake answers <status> <problem>
    And "news" is <state> for the address

    Examples:
      | mode       | signed                                              | status | problem           | state     |
      | structured | signed now with the tenant's secret                 | 200    | -                 | OPTED_OUT |
      | binary     | signed now with the tenant's secret                 | 200    | -                 | OPTED_OUT |
      | structured | signed 4 minutes ago with the tenant's secret       | 200    | -                 | OPTED_OUT |
      | structured | signed with the secret the last rotation replaced   | 200    | -                 | OPTED_OUT |
      | structured | signed with another secret                          | 401    | signature-refused | OPTED_IN  |
      | binary     | signed now, the body altered after signing          | 401    | signature-refused | OPTED_IN  |
      | structured | signed 6 minutes ago with the tenant's secret       | 401    | signature-refused | OPTED_IN  |
      | structured | signed 6 minutes ahead with the tenant's secret     | 401    | signature-refused | OPTED_IN  |
      | structured | without a signature                                 | 400    | invalid-input     | OPTED_IN  |
      | structured | signed with the secret but sent for another tenant  | 401    | signature-refused | OPTED_IN  |

  Scenario: a request replayed within the window is acknowledged and applied once
    When a provider posts an unsubscribe for the address in structured mode, signed now with the tenant's secret
    And the provider posts the very same request again
    Then the second answer is 200 and says it was a duplicate
    And the address's "news" record has 2 changes in its history

  Scenario Outline: poison requests get a 4xx problem and change nothing
    When a provider sends <poison>, signed now with the tenant's secret
    Then the intake answers <status> <problem>
    And "news" is OPTED_IN for the address

    Examples:
      | poison                                            | status | problem             |
      | a body that is not JSON                           | 400    | unprocessable-event |
      | an event of an unknown type                       | 400    | invalid-input       |
      | an event without an id                            | 400    | unprocessable-event |
      | an event naming another tenant in its data        | 400    | unprocessable-event |
      | a batch of events                                 | 400    | unprocessable-event |
      | an event without its address                      | 400    | invalid-input       |
      | an unsubscribe from a purpose the profile lacks   | 404    | not-found           |
      | a text to a number bound to no profile            | 404    | not-found           |
      | a body of 3 MB                                    | 413    | payload-too-large   |

  Scenario: an SMS STOP over HTTP does what it does over Kafka
    Given the sender is opted in to "news" by SMS
    When a provider posts the sender's text "Stop" to the en number, signed now with the tenant's secret
    Then the intake answers 200 -
    And the answer says the text was the keyword STOP with 1 change
    And "news" is OPTED_OUT for the sender by SMS

  Scenario: an event without a time (optional in CloudEvents) happened when it arrived
    When a provider posts an unsubscribe for the address without a time, signed now with the tenant's secret
    Then the intake answers 200 -
    And "news" is OPTED_OUT for the address, captured when the event arrived
