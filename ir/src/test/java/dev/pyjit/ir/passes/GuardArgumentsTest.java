package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.IrTesting;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardArgumentsTest {
    /** f(a, b, c) with a local d: entry: CheckEvalBreaker; v0 = a; jump bb1; bb1: return v0. */
    private static Function function() {
        Function fn = new Function("f", 3, List.of("a", "b", "c", "d"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Block exit = fn.newBlock("exit");
        entry.add(IrTesting.poll(new FrameState(0, List.of())));
        Value a = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(a, 0));
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(exit, List.of())));
        exit.setTerminator(new Terminator.Return(a));
        return fn;
    }

    @Test
    void guardsComeFirstInTheEntryBlockInSlotOrder() {
        Function fn = function();
        List<Instr> before = new ArrayList<>(fn.entry().instructions());

        GuardArguments.insert(fn, List.of(Type.FLOAT, Type.OBJECT, Type.INT));
        Verifier.verify(fn);

        List<Instr> expected = new ArrayList<>(List.of(new Instr.GuardArgument(0, Type.FLOAT), new Instr.GuardArgument(2, Type.INT)));
        expected.addAll(before);
        assertEquals(expected, fn.entry().instructions(), "Object means no guard; the rest follows the guards");
        assertEquals(List.of(), fn.blocks().get(1).instructions(), "other blocks are untouched");
        assertTrue(Printer.print(fn).contains("  GuardArgument<a,Float>\n  GuardArgument<c,Int>\n  CheckEvalBreaker"),
                Printer.print(fn));
    }

    @Test
    void everyExactTypeCanBeGuarded() {
        for (Type type : List.of(Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR, Type.TUPLE, Type.LIST, Type.DICT)) {
            Function fn = function();
            GuardArguments.insert(fn, List.of(Type.OBJECT, type));
            assertEquals(new Instr.GuardArgument(1, type), fn.entry().instructions().get(0), type::toString);
            assertEquals(Op.CHECK_EVAL_BREAKER, fn.entry().instructions().get(1).op());
        }
    }

    @Test
    void fewerTypesThanArgumentsAndAllObjectsAreFine() {
        Function fn = function();
        GuardArguments.insert(fn, List.of(Type.STR));
        assertEquals(List.of(new Instr.GuardArgument(0, Type.STR)), fn.entry().instructions().subList(0, 1));
        assertEquals(3, fn.entry().instructions().size());

        Function unguarded = function();
        List<Instr> before = new ArrayList<>(unguarded.entry().instructions());
        GuardArguments.insert(unguarded, List.of(Type.OBJECT, Type.OBJECT, Type.OBJECT));
        assertEquals(before, unguarded.entry().instructions());
        GuardArguments.insert(unguarded, List.of());
        assertEquals(before, unguarded.entry().instructions());
    }

    @Test
    void rejectsMoreTypesThanArgumentSlots() {
        Function fn = function();
        List<Instr> before = new ArrayList<>(fn.entry().instructions());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GuardArguments.insert(fn, List.of(Type.FLOAT, Type.FLOAT, Type.FLOAT, Type.FLOAT)));
        assertTrue(error.getMessage().contains("f takes 3 arguments, not 4"), error.getMessage());
        assertEquals(before, fn.entry().instructions(), "nothing inserted");
    }

    @Test
    void rejectsTypesThatAreNeitherExactNorObject() {
        for (Type type : List.of(Type.INT.union(Type.FLOAT), Type.OTHER_OBJECT, Type.TOP, Type.BOTTOM, Type.NULL, Type.CDOUBLE,
                Type.IMMORTAL)) {
            Function fn = function();
            List<Instr> before = new ArrayList<>(fn.entry().instructions());
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> GuardArguments.insert(fn, List.of(Type.FLOAT, type)), type::toString);
            assertTrue(error.getMessage().contains("cannot guard on " + type), error.getMessage());
            assertEquals(before, fn.entry().instructions(), "nothing inserted, not even the valid first guard: " + type);
        }
    }

    @Test
    void aGuardInstructionChecksOneExactType() {
        assertThrows(IllegalArgumentException.class, () -> new Instr.GuardArgument(0, Type.INT.union(Type.FLOAT)));
        assertThrows(IllegalArgumentException.class, () -> new Instr.GuardArgument(0, Type.OBJECT));
        Instr guard = new Instr.GuardArgument(1, Type.FLOAT);
        assertEquals(Op.GUARD_ARGUMENT, guard.op());
        assertEquals(null, guard.result());
        assertEquals(List.of(), guard.operands());
        assertEquals(null, guard.state(), "a guard deoptimises; it never raises");
        assertTrue(!Op.GUARD_ARGUMENT.canRaise);
    }
}
