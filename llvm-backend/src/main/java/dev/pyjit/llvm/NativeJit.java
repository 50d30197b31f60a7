package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.Function;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMOrcDefinitionGeneratorRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITDylibRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeContextRef;

/**
 * The in-memory backend: each function's module (from {@link LlvmEmitter}, optimised) is added to
 * one ORC LLJIT whose symbols resolve against the loaded libpython. Created on the first
 * compilation, so a program that compiles nothing never pays for LLVM.
 */
public final class NativeJit {
    private final LlvmEmitter emitter;
    private final LLVMOrcLLJITRef jit = new LLVMOrcLLJITRef();
    private final LLVMOrcJITDylibRef dylib;
    private int nextSymbol;

    public NativeJit() throws IOException {
        emitter = new LlvmEmitter();
        LlvmError.check(LLVMOrcCreateLLJIT(jit, null), "creating the JIT");
        dylib = LLVMOrcLLJITGetMainJITDylib(jit);
        LLVMOrcDefinitionGeneratorRef libpython = new LLVMOrcDefinitionGeneratorRef();
        LlvmError.check(LLVMOrcCreateDynamicLibrarySearchGeneratorForPath(libpython,
                new BytePointer(Toolchain.libpython().toString()), /* globalPrefix */ (byte) 0, null, null), "loading libpython symbols");
        LLVMOrcJITDylibAddGenerator(dylib, libpython);
    }

    /**
     * Where a compiled function's code and counters are: the address of its entry point (a PEP 523
     * frame evaluator) and of its two 64-bit counters of entries and deoptimisations.
     */
    public record NativeCode(long entry, long entries, long deopts) {}

    /** Compiles the function into native code. */
    public NativeCode compile(Function function) {
        // One JITDylib holds every function: the number keeps same-named functions apart.
        String symbol = LlvmEmitter.symbolOf(function) + "_" + nextSymbol++;
        LLVMOrcThreadSafeContextRef threadSafeContext = LLVMOrcCreateNewThreadSafeContext();
        LLVMContextRef context = LLVMOrcThreadSafeContextGetContext(threadSafeContext);
        LLVMModuleRef module = emitter.emit(context, function, symbol);
        emitter.optimise(module);
        LlvmError.check(LLVMOrcLLJITAddLLVMIRModule(jit, dylib, LLVMOrcCreateNewThreadSafeModule(module, threadSafeContext)), "adding the module");
        LLVMOrcDisposeThreadSafeContext(threadSafeContext);
        return new NativeCode(lookup(symbol), lookup(Lowering.entriesSymbol(symbol)), lookup(Lowering.deoptsSymbol(symbol)));
    }

    private long lookup(String symbol) {
        LongPointer address = new LongPointer(1);
        LlvmError.check(LLVMOrcLLJITLookup(jit, address, symbol), "looking up " + symbol);
        return address.get();
    }
}
