package dev.pyjit.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The small functions whose text is pinned at each stage of the pipeline: the sources are
 * {@code src/test/resources/golden-functions/NAME.py}, each defining {@code f}. The frontend's
 * tests pin the IR stages, the LLVM backend's tests the LLVM IR, from the same sources.
 */
public final class GoldenFunctions {
    public static final List<String> NAMES = List.of(
            "range_loop", "float_arithmetic", "call_keywords", "if_else", "attribute_subscript", "build_dict", "while_loop");

    private GoldenFunctions() {}

    public static String source(String name) {
        try (InputStream in = GoldenFunctions.class.getResourceAsStream("/golden-functions/" + name + ".py")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden function " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code of {@code f} from the named source; starts the embedded interpreter if needed. */
    public static CodeObject code(String name) {
        EmbeddedPython.initialise();
        return EmbeddedPython.compile(source(name), "f");
    }
}
