package org.consentplatform.domain.contact;

import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTest {

    private static final LegacyFlags ALL_SET = new LegacyFlags(true, true, true);

    @Test
    void leadsAndProfilesKeepTheFlagsACrmSendsButNeverUseThem() {
        for (EntityType type : List.of(EntityType.LEAD, EntityType.PROFILE)) {
            Contact synced = new Contact(new TenantId("acme"), new TechnicalId("r-1"), type, ALL_SET, List.of());

            assertThat(synced.flags()).isEqualTo(ALL_SET);
            assertThat(synced.carriesLegacyFlags()).as(type.name()).isFalse();
        }
    }

    @Test
    void contactsUseTheirFlags() {
        Contact contact = new Contact(new TenantId("acme"), new TechnicalId("c-1"), EntityType.CONTACT, ALL_SET, List.of());

        assertThat(contact.carriesLegacyFlags()).isTrue();
        assertThat(new Contact(new TenantId("acme"), new TechnicalId("c-2"), EntityType.CONTACT, null, List.of()).flags())
                .isEqualTo(LegacyFlags.NONE);
    }
}
