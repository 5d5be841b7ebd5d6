package dev.smartpot.device.homeassistant;

import dev.smartpot.device.text.JsonText;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.ReadingFields;
import dev.smartpot.protocol.StatusWords;

/**
 * Home Assistant MQTT discovery: the retained configs that make a pot appear in Home Assistant as one
 * device with three entities: the moisture (%), the raw ADC counts, and a problem sensor that is on
 * while the soil sensor reports a fault; a pot with {@code battery.adc.pin} has a fourth, its battery voltage (mV). Topics follow
 * {@code <prefix>/<component>/<client id>/<object>/config}; every entity is available while the pot's
 * status topic says {@code online}.
 *
 * <p>Every id in a config is this pot's own: the device identifier and unique ids carry the prefix
 * {@value #ID_PREFIX} so they cannot collide with another firmware that uses the bare MAC, and
 * {@code default_entity_id} gives each entity a stable id such as {@code sensor.smartpot_<id>_moisture}.
 *
 * <p>Each template first checks that the message is a JSON object (anything else renders nothing, which
 * Home Assistant ignores without an error); on a shared readings topic it also checks the reading's
 * {@code id}, so another pot's reading renders nothing. A fault renders {@code None}, which makes the
 * moisture "unknown" instead of a made-up number. A reading without {@code battery_mv} (one kept from an earlier
 * deep-sleep wake) renders nothing for the battery, so the voltage stays as it was instead of turning "unknown".
 */
public final class HomeAssistantDiscovery {

    public static final String MODEL = "Smart pot (capacitive soil sensor)";
    public static final String MANUFACTURER = "smartpot";
    /** Before the client id in every id the pot gives Home Assistant. */
    public static final String ID_PREFIX = "smartpot_";

    private static final int MOISTURE = 0;
    private static final int RAW = 1;
    private static final int PROBLEM = 2;
    private static final int BATTERY = 3;
    /** Every entity a pot can announce, the battery's included. */
    static final int ENTITIES = 4;
    private static final String[] COMPONENTS = {"sensor", "sensor", "binary_sensor", "sensor"};
    private static final String[] OBJECTS = {"moisture", "raw", "sensor_fault", "battery"};

    private final String clientId;
    private final String deviceName;
    private final String stateTopic;
    private final boolean sharedTopic;
    private final String availabilityTopic;
    private final String softwareVersion;
    private final String[] topics = new String[ENTITIES];
    private final int count;

    /**
     * @param sharedTopic true when other pots publish their readings to {@code stateTopic} too (the
     *            tutorial's {@code to_mothership}); false for a per-pot topic such as {@code to_mothership/{id}}
     */
    public HomeAssistantDiscovery(String prefix, String clientId, String deviceName, String stateTopic, boolean sharedTopic,
            String availabilityTopic, String softwareVersion) {
        this(prefix, clientId, deviceName, stateTopic, sharedTopic, availabilityTopic, softwareVersion, false);
    }

    /** @param battery whether the pot reports its battery voltage (a fourth entity) */
    public HomeAssistantDiscovery(String prefix, String clientId, String deviceName, String stateTopic, boolean sharedTopic,
            String availabilityTopic, String softwareVersion, boolean battery) {
        this.count = battery ? ENTITIES : BATTERY;
        this.clientId = clientId;
        this.deviceName = deviceName;
        this.stateTopic = stateTopic;
        this.sharedTopic = sharedTopic;
        this.availabilityTopic = availabilityTopic;
        this.softwareVersion = softwareVersion;
        for (int i = 0; i < ENTITIES; i++) {
            topics[i] = prefix + "/" + COMPONENTS[i] + "/" + clientId + "/" + OBJECTS[i] + "/config";
        }
    }

    /** The entities this pot has: three, four with a battery. */
    public int count() {
        return count;
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
                common(out, entity, "Moisture");
                template(out, "{% elif value_json." + ReadingFields.MOISTURE + " is defined %}{{ value_json." + ReadingFields.MOISTURE
                        + " }}{% else %}None");
                out.append(",\"device_class\":\"moisture\",\"state_class\":\"measurement\",\"unit_of_measurement\":\"%\"");
                break;
            case RAW:
                common(out, entity, "Raw ADC counts");
                template(out, "{% elif value_json." + ReadingFields.RAW + " is defined %}{{ value_json." + ReadingFields.RAW
                        + " }}{% else %}None");
                out.append(",\"state_class\":\"measurement\",\"entity_category\":\"diagnostic\",\"icon\":\"mdi:sine-wave\"");
                break;
            case BATTERY:
                common(out, entity, "Battery voltage");
                // No else: a reading without the field renders nothing, and Home Assistant keeps the last voltage.
                template(out, "{% elif value_json." + ReadingFields.BATTERY_MV + " is defined %}{{ value_json."
                        + ReadingFields.BATTERY_MV + " }}");
                out.append(",\"device_class\":\"voltage\",\"state_class\":\"measurement\",\"unit_of_measurement\":\"mV\"");
                out.append(",\"entity_category\":\"diagnostic\"");
                break;
            default:
                common(out, entity, "Sensor fault");
                template(out, "{% elif value_json." + ReadingFields.FAULT + " is defined %}ON{% else %}OFF");
                out.append(",\"payload_on\":\"ON\",\"payload_off\":\"OFF\",\"device_class\":\"problem\"");
                out.append(",\"entity_category\":\"diagnostic\"");
                break;
        }
        out.append(",\"device\":{\"identifiers\":[\"").append(ID_PREFIX).append(clientId).append("\"],\"name\":");
        JsonText.appendString(out, deviceName);
        out.append(",\"model\":");
        JsonText.appendString(out, MODEL);
        out.append(",\"manufacturer\":");
        JsonText.appendString(out, MANUFACTURER);
        out.append(",\"sw_version\":");
        JsonText.appendString(out, softwareVersion);
        out.append("}}");
    }

    private void common(PayloadBuffer out, int entity, String name) {
        out.append("\"name\":");
        JsonText.appendString(out, name);
        out.append(",\"unique_id\":\"").append(ID_PREFIX).append(clientId).append('_').append(OBJECTS[entity]).append('"');
        out.append(",\"default_entity_id\":\"").append(COMPONENTS[entity]).append('.').append(ID_PREFIX).append(clientId)
                .append('_').append(OBJECTS[entity]).append('"');
        out.append(",\"state_topic\":");
        JsonText.appendString(out, stateTopic);
        out.append(",\"availability_topic\":");
        JsonText.appendString(out, availabilityTopic);
        out.append(",\"payload_available\":\"" + StatusWords.ONLINE + "\",\"payload_not_available\":\"" + StatusWords.OFFLINE + "\"");
    }

    /**
     * A Jinja template that renders nothing for anything but this pot's JSON reading, then {@code body}.
     * "is not mapping" is true for a message that is not JSON (value_json undefined), an array, a number or a
     * string, and {@code or} stops there, so no attribute of a non-object is ever read: Jinja2 (Home Assistant)
     * would log an error for each such render.
     */
    private void template(PayloadBuffer out, String body) {
        out.append(",\"value_template\":\"{% if value_json is not mapping");
        if (sharedTopic) {
            out.append(" or value_json." + ReadingFields.ID + " is not defined or value_json." + ReadingFields.ID + " != '")
                    .append(clientId).append('\'');
        }
        out.append(" %}").append(body).append("{% endif %}\"");
    }
}
