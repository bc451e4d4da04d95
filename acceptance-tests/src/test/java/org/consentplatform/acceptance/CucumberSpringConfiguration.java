package org.consentplatform.acceptance;

import io.cucumber.spring.CucumberContextConfiguration;
import org.consentplatform.acceptance.support.RunningService;

/** Cucumber scenarios run against the whole service started once for the run. */
@CucumberContextConfiguration
@RunningService
public class CucumberSpringConfiguration {
}
