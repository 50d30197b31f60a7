package dev.pyjit.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.frontend.EmbeddedPython;
import dev.pyjit.frontend.GoldenFunctions;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Golden;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.passes.Pipeline;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LLVM IR that {@link Lowering} emits for each of the frontend's golden functions (the dump's
 * {@code llvm} stage), pinned in {@code src/test/resources/golden/lowering_NAME.txt}. The module
 * is verified by LLVM on the way.
 */
class LoweringGoldenTest {
    private static LlvmEmitter emitter;

    @BeforeAll
    static void createEmitter() throws IOException {
        emitter = new LlvmEmitter();
    }

    static Stream<String> names() {
        return GoldenFunctions.NAMES.stream();
    }

    private static Function optimisedIr(String name) throws Unsupported {
        Function function = GoldenFunctions.build(name);
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        return function;
    }

    @ParameterizedTest
    @MethodSource("names")
    void emittedLlvmIrMatchesGolden(String name) throws Unsupported {
        String text = emitter.llvmText(optimisedIr(name), Tier.OPTIMISED, false);
        assertTrue(text.contains("call i32 @pyjit_enter(ptr %0, ptr %1, i32 "), "the function links the frame it was given:\n" + text);
        assertTrue(text.contains("call ptr @pyjit_leave("), "and pops it:\n" + text);
        assertTrue(text.matches("(?s).*store i64 %\\d+, ptr @\\w+_entries.*"), "and counts its entries:\n" + text);
        Golden.check("lowering_" + name, text + "\n");
    }

    /** A generator's code goes on where its frame was suspended; anywhere else is the interpreter's. */
    @Test
    void aGeneratorDispatchesOnWhereItsFrameWasSuspended() throws Unsupported {
        String text = emitter.llvmText(optimisedIr("generator"), Tier.OPTIMISED, false);
        assertTrue(text.contains("call i32 @pyjit_enter(ptr %0, ptr %1, i32 0)"), "a resumed frame keeps its place:\n" + text);
        assertTrue(text.matches("(?s).*switch i32 %\\d+, label %resume_elsewhere \\[\\s*i32 1, label %resume_at_2\\s*i32 13, label %resume_at_26\\s*\\].*"),
                "resume points by code unit:\n" + text);
        assertTrue(text.contains("call ptr @pyjit_resume_elsewhere(ptr %0, ptr %1)"), text);
        assertTrue(text.contains("call ptr @pyjit_yield(ptr %0, ptr %1, ptr "), text);
    }

    /** Every source line of the function body that can raise appears in the assembly's line comments. */
    @ParameterizedTest
    @MethodSource("names")
    void assemblyNamesTheSourceLines(String name) throws Unsupported {
        Function function = optimisedIr(name);
        String assembly = emitter.assembly(function, Tier.OPTIMISED);
        function.blocks().stream().flatMap(block -> block.instructions().stream())
                .filter(instruction -> instruction.state() != null)
                .mapToInt(instruction -> function.source().lineAt(instruction.state().offset()))
                .filter(line -> line > 0).distinct()
                .forEach(line -> assertTrue(assembly.contains(".loc\t1 " + line + " "), "no .loc for line " + line + ":\n" + assembly));
        assertTrue(assembly.contains("# <string>:" + function.source().firstLine() + ":0"), "the def line starts the function");
    }

