package org.consentplatform.acceptance.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's browser session with the console, over plain HTTP: cookies kept, redirects not
 * followed, so that each step of the sign-in can be checked.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The whole OpenID Connect round: the console sends the browser to the issuer, its form signs in, the code comes back. */
    public void signIn(String base, String username) throws IOException, InterruptedException {
        String authorize = location(get(base + "/console/oauth2/authorization/consent"));
        assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256");
        HttpResponse<String> form = get(location(get(authorize)));
        String afterLogin = location(post(base + "/dev-issuer/login", "username=" + username + "&password=" + username
                + "-password&_csrf=" + csrf(form.body())));
        String callback = location(get(afterLogin));
        assertThat(callback).contains("/console/login/oauth2/code/consent?code=");
        assertThat(location(get(callback))).endsWith("/console");
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " redirects").isEqualTo(302);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    /** The CSRF token of a page's first form, URL-encoded for a form body. */
    public static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }
}
