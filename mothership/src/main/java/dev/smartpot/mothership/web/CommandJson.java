package dev.smartpot.mothership.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.smartpot.mothership.api.CommandView;

/** A command's outcome for HTTP: the pot's reply embedded as JSON (not a string in a string). */
final class CommandJson {

    private CommandJson() {
    }

    static JsonNode of(CommandView view, ObjectMapper json) {
        ObjectNode node = json.valueToTree(view);
        if (view.reply() != null) {
            try {
                node.set("reply", json.readTree(view.reply()));
            } catch (Exception notJson) {
                // A pot that answers text keeps its text.
            }
        }
        return node;
    }

    /**
     * 200 when the pot answered (even "ok":false: the reply says why), 409 refused by an interlock, 504 silent. (A
     * command to a pot asleep on purpose is answered 202 while pending, by the route.)
     */
    static int httpStatus(CommandView view) {
        return switch (view.status()) {
            case "refused" -> 409;
            case "no-reply", "pending" -> 504;
            default -> 200;
        };
    }
}
