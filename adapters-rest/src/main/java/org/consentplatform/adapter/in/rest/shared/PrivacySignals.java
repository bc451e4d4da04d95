package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.http.HttpServletRequest;

/** The privacy signals a browser sends with a request, read in one place for the pages and the API. */
public final class PrivacySignals {

    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/): {@code 1} when the user turned it on. */
    static final String GLOBAL_PRIVACY_CONTROL = "Sec-GPC";

    private PrivacySignals() {
    }

    public static boolean globalPrivacyControl(HttpServletRequest request) {
        return "1".equals(request.getHeader(GLOBAL_PRIVACY_CONTROL));
    }
}
