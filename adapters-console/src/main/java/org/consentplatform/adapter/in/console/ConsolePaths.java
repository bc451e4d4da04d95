package org.consentplatform.adapter.in.console;

/** Where the console's pages live: everything under one prefix, a tenant's pages under its id. */
final class ConsolePaths {

    static final String BASE = "/console";
    static final String TENANT = BASE + "/t/{tenantId}";
    static final String AUTHORIZATION = BASE + "/oauth2/authorization";
    static final String LOGOUT = BASE + "/logout";
    static final String SIGNED_OUT = BASE + "/signed-out";
    static final String FORBIDDEN = BASE + "/forbidden";

    private ConsolePaths() {
    }
}
