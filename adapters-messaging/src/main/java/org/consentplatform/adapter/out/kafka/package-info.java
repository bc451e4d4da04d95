/** Publishes consent changes and tenant checkpoints to Kafka as CloudEvents (the outbox relay's sending half). */
package org.consentplatform.adapter.out.kafka;
