package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.contactpoint.AddressFormat;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Tenant settings. They are read by every decision and change rarely, so they are kept for a
 * short time ({@code ttl}); this instance forgets them at once when it saves, other instances
 * within the ttl. Consent records are never cached.
 */
public final class MongoTenants implements Tenants {

    private final MongoCollection<Document> tenants;
    private final ConfigurationCache<TenantId, Optional<TenantSettings>> cache;

    public MongoTenants(MongoStore store, Duration ttl) {
        this.tenants = store.collection(MongoStore.TENANTS);
        this.cache = new ConfigurationCache<>(ttl);
    }

    @Override
    public Optional<TenantSettings> settings(TenantId tenant) {
        return cache.get(tenant, this::read);
    }

    private Optional<TenantSettings> read(TenantId tenant) {
        return Optional.ofNullable(tenants.find(Filters.eq("_id", tenant.value())).first()).map(doc -> new TenantSettings(
                doc.getBoolean("checkContactLevelConsent"), doc.getBoolean("lowercaseWholeEmail"),
                doc.getString("defaultPhoneRegion"),
                doc.getList("customChannels", Document.class, List.of()).stream()
                        .map(c -> new ChannelDefinition(new Channel(new TechnicalId(c.getString("id"))), c.getString("name"),
                                AddressFormat.valueOf(c.getString("addressFormat"))))
                        .toList(),
                doc.getInteger("ageOfDigitalConsent"),
                doc.getString("historyRetention") == null ? null : Period.parse(doc.getString("historyRetention")),
                doc.getBoolean("honourGlobalPrivacyControl")));
    }

    @Override
    public void save(TenantId tenant, TenantSettings settings) {
        tenants.replaceOne(Filters.eq("_id", tenant.value()), new Document("_id", tenant.value())
                        .append("checkContactLevelConsent", settings.checkContactLevelConsent())
                        .append("lowercaseWholeEmail", settings.lowercaseWholeEmail())
                        .append("defaultPhoneRegion", settings.defaultPhoneRegion())
                        .append("customChannels", settings.customChannels().stream()
                                .map(c -> new Document("id", c.channel().toString()).append("name", c.name())
                                        .append("addressFormat", c.addressFormat().name()))
                                .toList())
                        .append("ageOfDigitalConsent", settings.ageOfDigitalConsent())
                        .append("historyRetention", settings.historyRetention() == null ? null : settings.historyRetention().toString())
                        .append("honourGlobalPrivacyControl", settings.honourGlobalPrivacyControl()),
                new ReplaceOptions().upsert(true));
        cache.forget(tenant);
    }
}
