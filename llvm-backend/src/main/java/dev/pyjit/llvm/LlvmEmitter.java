package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.Function;
import dev.pyjit.runtime.RuntimeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetDataRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMUseRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.bytedeco.llvm.global.LLVM;

/**
 * Builds the LLVM module of one IR function at a {@link Tier}: the lowered function, verification,
 * and for optimised code a short pass pipeline ({@link #PASSES}). Shared by the in-memory JIT
 * ({@link NativeJit}) and {@code pyjit dump}, which needs no JIT.
 *
 * <p>Compile time is the price of every function: {@code default<O2>} and the default code
 * generator cost 50 ms for a typical method. Every function is lowered against declarations of the
 * C runtime's helpers. {@link Tier#OPTIMISED} code then links in the definitions of the helpers it
 * calls, read lazily from their bitcode (only those bodies are parsed: copying all 190 of them into
 * every module was a fifth of a compilation), made internal, so every module has its own
 * inlinable copy and no two modules clash; its passes are few: inline the helpers, clean up after
 * them. Its code is generated at the lowest optimising level, which keeps values in registers
 * across the inlined fast paths (a method-heavy benchmark ran 1.9 s with fast instruction
 * selection, 1.3 s with this) for about three times the code generator's time. Copying, inlining
 * and generating the helpers' fast paths is most of an optimised compilation, so {@link Tier#QUICK}
 * code only declares the helpers and calls them in the runtime library, without passes and with
 * fast instruction selection. Functions of more than {@link #OPTIMISABLE_LIMIT} IR instructions
 * are only ever compiled quick: the passes' time grows faster than the function (a comprehension
 * over 300 names, 3,900 IR instructions, had not left instcombine after 18 minutes; quick, it
 * compiles in 3 s).
 *
 * <p>For another target than the host the helpers are only declared at either tier: their bitcode
 * is built for the host. A target's own runtime build comes with ahead-of-time compilation.
 */
public final class LlvmEmitter {
    /**
     * Inline the helpers into the function, then leave the runtime's exported helpers that were not
     * inlined to the runtime library (their bodies dropped) and drop what nothing calls any more.
     */
    static final String PASSES = "globaldce,cgscc(inline),elim-avail-extern,globaldce";
    /**
     * The clean-up after inlining, run on each function the module still defines (the compiled one
     * and the static helpers it calls), then what they no longer call is dropped. Run over the
     * whole module, these passes also simplified every linked helper again (clang optimised them
     * already) before their bodies were dropped: 13% of the passes' time over 150 one-line methods.
     */
    static final String FUNCTION_PASSES = "sroa,early-cse,instcombine<no-verify-fixpoint>,simplifycfg";
    private static final String AFTER_FUNCTION_PASSES = "globaldce";
    /**
     * The size (IR instructions) up to which a function is optimised. Above it the passes' and the
     * optimising code generator's time grows past seconds: a function of 2,900 IR instructions
     * (re._parser._parse) took 9.6 s, against 2.3 s with fast instruction selection.
     */
    static final int OPTIMISABLE_LIMIT = 1000;

    private final Target target;
    private final LLVMTargetMachineRef targetMachine;
    /** Fast instruction selection and register allocation, for the largest functions. */
    private final LLVMTargetMachineRef quickMachine;
    private final byte[] helpersBitcode;

    /** An emitter for the host, tuned for this machine's CPU: what the JIT runs. */
    public LlvmEmitter() throws IOException {
        this(Target.host());
    }

    public LlvmEmitter(Target target) throws IOException {
        this.target = target;
        target.initialise();
        helpersBitcode = RuntimeFiles.helpersBitcode();
        targetMachine = targetMachine(target, LLVMCodeGenLevelLess);
        quickMachine = targetMachine(target, LLVMCodeGenLevelNone);
    }

    /** The symbol of a function's entry point, before any suffix that makes it unique. */
    static String symbolOf(Function function) {
        return symbolOf(function.name());
    }

