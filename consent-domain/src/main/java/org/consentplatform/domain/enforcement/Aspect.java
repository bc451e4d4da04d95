package org.consentplatform.domain.enforcement;

/** What a check is about: sending the message, or tracking its opens and clicks. */
public enum Aspect {
    MESSAGE, TRACKING
}
