package org.consentplatform.bootstrap;

import com.mongodb.client.MongoClient;
import org.consentplatform.adapter.out.kafka.KafkaEventPublisher;
import org.consentplatform.adapter.out.mail.SmtpConfirmationMails;
import org.consentplatform.adapter.out.mongo.MongoChangeOutbox;
import org.consentplatform.adapter.out.mongo.MongoCheckpoints;
import org.consentplatform.adapter.out.mongo.MongoComplianceProfiles;
import org.consentplatform.adapter.out.mongo.MongoConfirmationRequests;
import org.consentplatform.adapter.out.mongo.MongoConsentHistory;
import org.consentplatform.adapter.out.mongo.MongoConsentRecords;
import org.consentplatform.adapter.out.mongo.MongoContacts;
import org.consentplatform.adapter.out.mongo.MongoIdempotencyRecords;
import org.consentplatform.adapter.out.mongo.GridFsImportFiles;
import org.consentplatform.adapter.out.mongo.MongoImportErrors;
import org.consentplatform.adapter.out.mongo.MongoImportJobs;
import org.consentplatform.adapter.out.mongo.MongoLeases;
import org.consentplatform.adapter.out.mongo.MongoReportCounters;
import org.consentplatform.adapter.out.mongo.MongoMailQuota;
import org.consentplatform.adapter.out.mongo.MongoStore;
import org.consentplatform.adapter.out.mongo.MongoTenants;
import org.consentplatform.application.service.CheckpointService;
import org.consentplatform.application.service.ConsentService;
import org.consentplatform.application.service.ContactService;
import org.consentplatform.application.service.DecisionService;
import org.consentplatform.application.service.DoubleOptInService;
import org.consentplatform.application.service.ExpiryService;
import org.consentplatform.application.service.ReportService;
import org.consentplatform.application.service.HistoryService;
import org.consentplatform.application.service.IdempotencyService;
import org.consentplatform.application.service.ImportService;
import org.consentplatform.application.service.InboundEventService;
import org.consentplatform.application.service.OutboxRelay;
import org.consentplatform.application.service.ProfileService;
import org.consentplatform.application.service.RecipientPreferenceService;
import org.consentplatform.application.service.TenantService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Plain constructors, wired here: the core carries no framework annotation. */
@Configuration(proxyBeanMethods = false)
class ApplicationWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoStore mongoStore(MongoClient client, @Value("${spring.mongodb.database:consent}") String database) {
        return MongoStore.open(client.getDatabase(database));
    }

    @Bean
    MongoConsentRecords consentRecords(MongoStore store, Clock clock) {
        return new MongoConsentRecords(store, clock);
    }

    @Bean
    MongoConsentHistory consentHistory(MongoStore store) {
        return new MongoConsentHistory(store);
    }

    /** Configuration (not consent) may be this old on other instances; see docs/adr/0010. */
    @Bean
    MongoTenants tenants(MongoStore store, @Value("${consent.configuration-cache-ttl:PT2S}") Duration ttl) {
        return new MongoTenants(store, ttl);
    }

    @Bean
    MongoComplianceProfiles complianceProfiles(MongoStore store, @Value("${consent.configuration-cache-ttl:PT2S}") Duration ttl) {
        return new MongoComplianceProfiles(store, ttl);
    }

    @Bean
    MongoContacts contacts(MongoStore store) {
        return new MongoContacts(store);
    }

    @Bean
    MongoIdempotencyRecords idempotencyRecords(MongoStore store) {
        return new MongoIdempotencyRecords(store);
    }

    @Bean
    TenantService tenantService(MongoTenants tenants, MongoContacts contacts, MongoConsentRecords records,
                                MongoComplianceProfiles profiles, Clock clock) {
        return new TenantService(tenants, contacts, records, profiles, clock);
    }

    @Bean
    ProfileService profileService(MongoComplianceProfiles profiles, MongoConsentRecords records, Clock clock) {
        return new ProfileService(profiles, records, clock);
    }

    @Bean
    ContactService contactService(MongoContacts contacts, MongoTenants tenants) {
        return new ContactService(contacts, tenants);
    }

    @Bean
    ConsentService consentService(MongoConsentRecords records, MongoContacts contacts, MongoTenants tenants,
                                  MongoComplianceProfiles profiles, DoubleOptInService doubleOptIn, Clock clock) {
        return new ConsentService(records, contacts, tenants, profiles, doubleOptIn, clock);
    }

    @Bean
    MongoConfirmationRequests confirmationRequests(MongoStore store) {
        return new MongoConfirmationRequests(store);
    }

    @Bean
    SmtpConfirmationMails confirmationMails(JavaMailSender sender,
                                            @Value("${consent.double-opt-in.from:no-reply@consent.localhost}") String from,
                                            @Value("${consent.double-opt-in.from-name:Consent}") String fromName) {
        return new SmtpConfirmationMails(sender, from, fromName);
    }

    /** Shared by every instance (MongoDB), so the limits hold for the whole deployment. */
    @Bean
    MongoMailQuota mailQuota(MongoStore store, Clock clock, @Value("${consent.double-opt-in.limits.per-address:3}") long perAddress,
                             @Value("${consent.double-opt-in.limits.per-address-period:PT1H}") Duration perAddressPeriod,
                             @Value("${consent.double-opt-in.limits.per-tenant:1000}") long perTenant,
                             @Value("${consent.double-opt-in.limits.per-tenant-period:PT1H}") Duration perTenantPeriod) {
        return new MongoMailQuota(store, new MongoMailQuota.Limit(perAddress, perAddressPeriod),
                new MongoMailQuota.Limit(perTenant, perTenantPeriod), clock);
    }

    @Bean
    DoubleOptInService doubleOptInService(MongoConfirmationRequests requests, SmtpConfirmationMails mails,
                                          KafkaEventPublisher events, MongoMailQuota quota, MongoConsentRecords records,
                                          MongoComplianceProfiles profiles, Clock clock, Environment environment) {
        // by default this server itself, on the port it actually listens on (known once it started)
        Supplier<String> linkBase = () -> environment.getProperty("consent.double-opt-in.link-base-url",
                "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        return new DoubleOptInService(requests, mails, events, quota, records, profiles, clock, linkBase);
    }

    @Bean
    RecipientPreferenceService recipientPreferenceService(MongoConsentRecords records, MongoContacts contacts, MongoTenants tenants,
                                                          MongoComplianceProfiles profiles, DoubleOptInService doubleOptIn, Clock clock) {
        return new RecipientPreferenceService(records, contacts, tenants, profiles, doubleOptIn, clock);
    }

    @Bean
    DecisionService decisionService(MongoConsentRecords records, MongoContacts contacts, MongoTenants tenants,
                                    MongoComplianceProfiles profiles, Clock clock) {
        return new DecisionService(records, contacts, tenants, profiles, clock);
    }

    @Bean
    HistoryService historyService(MongoConsentHistory history, MongoCheckpoints checkpoints, MongoTenants tenants,
                                  MongoComplianceProfiles profiles, Clock clock) {
        return new HistoryService(history, checkpoints, tenants, profiles, clock);
    }

    @Bean
    MongoChangeOutbox changeOutbox(MongoStore store) {
        return new MongoChangeOutbox(store);
    }

    @Bean
    MongoLeases leases(MongoStore store, Clock clock) {
        return new MongoLeases(store, clock);
    }

    @Bean
    MongoCheckpoints checkpoints(MongoStore store) {
        return new MongoCheckpoints(store);
    }

    /** Only the cluster settings are taken from Boot's producer configuration; see KafkaEventPublisher. */
    @Bean(destroyMethod = "close")
    KafkaEventPublisher eventPublisher(ProducerFactory<?, ?> producers, EventTopics topics,
                                       @Value("${consent.outbox.ack-timeout:PT10S}") Duration ackTimeout) {
        return new KafkaEventPublisher(producers.getConfigurationProperties(),
                new KafkaEventPublisher.Topics(topics.changes(), topics.checkpoints(), topics.doubleOptIn()), ackTimeout);
    }

    /** Names this instance in leases: unique per process, readable in the lease documents. */
    @Bean
    InstanceId instanceId(@Value("${consent.instance-id:}") String configured) {
        return InstanceId.of(configured);
    }

    @Bean
    OutboxRelay outboxRelay(MongoChangeOutbox outbox, KafkaEventPublisher publisher, MongoLeases leases, InstanceId instance,
                            @Value("${consent.outbox.lease-ttl:PT15S}") Duration leaseTtl,
                            @Value("${consent.outbox.batch-size:1000}") int batchSize, Clock clock) {
        return new OutboxRelay(outbox, publisher, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    CheckpointService checkpointService(MongoConsentHistory history, MongoCheckpoints checkpoints, KafkaEventPublisher publisher,
                                        MongoLeases leases, InstanceId instance, Clock clock) {
        return new CheckpointService(history, checkpoints, publisher, leases, instance.value(), Duration.ofMinutes(2), clock);
    }

    @Bean
    ExpiryService expiryService(MongoConsentRecords records, MongoConsentHistory history, MongoComplianceProfiles profiles,
                                MongoLeases leases, InstanceId instance, @Value("${consent.expiry.lease-ttl:PT5M}") Duration leaseTtl,
                                @Value("${consent.expiry.batch-size:500}") int batchSize, Clock clock) {
        return new ExpiryService(records, history, profiles, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    ReportService reportService(MongoStore store, MongoConsentRecords records, MongoComplianceProfiles profiles, MongoLeases leases,
                                InstanceId instance, @Value("${consent.reports.lease-ttl:PT2M}") Duration leaseTtl,
                                @Value("${consent.reports.batch-size:5000}") int batchSize, Clock clock) {
        return new ReportService(new MongoReportCounters(store), records, profiles, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    InboundEventService inboundEventService(MongoConsentRecords records, MongoTenants tenants, MongoComplianceProfiles profiles,
                                            MongoIdempotencyRecords applied, Clock clock) {
        return new InboundEventService(records, tenants, profiles, applied, clock);
    }

    @Bean
    ImportService importService(MongoStore store, MongoConsentRecords records, MongoTenants tenants,
                                MongoComplianceProfiles profiles, MongoLeases leases, InstanceId instance, Clock clock,
                                @Value("${consent.imports.max-bytes:2147483648}") long maxBytes,
                                @Value("${consent.imports.max-row-chars:65536}") int maxRowChars,
                                @Value("${consent.imports.batch-size:500}") int batchSize,
                                @Value("${consent.imports.lease-ttl:PT30S}") Duration leaseTtl) {
        return new ImportService(new MongoImportJobs(store), new GridFsImportFiles(store, maxBytes, maxRowChars),
                new MongoImportErrors(store), records, tenants, profiles, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    IdempotencyService idempotencyService(MongoIdempotencyRecords records, Clock clock) {
        return new IdempotencyService(records, clock);
    }
}