    /** The symbol for a function of this (qualified) name, before any suffix that makes it unique. */
    public static String symbolOf(String name) {
        return "pyjit_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /**
     * Lowers {@code function} as {@code symbol} into {@code module} (made by {@link #helpers}) and
     * verifies it; with {@code sourceLines}, each instruction carries its source line (what a dump shows).
     */
    void emit(LLVMModuleRef module, Function function, String symbol, boolean sourceLines) {
        new Lowering(LLVMGetModuleContext(module), module, sourceLines).lower(function, symbol);
        BytePointer message = new BytePointer((BytePointer) null);
        boolean invalid = LLVMVerifyModule(module, LLVMReturnStatusAction, message) != 0;
        // the message is allocated either way
        String text = message.isNull() ? "" : message.getString();
        if (!message.isNull()) {
            LLVMDisposeMessage(message);
        }
        if (invalid) {
            throw new LlvmError("invalid LLVM IR for " + function.name() + ": " + text);
        }
    }

    void optimise(LLVMModuleRef module, Tier tier) {
        if (tier == Tier.QUICK) {
            return;
        }
        if (target == Target.host()) {
            linkHelpers(module);
        }
        runPasses(module, PASSES);
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        try {
            for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
                if (LLVMIsDeclaration(f) == 0) {
                    LlvmError.check(LLVMRunPassesOnFunction(f, FUNCTION_PASSES, targetMachine, options), "optimising");
                }
            }
        } finally {
            LLVMDisposePassBuilderOptions(options);
        }
        runPasses(module, AFTER_FUNCTION_PASSES);
    }

    /** Runs the new pass manager's {@code pipeline} on {@code module}, for this emitter's target. */
    void runPasses(LLVMModuleRef module, String pipeline) {
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        try {
            LlvmError.check(LLVMRunPasses(module, pipeline, targetMachine, options), "optimising");
        } finally {
            LLVMDisposePassBuilderOptions(options);
        }
    }

    /** The LLVM IR of the compiled function at {@code tier}, as emitted ({@code optimised == false}) or after its passes. */
    public String llvmText(Function function, Tier tier, boolean optimised) {
        return withModule(function, tier, optimised, (module, symbol) -> {
            BytePointer text = LLVMPrintValueToString(LLVMGetNamedFunction(module, symbol));
            String result = text.getString();
            LLVMDisposeMessage(text);
            return result;
        });
    }

    /** The native assembly of the compiled function, as the JIT makes it at {@code tier}, for this emitter's target. */
    public String assembly(Function function, Tier tier) {
        return withModule(function, tier, true,
                (module, symbol) -> new String(machineCode(module, tier, LLVMAssemblyFile), StandardCharsets.UTF_8));
    }

    /** The relocatable object file of the optimised module of {@code function}: what the JIT links, and caches. */
    byte[] objectFile(LLVMModuleRef module, Tier tier) {
        return machineCode(module, tier, LLVMObjectFile);
    }

    private byte[] machineCode(LLVMModuleRef module, Tier tier, int fileType) {
        LLVMTargetMachineRef machine = tier == Tier.QUICK ? quickMachine : targetMachine;
        BytePointer error = new BytePointer((BytePointer) null);
        LLVMMemoryBufferRef buffer = new LLVMMemoryBufferRef();
        if (LLVMTargetMachineEmitToMemoryBuffer(machine, module, fileType, error, buffer) != 0) {
            String message = error.getString();
            LLVMDisposeMessage(error);
            throw new LlvmError("cannot generate code: " + message);
        }
        byte[] bytes = new byte[(int) LLVMGetBufferSize(buffer)];
        LLVMGetBufferStart(buffer).get(bytes);
        LLVMDisposeMemoryBuffer(buffer);
        return bytes;
    }

    /** The tier {@code function} is compiled at when {@code requested}: quick if it is too large to optimise. */
    public static Tier tierFor(Function function, Tier requested) {
        boolean large = function.blocks().stream().mapToInt(block -> block.instructions().size()).sum() > OPTIMISABLE_LIMIT;
        return large ? Tier.QUICK : requested;
    }

    /** What the code this emitter makes depends on besides the IR and the tier: target, CPU, features, passes, code generator. */
    public String identity() {
        BytePointer triple = LLVMGetTargetMachineTriple(targetMachine);
        BytePointer cpu = LLVMGetTargetMachineCPU(targetMachine);
        BytePointer features = LLVMGetTargetMachineFeatureString(targetMachine);
        int[] major = new int[1], minor = new int[1], patch = new int[1];
        LLVMGetVersion(major, minor, patch);
        String identity = String.join("|", "llvm " + major[0] + "." + minor[0] + "." + patch[0], triple.getString(), cpu.getString(),
                features.getString(), "position-independent, small code model", PASSES, FUNCTION_PASSES, AFTER_FUNCTION_PASSES, "optimised tier: codegen less, up to " + OPTIMISABLE_LIMIT + " IR instructions; quick tier: helpers called, codegen none");
        LLVMDisposeMessage(triple);
        LLVMDisposeMessage(cpu);
        LLVMDisposeMessage(features);
        return identity;
    }

    private <T> T withModule(Function function, Tier tier, boolean optimised, BiFunction<LLVMModuleRef, String, T> use) {
        LLVMContextRef context = LLVMContextCreate();
        try {
            String symbol = symbolOf(function);
            LLVMModuleRef module = helperDeclarations(context);
            emit(module, function, symbol, true);
            if (optimised) {
                optimise(module, tier);
            }
            T result = use.apply(module, symbol);
            LLVMDisposeModule(module);
            return result;
        } finally {
            LLVMContextDispose(context);
        }
    }

    /**
     * The helpers' bitcode as a module whose function bodies are read when they are first needed:
     * linking it reads only those of the helpers a function calls. It owns its buffer.
     */
    private LLVMModuleRef lazyHelpers(LLVMContextRef context) {
        BytePointer bytes = new BytePointer(helpersBitcode.length);
        bytes.put(helpersBitcode);
        LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, helpersBitcode.length, new BytePointer("helpers.bc"));
        LLVMModuleRef module = new LLVMModuleRef();
        if (LLVMGetBitcodeModuleInContext2(context, buffer, module) != 0) {
            throw new LlvmError("cannot read the C runtime's bitcode");
        }
        return module;
    }

    /**
     * Links into {@code module} the definitions of the helpers it calls (and of those they call, and no others),
     * but not of the slow ones, which stay calls into the runtime library. The runtime exports
     * most helpers: their definitions are there to be inlined (available externally), and a call
     * that is not inlined goes to the library, so each module compiles only the code inlined into
     * it and the static functions that code calls (a module's helpers were half of its LLVM
     * instructions, and of its code generation time). Static helpers become internal to the
     * module. A definition made link-once or available externally is linked only where something
     * refers to it.
     */
    void linkHelpers(LLVMModuleRef module) {
        dropUnusedDeclarations(module);
        LLVMModuleRef helpers = lazyHelpers(LLVMGetModuleContext(module));
        List<LLVMValueRef> definitions = new ArrayList<>();
        for (LLVMValueRef f = LLVMGetFirstFunction(helpers); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            if (LLVMIsDeclaration(f) == 0) {
                definitions.add(f);
            }
        }
        for (LLVMValueRef f : definitions) {
            if (LLVMGetValueName(f).getString().startsWith(SLOW_HELPER)) {
                declareOnly(helpers, f);
            } else {
                LLVMSetLinkage(f, LLVMGetLinkage(f) == LLVMExternalLinkage ? LLVMAvailableExternallyLinkage : LLVMLinkOnceODRLinkage);
            }
        }
        // the linker takes the helpers' module over, and frees it
        if (LLVMLinkModules2(module, helpers) != 0) {
            throw new LlvmError("cannot link the C runtime's helpers");
        }
        for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            if (LLVMIsDeclaration(f) == 0 && LLVMGetLinkage(f) == LLVMLinkOnceODRLinkage) {
                LLVMSetLinkage(f, LLVMInternalLinkage);
            }
        }
    }

