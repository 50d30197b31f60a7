package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.frontend.Callee;
import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.CodeReader;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.StageClock;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.llvm.LlvmEmitter;
import dev.pyjit.llvm.LlvmError;
import dev.pyjit.llvm.NativeJit;
import dev.pyjit.llvm.PerfMap;
import dev.pyjit.llvm.SharedLibraries;
import dev.pyjit.llvm.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.cpython.PyObject;

/**
 * Compiles one live Python function to native code, or says why it cannot, in two steps: a
 * {@link Snapshot} of the function taken with the GIL held, then the compilation proper, which
 * needs no CPython and can run on another thread. It never throws: an unsupported construct is a
 * refusal, and a failure of the compiler itself is one too, carrying the exception for
 * {@code PYJIT_DEBUG}.
 */
final class FunctionCompiler {
    /** What follows a function's name in the name of its on-stack replacement: then the loop's line and ")". */
    static final String LOOP_SUFFIX = " (loop at line ";

    record Where(String file, int line, String name) {
        static final Where UNKNOWN = new Where("?", 0, "?");

        /* Written out, as Type's: the statistics key on it from the first compilation, in a JVM
         * that has just started, where a record's generated equality is linked through method
         * handles (a tenth of the classes the first compilation loaded). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Where where && where.line == line && where.file.equals(file) && where.name.equals(name);
        }

        @Override
        public int hashCode() {
            return (file.hashCode() * 31 + line) * 31 + name.hashCode();
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + name;
        }
    }

    /**
     * No native code means the function stays interpreted, for {@code reason}. {@code specialisedFor}
     * is the argument types the native code assumes (guarded on entry), empty for generic code.
     */
    record Result(Where where, NativeJit.NativeCode code, byte[] object, List<Type> specialisedFor, Tier tier, boolean asRequested,
                  String reason, Throwable failure, CacheUse cache, List<String> inlined) {
        static Result refused(Where where, Tier tier, String reason) {
            return new Result(where, null, null, List.of(), tier, true, reason, null, CacheUse.NONE, List.of());
        }

        /**
         * The tier the runtime is told: optimised also for a function compiled quick because it is
         * too large to optimise, so that it is not compiled again for ever.
         */
        Tier answeredTier() {
            return asRequested ? tier : Tier.OPTIMISED;
        }

        /** The address of the native entry point, 0 if there is none. */
        long address() {
            return code == null ? 0 : code.entry();
        }
    }

    /** Whether the code came from the code cache (a hit), was compiled after a lookup (a miss), or neither. */
    enum CacheUse { HIT, MISS, NONE }

    /**
     * What the compiler took from the live function, with the GIL held: from here on it needs no
     * CPython. {@code loopHeader}: the bytecode offset an on-stack replacement enters at, whose
     * frame's locals were of {@code localTypes}; -1 for code entered at calls.
     */
    record Snapshot(Where where, CodeObject code, List<Type> observed, Tier tier, int loopHeader, List<Type> localTypes,
                    String nativeKey, Map<Integer, Callee> callees, StageClock clock) {
        boolean entersMidFrame() {
            return loopHeader >= 0;
        }
    }

    private final CodeCache cache;
    private final PerfMap perfMap;
    private final Path irDump;
    private final boolean compileDelegators;
    private NativeJit backend;
    private CacheKey keys;
    private int nextSymbol;

    /**
     * {@code cache} null: every function is compiled; {@code perfMap} null: perf is told nothing;
     * {@code irDump} null: the IR is written nowhere; {@code compileDelegators}: see {@link JitOptions}.
     */
    FunctionCompiler(CodeCache cache, PerfMap perfMap, Path irDump, boolean compileDelegators) {
        this.cache = cache;
        this.perfMap = perfMap;
        this.irDump = irDump;
        this.compileDelegators = compileDelegators;
    }

