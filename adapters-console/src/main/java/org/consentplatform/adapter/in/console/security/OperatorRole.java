package org.consentplatform.adapter.in.console.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.consentplatform.adapter.in.console.security.Permission.AUDIT;
import static org.consentplatform.adapter.in.console.security.Permission.CHANGE_CONSENT;
import static org.consentplatform.adapter.in.console.security.Permission.CONFIGURE;
import static org.consentplatform.adapter.in.console.security.Permission.READ_CONSENT;
import static org.consentplatform.adapter.in.console.security.Permission.READ_REPORTS;
import static org.consentplatform.adapter.in.console.security.Permission.RUN_LOADS;

/**
 * The roles an identity provider may put in the roles claim, and what each may do. Auditors read
 * everything and change nothing; compliance officers are marketers who also configure.
 */
public enum OperatorRole {
    MARKETER(EnumSet.of(READ_CONSENT, CHANGE_CONSENT, RUN_LOADS, READ_REPORTS)),
    COMPLIANCE(EnumSet.of(READ_CONSENT, CHANGE_CONSENT, RUN_LOADS, READ_REPORTS, CONFIGURE)),
    AUDITOR(EnumSet.of(READ_CONSENT, READ_REPORTS, AUDIT)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    OperatorRole(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** A role as identity providers write it: {@code marketer}, {@code consent-marketer}, {@code CONSENT_MARKETER}. */
    public static Optional<OperatorRole> named(String raw) {
        String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        name = name.startsWith("CONSENT_") ? name.substring("CONSENT_".length()) : name;
        for (OperatorRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** What the API's scopes allow, for providers that grant scopes rather than roles. */
    public static Set<Permission> ofScopes(Set<String> scopes) {
        var permissions = EnumSet.noneOf(Permission.class);
        if (scopes.contains("consent:read")) {
            permissions.addAll(EnumSet.of(READ_CONSENT, READ_REPORTS));
        }
        if (scopes.contains("consent:write")) {
            permissions.add(CHANGE_CONSENT);
        }
        if (scopes.contains("consent:import")) {
            permissions.add(RUN_LOADS);
        }
        if (scopes.contains("consent:admin")) {
            permissions.add(CONFIGURE);
        }
        if (scopes.contains("consent:audit")) {
            permissions.add(AUDIT);
        }
        return permissions;
    }
}