    /**
     * Deletes the helpers' declarations that nothing in the module calls. The linker links the
     * definition of every function the module declares, used or not: with all 190 helpers
     * declared, each module materialised and copied all of them, for the passes to drop again.
     */
    private static void dropUnusedDeclarations(LLVMModuleRef module) {
        List<LLVMValueRef> unused = new ArrayList<>();
        for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            LLVMUseRef use = LLVMGetFirstUse(f);
            if (LLVMIsDeclaration(f) != 0 && (use == null || use.isNull())) {
                unused.add(f);
            }
        }
        unused.forEach(LLVM::LLVMDeleteFunction);
    }

    /** Helpers named so run in the runtime library: a module calls them there, and compiles none of them (PYJIT_SLOW). */
    private static final String SLOW_HELPER = "pyjit_slow_";

    /**
     * Refers to the function by a declaration of the same name and type instead of its definition,
     * which, renamed and link-once, nothing links then.
     */
    private static void declareOnly(LLVMModuleRef module, LLVMValueRef definition) {
        String name = LLVMGetValueName(definition).getString();
        LLVMSetValueName2(definition, name + ".definition", name.length() + ".definition".length());
        LLVMValueRef declaration = LLVMAddFunction(module, name, LLVMGlobalGetValueType(definition));
        LLVMReplaceAllUsesWith(definition, declaration);
        LLVMSetLinkage(definition, LLVMLinkOnceODRLinkage);
    }

    /**
     * The module a function is lowered into: every helper declared with its C signature, and the
     * runtime's constants the lowering reads, laid out for the target.
     */
    LLVMModuleRef helperDeclarations(LLVMContextRef context) {
        LLVMModuleRef helpers = lazyHelpers(context);
        LLVMModuleRef module = LLVMModuleCreateWithNameInContext("pyjit_" + target.name().toLowerCase(), context);
        LLVMSetTarget(module, target.triple);
        LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(targetMachine);
        LLVMSetModuleDataLayout(module, layout);
        LLVMDisposeTargetData(layout);
        for (LLVMValueRef f = LLVMGetFirstFunction(helpers); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            String name = LLVMGetValueName(f).getString();
            if (name.startsWith("pyjit_") && LLVMIsDeclaration(f) == 0) {
                LLVMAddFunction(module, name, LLVMGlobalGetValueType(f));
            }
        }
        // the runtime's constants that the lowering reads (sizes, layouts, encodings: see Lowering.runtimeConstant)
        for (LLVMValueRef g = LLVMGetFirstGlobal(helpers); g != null && !g.isNull(); g = LLVMGetNextGlobal(g)) {
            String name = LLVMGetValueName(g).getString();
            LLVMValueRef value = LLVMGetInitializer(g);
            if (name.startsWith("pyjit_") && LLVMIsGlobalConstant(g) != 0 && value != null && !value.isNull() && LLVMIsAConstantInt(value) != null
                    && !LLVMIsAConstantInt(value).isNull()) {
                LLVMTypeRef type = LLVMGlobalGetValueType(g);
                LLVMValueRef copy = LLVMAddGlobal(module, type, name);
                LLVMSetInitializer(copy, LLVMConstInt(type, LLVMConstIntGetZExtValue(value), 0));
                LLVMSetGlobalConstant(copy, 1);
                LLVMSetLinkage(copy, LLVMPrivateLinkage);
            }
        }
        LLVMDisposeModule(helpers);
        return module;
    }

    /** The host's machine with its own CPU and features; another target's generic CPU. */
    private static LLVMTargetMachineRef targetMachine(Target target, int level) {
        boolean host = target == Target.host();
        BytePointer triple = host ? LLVMGetDefaultTargetTriple() : new BytePointer(target.triple);
        LLVMTargetRef llvmTarget = new LLVMTargetRef();
        BytePointer error = new BytePointer((BytePointer) null);
        if (LLVMGetTargetFromTriple(triple, llvmTarget, error) != 0) {
            throw new LlvmError("no LLVM target for " + triple.getString() + ": " + error.getString());
        }
        LLVMTargetMachineRef machine = LLVMCreateTargetMachine(llvmTarget, triple, host ? LLVMGetHostCPUName() : new BytePointer("generic"),
                host ? LLVMGetHostCPUFeatures() : new BytePointer(""), level, LLVMRelocPIC,
                LLVMCodeModelSmall);
        // position-independent, so that an object also links into a shared library (SharedLibraries);
        // the small code model's calls are direct, where the JIT's default (large) loads every address
        // comments in the assembly, among them the source line after each .loc
        LLVMSetTargetMachineAsmVerbosity(machine, 1);
        return machine;
    }
}