    /** A hinted access calls its specialisation's helper with the quickened opcode it expects to find. */
    @Test
    void hintedAccessesReadTheInterpretersCaches() throws Unsupported {
        Function function = optimisedIr("attribute_subscript");
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            instructions.replaceAll(instruction -> instruction instanceof Instr.LoadAttr load
                    ? new Instr.LoadAttr(load.result(), load.owner(), load.nameIndex(), CacheHint.ATTR_INSTANCE_VALUE, load.state(), load.after())
                    : instruction instanceof Instr.LoadMethod load
                    ? new Instr.LoadMethod(load.result(), load.owner(), load.nameIndex(), CacheHint.ATTR_METHOD_WITH_VALUES, load.state())
                    : instruction instanceof Instr.StoreAttr store
                    ? new Instr.StoreAttr(store.owner(), store.nameIndex(), store.value(), CacheHint.STORE_ATTR_SLOT, store.state(), store.after())
                    : instruction);
        }
        String text = emitter.llvmText(function, Tier.OPTIMISED, false);
        assertTrue(text.matches("(?s).*call ptr @pyjit_load_attr_cached\\(ptr %1, ptr %\\d+, i32 \\d+, i32 \\d+, i32 193, ptr @attribute_site(\\.\\d+)?\\).*"), text);
        assertTrue(text.matches("(?s).*call ptr @pyjit_load_method\\(ptr %1, ptr %\\d+, i32 \\d+, i32 \\d+, i32 196, ptr @attribute_site(\\.\\d+)?, ptr %self\\).*"), text);
        assertTrue(text.matches("(?s).*call i32 @pyjit_store_attr_cached\\(ptr %1, ptr %\\d+, i32 \\d+, ptr %\\d+, i32 \\d+, i32 210, ptr @attribute_site(\\.\\d+)?\\).*"), text);
        assertTrue(!text.contains("@pyjit_load_attr("), "no generic load is left:\n" + text);
        assertTrue(text.contains("ptr @attribute_site)") && text.contains("ptr @attribute_site.1)"), "each site has shapes of its own:\n" + text);
    }

    /**
     * A float attribute read in place ({@code a.x - b.x}, the interpreter having subtracted floats
     * there) leaves a read its cache misses to the interpreter, resumed at the read itself: native
     * code has no generic load for it.
     */
    @Test
    void aFloatAttributeTheCacheMissesIsReadByTheInterpreter() throws Unsupported {
        EmbeddedPython.initialise();
        Function function = IrBuilder.build(EmbeddedPython.compile("""
                class P:
                    def __init__(self, x):
                        self.x = x
                def f(a, b):
                    return a.x - b.x
                for _ in range(10):
                    f(P(1.5), P(0.5))
                """, "f"));
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        List<Instr.LoadAttrFloat> loads = function.blocks().stream().flatMap(block -> block.instructions().stream())
                .filter(Instr.LoadAttrFloat.class::isInstance).map(Instr.LoadAttrFloat.class::cast).toList();
        assertEquals(2, loads.size(), "both reads are in place");
        String text = emitter.llvmText(function, Tier.OPTIMISED, false);
        assertTrue(!text.contains("@pyjit_load_attr("), "no generic load:\n" + text);
        for (Instr.LoadAttrFloat load : loads) {
            assertTrue(text.matches("(?s).*%unit = phi i32 [^\\n]*\\[ " + load.state().offset() / 2 + ", %.*"),
                    "the interpreter resumes at the read at " + load.state().offset() + ":\n" + text);
        }
    }

    /**
     * The truth of an exact int, list, str or dict is read off the object in the function's own
     * code and branched on; only a value of no known type asks the runtime's pyjit_to_bool.
     */
    @Test
    void theTruthOfAValueOfAKnownBuiltinTypeIsReadInline() throws Unsupported {
        EmbeddedPython.initialise();
        Function function = IrBuilder.build(EmbeddedPython.compile("""
                def f(k, xs, s, d, other):
                    if k:
                        return 1
                    if xs:
                        return 2
                    if s:
                        return 3
                    if d:
                        return 4
                    if other:
                        return 5
                """, "f"), List.of(Type.INT, Type.LIST, Type.STR, Type.DICT));
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        String emitted = emitter.llvmText(function, Tier.OPTIMISED, false);
        for (String helper : List.of("pyjit_int_truth", "pyjit_sized_truth", "pyjit_str_truth", "pyjit_dict_truth", "pyjit_to_bool")) {
            assertEquals(1, emitted.split("call ptr @" + helper + "\\(", -1).length - 1, helper + " once:\n" + emitted);
        }
        String optimised = emitter.llvmText(function, Tier.OPTIMISED, true);
        assertTrue(!optimised.matches("(?s).*call ptr @pyjit_(int|sized|str|dict)_truth\\(.*"), "they are inlined:\n" + optimised);
    }

    /**
     * A number a generator boxes only to yield it is offered to the consuming builtin first, and
     * boxed only where it is not taken, a local flushed to the frame between the two or not; one
     * that a local keeps too is boxed first and offered as an object.
     */
    @Test
    void aNumberOnlyYieldedIsOfferedBeforeItIsBoxed() throws Unsupported {
        EmbeddedPython.initialise();
        for (String body : List.of("yield k * k", "yield x * 0.5", "k += 1\n        yield k * k", "kept = k * k\n        yield kept")) {
            String source = "def f(items, k, x):\n    for i in items:\n        " + body + "\n";
            Function function = IrBuilder.build(EmbeddedPython.compile(source, "f"), List.of(Type.LIST, Type.INT, Type.FLOAT));
            Pipeline.run(function, Pipeline.TYPING);
            Pipeline.run(function, Pipeline.OPTIMISATION);
            String text = emitter.llvmText(function, Tier.OPTIMISED, false);
            int unboxed = text.split("call i32 @pyjit_offer_(int|float)_to_consumer\\(", -1).length - 1;
            assertEquals(body.contains("kept") ? 0 : 1, unboxed, source + text);
            assertEquals(1, text.split("call i32 @pyjit_offer_to_consumer\\(", -1).length - 1, source + text);
        }
    }

    /** math.sqrt, found in the math module by the interpreter, is computed with LLVM's sqrt once the callable is checked. */
    @Test
    void mathFunctionsFoundInTheirModuleAreComputedInline() throws Unsupported {
        Function function = GoldenFunctions.build("math_call");
        for (Block block : function.blocks()) {
            block.instructions().replaceAll(instruction -> instruction instanceof Instr.LoadGlobal load
                    ? new Instr.LoadGlobal(load.result(), load.nameIndex(), CacheHint.GLOBAL_MODULE, load.state(), load.resume())
                    : instruction instanceof Instr.LoadAttr load
                    ? new Instr.LoadAttr(load.result(), load.owner(), load.nameIndex(), CacheHint.ATTR_MODULE, load.state(), load.after())
                    : instruction);
        }
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        String text = emitter.llvmText(function, Tier.OPTIMISED, false);
        assertTrue(text.matches("(?s).*call i32 @pyjit_is_math_function\\(ptr %\\w+, ptr @math_name, ptr @math_function\\).*"), text);
        assertTrue(text.matches("(?s).*call double @llvm\\.sqrt\\.f64\\(double %\\d+\\).*"), text);
        assertTrue(!text.contains("@pyjit_slow_call("), "no call is made:\n" + text);
        assertTrue(text.matches("(?s).*%(\\d+) = fadd double [^\\n]*\\n.*call double @llvm\\.sqrt\\.f64\\(double %\\1\\).*"),
                "the square root takes the double x * x + 1.0, never boxed for it:\n" + text);
    }

    @ParameterizedTest
    @MethodSource("names")
    void optimisedLlvmIrInlinesTheHelpers(String name) throws Unsupported {
        String text = emitter.llvmText(optimisedIr(name), Tier.OPTIMISED, true);
        assertTrue(!text.contains("call ptr @pyjit_enter("), "O2 inlines the runtime's helpers:\n" + text);
    }

    /**
     * Optimised code inlines what pays and calls the rest of the runtime's exported helpers in the
     * runtime library, where quick code calls them: no copy of them is compiled into the module.
     * Entering and leaving a frame are inlined, their slow paths (a recursion limit near, an
     * exception leaving) are the runtime's.
     */
    @ParameterizedTest
    @MethodSource("names")
    void optimisedCodeCompilesNoCopyOfAnExportedHelper(String name) throws Unsupported {
        String assembly = emitter.assembly(optimisedIr(name), Tier.OPTIMISED);
        assertTrue(assembly.contains("pyjit_slow_enter@PLT"), "the runtime's pyjit_slow_enter is called:\n" + assembly);
        for (String helper : List.of("pyjit_enter", "pyjit_leave", "pyjit_slow_enter", "pyjit_slow_leave_raising")) {
            assertTrue(!assembly.matches("(?s).*\\n\\s*" + helper + ":.*"), "no copy of " + helper + " is defined:\n" + assembly);
            assertTrue(!assembly.contains("call\t" + helper + "@PLT") && !assembly.contains("callq\t" + helper + "@PLT")
                    || helper.startsWith("pyjit_slow_"), helper + " is inlined:\n" + assembly);
        }
    }

    /**
     * Arithmetic on values of no known type (a generic version: x * 2.5 with x untyped) computes
     * two floats in the function's own code and leaves anything else to the runtime's
     * pyjit_binary_op; ** is always the runtime's.
     */
    @Test
    void untypedArithmeticComputesTwoFloatsInline() throws Unsupported {
        String text = emitter.llvmText(optimisedIr("float_arithmetic"), Tier.OPTIMISED, true);
        assertTrue(text.matches("(?s).*fmul double %\\d+, %\\d+.*"), "x * 2.5 multiplies doubles inline:\n" + text);
        assertTrue(text.matches("(?s).*fdiv double %\\d+, %\\d+.*"), "y / 4.0 divides them:\n" + text);
        assertTrue(text.matches("(?s).*call ptr @pyjit_binary_op\\(ptr (noundef )?%0, i32 (noundef )?5, .*"), "other operands go to the runtime:\n" + text);
        assertTrue(text.matches("(?s).*call ptr @pyjit_binary_op\\(ptr (noundef )?%0, i32 (noundef )?8, .*"), "and ** always:\n" + text);
        assertTrue(!text.contains("@pyjit_binary_op_numbers_inline("), "the helper is inlined:\n" + text);
    }

    /**
     * An exact list indexed by ints the function has as 64-bit values ({@code items[n - 1]},
     * {@code items[0]}, {@code items[n + 1] = ...}) is read and written inline: no int object is made
     * for an index, no helper is called unless the index is out of range.
     */
    @Test
    void aListIsIndexedInlineByMachineInts() throws Unsupported {
        String text = emitter.llvmText(optimisedIr("list_items"), Tier.OPTIMISED, true);
        assertTrue(!text.contains("@pyjit_subscript(") && !text.contains("@pyjit_store_subscript("), "no generic subscript:\n" + text);
        assertTrue(!text.contains("@pyjit_item_at(") && !text.contains("@pyjit_store_item_at("), "the item helpers are inlined:\n" + text);
        assertTrue(text.contains("call ptr @pyjit_slow_item_at(") && text.contains("call i32 @pyjit_slow_store_item_at("),
                "an index out of range goes to the runtime:\n" + text);
        assertTrue(!text.contains("@pyjit_int_box("), "no index is boxed (only a deoptimisation boxes the constant it hands over):\n" + text);
    }

    /**
     * Exits (failed guards, errors, slow paths) are weighted as rarely taken, so that code past
     * a few guards is not taken for cold: a loop's reference counting is inlined there (the float
     * and int loops called pyjit_xdecref eight and two times when LLVM guessed the edges).
     */
    @ParameterizedTest
    @ValueSource(strings = {"float_loop", "int_loop"})
    void codePastGuardsInlinesItsReferenceCounting(String name) throws Unsupported {
        String text = emitter.llvmText(optimisedIr(name), Tier.OPTIMISED, true);
        assertTrue(text.matches("(?s).*label %type_checked\\d*, label %type_changed\\d*, !dbg !\\d+, !prof !\\d+\n.*"),
                "guards are weighted:\n" + text);
        assertTrue(!text.matches("(?s).*call void @pyjit_(x?decref|incref)\\(.*"), "no reference is counted by a call:\n" + text);
    }

    /** Quick code takes no passes and keeps its helpers in the runtime library: the module defines the function alone. */
    @ParameterizedTest
    @MethodSource("names")
    void quickCodeCallsTheHelpers(String name) throws Unsupported {
        Function function = optimisedIr(name);
        String text = emitter.llvmText(function, Tier.QUICK, true);
        assertTrue(text.contains("call i32 @pyjit_enter(ptr %0, ptr %1, i32 "), "the helpers stay calls:\n" + text);
        assertTrue(text.contains("call ptr @pyjit_leave("), text);
        String assembly = emitter.assembly(function, Tier.QUICK);
        assertTrue(assembly.contains("callq\tpyjit_enter@PLT"), "the code calls the runtime's pyjit_enter through the PLT:\n" + assembly);
        assertTrue(!assembly.matches("(?s).*\\n\\s*pyjit_enter:.*"), "and defines no copy of it:\n" + assembly);
    }
}
