package org.consentplatform.domain.profile;

/** What a keyword texted to a tenant's number asks for (domain rules §14). */
public enum SmsKeyword {
    /** Send no more commercial SMS to this number. */
    STOP,
    /** Send again what a STOP keyword stopped, as far as the profile allows (the rule is in sms.SmsReceived). */
    START,
    /** Tell me who you are and how to stop: no change, a reply with the profile's help text. */
    HELP
}
