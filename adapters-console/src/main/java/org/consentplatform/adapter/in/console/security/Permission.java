package org.consentplatform.adapter.in.console.security;

import org.springframework.security.core.GrantedAuthority;

/** What a person may do in the console, whatever role or scope gave it. */
public enum Permission implements GrantedAuthority {
    /** The consent center: a person's records and what decisions would do. */
    READ_CONSENT,
    /** Change a person's record as an operator. */
    CHANGE_CONSENT,
    /** Upload, follow and cancel loads. */
    RUN_LOADS,
    /** Reach, daily figures and the partner report. */
    READ_REPORTS,
    /** Compliance profiles and tenant settings. */
    CONFIGURE,
    /** History, chain verification, receipts and exports. */
    AUDIT;

    @Override
    public String getAuthority() {
        return "CONSOLE_" + name();
    }
}
