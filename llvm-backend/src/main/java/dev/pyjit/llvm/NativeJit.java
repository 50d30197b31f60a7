package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.Function;
import dev.pyjit.ir.StageClock;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMOrcDefinitionGeneratorRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITDylibRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITRef;
import org.bytedeco.llvm.LLVM.LLVMOrcResourceTrackerRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeContextRef;

/**
 * The in-memory backend: each function's module (from {@link LlvmEmitter}, optimised) is added to
 * one ORC LLJIT whose symbols resolve against the loaded libpython, under a resource tracker of
 * its own so that its code can be freed when the function dies. Created on the first
 * compilation, so a program that compiles nothing never pays for LLVM. Not thread-safe: one
 * thread compiles and releases.
 */
public final class NativeJit {
    private final LlvmEmitter emitter;
    private final LLVMOrcLLJITRef jit = new LLVMOrcLLJITRef();
    private final LLVMOrcJITDylibRef dylib;
    private int nextSymbol;
    /**
     * Modules share a context, which keeps the helpers parsed for the next module to start as a
     * copy of them (parsing costs more than copying). A fresh context every so often lets the
     * memory of the old one (its types, constants and metadata live as long as the context) go
     * once its modules are compiled.
     */
    private LLVMOrcThreadSafeContextRef sharedContext;
    private LLVMModuleRef helpers;
    private int modulesInContext;
    private static final int MODULES_PER_CONTEXT = 200;

    public NativeJit() throws IOException {
        emitter = new LlvmEmitter();
        LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
        // The builder takes the target machine: code generated as LlvmEmitter.assembly shows it.
        LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder,
                LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(LlvmEmitter.targetMachine(Target.host())));
        LlvmError.check(LLVMOrcCreateLLJIT(jit, builder), "creating the JIT");
        dylib = LLVMOrcLLJITGetMainJITDylib(jit);
        LLVMOrcDefinitionGeneratorRef libpython = new LLVMOrcDefinitionGeneratorRef();
        LlvmError.check(LLVMOrcCreateDynamicLibrarySearchGeneratorForPath(libpython,
                new BytePointer(Toolchain.libpython().toString()), /* globalPrefix */ (byte) 0, null, null), "loading libpython symbols");
        LLVMOrcJITDylibAddGenerator(dylib, libpython);
    }

    /**
     * Where a compiled function's code and counters are: the address of its entry point (a PEP 523
     * frame evaluator) and of its two 64-bit counters of entries and deoptimisations. All three
     * are gone once the code is {@linkplain #release released}.
     */
    public record NativeCode(long entry, long entries, long deopts, LLVMOrcResourceTrackerRef tracker) {}

    /** Compiles the function into native code, charging the emit, llvm-passes and codegen stages to {@code clock}. */
    public NativeCode compile(Function function, StageClock clock) {
        // One JITDylib holds every function: the number keeps same-named functions apart.
        String symbol = LlvmEmitter.symbolOf(function) + "_" + nextSymbol++;
        if (sharedContext == null || modulesInContext++ == MODULES_PER_CONTEXT) {
            if (sharedContext != null) {
                LLVMDisposeModule(helpers);
                LLVMOrcDisposeThreadSafeContext(sharedContext);
            }
            sharedContext = LLVMOrcCreateNewThreadSafeContext();
            helpers = emitter.helpers(LLVMOrcThreadSafeContextGetContext(sharedContext));
            modulesInContext = 0;
        }
        LLVMModuleRef module = LLVMCloneModule(helpers);
        emitter.emit(module, function, symbol);
        clock.lap("emit");
        emitter.optimise(module);
        clock.lap("llvm-passes");
        LLVMOrcResourceTrackerRef tracker = LLVMOrcJITDylibCreateResourceTracker(dylib);
        LlvmError.check(LLVMOrcLLJITAddLLVMIRModuleWithRT(jit, tracker, LLVMOrcCreateNewThreadSafeModule(module, sharedContext)),
                "adding the module");
        NativeCode code = new NativeCode(lookup(symbol), lookup(Lowering.entriesSymbol(symbol)), lookup(Lowering.deoptsSymbol(symbol)), tracker);
        clock.lap("codegen");
        return code;
    }

    /** Frees the code's memory; nothing may run it or read its counters afterwards. */
    public void release(NativeCode code) {
        LlvmError.check(LLVMOrcResourceTrackerRemove(code.tracker()), "freeing native code");
        LLVMOrcReleaseResourceTracker(code.tracker());
    }

    private long lookup(String symbol) {
        LongPointer address = new LongPointer(1);
        LlvmError.check(LLVMOrcLLJITLookup(jit, address, symbol), "looking up " + symbol);
        return address.get();
    }
}
