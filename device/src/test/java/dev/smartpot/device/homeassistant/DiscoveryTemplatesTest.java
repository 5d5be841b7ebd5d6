package dev.smartpot.device.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;

import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.TestPot;

/**
 * The value templates rendered, as Home Assistant renders them, against everything that may arrive on the
 * readings topic: this pot's readings, a text-format pot, an empty message, a JSON array, JSON without an id,
 * another pot's reading and a fault. Anything that is not this pot's reading must render nothing (Home Assistant
 * ignores an empty render since 2023.2) and never raise a template error (which Home Assistant logs for every
 * render, for every entity on the topic).
 *
 * <p>Jinjava stands in for Jinja2 and agrees with it on every construct the templates use: {@code is mapping},
 * {@code is defined}, {@code !=} on strings, {@code or} stopping at the first true operand, {@code if/elif/else}.
 * Where it is more lenient, the test makes it as strict as Jinja2: Home Assistant sets {@code value_json} only
 * when the payload parses as JSON, and in Jinja2 reading an attribute of that undefined variable is an error
 * ("'value_json' is undefined"), while Jinjava quietly gives null. So a payload that is not JSON gets a
 * {@link Jinja2Undefined} as {@code value_json}: reading any attribute of it is a Jinjava error, and like
 * Jinja2's Undefined it is not a mapping.
 */
class DiscoveryTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER = "0123456789ab";

    /** Jinja2's Undefined as far as these templates can tell: no attributes, not a mapping. */
    public static final class Jinja2Undefined {
    }

    /** What a render gives: the output, trimmed as Home Assistant trims it, or the template errors. */
    static String render(String template, String payload) {
        Map<String, Object> context = new HashMap<>();
        context.put("value", payload);
        Object json;
        try {
            json = JSON.readValue(payload, Object.class);
        } catch (Exception notJson) {
            json = new Jinja2Undefined();
        }
        context.put("value_json", json);
        RenderResult result = new Jinjava().renderForResult(template, context);
        if (!result.getErrors().isEmpty()) {
            return "ERROR " + result.getErrors();
        }
        return result.getOutput().trim();
    }

    private static final class Templates {
        final String moisture;
        final String raw;
        final String problem;

        Templates(TestPot pot) throws Exception {
            Map<String, JsonNode> configs = HomeAssistantDiscoveryTest.configs(pot);
            moisture = configs.get(HomeAssistantDiscoveryTest.MOISTURE).get("value_template").asText();
            raw = configs.get(HomeAssistantDiscoveryTest.RAW).get("value_template").asText();
            problem = configs.get(HomeAssistantDiscoveryTest.PROBLEM).get("value_template").asText();
        }

        void renderNothingFor(String payload, String what) {
            assertEquals("", render(moisture, payload), what + ": moisture");
            assertEquals("", render(raw, payload), what + ": raw");
            assertEquals("", render(problem, payload), what + ": sensor fault");
        }
    }

    /** This pot's good reading and its fault reading (sensor unplugged), as the pot published them. */
    private static List<String> goodAndFault(TestPot pot) {
        pot.raw = 0;
        pot.runFor(5_000);
        List<String> readings = new ArrayList<>();
        for (FakeTransport.Sent s : pot.mqtt.sentTo(pot.config.publishTopicFor(TestPot.ID))) {
            readings.add(s.payload());
        }
        assertTrue(readings.get(1).contains("\"fault\":\"disconnected\""), readings.get(1));
        assertFalse(readings.get(1).contains("\"moisture\""), "a fault carries no moisture: " + readings.get(1));
        return readings.subList(0, 2);
    }

    @Test
    void onTheSharedTopicOnlyThisPotsJsonReadingRendersAndNothingElseRaisesAnError() throws Exception {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        Templates t = new Templates(pot);
        List<String> readings = goodAndFault(pot);
        String good = readings.get(0);
        String fault = readings.get(1);

        assertEquals("50.0", render(t.moisture, good));
        assertEquals("2300", render(t.raw, good));
        assertEquals("OFF", render(t.problem, good));
        assertEquals("None", render(t.moisture, fault), "Home Assistant shows 'unknown', never a made-up number");
        assertEquals("ON", render(t.problem, fault));

        TestPot textPot = new TestPot("payload.format = text\n");
        textPot.runFor(1);
        String text = textPot.readings().get(0);
        assertTrue(text.startsWith("Test to mothership #"), text);
        t.renderNothingFor(text, "a text-format pot");
        t.renderNothingFor("", "an empty message");
        t.renderNothingFor("[" + good + "]", "a JSON array");
        t.renderNothingFor("42", "a JSON number");
        t.renderNothingFor("\"" + TestPot.ID + "\"", "a JSON string");
        t.renderNothingFor("null", "JSON null");
        ObjectNode noId = (ObjectNode) JSON.readTree(good);
        noId.remove("id");
        t.renderNothingFor(noId.toString(), "JSON without id");
        t.renderNothingFor(good.replace(TestPot.ID, OTHER), "another pot's reading");
        t.renderNothingFor(fault.replace(TestPot.ID, OTHER), "another pot's fault");
    }

    @Test
    void onAPerPotTopicTheTopicIsTheIdentityAndTheGuardStays() throws Exception {
        TestPot pot = new TestPot("mqtt.topic.publish = to_mothership/{id}\n");
        pot.runFor(1);
        Templates t = new Templates(pot);
        assertFalse(t.moisture.contains("value_json.id"), "no id check: only this pot publishes here: " + t.moisture);
        assertTrue(t.moisture.contains("value_json is not mapping"), t.moisture);
        List<String> readings = goodAndFault(pot);

        assertEquals("50.0", render(t.moisture, readings.get(0)));
        assertEquals("2300", render(t.raw, readings.get(0)));
        assertEquals("OFF", render(t.problem, readings.get(0)));
        assertEquals("None", render(t.moisture, readings.get(1)));
        assertEquals("ON", render(t.problem, readings.get(1)));
        t.renderNothingFor("Test to mothership #3", "text");
        t.renderNothingFor("", "an empty message");
        t.renderNothingFor("[1,2]", "a JSON array");
    }

    @Test
    void theBatteryTemplateRendersTheVoltageOfThisPotsReadingsAndNothingForAnythingElse() throws Exception {
        for (String topic : new String[] {"", "mqtt.topic.publish = to_mothership/{id}\n"}) {
            TestPot pot = new TestPot("battery.adc.pin = 35\n" + topic);
            pot.runFor(1);
            String battery = HomeAssistantDiscoveryTest.configs(pot).get(HomeAssistantDiscoveryTest.BATTERY)
                    .get("value_template").asText();
            assertTrue(battery.startsWith("{% if value_json is not mapping"), "guarded like the others: " + battery);
            List<String> readings = goodAndFault(pot);
            assertEquals("2882", render(battery, readings.get(0)));
            assertEquals("2882", render(battery, readings.get(1)), "a soil fault says nothing about the battery");
            ObjectNode kept = (ObjectNode) JSON.readTree(readings.get(0));
            kept.remove("battery_mv");
            assertEquals("", render(battery, kept.toString()),
                    "a reading kept from an earlier wake has no voltage: nothing, so Home Assistant keeps the last one");
            for (String other : new String[] {"Test to mothership #3", "", "[1,2]", "42", "null"}) {
                assertEquals("", render(battery, other), "renders nothing, and no error, for: " + other);
            }
            if (topic.isEmpty()) {
                assertEquals("", render(battery, readings.get(0).replace(TestPot.ID, OTHER)), "another pot's reading");
            }
        }
    }

    @Test
    void theStrictnessCatchesWhatHomeAssistantWouldLogAsAnError() {
        // The templates before the guard: on a text payload Jinja2 fails on value_json.id, and so does this test.
        String unguarded = "{% if value_json.id != '" + TestPot.ID + "' %}{% elif value_json.moisture is defined %}"
                + "{{ value_json.moisture }}{% else %}None{% endif %}";
        assertTrue(render(unguarded, "Test to mothership #3").startsWith("ERROR "), render(unguarded, "Test to mothership #3"));
        assertTrue(render(unguarded, "[1]").startsWith("ERROR "));
        assertEquals("", render(unguarded, "{\"id\":\"" + OTHER + "\"}"));
    }
}
