package dev.smartpot.device.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;

import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.TestPot;

/**
 * The discovery configs, checked against Home Assistant's documented MQTT discovery keys, and their
 * templates rendered by a Jinja engine against the readings the pot really publishes.
 */
class HomeAssistantDiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Keys documented for discovery payloads (home-assistant.io: integrations/sensor.mqtt,
    // integrations/binary_sensor.mqtt, and the "device" map in integrations/mqtt#discovery-payload).
    private static final Set<String> COMMON = Set.of("availability", "availability_mode", "availability_template",
            "availability_topic", "device", "device_class", "enabled_by_default", "encoding", "entity_category",
            "entity_picture", "expire_after", "force_update", "icon", "json_attributes_template", "json_attributes_topic",
            "name", "object_id", "payload_available", "payload_not_available", "qos", "state_topic", "unique_id",
            "value_template", "origin");
    private static final Set<String> SENSOR_ONLY = Set.of("last_reset_value_template", "state_class",
            "suggested_display_precision", "unit_of_measurement");
    private static final Set<String> BINARY_SENSOR_ONLY = Set.of("off_delay", "payload_off", "payload_on");
    private static final Set<String> DEVICE = Set.of("configuration_url", "connections", "hw_version", "identifiers",
            "manufacturer", "model", "model_id", "name", "serial_number", "suggested_area", "sw_version", "via_device");
    private static final Set<String> ENTITY_CATEGORIES = Set.of("config", "diagnostic");

    private static final String ID = TestPot.ID;
    private static final String STATUS = "to_mothership/" + ID + "/status";

    private static Map<String, JsonNode> configs(TestPot pot) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (FakeTransport.Sent s : pot.mqtt.sent) {
            if (s.topic().startsWith("homeassistant/")) {
                assertTrue(s.retained(), "retained, so Home Assistant finds it after a restart: " + s.topic());
                assertEquals(1, s.qos(), s.topic());
                out.put(s.topic(), JSON.readTree(s.payload()));
            }
        }
        return out;
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void announcesOneDeviceWithMoistureRawAndProblemEntitiesUsingOnlyDocumentedKeys() throws Exception {
        TestPot pot = new TestPot("device.name = Living room \"fern\" \u00e9\n");
        pot.runFor(1);
        Map<String, JsonNode> configs = configs(pot);
        assertEquals(Set.of("homeassistant/sensor/" + ID + "/moisture/config", "homeassistant/sensor/" + ID + "/raw/config",
                "homeassistant/binary_sensor/" + ID + "/sensor_fault/config"), configs.keySet());

        Set<String> uniqueIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : configs.entrySet()) {
            String[] levels = e.getKey().split("/");
            assertEquals(5, levels.length, "<prefix>/<component>/<node_id>/<object_id>/config: " + e.getKey());
            assertTrue(levels[2].matches("[a-zA-Z0-9_-]+") && levels[3].matches("[a-zA-Z0-9_-]+"), e.getKey());
            JsonNode c = e.getValue();
            Set<String> allowed = new HashSet<>(COMMON);
            allowed.addAll(levels[1].equals("sensor") ? SENSOR_ONLY : BINARY_SENSOR_ONLY);
            Set<String> unknown = new HashSet<>(keys(c));
            unknown.removeAll(allowed);
            assertTrue(unknown.isEmpty(), "undocumented keys " + unknown + " in " + e.getKey());
            Set<String> unknownDevice = new HashSet<>(keys(c.get("device")));
            unknownDevice.removeAll(DEVICE);
            assertTrue(unknownDevice.isEmpty(), "undocumented device keys " + unknownDevice);

            assertEquals("to_mothership", c.get("state_topic").asText());
            assertEquals(STATUS, c.get("availability_topic").asText());
            assertEquals("online", c.get("payload_available").asText());
            assertEquals("offline", c.get("payload_not_available").asText());
            assertTrue(uniqueIds.add(c.get("unique_id").asText()), "unique ids differ");
            assertTrue(c.get("unique_id").asText().startsWith(ID + "_"));
            if (c.has("entity_category")) {
                assertTrue(ENTITY_CATEGORIES.contains(c.get("entity_category").asText()));
            }
            JsonNode device = c.get("device");
            assertEquals(List.of(ID), List.of(device.get("identifiers").get(0).asText()));
            assertEquals("Living room \"fern\" \u00e9", device.get("name").asText(), "the name survives JSON escaping");
            assertTrue(device.get("sw_version").asText().matches("\\d+\\.\\d+\\.\\d+"));
        }
        JsonNode moisture = configs.get("homeassistant/sensor/" + ID + "/moisture/config");
        assertEquals("moisture", moisture.get("device_class").asText());
        assertEquals("%", moisture.get("unit_of_measurement").asText());
        assertEquals("measurement", moisture.get("state_class").asText());
        JsonNode problem = configs.get("homeassistant/binary_sensor/" + ID + "/sensor_fault/config");
        assertEquals("problem", problem.get("device_class").asText());

        // Availability is the pot's own retained status: online now, and its will says offline.
        List<FakeTransport.Sent> status = pot.mqtt.sentTo(STATUS);
        assertEquals("online", status.get(status.size() - 1).payload());
        assertEquals("offline", new String(pot.mqtt.lastSettings.willPayload));
    }

    @Test
    void templatesShowThisPotsMoistureIgnoreOtherPotsAndTurnAFaultIntoUnknownAndAProblem() throws Exception {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        Map<String, JsonNode> configs = configs(pot);
        String moisture = configs.get("homeassistant/sensor/" + ID + "/moisture/config").get("value_template").asText();
        String raw = configs.get("homeassistant/sensor/" + ID + "/raw/config").get("value_template").asText();
        String problem = configs.get("homeassistant/binary_sensor/" + ID + "/sensor_fault/config").get("value_template").asText();

        pot.raw = 0;
        pot.runFor(5_000);
        List<String> readings = pot.readings();
        String good = readings.get(0);
        String unplugged = readings.get(1);
        assertTrue(unplugged.contains("\"fault\":\"disconnected\""), unplugged);
        String otherPot = good.replace(ID, "0123456789ab");

        assertEquals("50.0", render(moisture, good));
        assertEquals("2300", render(raw, good));
        assertEquals("OFF", render(problem, good));
        assertEquals("None", render(moisture, unplugged), "Home Assistant shows 'unknown', never a made-up number");
        assertEquals("ON", render(problem, unplugged));
        assertEquals("", render(moisture, otherPot), "an empty result is ignored by Home Assistant");
        assertEquals("", render(raw, otherPot));
        assertEquals("", render(problem, otherPot));
    }

    private static String render(String template, String payload) throws Exception {
        Map<String, Object> context = new HashMap<>();
        context.put("value", payload);
        context.put("value_json", JSON.readValue(payload, Map.class));
        return new Jinjava().render(template, context).trim();
    }

    @Test
    void announcesAgainWhenHomeAssistantComesOnlineButNotForOtherMessages() throws Exception {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        int first = configs(pot).size();
        int before = pot.mqtt.sent.size();
        pot.mqtt.deliver("homeassistant/status", "offline");
        pot.runFor(1);
        assertEquals(before, pot.mqtt.sent.size(), "nothing on offline");
        pot.mqtt.deliver("homeassistant/status", "online");
        pot.runFor(1);
        List<String> again = new ArrayList<>();
        for (FakeTransport.Sent s : pot.mqtt.sent.subList(before, pot.mqtt.sent.size())) {
            again.add(s.topic());
        }
        assertEquals(3, first);
        assertEquals(3, again.stream().filter(t -> t.startsWith("homeassistant/")).count(), again.toString());
        assertTrue(pot.replies().isEmpty(), "Home Assistant's status is not a command");
        assertTrue(pot.log.has("Home Assistant came online"), pot.log.all());
    }

    @Test
    void aPrefixOfYourOwnAndDiscoveryOff() throws Exception {
        TestPot custom = new TestPot("homeassistant.prefix = ha/discovery\nhomeassistant.status = ha/status\n");
        custom.runFor(1);
        assertTrue(custom.mqtt.sent.stream().anyMatch(s -> s.topic().equals("ha/discovery/sensor/" + ID + "/moisture/config")));
        assertTrue(custom.mqtt.subscriptions.contains("ha/status"));

        TestPot off = new TestPot("homeassistant.discovery = false\n");
        off.runFor(1);
        assertFalse(off.mqtt.sent.stream().anyMatch(s -> s.topic().startsWith("homeassistant/")));
        assertFalse(off.mqtt.subscriptions.contains("homeassistant/status"));
    }

    @Test
    void theTutorialsTextFormatHasNoFieldsForHomeAssistantSoItStaysQuiet() {
        TestPot pot = new TestPot("payload.format = text\n");
        pot.runFor(1);
        assertFalse(pot.mqtt.sent.stream().anyMatch(s -> s.topic().startsWith("homeassistant/")));
    }
}
