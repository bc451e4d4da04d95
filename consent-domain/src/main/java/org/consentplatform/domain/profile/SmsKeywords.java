package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keywords a tenant's number reads, per language (domain rules §14): the defaults below,
 * plus the words the tenant adds. A message is a keyword when, its surrounding whitespace
 * trimmed, its accents removed and its case folded, it is one of the words of the number's
 * language, or else one of the English words, the ones carriers and senders everywhere
 * advertise. Anything longer ("stop please") is not a keyword: it is counted, never guessed.
 */
public final class SmsKeywords {

    // before DEFAULTS, which normalises its words with them
    private static final String FALLBACK = "en";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{1,32}");

    /** The defaults of §14, per language. */
    public static final Map<String, Map<String, SmsKeyword>> DEFAULTS = Map.of(
            "en", table(SmsKeyword.STOP, List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"),
                    SmsKeyword.START, List.of("START", "UNSTOP"), SmsKeyword.HELP, List.of("HELP", "INFO")),
            "fr", table(SmsKeyword.STOP, List.of("STOP", "ARRET", "ARRÊT"), SmsKeyword.START, List.of(), SmsKeyword.HELP, List.of()),
            "pl", table(SmsKeyword.STOP, List.of("STOP"), SmsKeyword.START, List.of(), SmsKeyword.HELP, List.of()));

    private final Map<String, Map<String, SmsKeyword>> tables;

    /** @param added the tenant's own words per language, written as it likes: they are normalised here */
    public SmsKeywords(Map<String, Map<String, SmsKeyword>> added) {
        var tables = new HashMap<String, Map<String, SmsKeyword>>();
        DEFAULTS.forEach((language, words) -> tables.put(language, new HashMap<>(words)));
        (added == null ? Map.<String, Map<String, SmsKeyword>>of() : added).forEach((language, words) -> words.forEach((word, meaning) -> {
            String normal = normalise(word);
            if (!WORD.matcher(normal).matches() || meaning == null) {
                throw DomainRejection.InvalidInput.of("sms.keywords." + language,
                        "'" + word + "' must be one word of 1 to 32 letters or digits, meaning STOP, START or HELP");
            }
            tables.computeIfAbsent(SmsNumber.language(language), l -> new HashMap<>()).put(normal, meaning);
        }));
        this.tables = Map.copyOf(tables);
    }

    /** What the text means on a number of this language; empty when it is no keyword. */
    public Optional<SmsKeyword> read(String text, String language) {
        String normal = normalise(text);
        return Optional.ofNullable(tables.getOrDefault(language, Map.of()).get(normal))
                .or(() -> Optional.ofNullable(tables.get(FALLBACK).get(normal)));
    }

    /** Trimmed (any Unicode space), without accents, upper case: "  Arrêt " and "ARRET" are one keyword. */
    public static String normalise(String text) {
        String stripped = text == null ? "" : text.strip();
        return MARKS.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFD)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static Map<String, SmsKeyword> table(SmsKeyword stop, List<String> stops, SmsKeyword start, List<String> starts,
                                                 SmsKeyword help, List<String> helps) {
        var table = new LinkedHashMap<String, SmsKeyword>();
        stops.forEach(word -> table.put(normalise(word), stop));
        starts.forEach(word -> table.put(normalise(word), start));
        helps.forEach(word -> table.put(normalise(word), help));
        return Map.copyOf(table);
    }
}
