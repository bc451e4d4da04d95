package org.consentplatform.bootstrap;

import com.mongodb.client.MongoClient;
import org.consentplatform.adapter.kafka.EventTopics;
import org.consentplatform.adapter.out.kafka.KafkaEventPublisher;
import org.consentplatform.adapter.out.mail.SmtpConfirmationMails;
import org.consentplatform.adapter.out.mongo.GridFsImportFiles;
import org.consentplatform.adapter.out.mongo.MongoChangeOutbox;
import org.consentplatform.adapter.out.mongo.MongoCheckpoints;
import org.consentplatform.adapter.out.mongo.MongoComplianceProfiles;
import org.consentplatform.adapter.out.mongo.MongoConfirmationRequests;
import org.consentplatform.adapter.out.mongo.MongoConsentHistory;
import org.consentplatform.adapter.out.mongo.MongoConsentRecords;
import org.consentplatform.adapter.out.mongo.MongoContacts;
import org.consentplatform.adapter.out.mongo.MongoIdempotencyRecords;
import org.consentplatform.adapter.out.mongo.MongoImportErrors;
import org.consentplatform.adapter.out.mongo.MongoImportJobs;
import org.consentplatform.adapter.out.mongo.MongoLeases;
import org.consentplatform.adapter.out.mongo.MongoMailQuota;
import org.consentplatform.adapter.out.mongo.MongoReportCounters;
import org.consentplatform.adapter.out.mongo.MongoStore;
import org.consentplatform.adapter.out.mongo.MongoTenants;
import org.consentplatform.adapter.out.mongo.StorageOutages;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.application.port.out.Checkpoints;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationMails;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.application.port.out.ImportFiles;
import org.consentplatform.application.port.out.ImportJobs;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.application.port.out.ReportCounters;
import org.consentplatform.application.port.out.StorageProbe;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.application.service.CheckpointService;
import org.consentplatform.application.service.ConsentService;
import org.consentplatform.application.service.ContactService;
import org.consentplatform.application.service.DecisionService;
import org.consentplatform.application.service.DoubleOptInService;
import org.consentplatform.application.service.ExpiryService;
import org.consentplatform.application.service.HistoryService;
import org.consentplatform.application.service.IdempotencyService;
import org.consentplatform.application.service.ImportService;
import org.consentplatform.application.service.InboundEventService;
import org.consentplatform.application.service.OutboxRelay;
import org.consentplatform.application.service.ProfileService;
import org.consentplatform.application.service.RecipientPreferenceService;
import org.consentplatform.application.service.ReportService;
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
    StorageProbe storageProbe(MongoStore store) {
        return StorageOutages.guarded(StorageProbe.class, store.probe());
    }

    @Bean
    ConsentRecords consentRecords(MongoStore store, Clock clock) {
        return StorageOutages.guarded(ConsentRecords.class, new MongoConsentRecords(store, clock));
    }

    @Bean
    ConsentHistory consentHistory(MongoStore store) {
        return StorageOutages.guarded(ConsentHistory.class, new MongoConsentHistory(store));
    }

    /** Configuration (not consent) may be this old on other instances; see docs/adr/0010. */
    @Bean
    Tenants tenants(MongoStore store, @Value("${consent.configuration-cache-ttl:PT2S}") Duration ttl) {
        return StorageOutages.guarded(Tenants.class, new MongoTenants(store, ttl));
    }

    @Bean
    ComplianceProfiles complianceProfiles(MongoStore store, @Value("${consent.configuration-cache-ttl:PT2S}") Duration ttl) {
        return StorageOutages.guarded(ComplianceProfiles.class, new MongoComplianceProfiles(store, ttl));
    }

    @Bean
    Contacts contacts(MongoStore store) {
        return StorageOutages.guarded(Contacts.class, new MongoContacts(store));
    }

    @Bean
    IdempotencyRecords idempotencyRecords(MongoStore store) {
        return StorageOutages.guarded(IdempotencyRecords.class, new MongoIdempotencyRecords(store));
    }

    @Bean
    TenantService tenantService(Tenants tenants, Contacts contacts, ConsentRecords records,
                                ComplianceProfiles profiles, Clock clock) {
        return new TenantService(tenants, contacts, records, profiles, clock);
    }

    @Bean
    ProfileService profileService(ComplianceProfiles profiles, ConsentRecords records, Clock clock) {
        return new ProfileService(profiles, records, clock);
    }

    @Bean
    ContactService contactService(Contacts contacts, Tenants tenants) {
        return new ContactService(contacts, tenants);
    }

    @Bean
    ConsentService consentService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                  ComplianceProfiles profiles, DoubleOptInService doubleOptIn, Clock clock) {
        return new ConsentService(records, contacts, tenants, profiles, doubleOptIn, clock);
    }

    @Bean
    ConfirmationRequests confirmationRequests(MongoStore store) {
        return StorageOutages.guarded(ConfirmationRequests.class, new MongoConfirmationRequests(store));
    }

    @Bean
    ConfirmationMails confirmationMails(JavaMailSender sender,
                                            @Value("${consent.double-opt-in.from:no-reply@consent.localhost}") String from,
                                            @Value("${consent.double-opt-in.from-name:Consent}") String fromName) {
        return new SmtpConfirmationMails(sender, from, fromName);
    }

    /** Shared by every instance (MongoDB), so the limits hold for the whole deployment. */
    @Bean
    MailQuota mailQuota(MongoStore store, Clock clock, @Value("${consent.double-opt-in.limits.per-address:3}") long perAddress,
                             @Value("${consent.double-opt-in.limits.per-address-period:PT1H}") Duration perAddressPeriod,
                             @Value("${consent.double-opt-in.limits.per-tenant:1000}") long perTenant,
                             @Value("${consent.double-opt-in.limits.per-tenant-period:PT1H}") Duration perTenantPeriod) {
        return StorageOutages.guarded(MailQuota.class, new MongoMailQuota(store, new MongoMailQuota.Limit(perAddress, perAddressPeriod),
                new MongoMailQuota.Limit(perTenant, perTenantPeriod), clock));
    }

    @Bean
    DoubleOptInService doubleOptInService(ConfirmationRequests requests, ConfirmationMails mails,
                                          EventPublisher events, MailQuota quota, ConsentRecords records,
                                          ComplianceProfiles profiles, Clock clock, Environment environment) {
        // by default this server itself, on the port it actually listens on (known once it started)
        Supplier<String> linkBase = () -> environment.getProperty("consent.double-opt-in.link-base-url",
                "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        return new DoubleOptInService(requests, mails, events, quota, records, profiles, clock, linkBase);
    }

    @Bean
    RecipientPreferenceService recipientPreferenceService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                                          ComplianceProfiles profiles, DoubleOptInService doubleOptIn, Clock clock) {
        return new RecipientPreferenceService(records, contacts, tenants, profiles, doubleOptIn, clock);
    }

    @Bean
    DecisionService decisionService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                    ComplianceProfiles profiles, Clock clock) {
        return new DecisionService(records, contacts, tenants, profiles, clock);
    }

    @Bean
    HistoryService historyService(ConsentHistory history, Checkpoints checkpoints, Tenants tenants,
                                  ComplianceProfiles profiles, Clock clock) {
        return new HistoryService(history, checkpoints, tenants, profiles, clock);
    }

    @Bean
    ChangeOutbox changeOutbox(MongoStore store) {
        return StorageOutages.guarded(ChangeOutbox.class, new MongoChangeOutbox(store));
    }

    @Bean
    Leases leases(MongoStore store, Clock clock) {
        return StorageOutages.guarded(Leases.class, new MongoLeases(store, clock));
    }

    @Bean
    Checkpoints checkpoints(MongoStore store) {
        return StorageOutages.guarded(Checkpoints.class, new MongoCheckpoints(store));
    }

    /** Only the cluster settings are taken from Boot's producer configuration; see KafkaEventPublisher. */
    @Bean(destroyMethod = "close")
    EventPublisher eventPublisher(ProducerFactory<?, ?> producers, EventTopics topics,
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
    OutboxRelay outboxRelay(ChangeOutbox outbox, EventPublisher publisher, Leases leases, InstanceId instance,
                            @Value("${consent.outbox.lease-ttl:PT15S}") Duration leaseTtl,
                            @Value("${consent.outbox.batch-size:1000}") int batchSize, Clock clock) {
        return new OutboxRelay(outbox, publisher, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    CheckpointService checkpointService(ConsentHistory history, Checkpoints checkpoints, EventPublisher publisher,
                                        Leases leases, InstanceId instance, Clock clock) {
        return new CheckpointService(history, checkpoints, publisher, leases, instance.value(), Duration.ofMinutes(2), clock);
    }

    @Bean
    ExpiryService expiryService(ConsentRecords records, ConsentHistory history, ComplianceProfiles profiles,
                                Leases leases, InstanceId instance, @Value("${consent.expiry.lease-ttl:PT5M}") Duration leaseTtl,
                                @Value("${consent.expiry.batch-size:500}") int batchSize, Clock clock) {
        return new ExpiryService(records, history, profiles, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    ReportService reportService(MongoStore store, ConsentRecords records, ComplianceProfiles profiles, Leases leases,
                                InstanceId instance, @Value("${consent.reports.lease-ttl:PT2M}") Duration leaseTtl,
                                @Value("${consent.reports.batch-size:5000}") int batchSize, Clock clock) {
        return new ReportService(StorageOutages.guarded(ReportCounters.class, new MongoReportCounters(store)), records, profiles, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    InboundEventService inboundEventService(ConsentRecords records, Tenants tenants, ComplianceProfiles profiles,
                                            IdempotencyRecords applied, Clock clock) {
        return new InboundEventService(records, tenants, profiles, applied, clock);
    }

    @Bean
    ImportService importService(MongoStore store, ConsentRecords records, Tenants tenants,
                                ComplianceProfiles profiles, Leases leases, InstanceId instance, Clock clock,
                                @Value("${consent.imports.max-bytes:2147483648}") long maxBytes,
                                @Value("${consent.imports.max-row-chars:65536}") int maxRowChars,
                                @Value("${consent.imports.batch-size:500}") int batchSize,
                                @Value("${consent.imports.lease-ttl:PT30S}") Duration leaseTtl) {
        return new ImportService(StorageOutages.guarded(ImportJobs.class, new MongoImportJobs(store)), StorageOutages.guarded(ImportFiles.class, new GridFsImportFiles(store, maxBytes, maxRowChars)),
                StorageOutages.guarded(ImportErrors.class, new MongoImportErrors(store)), records, tenants, profiles, leases, instance.value(), leaseTtl, batchSize, clock);
    }

    @Bean
    IdempotencyService idempotencyService(IdempotencyRecords records, Clock clock) {
        return new IdempotencyService(records, clock);
    }
}
