package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The model changes a profile revision makes are the ones a dry run must show before it is saved. */
class ModelRevisionTest {

    private static final TechnicalId NEWS = new TechnicalId("news");

    private final ComplianceProfile profile = ComplianceProfile.create(new TenantId("acme"), new TechnicalId("shop"),
            new ProfileDefinition("Shop", null, List.of(Purpose.define(NEWS, "News", PurposeType.COMMERCIAL, null,
                    Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE), List.of(), false)), null));

    @Test
    void onlyModelsThatDifferOnPurposesTheProfileHasAreRevisions() {
        var revised = new ProfileDefinition("Shop", null, List.of(
                Purpose.define(NEWS, "News", PurposeType.COMMERCIAL, null,
                        Map.of(Channel.EMAIL, EnforcementModel.NON_RESTRICTIVE, Channel.SMS, EnforcementModel.RESTRICTIVE), List.of(), false),
                Purpose.define(new TechnicalId("fresh"), null, PurposeType.COMMERCIAL, null,
                        Map.of(Channel.EMAIL, EnforcementModel.DISABLED), List.of(), false)), null);

        assertThat(ModelRevision.between(profile, revised))
                .containsExactly(new ModelRevision(NEWS, Channel.EMAIL, EnforcementModel.RESTRICTIVE, EnforcementModel.NON_RESTRICTIVE));
    }

    @Test
    void theSameModelsAreNoRevision() {
        var same = new ProfileDefinition("Shop renamed", "1 rue de la Paix", profile.purposes(), null);

        assertThat(ModelRevision.between(profile, same)).isEmpty();
    }
}
