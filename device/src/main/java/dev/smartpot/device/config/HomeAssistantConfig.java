package dev.smartpot.device.config;

/**
 * Home Assistant MQTT discovery ({@code homeassistant.*} keys): whether the pot announces itself, under
 * which prefix, and where Home Assistant says it came online.
 */
public final class HomeAssistantConfig {

    /**
     * True: announce the pot. False (also with payload.format = text, which has no fields to read): clear the
     * configs the pot may have retained before, once per start.
     */
    public final boolean discovery;
    public final String prefix;
    /** Home Assistant's birth topic: "online" there means it lost its state, so the pot announces itself again. */
    public final String statusTopic;

    private HomeAssistantConfig(ConfigReader r, String payloadFormat) {
        boolean wanted = r.bool(ConfigKeys.HOMEASSISTANT_DISCOVERY);
        prefix = r.text(ConfigKeys.HOMEASSISTANT_PREFIX);
        statusTopic = r.text(ConfigKeys.HOMEASSISTANT_STATUS);
        DeviceConfig.checkTopic(r, "homeassistant.prefix", prefix, false);
        DeviceConfig.checkTopic(r, "homeassistant.status", statusTopic, false);
        if (prefix.startsWith("/") || prefix.endsWith("/")) {
            r.problem("homeassistant.prefix", "starts or ends with '/'", "write it as Home Assistant shows it, e.g. homeassistant");
        }
        boolean json = "json".equals(payloadFormat);
        if (wanted && !json && r.isSet("homeassistant.discovery")) {
            r.problem("homeassistant.discovery", "needs payload.format = json: Home Assistant reads the moisture from the JSON fields",
                    "set payload.format = json, or homeassistant.discovery = false");
        }
        discovery = wanted && json;
    }

    public static HomeAssistantConfig read(ConfigReader reader, String payloadFormat) {
        return new HomeAssistantConfig(reader, payloadFormat);
    }
}