    /**
     * Copies what compiling {@code function} needs out of the interpreter; the caller holds the
     * GIL. {@code generic}: without the interpreter's specialisations of operand and iterator types, which
     * compiled code would take as speculations. {@code loopHeader}, a bytecode offset, if it is not
     * -1: for an on-stack replacement entered there (see {@link Snapshot}). {@code nativeKey}: the
     * runtime's key for the native code cache, null if it keeps none. {@code knownCallees}: the
     * runtime's dict of the callees its calls may inline (see {@link KnownCallees}).
     */
    static Snapshot snapshot(PyObject function, List<Type> observed, Tier tier, boolean generic, int loopHeader, List<Type> localTypes,
                             String nativeKey, PyObject knownCallees) {
        StageClock clock = new StageClock();
        CodeObject code = generic ? read(function).withoutSpeculations() : read(function);
        Map<Integer, Callee> callees = KnownCallees.read(knownCallees);
        clock.lap("read");
        String name = loopHeader < 0 ? code.qualifiedName() : code.qualifiedName() + LOOP_SUFFIX + code.lineAt(loopHeader) + ")";
        return new Snapshot(new Where(code.fileName(), code.firstLine(), name), code, observed, tier, loopHeader, localTypes, nativeKey,
                callees, clock);
    }

    /**
     * Compiles the snapshot at its tier, specialised where its observed argument types make it
     * pay, or links the code the cache kept for it; needs no GIL.
     */
    Result compile(Snapshot snapshot) {
        Where where = snapshot.where();
        Tier tier = snapshot.tier();
        StageClock clock = snapshot.clock();
        if (!compileDelegators && IrBuilder.onlyDelegates(snapshot.code())) {
            return Result.refused(where, tier, "a generator that only delegates (yield from, no other loop): the interpreter resumes it faster");
        }
        try {
            // a generator's frames resume with whatever its locals hold: no entry to guard; an
            // on-stack replacement is entered while the locals hold what they held when it was asked for
            List<Type> specialisedFor = snapshot.entersMidFrame() ? openWhereUnbound(snapshot.localTypes())
                    : snapshot.code().isGeneratorLike() ? List.of() : specialisation(snapshot.observed());
            Set<Integer> seenInts = snapshot.entersMidFrame() || snapshot.code().isGeneratorLike() ? Set.of() : seenInts(snapshot.observed());
            start(clock);
            String key = keys == null ? null : keys.of(snapshot.code(), specialisedFor, seenInts, tier, snapshot.loopHeader(), snapshot.callees());
            String symbol = LlvmEmitter.symbolOf(snapshot.code().qualifiedName()) + "_" + (key != null ? key.substring(0, 16) : nextSymbol++);
            if (key != null && backend.isLinked(symbol)) {
                // the same code is linked already (an identical function): this copy is neither looked up nor kept
                symbol = symbol + "_" + nextSymbol++;
                key = null;
            }
            byte[] kept = key == null ? null : cache.get(key);
            if (key != null) {
                clock.lap("cache-read");
            }
            if (kept != null) {
                try {
                    NativeJit.NativeCode linked = backend.link(kept, symbol, clock);
                    return new Result(where, linked, kept, specialisedFor, tier, true, null, null, CacheUse.HIT, linked.inlined());
                } catch (LlvmError unlinkable) {
                    cache.remove(key);
                }
            }
            Function ir = snapshot.entersMidFrame()
                    ? IrBuilder.buildMidFrame(snapshot.code(), snapshot.loopHeader(), boundTypes(specialisedFor), snapshot.callees())
                    : IrBuilder.build(snapshot.code(), specialisedFor, snapshot.callees());
            ir.seenInts(seenInts);
            clock.lap("build");
            Pipeline.run(ir, Pipeline.TYPING, clock);
            Pipeline.run(ir, Pipeline.OPTIMISATION, clock);
            clock.lap("ir-passes");
            if (irDump != null) {
                appendIr(where, specialisedFor, tier, ir);
            }
            Tier compiled = LlvmEmitter.tierFor(ir, tier);
            byte[] object = backend.objectFile(ir, symbol, compiled, clock);
            if (key != null) {
                cache.put(key, object);
                clock.lap("cache-write");
            }
            return new Result(where, backend.link(object, symbol, clock), object, specialisedFor, compiled, compiled == tier, null, null,
                    key != null ? CacheUse.MISS : CacheUse.NONE, Inlined.namesIn(ir));
        } catch (Unsupported unsupported) {
            return Result.refused(where, tier, unsupported.getMessage());
        } catch (Exception | LinkageError failure) {
            return new Result(where, null, null, List.of(), tier, true, "compiler error: " + failure, failure, CacheUse.NONE, List.of());
        }
    }

