package dev.smartpot.mothership.web;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.smartpot.mothership.api.PotSettings;

/**
 * A {@code PUT .../settings} body laid over the pot's current settings, so a script can send only what it
 * changes ({@code {"auto_water": false}}). Unknown names and wrong types are refused with the known names.
 */
final class SettingsBody {

    private SettingsBody() {
    }

    static PotSettings merge(ObjectMapper json, PotSettings current, String body) {
        JsonNode changes;
        try {
            changes = json.readTree(body);
        } catch (JsonProcessingException e) {
            changes = null;
        }
        ObjectNode merged = json.valueToTree(current);
        String known = String.join(", ", (Iterable<String>) merged::fieldNames);
        if (changes == null || !changes.isObject()) {
            throw new BadRequest("the settings body is not a JSON object",
                    "send the settings to change as JSON, e.g. {\"dry_below\": 25, \"auto_water\": true}; known names: " + known);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            if (!merged.has(change.getKey())) {
                throw new BadRequest("\"" + change.getKey() + "\" is not a setting", "use one of: " + known);
            }
            merged.set(change.getKey(), change.getValue());
        }
        try {
            return json.treeToValue(merged, PotSettings.class);
        } catch (JsonProcessingException e) {
            throw new BadRequest("a setting has the wrong type: " + e.getOriginalMessage(),
                    "numbers for thresholds, ml and minutes, true/false for auto_water, text for name, room and preset");
        }
    }
}
