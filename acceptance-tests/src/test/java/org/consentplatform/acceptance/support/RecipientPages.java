package org.consentplatform.acceptance.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A recipient's browser without the browser: keeps cookies, reads the HTML, and submits forms
 * the way a browser does (hidden fields included, unticked boxes left out).
 */
public final class RecipientPages {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String acceptLanguage;

    public RecipientPages(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    /** A page as received. */
    public record Page(int status, URI uri, Document html, Map<String, List<String>> headers) {

        public boolean ticked(String choice) {
            Element box = html.getElementById("choice-" + choice);
            if (box == null) {
                throw new AssertionError("no box " + choice + " on " + html.body().text());
            }
            return box.hasAttr("checked");
        }

        public String heading() {
            Element h1 = html.selectFirst("h1");
            return h1 == null ? "" : h1.text();
        }

        /** Which radio of a subscription-center flag is on: allow or block. */
        public String flag(String flag) {
            Element checked = html.selectFirst("input[type=radio][name=" + flag + "][checked]");
            return checked == null ? null : checked.attr("value");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    public Page open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Opens a page with request headers a browser may add, such as {@code Sec-GPC}. */
    public Page open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * Submits the page's form with the boxes and radios set as given: hidden fields are sent as
     * the page has them, every other field only as {@code fields} says.
     */
    public Page submit(Page page, Map<String, List<String>> fields) {
        return submit(page, fields, Map.of());
    }

    /** Submits as above, with request headers a browser may add, such as {@code Sec-GPC}. */
    public Page submit(Page page, Map<String, List<String>> fields, Map<String, String> headers) {
        Element form = page.html().selectFirst("form");
        if (form == null) {
            throw new AssertionError("no form on " + page.html().body().text());
        }
        var body = new LinkedHashMap<String, List<String>>();
        form.select("input[type=hidden]").forEach(input -> body.computeIfAbsent(input.attr("name"), k -> new ArrayList<>()).add(input.attr("value")));
        fields.forEach((name, values) -> body.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        HttpRequest.Builder request = HttpRequest.newBuilder(page.uri().resolve(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** The boxes of a preference page: the ones ticked on it, changed as asked. */
    public static Map<String, List<String>> boxes(Page page, Map<String, Boolean> changes) {
        var ticked = new ArrayList<String>();
        page.html().select("input[type=checkbox][name=choice]").forEach(box -> {
            String choice = box.attr("value");
            if (changes.getOrDefault(choice, box.hasAttr("checked"))) {
                ticked.add(choice);
            }
        });
        return Map.of("choice", ticked);
    }

    public Page post(String url, String formBody) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public static String encode(Map<String, List<String>> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    private Page send(HttpRequest.Builder request) {
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), built.uri(), Jsoup.parse(response.body(), built.uri().toString()),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
