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

import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.TestPot;

/**
 * The discovery configs, checked against the keys of Home Assistant's MQTT sensor and binary sensor schemas;
 * their templates are covered by {@link DiscoveryTemplatesTest}.
 */
class HomeAssistantDiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Keys of Home Assistant's MQTT entity schemas (homeassistant/components/mqtt: const.py, schemas.py, sensor.py,
    // binary_sensor.py, entity.py). object_id is left out on purpose: deprecated since 2025.10, it stops working
    // in 2026.4; default_entity_id replaces it.
    private static final Set<String> COMMON = Set.of("availability", "availability_mode", "availability_template",
            "availability_topic", "default_entity_id", "device", "device_class", "enabled_by_default", "encoding",
            "entity_category", "entity_picture", "expire_after", "force_update", "icon", "json_attributes_template",
            "json_attributes_topic", "name", "origin", "payload_available", "payload_not_available", "qos", "state_topic",
            "unique_id", "value_template");
    private static final Set<String> SENSOR_ONLY = Set.of("last_reset_value_template", "options", "state_class",
            "suggested_display_precision", "unit_of_measurement");
    private static final Set<String> BINARY_SENSOR_ONLY = Set.of("off_delay", "payload_off", "payload_on");
    private static final Set<String> DEVICE = Set.of("configuration_url", "connections", "hw_version", "identifiers",
            "manufacturer", "model", "model_id", "name", "serial_number", "suggested_area", "sw_version", "via_device");
    private static final Set<String> ENTITY_CATEGORIES = Set.of("config", "diagnostic");

    private static final String ID = TestPot.ID;
    private static final String STATUS = "to_mothership/" + ID + "/status";
    static final String MOISTURE = "homeassistant/sensor/" + ID + "/moisture/config";
    static final String RAW = "homeassistant/sensor/" + ID + "/raw/config";
    static final String PROBLEM = "homeassistant/binary_sensor/" + ID + "/sensor_fault/config";
    static final String BATTERY = "homeassistant/sensor/" + ID + "/battery/config";

    /** The last config the pot published on each discovery topic (empty ones, which clear a config, left out). */
    static Map<String, JsonNode> configs(TestPot pot) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (FakeTransport.Sent s : pot.mqtt.sent) {
            if (s.topic().startsWith("homeassistant/") && !s.payload().isEmpty()) {
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
    void announcesOneDeviceWithMoistureRawAndProblemEntitiesUsingOnlyKeysHomeAssistantKnows() throws Exception {
        TestPot pot = new TestPot("device.name = Living room \"fern\" \u00e9\n");
        pot.runFor(1);
        Map<String, JsonNode> configs = configs(pot);
        assertEquals(Set.of(MOISTURE, RAW, PROBLEM), configs.keySet());

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
            assertTrue(unknown.isEmpty(), "keys Home Assistant does not know " + unknown + " in " + e.getKey());
            assertFalse(c.has("object_id"), "object_id stops working in Home Assistant 2026.4");
            Set<String> unknownDevice = new HashSet<>(keys(c.get("device")));
            unknownDevice.removeAll(DEVICE);
            assertTrue(unknownDevice.isEmpty(), "unknown device keys " + unknownDevice);

            assertEquals("to_mothership", c.get("state_topic").asText());
            assertEquals(STATUS, c.get("availability_topic").asText());
            assertEquals("online", c.get("payload_available").asText());
            assertEquals("offline", c.get("payload_not_available").asText());
            assertTrue(uniqueIds.add(c.get("unique_id").asText()), "unique ids differ");
            // Stable, predictable ids: the same on every Home Assistant, whatever the entity's name.
            assertEquals("smartpot_" + ID + "_" + levels[3], c.get("unique_id").asText());
            assertEquals(levels[1] + ".smartpot_" + ID + "_" + levels[3], c.get("default_entity_id").asText());
            assertTrue(isValidEntityId(c.get("default_entity_id").asText()),
                    "an entity id Home Assistant accepts: " + c.get("default_entity_id"));
            if (c.has("entity_category")) {
                assertTrue(ENTITY_CATEGORIES.contains(c.get("entity_category").asText()));
            }
            JsonNode device = c.get("device");
            assertEquals(List.of("smartpot_" + ID), List.of(device.get("identifiers").get(0).asText()),
                    "prefixed: another firmware's bare MAC cannot join this device");
            assertEquals(1, device.get("identifiers").size());
            assertEquals("Living room \"fern\" \u00e9", device.get("name").asText(), "the name survives JSON escaping");
            assertTrue(device.get("sw_version").asText().matches("\\d+\\.\\d+\\.\\d+"));
        }
        JsonNode moisture = configs.get(MOISTURE);
        assertEquals("moisture", moisture.get("device_class").asText());
        assertEquals("%", moisture.get("unit_of_measurement").asText());
        assertEquals("measurement", moisture.get("state_class").asText());
        JsonNode problem = configs.get(PROBLEM);
        assertEquals("problem", problem.get("device_class").asText());

        // Availability is the pot's own retained status: online now, and its will says offline.
        List<FakeTransport.Sent> status = pot.mqtt.sentTo(STATUS);
        assertEquals("online", status.get(status.size() - 1).payload());
        assertEquals("offline", new String(pot.mqtt.lastSettings.willPayload));
    }

    @Test
    void aPotWithABatteryPinAnnouncesItsVoltageAsAFourthSensorWithOnlyKeysHomeAssistantKnows() throws Exception {
        TestPot pot = new TestPot("battery.adc.pin = 35\n");
        pot.runFor(1);
        Map<String, JsonNode> configs = configs(pot);
        assertEquals(Set.of(MOISTURE, RAW, PROBLEM, BATTERY), configs.keySet());
        JsonNode battery = configs.get(BATTERY);
        Set<String> unknown = new HashSet<>(keys(battery));
        unknown.removeAll(COMMON);
        unknown.removeAll(SENSOR_ONLY);
        assertEquals(Set.of(), unknown, "keys Home Assistant does not know");
        assertEquals("voltage", battery.get("device_class").asText());
        assertEquals("mV", battery.get("unit_of_measurement").asText());
        assertEquals("measurement", battery.get("state_class").asText());
        assertTrue(ENTITY_CATEGORIES.contains(battery.get("entity_category").asText()));
        assertEquals("smartpot_" + ID + "_battery", battery.get("unique_id").asText());
        assertEquals("sensor.smartpot_" + ID + "_battery", battery.get("default_entity_id").asText());
        assertTrue(isValidEntityId(battery.get("default_entity_id").asText()));
        assertEquals(configs.get(MOISTURE).get("device"), battery.get("device"), "the same device as the moisture");
        assertEquals(STATUS, battery.get("availability_topic").asText());

        TestPot without = new TestPot("");
        without.runFor(1);
        assertEquals(Set.of(MOISTURE, RAW, PROBLEM), configs(without).keySet(), "no battery entity without battery.adc.pin");
        assertTrue(without.mqtt.sent.stream().noneMatch(s -> s.topic().equals(BATTERY)), "not even cleared");
    }

    @Test
    void aPotsConfigsNameOnlyItsOwnDeviceOnASharedAndOnAPerPotTopic() throws Exception {
        for (String properties : new String[] {"", "mqtt.topic.publish = to_mothership/{id}\n"}) {
            TestPot pot = new TestPot(properties);
            pot.runFor(1);
            Map<String, JsonNode> configs = configs(pot);
            assertEquals(3, configs.size());
            for (Map.Entry<String, JsonNode> e : configs.entrySet()) {
                assertTrue(e.getKey().contains("/" + ID + "/"), "under its own id: " + e.getKey());
                List<String> texts = new ArrayList<>();
                texts(e.getValue(), texts);
                for (String text : texts) {
                    // Any 12-hex-digit client id in any value is this pot's: no topic, id or template names another.
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9a-f])[0-9a-f]{12}(?![0-9a-f])").matcher(text);
                    while (m.find()) {
                        assertEquals(ID, m.group(), "names another device: " + text + " in " + e.getKey());
                    }
                }
                JsonNode c = e.getValue();
                assertTrue(c.get("unique_id").asText().startsWith("smartpot_" + ID + "_"));
                assertTrue(c.get("default_entity_id").asText().endsWith(".smartpot_" + ID + "_" + e.getKey().split("/")[3]));
                assertEquals("[\"smartpot_" + ID + "\"]", c.get("device").get("identifiers").toString());
                assertEquals(STATUS, c.get("availability_topic").asText());
                assertEquals(properties.isEmpty() ? "to_mothership" : "to_mothership/" + ID, c.get("state_topic").asText());
            }
        }
    }

    /**
     * Home Assistant's rule for an entity id (homeassistant/core.py, valid_entity_id): domain and object id of
     * lowercase letters, digits and '_', neither starting nor ending with '_', and no "__" in the domain.
     */
    private static boolean isValidEntityId(String id) {
        int dot = id.indexOf('.');
        if (dot < 0 || id.indexOf('.', dot + 1) >= 0) {
            return false;
        }
        String domain = id.substring(0, dot);
        String object = id.substring(dot + 1);
        return isSlug(domain) && !domain.contains("__") && isSlug(object);
    }

    private static boolean isSlug(String s) {
        return s.matches("[a-z0-9_]+") && !s.startsWith("_") && !s.endsWith("_");
    }

    private static void texts(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        for (JsonNode child : node) {
            texts(child, out);
        }
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
    void aPrefixOfYourOwn() throws Exception {
        TestPot custom = new TestPot("homeassistant.prefix = ha/discovery\nhomeassistant.status = ha/status\n");
        custom.runFor(1);
        assertTrue(custom.mqtt.sent.stream().anyMatch(s -> s.topic().equals("ha/discovery/sensor/" + ID + "/moisture/config")));
        assertTrue(custom.mqtt.subscriptions.contains("ha/status"));
    }

    @Test
    void turningDiscoveryOffClearsWhatThePotRetainedBeforeOncePerBoot() throws Exception {
        TestPot on = new TestPot("battery.adc.pin = 35\n");
        on.runFor(1);
        assertEquals(4, configs(on).size(), "announced while discovery was on");

        // Discovery off, and the battery gone from the config at the same time: its entity is cleared too.
        TestPot off = new TestPot("homeassistant.discovery = false\n");
        off.runFor(1);
        List<FakeTransport.Sent> toHomeAssistant = new ArrayList<>();
        for (FakeTransport.Sent s : off.mqtt.sent) {
            if (s.topic().startsWith("homeassistant/")) {
                toHomeAssistant.add(s);
            }
        }
        assertEquals(4, toHomeAssistant.size(), toHomeAssistant.toString());
        Set<String> cleared = new HashSet<>();
        for (FakeTransport.Sent s : toHomeAssistant) {
            assertEquals("", s.payload(), "an empty retained message deletes the retained config: " + s.topic());
            assertTrue(s.retained(), s.topic());
            assertEquals(1, s.qos(), "acknowledged, so the broker has it before the pot moves on");
            cleared.add(s.topic());
        }
        assertEquals(configs(on).keySet(), cleared, "exactly the topics the pot announced on, nobody else's");
        assertFalse(off.mqtt.subscriptions.contains("homeassistant/status"), "off: Home Assistant's birth is not its business");
        assertTrue(off.log.has("Home Assistant discovery off: cleared this pot's configs under homeassistant/"), off.log.all());

        // A reconnect in the same boot does not clear again: cheap on a flaky link and for a fleet.
        off.mqtt.breakLink("test");
        off.runFor(5_000);
        assertTrue(off.mqtt.connects.size() >= 2, "reconnected");
        assertEquals(4, off.mqtt.sent.stream().filter(s -> s.topic().startsWith("homeassistant/")).count());
        off.mqtt.deliver("homeassistant/status", "online");
        off.runFor(1);
        assertEquals(4, off.mqtt.sent.stream().filter(s -> s.topic().startsWith("homeassistant/")).count(),
                "nothing announced when Home Assistant comes online");
    }

    @Test
    void theTutorialsTextFormatHasNoFieldsForHomeAssistantSoItOnlyClearsOldConfigs() {
        TestPot pot = new TestPot("payload.format = text\n");
        pot.runFor(1);
        assertTrue(pot.mqtt.sent.stream().filter(s -> s.topic().startsWith("homeassistant/")).allMatch(s -> s.payload().isEmpty()));
        assertEquals(4, pot.mqtt.sent.stream().filter(s -> s.topic().startsWith("homeassistant/")).count());
    }
}
