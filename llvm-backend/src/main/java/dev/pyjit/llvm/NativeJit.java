package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.Function;
import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.StageClock;
import dev.pyjit.runtime.RuntimeFiles;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.global.LLVM;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMOrcDefinitionGeneratorRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITDylibRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITRef;
import org.bytedeco.llvm.LLVM.LLVMOrcResourceTrackerRef;

/**
 * The in-memory backend: each function's module (from {@link LlvmEmitter}, optimised) is compiled
 * to a relocatable object, which is linked into one ORC LLJIT whose symbols resolve against the
 * loaded libpython and the C runtime (which quick code calls), under a resource tracker of its own
 * so that its code can be freed when the function dies. An object can be kept and linked in another process (the code cache). Created on the first
 * compilation, so a program that compiles nothing never pays for LLVM. Not thread-safe: one
 * thread compiles and releases.
 */
public final class NativeJit {
    private final LlvmEmitter emitter;
    private final LLVMOrcLLJITRef jit = new LLVMOrcLLJITRef();
    private final LLVMOrcJITDylibRef dylib;
    private final Set<String> linked = new HashSet<>();
    /**
     * Modules share a context, which keeps the helpers' declarations for the next module to start
     * as a copy of them (reading them costs more than copying). A fresh
     * context every so often lets the memory of the old one (its types, constants and metadata
     * live as long as the context) go.
     */
    private LLVMContextRef context;
    private LLVMModuleRef declarations;
    private int modulesInContext;
    private static final int MODULES_PER_CONTEXT = 200;

    /** Where linked functions are announced to perf, or null. */
    private final PerfMap perfMap;

    /**
     * Loads LLVM's native libraries, whose static destructors register with exit() as they load:
     * the native launcher registers its own exit, which skips them, after this (launch.c), so a
     * program ending while a compilation runs never meets them.
     */
    public static void loadLibraries() {
        org.bytedeco.javacpp.Loader.load(LLVM.class);
    }

    public NativeJit(PerfMap perfMap) throws IOException {
        this.perfMap = perfMap;
        emitter = new LlvmEmitter();
        // The JIT only links objects the emitter made: its own code generator is never used.
        LlvmError.check(LLVMOrcCreateLLJIT(jit, null), "creating the JIT");
        dylib = LLVMOrcLLJITGetMainJITDylib(jit);
        LLVMOrcDefinitionGeneratorRef libpython = new LLVMOrcDefinitionGeneratorRef();
        LlvmError.check(LLVMOrcCreateDynamicLibrarySearchGeneratorForPath(libpython,
                new BytePointer(Toolchain.libpython().toString()), /* globalPrefix */ (byte) 0, null, null), "loading libpython symbols");
        LLVMOrcJITDylibAddGenerator(dylib, libpython);
        LLVMOrcDefinitionGeneratorRef runtime = new LLVMOrcDefinitionGeneratorRef();
        LlvmError.check(LLVMOrcCreateDynamicLibrarySearchGeneratorForPath(runtime,
                new BytePointer(RuntimeFiles.extension().toString()), (byte) 0, null, null), "loading the C runtime's symbols");
        LLVMOrcJITDylibAddGenerator(dylib, runtime);
    }

    /**
     * Where a compiled function's code and counters are: the address of its entry point (a PEP 523
     * frame evaluator) and of its two 64-bit counters of entries and deoptimisations. All three
     * are gone once the code is {@linkplain #release released}.
     */
    public record NativeCode(String symbol, long entry, long entries, long deopts, List<String> inlined, LLVMOrcResourceTrackerRef tracker) {}

    /**
     * The relocatable object of the function at {@code tier}, its entry point named {@code symbol}
     * (unique among the linked objects), for {@link #link}, in this process or, kept, in another;
     * charges the clone, emit, llvm-passes and codegen stages to {@code clock}.
     */
    public byte[] objectFile(Function function, String symbol, Tier tier, StageClock clock) {
        if (context == null || modulesInContext++ == MODULES_PER_CONTEXT) {
            if (context != null) {
                LLVMDisposeModule(declarations);
                declarations = null;
                LLVMContextDispose(context);
            }
            context = LLVMContextCreate();
            modulesInContext = 0;
        }
        if (declarations == null) {
            declarations = emitter.helperDeclarations(context);
        }
        LLVMModuleRef module = LLVMCloneModule(declarations);
        clock.lap("clone");
        try {
            emitter.emit(module, function, symbol, false);
            clock.lap("emit");
            emitter.optimise(module, tier);
            clock.lap("llvm-passes");
            byte[] object = emitter.objectFile(module, tier);
            clock.lap("codegen");
            return object;
        } finally {
            LLVMDisposeModule(module);
        }
    }

    /** Whether {@link #link} would meet a symbol of that name already: each may be linked once at a time. */
    public boolean isLinked(String symbol) {
        return linked.contains(symbol);
    }

    /**
     * Links an object made by {@link #objectFile} for {@code symbol} and resolves its entry and
     * counters. An object that does not link leaves nothing behind.
     */
    public NativeCode link(byte[] object, String symbol, StageClock clock) {
        LLVMOrcResourceTrackerRef tracker = LLVMOrcJITDylibCreateResourceTracker(dylib);
        try (BytePointer bytes = new BytePointer(object.length); BytePointer name = new BytePointer(symbol)) {
            bytes.put(object);
            LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, object.length, name);
            LlvmError.check(LLVMOrcLLJITAddObjectFileWithRT(jit, tracker, buffer), "adding the object");
            linked.add(symbol);
            NativeCode code = new NativeCode(symbol, lookup(symbol), lookup(Lowering.entriesSymbol(symbol)),
                    lookup(Lowering.deoptsSymbol(symbol)), inlinedNames(lookup(Lowering.inlinedSymbol(symbol))), tracker);
            if (perfMap != null) {
                perfMap.add(object, symbol, code.entry());
            }
            clock.lap("link");
            return code;
        } catch (LlvmError failure) {
            LLVMErrorRef removal = LLVMOrcResourceTrackerRemove(tracker);
            if (removal != null && !removal.isNull()) {
                LLVMConsumeError(removal);
            }
            LLVMOrcReleaseResourceTracker(tracker);
            linked.remove(symbol);
            throw failure;
        }
    }

    /** An identity of the code this JIT makes, besides the IR: see {@link LlvmEmitter#identity}. */
    public String identity() {
        return emitter.identity();
    }

    /** Frees the code's memory; nothing may run it or read its counters afterwards. */
    public void release(NativeCode code) {
        try {
            LlvmError.check(LLVMOrcResourceTrackerRemove(code.tracker()), "freeing native code");
        } finally {
            LLVMOrcReleaseResourceTracker(code.tracker());
            linked.remove(code.symbol());
        }
    }

    /** The names at {@code text}, a constant the object exports (see Lowering.inlinedSymbol). */
    private static List<String> inlinedNames(long text) {
        String names = new BytePointer() {
            {
                address = text;
            }
        }.getString();
        return Inlined.fromText(names);
    }

    private long lookup(String symbol) {
        try (LongPointer address = new LongPointer(1)) {
            LlvmError.check(LLVMOrcLLJITLookup(jit, address, symbol), "looking up " + symbol);
            return address.get();
        }
    }
}
