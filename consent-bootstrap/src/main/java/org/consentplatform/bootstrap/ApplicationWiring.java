package org.consentplatform.bootstrap;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.consentplatform.adapter.in.console.ConsoleProperties;
import org.consentplatform.adapter.kafka.EventSchemas;
import org.consentplatform.adapter.kafka.EventTopics;
import org.consentplatform.adapter.out.kafka.KafkaEventPublisher;
import org.consentplatform.adapter.out.mail.SmtpConfirmationMails;
import org.consentplatform.adapter.out.mongo.ContactPointKeys;
import org.consentplatform.adapter.out.mongo.GridFsImportFiles;
import org.consentplatform.adapter.out.mongo.MasterKey;
import org.consentplatform.adapter.out.mongo.MongoErasures;
import org.consentplatform.adapter.out.mongo.MongoRetention;
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
import org.consentplatform.adapter.out.mongo.MongoIntakeSecrets;
import org.consentplatform.adapter.out.mongo.MongoLeases;
import org.consentplatform.adapter.out.mongo.MongoMailQuota;
import org.consentplatform.adapter.out.mongo.MongoReportCounters;
import org.consentplatform.adapter.out.mongo.MongoSessions;
import org.consentplatform.adapter.out.mongo.MongoStore;
import org.consentplatform.adapter.out.mongo.MongoTenants;
import org.consentplatform.adapter.out.mongo.PseudonymMigration;
import org.consentplatform.adapter.out.mongo.TenantKeyring;
import org.consentplatform.adapter.out.mongo.StorageOutages;
import org.consentplatform.adapter.out.receipt.JwsReceiptSeals;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.application.port.out.Checkpoints;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationMails;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.IntakeSecrets;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.application.port.out.ImportFiles;
import org.consentplatform.application.port.out.ImportJobs;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.application.port.out.ReceiptSeals;
import org.consentplatform.application.port.out.ReportCounters;
import org.consentplatform.application.port.out.Retention;
import org.consentplatform.application.port.out.StorageProbe;
import org.consentplatform.application.port.out.TenantKeys;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.application.service.CheckpointService;
import org.consentplatform.application.service.ConsentCenterService;
import org.consentplatform.application.service.ConsentService;
import org.consentplatform.application.service.ContactService;
import org.consentplatform.application.service.DecisionService;
import org.consentplatform.application.service.DoubleOptInService;
import org.consentplatform.application.service.ExpiryService;
import org.consentplatform.application.service.HistoryService;
import org.consentplatform.application.service.IdempotencyService;
import org.consentplatform.application.service.ImportService;
import org.consentplatform.application.service.KeyService;
import org.consentplatform.application.service.InboundEventService;
import org.consentplatform.application.service.InboundIntakeService;
import org.consentplatform.application.service.OutboxRelay;
import org.consentplatform.application.service.ProfileService;
import org.consentplatform.application.service.RecipientPreferenceService;
import org.consentplatform.application.service.ReportService;
import org.consentplatform.application.service.RetentionService;
import org.consentplatform.application.service.SubjectRequestService;
import org.consentplatform.application.service.TenantService;
import org.consentplatform.domain.consent.ChainMigration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Plain constructors, wired here: the core carries no framework annotation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PlatformProperties.class, RetentionProperties.class, ErasureProperties.class, OutboxProperties.class, AuditProperties.class, ImportProperties.class,
        ExpiryProperties.class, ReportProperties.class, DoubleOptInProperties.class, ReceiptProperties.class,
        KeyProperties.class})
class ApplicationWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A store that is away is answered 503 within seconds, not after the driver's half minute. */
    @Bean
    MongoClientSettingsBuilderCustomizer storageTimeouts(PlatformProperties platform) {
        long millis = platform.storage().serverSelectionTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    MongoStore mongoStore(MongoClient client, MongoProperties mongo) {
        return MongoStore.open(client.getDatabase(mongo.getMongoClientDatabase()));
    }

    @Bean
    StorageProbe storageProbe(MongoStore store) {
        return StorageOutages.guarded(StorageProbe.class, store.probe());
    }

    @Bean
    TenantKeyring tenantKeyring(MongoStore store, KeyProperties keys, Clock clock) {
        return new TenantKeyring(store, MasterKey.fromKeysetFile(keys.masterKeysetFile(), keys.createIfMissing()), clock);
    }

    @Bean
    ContactPointKeys contactPointKeys(MongoStore store, TenantKeyring keyring, Clock clock) {
        return new ContactPointKeys(store, keyring, clock);
    }

    @Bean
    Erasures erasures(MongoStore store, ContactPointKeys keys) {
        return StorageOutages.guarded(Erasures.class, new MongoErasures(store, keys));
    }

    @Bean
    ConsentRecords consentRecords(MongoStore store, ContactPointKeys keys, Clock clock, MeterRegistry meters,
                                  ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return StorageOutages.guarded(ConsentRecords.class, new MongoConsentRecords(store, keys, clock, ServiceMetrics.countingChanges(meters),
                TraceContexts.current(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP))));
    }

    @Bean
    ConsentHistory consentHistory(MongoStore store, ContactPointKeys keys) {
        return StorageOutages.guarded(ConsentHistory.class, new MongoConsentHistory(store, keys));
    }

    /** Configuration (not consent) may be this old on other instances; see docs/adr/0010. */
    @Bean
    Tenants tenants(MongoStore store, PlatformProperties platform) {
        return StorageOutages.guarded(Tenants.class, new MongoTenants(store, platform.configurationCacheTtl()));
    }

    @Bean
    ComplianceProfiles complianceProfiles(MongoStore store, PlatformProperties platform) {
        return StorageOutages.guarded(ComplianceProfiles.class, new MongoComplianceProfiles(store, platform.configurationCacheTtl()));
    }

    @Bean
    Contacts contacts(MongoStore store, ContactPointKeys keys) {
        return StorageOutages.guarded(Contacts.class, new MongoContacts(store, keys));
    }

    @Bean
    IdempotencyRecords idempotencyRecords(MongoStore store, ContactPointKeys keys) {
        return StorageOutages.guarded(IdempotencyRecords.class, new MongoIdempotencyRecords(store, keys));
    }

    @Bean
    TenantService tenantService(Tenants tenants, Contacts contacts, ConsentRecords records,
                                ComplianceProfiles profiles, ConsentHistory history, Clock clock) {
        return new TenantService(tenants, contacts, records, profiles, history, clock);
    }

    @Bean
    ProfileService profileService(ComplianceProfiles profiles, Tenants tenants, ConsentRecords records, ConsentHistory history,
                                  Clock clock) {
        return new ProfileService(profiles, tenants, records, history, clock);
    }

    @Bean
    ContactService contactService(Contacts contacts, Tenants tenants) {
        return new ContactService(contacts, tenants);
    }

    @Bean
    ConsentService consentService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                  ComplianceProfiles profiles, DoubleOptInService doubleOptIn, Erasures erasures, Clock clock) {
        return new ConsentService(records, contacts, tenants, profiles, doubleOptIn, erasures, clock);
    }

    @Bean
    ConfirmationRequests confirmationRequests(MongoStore store, ContactPointKeys keys) {
        return StorageOutages.guarded(ConfirmationRequests.class, new MongoConfirmationRequests(store, keys));
    }

    @Bean
    ConfirmationMails confirmationMails(JavaMailSender sender, DoubleOptInProperties doubleOptIn, MeterRegistry meters) {
        return ServiceMetrics.countingMails(new SmtpConfirmationMails(sender, doubleOptIn.from(), doubleOptIn.fromName()), meters);
    }

    /** Shared by every instance (MongoDB), so the limits hold for the whole deployment. */
    @Bean
    MailQuota mailQuota(MongoStore store, ContactPointKeys keys, Clock clock, DoubleOptInProperties doubleOptIn, MeterRegistry meters) {
        DoubleOptInProperties.Limits limits = doubleOptIn.limits();
        return ServiceMetrics.countingThrottles(StorageOutages.guarded(MailQuota.class, new MongoMailQuota(store, keys,
                new MongoMailQuota.Limit(limits.perAddress(), limits.perAddressPeriod()),
                new MongoMailQuota.Limit(limits.perTenant(), limits.perTenantPeriod()), clock)), meters);
    }

    @Bean
    DoubleOptInService doubleOptInService(ConfirmationRequests requests, ConfirmationMails mails,
                                          EventPublisher events, MailQuota quota, ConsentRecords records,
                                          ComplianceProfiles profiles, Erasures erasures, Clock clock, Environment environment,
                                          DoubleOptInProperties doubleOptIn) {
        // by default this server itself, on the port it actually listens on (known once it started)
        Supplier<String> linkBase = () -> !doubleOptIn.linkBaseUrl().isBlank() ? doubleOptIn.linkBaseUrl()
                : "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return new DoubleOptInService(requests, mails, events, quota, records, profiles, erasures, clock, linkBase);
    }

    @Bean
    RecipientPreferenceService recipientPreferenceService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                                          ComplianceProfiles profiles, DoubleOptInService doubleOptIn,
                                                          Erasures erasures, Clock clock) {
        return new RecipientPreferenceService(records, contacts, tenants, profiles, doubleOptIn, erasures, clock);
    }

    @Bean
    DecisionService decisionService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                    ComplianceProfiles profiles, Clock clock) {
        return new DecisionService(records, contacts, tenants, profiles, clock);
    }

    /** The console's sessions, in the store every instance shares (ADR 35). */
    @Bean
    MongoSessions consoleSessionStore(MongoStore store, ConsoleProperties console, Clock clock) {
        return new MongoSessions(store, console.session().timeout(), clock);
    }

    /** Sessions idle past their timeout are deleted; on a real cluster the TTL index does it too. */
    @Bean
    PeriodicJob consoleSessionCleanup(MongoSessions sessions) {
        return PeriodicJob.every("console-session-cleanup", Duration.ofMinutes(5), sessions::deleteExpired);
    }

    @Bean
    ConsentCenterService consentCenterService(ConsentRecords records, Contacts contacts, Tenants tenants,
                                              ComplianceProfiles profiles, Clock clock) {
        return new ConsentCenterService(records, contacts, tenants, profiles, clock);
    }

    @Bean
    ReceiptSeals receiptSeals(ReceiptProperties receipts) {
        return new JwsReceiptSeals(receipts.jwkFile(), receipts.createKeyIfMissing());
    }

    @Bean
    HistoryService historyService(ConsentHistory history, Checkpoints checkpoints, Tenants tenants,
                                  ComplianceProfiles profiles, ReceiptSeals receipts, Clock clock) {
        return new HistoryService(history, checkpoints, tenants, profiles, receipts, clock);
    }

    @Bean
    SubjectRequestService subjectRequestService(ConsentHistory history, ConsentRecords records, Contacts contacts, Tenants tenants,
                                                ComplianceProfiles profiles, ConfirmationRequests confirmations,
                                                ReceiptSeals receipts, Erasures erasures, EventPublisher events,
                                                ErasureProperties erasure, Clock clock) {
        return new SubjectRequestService(history, records, contacts, tenants, profiles, confirmations, receipts, erasures, events,
                erasure.takeoverAfter(), clock);
    }

    @Bean
    ChangeOutbox changeOutbox(MongoStore store, ContactPointKeys keys) {
        return StorageOutages.guarded(ChangeOutbox.class, new MongoChangeOutbox(store, keys));
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
    EventPublisher eventPublisher(ProducerFactory<?, ?> producers, EventTopics topics, EventSchemas schemas, OutboxProperties outbox) {
        return new KafkaEventPublisher(producers.getConfigurationProperties(),
                new KafkaEventPublisher.Topics(topics.changes(), topics.checkpoints(), topics.doubleOptIn(), topics.erasures(),
                        topics.smsReplies()), schemas,
                outbox.ackTimeout());
    }

    /** Names this instance in leases: unique per process, readable in the lease documents. */
    @Bean
    InstanceId instanceId(PlatformProperties platform) {
        return InstanceId.of(platform.instanceId());
    }

    @Bean
    OutboxRelay outboxRelay(ChangeOutbox outbox, EventPublisher publisher, Leases leases, InstanceId instance,
                            OutboxProperties properties, Clock clock) {
        return new OutboxRelay(outbox, publisher, leases, instance.value(), properties.leaseTtl(), properties.batchSize(),
                properties.partitions(), clock);
    }

    @Bean
    CheckpointService checkpointService(ConsentHistory history, Checkpoints checkpoints, EventPublisher publisher,
                                        Leases leases, InstanceId instance, Clock clock) {
        return new CheckpointService(history, checkpoints, publisher, leases, instance.value(), Duration.ofMinutes(2), clock);
    }

    /**
     * Chains written before pseudonyms are rewritten while the context starts, before the first
     * request or job (ADR 37); a broken chain stops the start. A broker that is down only delays
     * publishing the checkpoints around it: they are stored first.
     */
    @Bean
    List<ChainMigration> historyMigrations(MongoStore store, ContactPointKeys keys, CheckpointService checkpoints, Clock clock) {
        return new PseudonymMigration(store, keys, clock).run(() -> {
            try {
                checkpoints.checkpointAll();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(PseudonymMigration.class).warn("Checkpoint around the migration not published yet: {}",
                        e.getMessage());
            }
        });
    }

    @Bean
    ExpiryService expiryService(ConsentRecords records, ConsentHistory history, ComplianceProfiles profiles,
                                Leases leases, InstanceId instance, ExpiryProperties expiry, Clock clock) {
        return new ExpiryService(records, history, profiles, leases, instance.value(), expiry.leaseTtl(), expiry.batchSize(), clock);
    }

    @Bean
    ReportService reportService(MongoStore store, ConsentRecords records, ComplianceProfiles profiles, Leases leases,
                                InstanceId instance, ReportProperties reports, Clock clock) {
        return new ReportService(StorageOutages.guarded(ReportCounters.class, new MongoReportCounters(store)), records, profiles,
                leases, instance.value(), reports.leaseTtl(), reports.batchSize(), clock);
    }

    @Bean
    InboundEventService inboundEventService(ConsentRecords records, Tenants tenants, ComplianceProfiles profiles,
                                            IdempotencyRecords applied, EventPublisher replies, Clock clock) {
        return new InboundEventService(records, tenants, profiles, applied, replies, clock);
    }

    @Bean
    InboundIntakeService inboundIntakeService(MongoStore store, TenantKeyring keyring, Clock clock) {
        return new InboundIntakeService(StorageOutages.guarded(IntakeSecrets.class, new MongoIntakeSecrets(store, keyring)), clock);
    }

    @Bean
    ImportFiles importFiles(MongoStore store, TenantKeyring keyring, ImportProperties imports) {
        return StorageOutages.guarded(ImportFiles.class, new GridFsImportFiles(store, keyring, imports.maxBytes(), imports.maxRowChars()));
    }

    @Bean
    ImportService importService(MongoStore store, ContactPointKeys keys, ImportFiles files, ConsentRecords records, Tenants tenants,
                                ComplianceProfiles profiles, Leases leases, InstanceId instance, Clock clock,
                                ImportProperties imports, MeterRegistry meters) {
        ImportJobs jobs = StorageOutages.guarded(ImportJobs.class, new MongoImportJobs(store));
        return new ImportService(jobs, files,
                StorageOutages.guarded(ImportErrors.class, new MongoImportErrors(store, keys, clock)), records, tenants, profiles,
                leases, instance.value(), imports.leaseTtl(), imports.batchSize(), clock,
                ServiceMetrics.countingLoads(meters, jobs));
    }

    @Bean
    KeyService keyService(TenantKeyring keyring) {
        return new KeyService(StorageOutages.guarded(TenantKeys.class, keyring));
    }

    @Bean
    RetentionService retentionService(MongoStore store, ConsentHistory history, Tenants tenants, RetentionProperties retention,
                                      Clock clock) {
        return new RetentionService(StorageOutages.guarded(Retention.class, new MongoRetention(store)), history, tenants,
                new RetentionService.Periods(retention.importFiles(), retention.confirmationRequests()), clock);
    }

    @Bean
    IdempotencyService idempotencyService(IdempotencyRecords records, Tenants tenants, Clock clock) {
        return new IdempotencyService(records, tenants, clock);
    }
}