    /**
     * Keeps the code of a compilation the runtime keyed in the native code cache, as a shared
     * library the runtime loads itself in a later run, unless it is there already. Only code the
     * runtime is told is optimised: the runtime's key names that tier, whatever tier it asked for
     * (quick code, slower than the interpreter, is not worth loading). A refusal is kept too, so
     * that a later run does not start the compiler for it. Any failure (no linker, a full disk)
     * only means no entry.
     */
    void keepLibrary(Snapshot snapshot, Result result, Tier answeredTier) {
        if (cache == null || snapshot.nativeKey() == null || result == null) {
            return;
        }
        if (result.code() == null && result.failure() == null) {
            // refused for what the code is: the runtime does not ask again
            cache.putRefusal(snapshot.nativeKey(), result.reason());
            return;
        }
        if (answeredTier != Tier.OPTIMISED || result.code() == null || cache.hasLibrary(snapshot.nativeKey())) {
            return;
        }
        try {
            byte[] library = SharedLibraries.link(result.object());
            NativeEntry entry = new NativeEntry(snapshot.nativeKey(), result.code().symbol(), answeredTier.number(),
                    snapshot.entersMidFrame() ? snapshot.loopHeader() / 2 : -1, result.specialisedFor(), snapshot.where());
            cache.putLibrary(snapshot.nativeKey(), entry.bytes(library));
        } catch (java.io.IOException | RuntimeException unlinked) {
            // no entry: the next run asks the compiler again
        }
    }

    private void appendIr(Where where, List<Type> specialisedFor, Tier tier, Function ir) throws java.io.IOException {
        String header = "# " + where + ", " + tier.name().toLowerCase(java.util.Locale.ROOT) + ", args " + specialisedFor + "\n";
        Files.writeString(irDump, header + Printer.printTyped(ir) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** LLVM, and the compiler's part of the cache keys, on the first compilation. */
    private void start(StageClock clock) throws java.io.IOException {
        if (backend == null) {
            backend = new NativeJit(perfMap);
            if (cache != null) {
                try {
                    keys = new CacheKey(backend);
                } catch (java.io.IOException | RuntimeException unknowable) {
                    keys = null;  // pyjit's own build cannot be identified: compile, keep nothing
                }
            }
            clock.lap("llvm-start");
        }
    }

    /** Frees native code whose function died. */
    void release(NativeJit.NativeCode code) {
        backend.release(code);
    }

    /**
     * Guards only arguments that were always exact floats: that is the type the passes have
     * specialised code for (SpecialiseArithmetic), and a guard that fails sends the whole call
     * to the interpreter, so guarding anything else would cost without paying. Trailing
     * arguments without a guard are left out.
     */
    static List<Type> specialisation(List<Type> observed) {
        List<Type> types = new ArrayList<>();
        for (Type type : observed) {
            types.add(type.equals(Type.FLOAT) ? Type.FLOAT : Type.OBJECT);
        }
        while (!types.isEmpty() && types.get(types.size() - 1).equals(Type.OBJECT)) {
            types.remove(types.size() - 1);
        }
        return types;
    }

    /** The arguments that were exact ints on every call: hints for SpeculateIntOperands, not guarded on entry. */
    static Set<Integer> seenInts(List<Type> observed) {
        Set<Integer> slots = new TreeSet<>();
        for (int slot = 0; slot < observed.size(); slot++) {
            if (observed.get(slot).equals(Type.INT)) {
                slots.add(slot);
            }
        }
        return slots;
    }

    /**
     * A local the frame had not bound when the loop's code was asked for (the first time round an
     * outer loop, before the inner loop that assigns it ran) may hold anything at a later entry:
     * its type is left open, or no later frame, nor this one's next time round, could enter.
     */
    private static List<Type> openWhereUnbound(List<Type> localTypes) {
        return localTypes.stream().map(type -> type.equals(Type.NULL) ? Type.TOP : type).toList();
    }

    /** The types of the locals a frame holds as objects; the IR adds that each may be unbound where the code is entered. */
    private static List<Type> boundTypes(List<Type> localTypes) {
        return localTypes.stream().map(type -> type.intersect(Type.OBJECT)).toList();
    }

    private static CodeObject read(PyObject function) {
        PyObject code = PyObject_GetAttrString(function, "__code__");
        if (code == null) {
            throw new IllegalStateException("the function has no __code__");
        }
        try {
            return CodeReader.read(code);
        } finally {
            Py_DecRef(code);
        }
    }
}
