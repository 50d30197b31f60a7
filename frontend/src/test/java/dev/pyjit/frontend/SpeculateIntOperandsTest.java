package dev.pyjit.frontend;

import static org.bytedeco.cpython.global.python.Py_DecRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.passes.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bytedeco.cpython.PyObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SpeculateIntOperands on code the interpreter has run: the operations it never specialises
 * (& | ^ << >> // %) guard an operand that may be an int where the other is one, so that they and
 * what they feed are computed on 64-bit values; code compiled again without speculation has none
 * of these guards, and an operand known not to be an int is never guarded.
 */
class SpeculateIntOperandsTest {
    private static final String SOURCE = """
            def make(n):
                full = (1 << n) - 1
                def place(cols, down, up):
                    free = full & ~(cols | down | up)
                    total = 0
                    while free:
                        bit = free & -free
                        free ^= bit
                        total += (bit << 1) % 7 + bit // 3
                    return total
                return place
            place = make(8)

            def label(n):
                pattern = "%d"
                return pattern % 3, n % 3

            for i in range(30):
                place(i, i >> 1, i >> 2)
                label(i)
            """;

    @BeforeAll
    static void startPython() {
        EmbeddedPython.initialise();
    }

    private static Function optimised(CodeObject code, List<Type> arguments) throws Unsupported {
        Function function = IrBuilder.build(code, arguments);
        Pipeline.run(function, Pipeline.TYPING);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        return function;
    }

    private static List<Instr> instructions(Function function) {
        List<Instr> all = new ArrayList<>();
        for (Block block : function.blocks()) {
            all.addAll(block.instructions());
        }
        return all;
    }

    /** What each guard to be an int checks: the op of the instruction that made its operand. */
    private static List<Op> guardedIntsMadeBy(Function function) {
        Map<Value, Op> madeBy = new HashMap<>();
        instructions(function).forEach(instruction -> {
            if (instruction.result() != null) {
                madeBy.put(instruction.result(), instruction.op());
            }
        });
        return instructions(function).stream()
                .filter(instruction -> instruction instanceof Instr.GuardType guard && guard.type().equals(Type.INT))
                .map(instruction -> madeBy.get(((Instr.GuardType) instruction).value()))
                .toList();
    }

    private static Set<BinaryOperator> generic(Function function) {
        return instructions(function).stream().filter(instruction -> instruction instanceof Instr.BinaryOp)
                .map(instruction -> ((Instr.BinaryOp) instruction).operator().base()).collect(Collectors.toSet());
    }

    private static Set<BinaryOperator> unboxed(Function function) {
        return instructions(function).stream().filter(instruction -> instruction instanceof Instr.IntArith)
                .map(instruction -> ((Instr.IntArith) instruction).operator()).collect(Collectors.toSet());
    }

    @Test
    void aCellsIntMeetingIntsIsGuardedAndEverythingItFeedsIsComputedOn64Bits() throws Unsupported {
        PyObject globals = EmbeddedPython.run(SOURCE);
        try {
            CodeObject code = EmbeddedPython.code(globals, "place");
            Function warm = optimised(code, List.of(Type.INT, Type.INT, Type.INT));
            assertEquals(List.of(Op.LOAD_DEREF), guardedIntsMadeBy(warm), "only the cell's value needs a guard: " + warm);
            assertTrue(unboxed(warm).containsAll(Set.of(BinaryOperator.AND, BinaryOperator.OR, BinaryOperator.XOR, BinaryOperator.LSHIFT,
                    BinaryOperator.REMAINDER, BinaryOperator.FLOOR_DIVIDE)), "the loop's operations on 64 bits: " + warm);
            assertTrue(generic(warm).stream().noneMatch(dev.pyjit.ir.passes.SpeculateIntOperands.OPERATORS::contains),
                    "no generic bit operation is left: " + warm);

            Function cold = optimised(code.withoutSpeculations(), List.of(Type.INT, Type.INT, Type.INT));
            assertEquals(List.of(), guardedIntsMadeBy(cold), "compiled again without speculation: " + cold);
            assertTrue(generic(cold).contains(BinaryOperator.AND), cold::toString);
        } finally {
            Py_DecRef(globals);
        }
    }

    @Test
    void argumentsSeenToBeIntsAreGuardedWhereTheyMeetSuchAnOperation() throws Unsupported {
        PyObject globals = EmbeddedPython.run(SOURCE + """
                def rebinds(a, b):
                    a = a | b
                    return a ^ b
                """);
        try {
            Function seen = IrBuilder.build(EmbeddedPython.code(globals, "place"), List.of());
            seen.seenInts(Set.of(0, 1, 2));
            Pipeline.run(seen, Pipeline.TYPING);
            Pipeline.run(seen, Pipeline.OPTIMISATION);
            // cols | down, then | up: the three arguments; & the cell's value
            assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.LOAD_DEREF), guardedIntsMadeBy(seen), seen::toString);
            assertTrue(generic(seen).stream().noneMatch(dev.pyjit.ir.passes.SpeculateIntOperands.OPERATORS::contains), seen::toString);
            assertTrue(dev.pyjit.ir.Printer.print(seen).startsWith("function make.<locals>.place ints seen (cols down up) {"));

            Function unseen = optimised(EmbeddedPython.code(globals, "place"), List.of());
            assertTrue(generic(unseen).containsAll(Set.of(BinaryOperator.AND, BinaryOperator.OR)), "nothing known, nothing seen: " + unseen);

            Function rebinds = IrBuilder.build(EmbeddedPython.code(globals, "rebinds"), List.of());
            rebinds.seenInts(Set.of(0));
            Pipeline.run(rebinds, Pipeline.TYPING);
            Pipeline.run(rebinds, Pipeline.OPTIMISATION);
            assertEquals(List.of(), guardedIntsMadeBy(rebinds), "a is stored to: its loads may read anything: " + rebinds);
        } finally {
            Py_DecRef(globals);
        }
    }

    @Test
    void anOperandKnownNotToBeAnIntIsLeftAlone() throws Unsupported {
        PyObject globals = EmbeddedPython.run(SOURCE);
        try {
            Function label = optimised(EmbeddedPython.code(globals, "label"), List.of());
            // pattern % 3: the str is known; n % 3: n meets an int and may be one
            assertEquals(List.of(Op.LOAD_LOCAL), guardedIntsMadeBy(label), label::toString);
            assertTrue(generic(label).contains(BinaryOperator.REMAINDER), "the str's formatting stays generic: " + label);
        } finally {
            Py_DecRef(globals);
        }
    }
}
