package org.consentplatform.domain.sms;

import java.util.Map;

/**
 * What the platform texts back (domain rules §14), in the number's language; English where it
 * has no text of its own. Each names the programme, so the sender knows who answers.
 */
final class SmsReplies {

    enum Text { STOPPED, RESTARTED, NOTHING_TO_RESTART, HELP }

    private static final Map<String, Map<Text, String>> TEXTS = Map.of(
            "en", Map.of(
                    Text.STOPPED, "%s: you will receive no more SMS from us. Text START to receive them again.",
                    Text.RESTARTED, "%s: you will receive our SMS again. Text STOP to stop them.",
                    Text.NOTHING_TO_RESTART, "%s: there is nothing a text can restart. Your other choices stay as they are.",
                    Text.HELP, "%s: marketing messages. Text STOP to stop them, START to receive them again."),
            "fr", Map.of(
                    Text.STOPPED, "%s : vous ne recevrez plus nos SMS. Envoyez START pour les recevoir de nouveau.",
                    Text.RESTARTED, "%s : vous recevrez de nouveau nos SMS. Envoyez STOP pour les arrêter.",
                    Text.NOTHING_TO_RESTART, "%s : aucun envoi ne peut reprendre par SMS. Vos autres choix restent inchangés.",
                    Text.HELP, "%s : messages commerciaux. Envoyez STOP pour les arrêter, START pour les recevoir de nouveau."),
            "pl", Map.of(
                    Text.STOPPED, "%s: nie będziesz już otrzymywać naszych SMS-ów. Wyślij START, aby znów je otrzymywać.",
                    Text.RESTARTED, "%s: znów będziesz otrzymywać nasze SMS-y. Wyślij STOP, aby z nich zrezygnować.",
                    Text.NOTHING_TO_RESTART, "%s: SMS-em nie można niczego wznowić. Pozostałe wybory pozostają bez zmian.",
                    Text.HELP, "%s: wiadomości marketingowe. Wyślij STOP, aby z nich zrezygnować, START, aby znów je otrzymywać."));

    private SmsReplies() {
    }

    static String text(Text text, String language, String programme) {
        return TEXTS.getOrDefault(language, TEXTS.get("en")).get(text).formatted(programme);
    }
}
