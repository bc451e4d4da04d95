package org.consentplatform.adapter.in.rest.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;

/**
 * Enum values exactly as documented: Jackson would otherwise trim {@code "OPTED_IN "} or
 * {@code "OPTED_IN\u0000"} into a constant.
 */
final class StrictEnums extends ValueDeserializer<Object> {

    private final ValueDeserializer<?> enums;
    private final Class<?> type;

    private StrictEnums(ValueDeserializer<?> enums, Class<?> type) {
        this.enums = enums;
        this.type = type;
    }

    static SimpleModule module() {
        return new SimpleModule("strict-enums").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new StrictEnums(deserializer, type.getRawClass());
            }
        });
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getString();
            if (text.isEmpty() || text.strip().length() != text.length() || text.chars().anyMatch(Character::isISOControl)) {
                return context.reportInputMismatch(type, "not one of the values");
            }
        }
        return enums.deserialize(parser, context);
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
