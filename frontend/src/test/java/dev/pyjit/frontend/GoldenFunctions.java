package dev.pyjit.frontend;

import dev.pyjit.ir.Function;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.passes.GuardArguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The small functions whose text is pinned at each stage of the pipeline: the sources are
 * {@code src/test/resources/golden-functions/NAME.py}, each defining {@code f}, specialised for
 * the argument types its first line may name ({@code # args: float,float}). The frontend's tests
 * pin the IR stages, the LLVM backend's tests the LLVM IR, from the same sources.
 */
public final class GoldenFunctions {
    public static final List<String> NAMES = List.of(
            "range_loop", "float_arithmetic", "call_keywords", "if_else", "attribute_subscript", "build_dict", "while_loop",
            "float_kernel", "try_except", "with_comprehension", "generator", "generator_floats", "float_loop", "locals_around_call", "int_loop",
            "list_items", "enumerate_loop");
    private static final String ARGUMENTS = "# args: ";

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

    /** The argument types the source's first line names, or none: the generic version. */
    public static List<Type> argumentTypes(String name) {
        String first = source(name).lines().findFirst().orElse("");
        if (!first.startsWith(ARGUMENTS)) {
            return List.of();
        }
        return Arrays.stream(first.substring(ARGUMENTS.length()).split(",")).map(String::strip)
                .map(type -> Objects.requireNonNull(Type.ofPythonName(type), type)).toList();
    }

    /** IR of {@code f} as built from the named source, with its argument guards. */
    public static Function build(String name) throws Unsupported {
        Function function = IrBuilder.build(code(name));
        GuardArguments.insert(function, argumentTypes(name));
        return function;
    }

    /** The code of {@code f} from the named source; starts the embedded interpreter if needed. */
    public static CodeObject code(String name) {
        EmbeddedPython.initialise();
        return EmbeddedPython.compile(source(name), "f");
    }
}
