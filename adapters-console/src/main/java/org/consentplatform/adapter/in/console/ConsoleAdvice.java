package org.consentplatform.adapter.in.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.console.security.Operator;
import org.consentplatform.application.port.StorageUnavailable;
import org.consentplatform.domain.shared.DomainRejection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every console page has: the signed-in operator, and refusals shown as a page that says
 * what was wrong, with the status an API caller would get; nothing is changed by a refused request.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the API's problem handler, which answers every controller it is asked for
class ConsoleAdvice {

    private final ConsoleProperties console;

    ConsoleAdvice(ConsoleProperties console) {
        this.console = console;
    }

    @ModelAttribute("operator")
    Operator operator(Authentication authentication) {
        return Operator.of(authentication, console.tenantClaim()).orElse(null);
    }

    /**
     * The page itself in each language (the {@code lang} parameter, which the page locale reads),
     * keeping what it was asked for; a page rendered by a POST links to the console's start instead.
     */
    @ModelAttribute("languages")
    Map<String, String> languages(HttpServletRequest request) {
        var links = new LinkedHashMap<String, String>();
        for (String language : List.of("en", "fr", "pl")) {
            links.put(language, "GET".equals(request.getMethod())
                    ? ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", language).build().toUriString()
                    : request.getContextPath() + "/console?lang=" + language);
        }
        return links;
    }

    @ExceptionHandler(DomainRejection.class)
    String refused(DomainRejection rejection, Model model, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (rejection) {
            case DomainRejection.InvalidInput ignored -> HttpStatus.BAD_REQUEST;
            case DomainRejection.NotFound ignored -> HttpStatus.NOT_FOUND;
            case DomainRejection.ConcurrentChange ignored -> HttpStatus.CONFLICT;
            case DomainRejection.AlreadyExists ignored -> HttpStatus.CONFLICT;
            case DomainRejection.TooManyRequests ignored -> HttpStatus.TOO_MANY_REQUESTS;
            case DomainRejection.RuleViolation ignored -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return problem(model, request, response, status, rejection instanceof DomainRejection.InvalidInput invalid
                ? invalid.violations().stream().map(v -> v.field() + ": " + v.reason()).toList() : List.of(rejection.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String unreadable(MethodArgumentTypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.BAD_REQUEST, List.of(e.getName() + ": is not a valid value"));
    }

    /** A form field no form of the console leaves out. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        return problem(model, request, response, HttpStatus.BAD_REQUEST, List.of(e.getParameterName() + ": is required"));
    }

    @ExceptionHandler(StorageUnavailable.class)
    String storageDown(Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", "5");
        return problem(model, request, response, HttpStatus.SERVICE_UNAVAILABLE, List.of());
    }

    /** An exception handler's model is a new one: what every page has is added here again. */
    private String problem(Model model, HttpServletRequest request, HttpServletResponse response, HttpStatus status, List<String> details) {
        model.addAttribute("operator", operator(SecurityContextHolder.getContext().getAuthentication()))
                .addAttribute("languages", languages(request));
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("details", details);
        return "console/problem";
    }
}
