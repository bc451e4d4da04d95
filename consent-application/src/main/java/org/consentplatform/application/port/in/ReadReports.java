package org.consentplatform.application.port.in;

import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Reach;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reports (§12) read from maintained counters: no call reads every record. */
public interface ReadReports {

    /** The longest range of days one report covers. */
    int MAX_DAYS = 366;

    /** Per profile (or the one given), purpose, topic and channel: how many contact points will be sent to, or tracked, and how many not. */
    List<Reach> reach(TenantId tenant, TechnicalId profileId);

    /** Per series, the opt-ins, opt-outs, expiries and renewals of each day of the range (UTC days, both ends included). */
    Map<Series, Map<LocalDate, DayFigures>> days(TenantId tenant, TechnicalId profileId, LocalDate from, LocalDate to);

    /** The reach of every purpose that names a partner (§12), by partner. */
    Map<String, List<Reach>> partners(TenantId tenant);
}
