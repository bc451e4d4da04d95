package org.consentplatform.domain.contact;

/** What kind of person record a recipient is. Only contacts carry the legacy flags. */
public enum EntityType {
    CONTACT, LEAD, PROFILE
}
