/** Consumes what mail and SMS providers report (unsubscribes, bounces, complaints) into opt-outs. */
package org.consentplatform.adapter.in.kafka;
