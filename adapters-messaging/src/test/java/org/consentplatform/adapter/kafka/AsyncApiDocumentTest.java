package org.consentplatform.adapter.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consentplatform.adapter.out.kafka.KafkaEventPublisher;
import org.consentplatform.adapter.inbound.InboundCloudEvents;
import org.consentplatform.domain.inbound.InboundEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed event contract (docs/events) and the code agree: the same topics, the same event
 * types, a schema where each event's dataschema points, and the change event's fields as the
 * code writes them. Change one without the other and this fails.
 */
class AsyncApiDocumentTest {

    private static final Path EVENTS = Path.of("..", "docs", "events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> asyncApi = read();
    private final EventTopics topics = Binder.get(new StandardEnvironment()).bindOrCreate("consent.kafka.topics", EventTopics.class);

    @Test
    void itDescribesEveryTopicTheServiceWritesOrReadsAndNoOther() {
        Set<String> documented = map(asyncApi.get("channels")).values().stream().map(channel -> (String) map(channel).get("address"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).containsExactlyInAnyOrder(topics.changes(), topics.checkpoints(), topics.doubleOptIn(), topics.erasures(),
                topics.inbound(), topics.inboundDeadLetter(), topics.smsReplies());
    }

    @Test
    void itDescribesEveryEventTypeAndEachPayloadNamesItsType() {
        Map<String, Object> messages = map(map(asyncApi.get("components")).get("messages"));
        var types = new TreeSet<String>();
        messages.forEach((id, message) -> {
            String name = (String) map(message).get("name");
            Object payload = map(message).get("payload");
            if (map(payload).containsKey("allOf")) {
                assertThat(constTypeOf(payload)).as("the type %s's payload names", id).isEqualTo(name);
                types.add(name);
            }
        });

        var inbound = Stream.concat(Arrays.stream(InboundEvent.Kind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT)),
                        Stream.of(InboundCloudEvents.SMS_RECEIVED))
                .map(kind -> InboundCloudEvents.TYPE_PREFIX + kind + InboundCloudEvents.TYPE_SUFFIX);
        assertThat(types).containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(KafkaEventPublisher.CHANGE_TYPE,
                KafkaEventPublisher.CHECKPOINT_TYPE, KafkaEventPublisher.DOI_REQUESTED_TYPE, KafkaEventPublisher.ERASED_TYPE,
                KafkaEventPublisher.SMS_REPLY_TYPE), inbound).toList());
    }

    @Test
    void eachPublishedTypesDataschemaNamesTheSchemaItsPayloadUses() {
        var schemas = new EventSchemas(java.net.URI.create("https://consent.example.com/events/schemas/"));
        Map<String, Object> messages = map(map(asyncApi.get("components")).get("messages"));
        for (String type : List.of(KafkaEventPublisher.CHANGE_TYPE, KafkaEventPublisher.CHECKPOINT_TYPE,
                KafkaEventPublisher.DOI_REQUESTED_TYPE, KafkaEventPublisher.ERASED_TYPE, KafkaEventPublisher.SMS_REPLY_TYPE)) {
            Object message = messages.values().stream().filter(m -> type.equals(map(m).get("name"))).findFirst().orElseThrow();
            String dataRef = (String) map(map(properties(map(message).get("payload")).get("data"))).get("$ref");
            String served = schemas.of(type).getPath();

            assertThat(dataRef).as(type).isEqualTo("./schemas/" + served.substring(served.lastIndexOf('/') + 1));
            assertThat(EVENTS.resolve(dataRef)).as("the schema file of " + type).exists();
        }
    }

    @Test
    void theChangeEventSchemaHasExactlyTheFieldsTheCodeWrites() throws Exception {
        JsonNode schema = JSON.readTree(EVENTS.resolve("schemas/consent.changed.v1.json").toFile());
        Class<?> data = Class.forName("org.consentplatform.adapter.out.kafka.ChangeEventData", false, getClass().getClassLoader());

        assertThat(fieldsOf(schema)).as("consent.changed.v1 data").isEqualTo(componentsOf(data));
        assertThat(fieldsOf(schema.at("/$defs/state"))).as("before and after").isEqualTo(componentsOf(nested(data, "State")));
        assertThat(fieldsOf(schema.at("/$defs/evidence"))).as("evidence").isEqualTo(componentsOf(nested(data, "EvidenceData")));
        assertThat(fieldsOf(schema.at("/properties/rejection"))).as("rejection").isEqualTo(componentsOf(nested(data, "RejectionData")));
    }

    private static Set<String> fieldsOf(JsonNode schema) {
        var names = new TreeSet<String>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> componentsOf(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Class<?> nested(Class<?> outer, String simpleName) {
        return Arrays.stream(outer.getDeclaredClasses()).filter(c -> c.getSimpleName().equals(simpleName)).findFirst().orElseThrow();
    }

    private static String constTypeOf(Object payload) {
        return (String) map(properties(payload).get("type")).get("const");
    }

    /** The properties the second part of a payload's allOf adds to the CloudEvent envelope. */
    private static Map<String, Object> properties(Object payload) {
        List<?> allOf = (List<?>) map(payload).get("allOf");
        return map(map(allOf.get(1)).get("properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> read() {
        try {
            Map<String, Object> document = new Yaml().load(Files.readString(EVENTS.resolve("asyncapi.yaml")));
            assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
            return new HashMap<>(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
