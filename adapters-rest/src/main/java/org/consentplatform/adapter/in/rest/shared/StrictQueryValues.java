package org.consentplatform.adapter.in.rest.shared;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.util.function.Function;

/**
 * Query and path values read as the API documents them: numbers as decimal digits (Spring's
 * default also reads {@code 0x10} and {@code #10} as 16), instants as in JSON bodies.
 */
@ControllerAdvice
public class StrictQueryValues {

    @InitBinder
    void strictValues(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, editor(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, editor(Integer::valueOf));
        binder.registerCustomEditor(long.class, editor(Long::valueOf));
        binder.registerCustomEditor(Long.class, editor(Long::valueOf));
        binder.registerCustomEditor(Instant.class, editor(text -> {
            Instant instant = StrictInstants.parse(text);
            if (instant == null) {
                throw new IllegalArgumentException("not an ISO 8601 instant of a year from 0000 to 9999");
            }
            return instant;
        }));
    }

    private static PropertyEditorSupport editor(Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : parse.apply(text));
            }
        };
    }
}
