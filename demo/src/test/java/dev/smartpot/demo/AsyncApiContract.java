package dev.smartpot.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * docs/asyncapi.yaml, read for checking traffic: each channel's address as a topic pattern, and each of its messages'
 * payload as a JSON Schema (the document's components/schemas resolved as $defs). A text/plain payload is checked as
 * a JSON string, a JSON payload as the JSON it holds.
 */
final class AsyncApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Message(String name, boolean text, JsonSchema schema) {
    }

    private record Channel(String name, Pattern address, List<Message> messages) {
    }

    private final List<Channel> channels = new ArrayList<>();

    private AsyncApiContract(JsonNode doc) throws IOException {
        ObjectNode defs = (ObjectNode) JSON.readTree(JSON.writeValueAsString(doc.path("components").path("schemas"))
                .replace("#/components/schemas/", "#/$defs/"));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            List<Message> messages = new ArrayList<>();
            for (Iterator<JsonNode> m = c.getValue().path("messages").elements(); m.hasNext(); ) {
                JsonNode message = resolve(doc, m.next());
                String contentType = message.path("contentType").asText(doc.path("defaultContentType").asText());
                ObjectNode schema = JSON.createObjectNode();
                schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                schema.set("$defs", defs);
                JsonNode payload = JSON.readTree(JSON.writeValueAsString(message.path("payload"))
                        .replace("#/components/schemas/", "#/$defs/"));
                payload.fields().forEachRemaining(f -> schema.set(f.getKey(), f.getValue()));
                messages.add(new Message(message.path("name").asText(), contentType.startsWith("text/"),
                        factory.getSchema(schema)));
            }
            String address = c.getValue().path("address").asText();
            channels.add(new Channel(c.getKey(), Pattern.compile(Pattern.quote(address).replaceAll("\\{[^}]+}",
                    "\\\\E[^/]+\\\\Q")), messages));
        }
    }

    static AsyncApiContract load(Path yaml) throws IOException {
        return new AsyncApiContract(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml, StandardCharsets.UTF_8)));
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : doc.at(ref.substring(1));
    }

    /** Why a message does not keep to the contract, in words; null when it does. */
    String problem(String topic, String payload) {
        Channel channel = null;
        for (Channel c : channels) {
            if (c.address().matcher(topic).matches()) {
                channel = c;
                break;
            }
        }
        if (channel == null) {
            return "topic " + topic + " is no channel of the contract";
        }
        List<String> why = new ArrayList<>();
        for (Message m : channel.messages()) {
            JsonNode value;
            if (m.text() || payload.isEmpty()) {
                // An empty JSON payload is an MQTT idiom (clearing a retained topic): checked as the empty string.
                value = TextNode.valueOf(payload);
            } else {
                try {
                    value = JSON.readTree(payload);
                } catch (IOException e) {
                    why.add(m.name() + ": not JSON");
                    continue;
                }
                if (value == null) {
                    why.add(m.name() + ": empty");
                    continue;
                }
            }
            Set<ValidationMessage> errors = m.schema().validate(value);
            if (errors.isEmpty()) {
                return null;
            }
            why.add(m.name() + ": " + errors);
        }
        return "on " + topic + " (" + channel.name() + "): " + payload + " is none of its messages: " + why;
    }
}
