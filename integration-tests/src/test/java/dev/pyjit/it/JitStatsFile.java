package dev.pyjit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JSON statistics a pyjit run writes at exit ({@code PYJIT_STATS}, {@code --jit-stats=FILE}). */
final class JitStatsFile {
    private final JsonNode json;

    private JitStatsFile(JsonNode json) {
        this.json = json;
    }

    static JitStatsFile read(Path path) throws IOException {
        return new JitStatsFile(new ObjectMapper().readTree(path.toFile()));
    }

    /** A top-level field: a count, a time, a map of times. */
    JsonNode get(String field) {
        return json.get(field);
    }

    /** The interpreted function {@code name} defined in {@code file}, with its reason, or null. */
    JsonNode interpreted(Path file, String name) {
        for (JsonNode function : json.get("interpreted_functions")) {
            if (function.get("file").asText().equals(file.toString()) && function.get("name").asText().equals(name)) {
                return function;
            }
        }
        return null;
    }

    /** The compiled function {@code name} (its qualified name) defined in {@code file}, or null. */
    JsonNode compiled(Path file, String name) {
        for (JsonNode function : compiledIn(file)) {
            if (function.get("name").asText().equals(name)) {
                return function;
            }
        }
        return null;
    }

    /** How many times the native code of {@code name} in {@code file} was entered; 0 if it has none. */
    long entries(Path file, String name) {
        JsonNode function = compiled(file, name);
        return function == null ? 0 : function.get("entries").asLong();
    }

    /** The compiled functions defined in {@code file}. */
    List<JsonNode> compiledIn(Path file) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode function : json.get("compiled_functions")) {
            if (function.get("file").asText().equals(file.toString())) {
                found.add(function);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
