package dev.smartpot.device.homeassistant;

import dev.smartpot.device.text.JsonText;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * Home Assistant MQTT discovery: the retained configs that make a pot appear in Home Assistant as one
 * device with three entities: the moisture (%), the raw ADC counts, and a problem sensor that is on
 * while the soil sensor reports a fault. Topics follow
 * {@code <prefix>/<component>/<client id>/<object>/config}; every entity is available while the pot's
 * status topic says {@code online}.
 *
 * <p>All pots publish their readings to one topic, so each template first checks the reading's
 * {@code id}: another pot's reading renders empty, which Home Assistant ignores. A fault renders
 * {@code None}, which makes the moisture "unknown" instead of a made-up number.
 */
public final class HomeAssistantDiscovery {

    public static final String MODEL = "Smart pot (capacitive soil sensor)";
    public static final String MANUFACTURER = "smartpot";

    private static final int MOISTURE = 0;
    private static final int RAW = 1;
    private static final int PROBLEM = 2;
    private static final int ENTITIES = 3;

    private final String clientId;
    private final String deviceName;
    private final String stateTopic;
    private final String availabilityTopic;
    private final String softwareVersion;
    private final String[] topics = new String[ENTITIES];

    public HomeAssistantDiscovery(String prefix, String clientId, String deviceName, String stateTopic,
            String availabilityTopic, String softwareVersion) {
        this.clientId = clientId;
        this.deviceName = deviceName;
        this.stateTopic = stateTopic;
        this.availabilityTopic = availabilityTopic;
        this.softwareVersion = softwareVersion;
        topics[MOISTURE] = prefix + "/sensor/" + clientId + "/moisture/config";
        topics[RAW] = prefix + "/sensor/" + clientId + "/raw/config";
        topics[PROBLEM] = prefix + "/binary_sensor/" + clientId + "/sensor_fault/config";
    }

    public int count() {
        return ENTITIES;
    }

    public String topic(int entity) {
        return topics[entity];
    }

    /** Writes entity {@code entity}'s config into {@code out} (cleared first). */
    public void write(int entity, PayloadBuffer out) {
        out.clear();
        out.append('{');
        switch (entity) {
            case MOISTURE:
                common(out, "Moisture", "moisture");
                out.append(",\"value_template\":");
                template(out, "{% elif value_json.moisture is defined %}{{ value_json.moisture }}{% else %}None");
                out.append(",\"device_class\":\"moisture\",\"state_class\":\"measurement\",\"unit_of_measurement\":\"%\"");
                break;
            case RAW:
                common(out, "Raw ADC counts", "raw");
                out.append(",\"value_template\":");
                template(out, "{% elif value_json.raw is defined %}{{ value_json.raw }}{% else %}None");
                out.append(",\"state_class\":\"measurement\",\"entity_category\":\"diagnostic\",\"icon\":\"mdi:sine-wave\"");
                break;
            default:
                common(out, "Sensor fault", "sensor_fault");
                out.append(",\"value_template\":");
                template(out, "{% elif value_json.fault is defined %}ON{% else %}OFF");
                out.append(",\"payload_on\":\"ON\",\"payload_off\":\"OFF\",\"device_class\":\"problem\"");
                out.append(",\"entity_category\":\"diagnostic\"");
                break;
        }
        out.append(",\"device\":{\"identifiers\":[\"").append(clientId).append("\"],\"name\":");
        JsonText.appendString(out, deviceName);
        out.append(",\"model\":");
        JsonText.appendString(out, MODEL);
        out.append(",\"manufacturer\":");
        JsonText.appendString(out, MANUFACTURER);
        out.append(",\"sw_version\":");
        JsonText.appendString(out, softwareVersion);
        out.append("}}");
    }

    private void common(PayloadBuffer out, String name, String object) {
        out.append("\"name\":");
        JsonText.appendString(out, name);
        out.append(",\"unique_id\":\"").append(clientId).append('_').append(object).append('"');
        out.append(",\"state_topic\":");
        JsonText.appendString(out, stateTopic);
        out.append(",\"availability_topic\":");
        JsonText.appendString(out, availabilityTopic);
        out.append(",\"payload_available\":\"online\",\"payload_not_available\":\"offline\"");
    }

    /** A Jinja template that renders nothing for another pot's reading, then {@code body} for this pot's. */
    private void template(PayloadBuffer out, String body) {
        out.append("\"{% if value_json.id != '").append(clientId).append("' %}").append(body).append("{% endif %}\"");
    }
}
