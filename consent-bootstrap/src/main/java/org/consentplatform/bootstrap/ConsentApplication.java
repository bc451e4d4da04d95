package org.consentplatform.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The consent platform. Without a profile it runs on the embedded default (see README). */
@SpringBootApplication(scanBasePackages = {"org.consentplatform.bootstrap", "org.consentplatform.adapter.in.rest",
        "org.consentplatform.adapter.in.console",
        "org.consentplatform.adapter.in.kafka", "org.consentplatform.adapter.in.http", "org.consentplatform.adapter.kafka"})
public class ConsentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsentApplication.class, args);
    }
}
