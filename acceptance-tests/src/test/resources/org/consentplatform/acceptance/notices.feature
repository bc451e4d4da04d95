Feature: Notices with versions (domain rules §15)
  A notice is the wording shown for a purpose or topic. Each version has its text per language,
  an effective date and a material flag. A capture may name the version the person saw; the
  change and the receipt keep it with a hash of its text. When a material version takes effect,
  opt-ins given under older versions count as absent (reason NOTICE_SUPERSEDED) where the
  profile requires consent again, and stay valid where it grandfathers them. A dry run says
  beforehand how many contact points would stop being sendable; a streamed export lists who must
  be asked again. Published versions are kept as they were.

  Background:
    Given a profile whose purpose "news" is worded by notice "news-wording", version "1" in effect since 2026-01-01
    And "ann" opted in to "news" under notice version "1"
    And "bob" opted in to "news" naming no notice version
    And "cid" opted out of "news"

  Scenario Outline: a new version, material or not, under each policy
    Given the profile's notice policy is <policy>
    When version "2" of the notice, <material>, takes effect
    Then a "news" message to "ann" is <verdict> because of <reason>
    And a "news" message to "bob" is <verdict> because of <reason>
    And the preference page of "ann" shows "news" <box>

    Examples:
      | policy             | material     | verdict | reason            | box      |
      | RECONSENT_REQUIRED | material     | blocked | NOTICE_SUPERSEDED | unticked |
      | RECONSENT_REQUIRED | not material | sent    | PURPOSE_CONSENT   | ticked   |
      | GRANDFATHERED      | material     | sent    | PURPOSE_CONSENT   | ticked   |

  Scenario: agreeing to the new version makes the person sendable again, and only them
    Given the profile's notice policy is RECONSENT_REQUIRED
    And version "2" of the notice, material, takes effect
    When "ann" opts in to "news" under notice version "2"
    Then a "news" message to "ann" is sent because of PURPOSE_CONSENT
    And a "news" message to "bob" is blocked because of NOTICE_SUPERSEDED

  Scenario: a version that does not take effect yet changes nothing yet
    Given the profile's notice policy is RECONSENT_REQUIRED
    When version "2" of the notice, material, is published to take effect tomorrow
    Then a "news" message to "ann" is sent because of PURPOSE_CONSENT

  Scenario: the change and the receipt carry the version seen and the hash of its text
    Then the "news" record of "ann" names notice "news-wording@1" with the hash of version "1"
    And the receipt of "ann" for "news" names notice "news-wording@1" with the hash of version "1"

  Scenario Outline: a capture naming a version it cannot have seen is refused, and changes nothing
    When "dan" opts in to "news" naming notice "<notice>" version "<version>"
    Then the capture is refused with 422 "notice-unknown"
    And "dan" has no "news" record

    Examples:
      | notice        | version |
      | news-wording  | 9       |
      | other-wording | 1       |

  Scenario Outline: the dry run, on a known data set
    Given the profile's notice policy is <policy>
    When the dry run of version "2", <material>, effective tomorrow, is asked for
    Then it counts <evaluated> records and <stopped> contact points that would stop being sendable
    And its sample names <sample>

    Examples:
      | policy             | material     | evaluated | stopped | sample        |
      | RECONSENT_REQUIRED | material     | 3         | 2       | "ann", "bob"  |
      | RECONSENT_REQUIRED | not material | 3         | 0       | nobody        |
      | GRANDFATHERED      | material     | 3         | 0       | nobody        |

  Scenario: the export lists who must be asked again
    Given the profile's notice policy is RECONSENT_REQUIRED
    And version "2" of the notice, material, takes effect
    When "bob" opts in to "news" under notice version "2"
    Then the re-consent export lists exactly "ann"

  Scenario: published versions are kept as they were
    When the admin revises the profile with version "1" of the notice reworded
    Then the revision is refused with 422 "notice-version-kept"
    And the notice still has version "1" as it was

  Scenario: a person's access bundle shows the text they agreed to
    Then the access bundle of "ann" shows the text of version "1" for "news"

  Scenario Outline: the reach report counts superseded opt-ins as absent, as decisions do
    Given the profile's notice policy is <policy>
    And version "2" of the notice, material, takes effect
    And the report counters catch up
    Then "news" on EMAIL counts 2 opted in, <superseded> superseded, <willSend> will send and <willNotSend> will not send

    Examples:
      | policy             | superseded | willSend | willNotSend |
      | RECONSENT_REQUIRED | 2          | 0        | 3           |
      | GRANDFATHERED      | 0          | 2        | 1           |
