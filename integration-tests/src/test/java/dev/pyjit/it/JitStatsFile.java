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

    /** Each compilation of a function defined in {@code file}, in order; {@code name} is its qualified name. */
    List<JsonNode> compilations(Path file, String name) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode function : compiledIn(file)) {
            if (function.get("name").asText().equals(name)) {
                found.add(function);
            }
        }
        return found;
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
