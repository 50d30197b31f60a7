package dev.pyjit.cli.embed;

import dev.pyjit.frontend.Callee;
import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.Decoder;
import dev.pyjit.frontend.Instruction;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.ir.Type;
import dev.pyjit.llvm.Tier;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.llvm.NativeJit;
import dev.pyjit.runtime.RuntimeFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The name of a compiled function in the {@link CodeCache}: a SHA-256 of everything its machine
 * code depends on. That is the code object as the compiler reads it (bytecode, constants, names,
 * line and exception tables, nested code), the argument types the code is specialised for, and
 * the compiler itself: the jars of every stage of pyjit (so a rebuilt pyjit never meets old
 * code), among them the runtime's (its helpers' bitcode, compiled against the bundled CPython's
 * headers, and the evaluator that enters the code), the LLVM version, the target, the CPU and
 * its features, and the passes.
 */
final class CacheKey {
    private final byte[] compiler;

    private static final List<Class<?>> STAGES = List.of(IrBuilder.class, Pipeline.class, NativeJit.class, RuntimeFiles.class, Jit.class);

    /**
     * The native launcher tells its JVM the build identity ({@link #BUILD_PROPERTY}, from the
     * PYJIT_BUILD that scripts/pyjit reads from the file {@link LauncherPaths} wrote once per
     * build, and that names the native code cache's entries too): digesting the jars again took
     * the first compilation of every run 17-23 ms.
     */
    CacheKey(NativeJit backend) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writeString(out, backend.identity());
        String build = System.getProperty(BUILD_PROPERTY, "");
        writeString(out, build.isEmpty() ? buildIdentity() : build);
        compiler = CodeCache.sha256(bytes.toByteArray());
    }

    static final String BUILD_PROPERTY = "pyjit.build";

    /**
     * The compiler's part of the native code cache's keys, which the runtime makes without a JVM
     * (native_cache.c adds the CPU): the jars of every stage and the LLVM that generates code,
     * named by its artifact (the jars' own poms leave its version to the parent's).
     */
    static String buildIdentity() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Class<?> stage : STAGES) {
            out.write(digestOf(stage));
        }
        writeString(out, location(org.bytedeco.llvm.global.LLVM.class).getFileName().toString());
        return CodeCache.hex(CodeCache.sha256(bytes.toByteArray()));
    }

    /**
     * The key of {@code code} compiled for {@code specialisedFor}, with the arguments {@code seenInts}
     * seen to be ints, at {@code tier}. {@code loopHeader}: the offset an on-stack replacement
     * enters at, -1 for code entered at calls.
     */
    String of(CodeObject code, List<Type> specialisedFor, Set<Integer> seenInts, Tier tier, int loopHeader,
              Map<Integer, Callee> callees) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(compiler);
            out.writeInt(tier.number());
            out.writeInt(loopHeader);
            for (Type type : specialisedFor) {
                out.writeLong(type.bits());
            }
            out.writeInt(-1);
            for (int slot : new TreeSet<>(seenInts)) {
                out.writeInt(slot);
            }
            out.writeInt(-1);
            write(out, code);
            // compiled code takes the fast paths of the specialisations the interpreter had made
            writeHints(out, code);
            // the method bodies that may be inlined, with their own hints
            for (Map.Entry<Integer, Callee> callee : callees.entrySet()) {
                out.writeInt(callee.getKey());
                writeString(out, callee.getValue().identity());
                writeHints(out, callee.getValue().code());
            }
            return CodeCache.hex(CodeCache.sha256(bytes.toByteArray()));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void writeHints(DataOutputStream out, CodeObject code) throws IOException {
        for (Instruction instruction : Decoder.decode(code)) {
            out.writeInt(code.hintAt(instruction.offset()).ordinal());
        }
    }

    private static void write(DataOutputStream out, CodeObject code) throws IOException {
        for (String text : List.of(code.name(), code.qualifiedName(), code.fileName())) {
            writeString(out, text);
        }
        for (int number : new int[] {code.firstLine(), code.argCount(), code.positionalOnlyArgCount(), code.keywordOnlyArgCount(),
                code.flags(), code.cellCount(), code.freeCount()}) {
            out.writeInt(number);
        }
        writeBytes(out, code.code());
        writeBytes(out, code.exceptionTable());
        writeStrings(out, code.names());
        writeStrings(out, code.localNames());
        out.writeInt(code.lines().size());
        for (CodeObject.LineRange range : code.lines()) {
            out.writeInt(range.start());
            out.writeInt(range.end());
            out.writeInt(range.line());
        }
        out.writeInt(code.constants().size());
        for (CodeObject.Constant constant : code.constants()) {
            out.writeInt(constant.kind().ordinal());
            // the repr of a code object names its address, a frozenset's order follows string hashes
            // (which vary from run to run), other objects may name addresses: the compiler reads
            // only the kind of those, their values come from co_consts at run time
            boolean stableRepr = switch (constant.kind()) {
                case CODE, FROZENSET, OTHER -> false;
                default -> true;
            };
            writeString(out, stableRepr ? constant.repr() : "");
            out.writeLong(Double.doubleToRawLongBits(constant.floatValue()));
            out.writeBoolean(constant.nestedCode() != null);
            if (constant.nestedCode() != null) {
                write(out, constant.nestedCode());
            }
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String text : strings) {
            writeString(out, text);
        }
    }

    /** As UTF-8 after its length: DataOutput.writeUTF refuses strings over 64 KiB, and constants can be longer. */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The jar (or class directory) a class was loaded from. */
    private static Path location(Class<?> type) throws IOException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("no code source for " + type.getName());
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** A digest of the jar (or class directory) a class was loaded from. */
    private static byte[] digestOf(Class<?> type) throws IOException {
        Path location = location(type);
        if (Files.isRegularFile(location)) {
            return CodeCache.sha256(Files.readAllBytes(location));
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.write(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                all.write(Files.readAllBytes(file));
            }
        }
        return CodeCache.sha256(all.toByteArray());
    }
}
