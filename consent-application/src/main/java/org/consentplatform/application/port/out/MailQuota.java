package org.consentplatform.application.port.out;

import org.consentplatform.domain.tenant.TenantId;

import java.time.Duration;

/**
 * How many confirmation mails may go out, per address and per tenant, so that the API cannot
 * be used to flood a stranger's inbox.
 */
public interface MailQuota {

    /** Takes one mail from the quotas. @return zero when taken, else how long until one is free (nothing taken) */
    Duration take(TenantId tenant, String address);
}
