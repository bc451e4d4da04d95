/** Sends double opt-in confirmation mails over SMTP, from Thymeleaf templates per language. */
package org.consentplatform.adapter.out.mail;
