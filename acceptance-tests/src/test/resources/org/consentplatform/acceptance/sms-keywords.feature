Feature: SMS keywords (domain rules §14)
  A person texts one of the tenant's numbers. Each number is bound to one profile and speaks one
  language. A keyword acts at once on every commercial SMS purpose of that profile, with source
  INBOUND_EVENT and the text as evidence, and the platform texts its effect back from the same
  number, in that language. Case, accents and surrounding spaces do not matter; English keywords
  are read on every number. Any other text changes nothing, is answered by nothing and is counted.
  In the texts below, · stands for a space.

  Background:
    Given a profile with commercial SMS purposes "news" and "offers" and a number for each of "en", "fr" and "pl"
    And the sender is opted in to "news" and "offers" by SMS

  Scenario Outline: keywords in each language, whatever their case, accents and spaces
    When the sender texts "<text>" to the <language> number
    Then "news" and "offers" are <state> for the sender
    And the sender is texted back "<reply>"

    Examples:
      | language | text          | state     | reply                                                          |
      | en       | STOP          | OPTED_OUT | you will receive no more SMS from us                           |
      | en       | stopall       | OPTED_OUT | you will receive no more SMS from us                           |
      | en       | Unsubscribe   | OPTED_OUT | you will receive no more SMS from us                           |
      | en       | cancel        | OPTED_OUT | you will receive no more SMS from us                           |
      | en       | ··End·        | OPTED_OUT | you will receive no more SMS from us                           |
      | en       | QUIT          | OPTED_OUT | you will receive no more SMS from us                           |
      | en       | help          | OPTED_IN  | marketing messages. Text STOP to stop them                     |
      | en       | Info          | OPTED_IN  | marketing messages. Text STOP to stop them                     |
      | fr       | STOP          | OPTED_OUT | vous ne recevrez plus nos SMS                                  |
      | fr       | ARRET         | OPTED_OUT | vous ne recevrez plus nos SMS                                  |
      | fr       | ·arrêt··      | OPTED_OUT | vous ne recevrez plus nos SMS                                  |
      | fr       | Arrêt         | OPTED_OUT | vous ne recevrez plus nos SMS                                  |
      | fr       | HELP          | OPTED_IN  | messages commerciaux. Envoyez STOP pour les arrêter            |
      | pl       | STOP          | OPTED_OUT | nie będziesz już otrzymywać naszych SMS-ów                     |
      | pl       | stop          | OPTED_OUT | nie będziesz już otrzymywać naszych SMS-ów                     |
      | pl       | ·Stóp·        | OPTED_OUT | nie będziesz już otrzymywać naszych SMS-ów                     |
      | pl       | Quit          | OPTED_OUT | nie będziesz już otrzymywać naszych SMS-ów                     |

  Scenario Outline: text that is no keyword changes nothing, is not answered, and is counted
    When the sender texts "<text>" to the <language> number
    Then "news" and "offers" are OPTED_IN for the sender
    And the sender is texted nothing back for it
    And the text is counted as no keyword

    Examples:
      | language | text                      |
      | en       | stop please               |
      | en       | STOP!                     |
      | fr       | Bonjour, des infos ?      |
      | fr       | arrête                    |
      | pl       | Dzień dobry               |

  Scenario: a STOP is written once per purpose with the text as evidence, and the next decision blocks
    When the sender texts "Arrêt" to the fr number
    Then the "news" record is OPTED_OUT from INBOUND_EVENT because "Arrêt" was texted to the fr number
    And the sender's "news" record has 2 changes in its history
    And an SMS for "news" to the sender is blocked

  Scenario Outline: START restores only what an SMS STOP withdrew (the documented rule)
    Given the sender <before>
    When the sender texts "START" to the en number
    Then "news" is <news> and "offers" is <offers> for the sender
    And the sender is texted back "<reply>"

    Examples:
      | before                                                             | news      | offers    | reply                                       |
      | texted "STOP" to the en number                                     | OPTED_IN  | OPTED_IN  | you will receive our SMS again              |
      | texted "STOP" to the en number, then opted out of "offers" by API  | OPTED_IN  | OPTED_OUT | you will receive our SMS again              |
      | was opted out of "news" and "offers" by API                        | OPTED_OUT | OPTED_OUT | there is nothing a text can restart         |
      | complained of spam                                                 | OPTED_OUT | OPTED_OUT | there is nothing a text can restart         |

  Scenario: the profile's own help text, and keywords the tenant adds, in the number's language
    Given the profile answers HELP on its fr number with "Retail : aide au 01 23 45 67 89" and reads "AIDE" as HELP in fr
    When the sender texts "aide" to the fr number
    Then the sender is texted back "Retail : aide au 01 23 45 67 89"

  Scenario: a text sent twice (same event id) is applied and answered once
    When the sender texts "STOP" to the en number twice with one event id
    Then the sender is texted back once for that event
    And the sender's "news" record has 2 changes in its history

  Scenario: a text to a number bound to no profile is refused to the dead-letter topic, and changes nothing
    When the sender texts "STOP" to a number bound to no profile
    Then the text lands on the dead-letter topic
    And "news" and "offers" are OPTED_IN for the sender

  Scenario: a number answers for one profile of the tenant
    When another profile binds the en number
    Then the profile is refused with 422 "sms-number-bound"
