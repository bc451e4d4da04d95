package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's SMS programme (domain rules §14): the tenant numbers bound to the profile, the
 * help text its HELP replies send per language (a default naming the profile otherwise), and
 * keywords the tenant adds per language to the defaults of {@link SmsKeywords}, kept normalised.
 */
public record SmsProgramme(List<SmsNumber> numbers, Map<String, String> helpText, Map<String, Map<String, SmsKeyword>> keywords) {

    public static final SmsProgramme NONE = new SmsProgramme(List.of(), Map.of(), Map.of());

    public SmsProgramme {
        numbers = List.copyOf(numbers == null ? List.of() : numbers);
        var seen = new HashSet<String>();
        for (SmsNumber number : numbers) {
            if (!seen.add(number.number())) {
                throw DomainRejection.InvalidInput.of("sms.numbers", "number " + number.number() + " is listed twice");
            }
        }
        var texts = new LinkedHashMap<String, String>();
        (helpText == null ? Map.<String, String>of() : helpText).forEach((language, text) ->
                texts.put(SmsNumber.language(language), InvalidInputs.requiredText("sms.helpText." + language, text, 320)));
        helpText = Map.copyOf(texts);
        var words = new LinkedHashMap<String, Map<String, SmsKeyword>>();
        (keywords == null ? Map.<String, Map<String, SmsKeyword>>of() : keywords).forEach((language, table) -> {
            var normal = new LinkedHashMap<String, SmsKeyword>();
            table.forEach((word, meaning) -> normal.put(SmsKeywords.normalise(word), meaning));
            words.put(SmsNumber.language(language), Map.copyOf(normal));
        });
        keywords = Map.copyOf(words);
        new SmsKeywords(keywords); // refuses a malformed word now, not when a message arrives
    }

    /**
     * A tenant number answers for one profile: a STOP texted to it must mean one thing (§14).
     *
     * @param others the tenant's profiles other than the one this programme is for
     */
    public void requireNumbersFree(Collection<ComplianceProfile> others) {
        for (ComplianceProfile other : others) {
            for (SmsNumber number : numbers) {
                if (other.sms().number(number.number()).isPresent()) {
                    throw new DomainRejection.RuleViolation("sms-number-bound",
                            "number " + number.number() + " is already bound to profile '" + other.id() + "'");
                }
            }
        }
    }

    public Optional<SmsNumber> number(String number) {
        return numbers.stream().filter(bound -> bound.number().equals(number)).findFirst();
    }

    public SmsKeywords keywordTable() {
        return new SmsKeywords(keywords);
    }
}
