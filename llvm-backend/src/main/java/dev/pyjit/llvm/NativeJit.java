package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.Function;
import dev.pyjit.runtime.RuntimeFiles;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMOrcDefinitionGeneratorRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITDylibRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeContextRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The in-memory backend: each IR function becomes its own LLVM module (C runtime helpers linked
 * in), optimised with the new pass manager's {@code default<O2>}, and added to one ORC LLJIT
 * whose symbols resolve against the loaded libpython. Created once, on the first compilation,
 * so a program that compiles nothing never pays for LLVM.
 */
public final class NativeJit {
    private final LLVMOrcLLJITRef jit = new LLVMOrcLLJITRef();
    private final LLVMOrcJITDylibRef dylib;
    private final LLVMTargetMachineRef targetMachine;
    private final byte[] helpersBitcode;
    private int nextSymbol;

    public NativeJit() throws IOException {
        LLVMInitializeNativeTarget();
        LLVMInitializeNativeAsmPrinter();
        LLVMInitializeNativeAsmParser();
        helpersBitcode = RuntimeFiles.helpersBitcode();
        LlvmError.check(LLVMOrcCreateLLJIT(jit, null), "creating the JIT");
        dylib = LLVMOrcLLJITGetMainJITDylib(jit);
        LLVMOrcDefinitionGeneratorRef libpython = new LLVMOrcDefinitionGeneratorRef();
        LlvmError.check(LLVMOrcCreateDynamicLibrarySearchGeneratorForPath(libpython,
                new BytePointer(Toolchain.libpython().toString()), /* globalPrefix */ (byte) 0, null, null), "loading libpython symbols");
        LLVMOrcJITDylibAddGenerator(dylib, libpython);
        targetMachine = hostTargetMachine();
    }

    /** Compiles the function and returns the address of its vectorcall entry point. */
    public long compile(Function function) {
        String symbol = "pyjit_" + (nextSymbol++) + "_" + function.name().replaceAll("[^A-Za-z0-9_]", "_");
        LLVMOrcThreadSafeContextRef threadSafeContext = LLVMOrcCreateNewThreadSafeContext();
        LLVMContextRef context = LLVMOrcThreadSafeContextGetContext(threadSafeContext);
        LLVMModuleRef module = emit(context, function, symbol);
        optimise(module);
        LlvmError.check(LLVMOrcLLJITAddLLVMIRModule(jit, dylib, LLVMOrcCreateNewThreadSafeModule(module, threadSafeContext)), "adding the module");
        LLVMOrcDisposeThreadSafeContext(threadSafeContext);
        LongPointer address = new LongPointer(1);
        LlvmError.check(LLVMOrcLLJITLookup(jit, address, symbol), "looking up " + symbol);
        return address.get();
    }

    /** The LLVM IR of the compiled function, as emitted ({@code optimised == false}) or after O2. */
    public String llvmText(Function function, boolean optimised) {
        return withModule(function, optimised, (module, symbol) -> {
            BytePointer text = LLVMPrintValueToString(LLVMGetNamedFunction(module, symbol));
            String result = text.getString();
            LLVMDisposeMessage(text);
            return result;
        });
    }

    /** The native assembly of the compiled function, after O2, for the host target. */
    public String assembly(Function function) {
        return withModule(function, true, (module, symbol) -> {
            BytePointer error = new BytePointer((BytePointer) null);
            LLVMMemoryBufferRef buffer = new LLVMMemoryBufferRef();
            if (LLVMTargetMachineEmitToMemoryBuffer(targetMachine, module, LLVMAssemblyFile, error, buffer) != 0) {
                String message = error.getString();
                LLVMDisposeMessage(error);
                throw new LlvmError("cannot emit assembly: " + message);
            }
            BytePointer start = LLVMGetBufferStart(buffer);
            byte[] bytes = new byte[(int) LLVMGetBufferSize(buffer)];
            start.get(bytes);
            LLVMDisposeMemoryBuffer(buffer);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    private <T> T withModule(Function function, boolean optimised, java.util.function.BiFunction<LLVMModuleRef, String, T> use) {
        LLVMContextRef context = LLVMContextCreate();
        try {
            String symbol = "pyjit_" + function.name().replaceAll("[^A-Za-z0-9_]", "_");
            LLVMModuleRef module = emit(context, function, symbol);
            if (optimised) {
                optimise(module);
            }
            T result = use.apply(module, symbol);
            LLVMDisposeModule(module);
            return result;
        } finally {
            LLVMContextDispose(context);
        }
    }

    private LLVMModuleRef emit(LLVMContextRef context, Function function, String symbol) {
        LLVMModuleRef module = parseHelpers(context);
        new Lowering(context, module).lower(function, symbol);
        BytePointer message = new BytePointer((BytePointer) null);
        if (LLVMVerifyModule(module, LLVMReturnStatusAction, message) != 0) {
            String text = message.getString();
            LLVMDisposeMessage(message);
            throw new LlvmError("invalid LLVM IR for " + function.name() + ": " + text);
        }
        return module;
    }

    private LLVMModuleRef parseHelpers(LLVMContextRef context) {
        BytePointer bytes = new BytePointer(helpersBitcode.length);
        bytes.put(helpersBitcode);
        LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, helpersBitcode.length, new BytePointer("helpers.bc"));
        LLVMModuleRef module = new LLVMModuleRef();
        if (LLVMParseBitcodeInContext2(context, buffer, module) != 0) {
            throw new LlvmError("cannot parse the C runtime's bitcode");
        }
        LLVMDisposeMemoryBuffer(buffer);
        // Every module gets its own copy of the helpers: internal, so they inline and never clash.
        for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            if (LLVMIsDeclaration(f) == 0) {
                LLVMSetLinkage(f, LLVMInternalLinkage);
            }
        }
        return module;
    }

    private void optimise(LLVMModuleRef module) {
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        try {
            LlvmError.check(LLVMRunPasses(module, "default<O2>", targetMachine, options), "optimising");
        } finally {
            LLVMDisposePassBuilderOptions(options);
        }
    }

    private static LLVMTargetMachineRef hostTargetMachine() {
        BytePointer triple = LLVMGetDefaultTargetTriple();
        LLVMTargetRef target = new LLVMTargetRef();
        BytePointer error = new BytePointer((BytePointer) null);
        if (LLVMGetTargetFromTriple(triple, target, error) != 0) {
            throw new LlvmError("no LLVM target for " + triple.getString() + ": " + error.getString());
        }
        return LLVMCreateTargetMachine(target, triple, LLVMGetHostCPUName(), LLVMGetHostCPUFeatures(),
                LLVMCodeGenLevelDefault, LLVMRelocDefault, LLVMCodeModelJITDefault);
    }

}
