/**
 * Kafka publishing (the outbox relay over the change log) and inbound event listeners.
 * Deliberately empty until the events issue: the change log already carries
 * {@code publishedAt: null} for the relay to pick up.
 */
package org.consentplatform.adapter.out.kafka;
