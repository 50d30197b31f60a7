package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.frontend.GoldenFunctions;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.passes.Pipeline;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optimised code links in the C runtime's helpers: only those its function refers to, and those
 * they refer to in turn. Linking every helper the module merely declares made each module read
 * and copy all of them, a third of an optimised compilation's LLVM passes. After inlining, only
 * what is left is cleaned up.
 */
class HelperLinkingTest {
    private static LlvmEmitter emitter;

    @BeforeAll
    static void createEmitter() throws IOException {
        emitter = new LlvmEmitter();
    }

    static Set<String> names() {
        return new TreeSet<>(GoldenFunctions.NAMES);
    }

    @ParameterizedTest
    @MethodSource("names")
    void onlyTheHelpersTheFunctionReachesAreLinked(String name) throws Unsupported {
        Function function = GoldenFunctions.build(name);
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        LLVMContextRef context = LLVMContextCreate();
        try {
            LLVMModuleRef module = emitter.helperDeclarations(context);
            String symbol = LlvmEmitter.symbolOf(function);
            emitter.emit(module, function, symbol, false);
            emitter.linkHelpers(module);
            Set<String> defined = definedNames(module);
            Set<String> reached = reachedFrom(LLVMGetNamedFunction(module, symbol));
            assertTrue(defined.size() > 1, "the function's helpers are linked in: " + defined);
            assertEquals(reached, defined, "every helper defined in the module is one the function reaches");
            LLVMDisposeModule(module);
        } finally {
            LLVMContextDispose(context);
        }
    }

    /**
     * The clean-up passes run on the functions left after inlining make the same code as running
     * them over the whole module, every linked helper included, before the unused bodies go; and
     * no function the compiled one does not reach is left to be compiled.
     */
    @ParameterizedTest
    @MethodSource("names")
    void cleaningUpOnlyWhatInliningLeftMakesTheSameCode(String name) throws Unsupported {
        String wholeModule = "globaldce,cgscc(inline),function(" + LlvmEmitter.FUNCTION_PASSES + "),elim-avail-extern,globaldce";
        assertEquals(optimised(name, module -> {
            emitter.linkHelpers(module);
            emitter.runPasses(module, wholeModule);
        }), optimised(name, module -> emitter.optimise(module, Tier.OPTIMISED)));
    }

    /**
     * The text of the golden function {@code name} after {@code optimisation} of its module (in a
     * context of its own, which names the types alike), and the names of the functions the module
     * still defines, all of which it reaches.
     */
    private static String optimised(String name, Consumer<LLVMModuleRef> optimisation) throws Unsupported {
        Function function = GoldenFunctions.build(name);
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        String symbol = LlvmEmitter.symbolOf(function);
        LLVMContextRef context = LLVMContextCreate();
        try {
            LLVMModuleRef module = emitter.helperDeclarations(context);
            emitter.emit(module, function, symbol, false);
            optimisation.accept(module);
            LLVMValueRef compiled = LLVMGetNamedFunction(module, symbol);
            assertEquals(reachedFrom(compiled), definedNames(module), "every function left defined is one the compiled one reaches");
            BytePointer text = LLVMPrintValueToString(compiled);
            String result = definedNames(module) + "\n" + text.getString();
            LLVMDisposeMessage(text);
            LLVMDisposeModule(module);
            return result;
        } finally {
            LLVMContextDispose(context);
        }
    }

    private static Set<String> definedNames(LLVMModuleRef module) {
        Set<String> defined = new TreeSet<>();
        for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            if (LLVMIsDeclaration(f) == 0) {
                defined.add(LLVMGetValueName(f).getString());
            }
        }
        return defined;
    }

    /** The names of the defined functions that {@code root} reaches by its instructions' operands (calls and addresses), itself included. */
    private static Set<String> reachedFrom(LLVMValueRef root) {
        Set<String> reached = new HashSet<>();
        Deque<LLVMValueRef> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            LLVMValueRef f = work.pop();
            if (LLVMIsDeclaration(f) != 0 || !reached.add(LLVMGetValueName(f).getString())) {
                continue;
            }
            for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b != null && !b.isNull(); b = LLVMGetNextBasicBlock(b)) {
                for (LLVMValueRef i = LLVMGetFirstInstruction(b); i != null && !i.isNull(); i = LLVMGetNextInstruction(i)) {
                    for (int k = 0; k < LLVMGetNumOperands(i); k++) {
                        LLVMValueRef operand = LLVMGetOperand(i, k);
                        if (operand != null && !operand.isNull() && LLVMIsAFunction(operand) != null && !LLVMIsAFunction(operand).isNull()) {
                            work.push(operand);
                        }
                    }
                }
            }
        }
        return new TreeSet<>(reached);
    }
}
