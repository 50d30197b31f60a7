package dev.pyjit.cli.embed;

import dev.pyjit.ir.Type;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An entry of the native code cache, as the C runtime reads it (native_cache.c): the answer the
 * compiler gave for a request the runtime keyed, and the shared library of its code. A text head,
 * one field a line, then a blank line and the library; before them a SHA-256 of all that, which
 * the runtime checks before it loads anything.
 *
 * @param key            the runtime's key of the request
 * @param symbol         the code's entry point (its counters are {@code symbol_entries} and {@code symbol_deopts})
 * @param tier           the tier the runtime is told
 * @param headerUnit     the loop header an on-stack replacement enters at, in code units; -1 for code entered at calls
 * @param specialisedFor the argument (or local) types the entry guards check
 */
record NativeEntry(String key, String symbol, int tier, int headerUnit, List<Type> specialisedFor, FunctionCompiler.Where where) {
    static final String MAGIC = "pyjit-native-1\n";

    byte[] bytes(byte[] library) {
        String head = "key " + key + "\nsymbol " + symbol + "\ntier " + tier + "\nheader " + headerUnit + "\nexpected "
                + specialisedFor.stream().map(type -> Long.toString(type.bits())).collect(Collectors.joining(",")) + "\nfile "
                + oneLine(where.file()) + "\nline " + where.line() + "\nname " + oneLine(where.name()) + "\n\n";
        ByteArrayOutputStream checked = new ByteArrayOutputStream();
        checked.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        checked.writeBytes(library);
        byte[] rest = checked.toByteArray();
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.writeBytes((MAGIC + CodeCache.hex(CodeCache.sha256(rest)) + "\n").getBytes(StandardCharsets.US_ASCII));
        entry.writeBytes(rest);
        return entry.toByteArray();
    }

    /** A name for the statistics: a line break in a path or name would end its field. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }
}
