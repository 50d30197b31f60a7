package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.IrTesting;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElideRepeatedGuardsTest {
    private final Function fn = new Function("f", 2, List.of("xs", "obj"), List.of(), List.of());
    private final Block entry = fn.newBlock("entry");

    private Value load(int slot) {
        Value value = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(value, slot));
        return value;
    }

    private Value guard(Value value, Type type) {
        Value guarded = fn.newValue(type);
        entry.add(new Instr.GuardType(guarded, value, type, new ResumeState(4, List.of(value), List.of())));
        return guarded;
    }

    /** A call between the guards: code that could run there cannot change a builtin object's type. */
    private void call(Value callable) {
        Value noSelf = fn.newValue(Type.NULL);
        entry.add(new Instr.LoadNull(noSelf));
        entry.add(new Instr.Call(fn.newValue(Type.OBJECT), callable, noSelf, List.of(), -1, IrTesting.state(6)));
    }

    /** The slot's value guarded to the type, a call, and the same guard again: both guards' results. */
    private List<Value> guardedAroundACall(int slot, Type type) {
        Value value = load(slot);
        Value first = guard(value, type);
        call(first);
        return List.of(first, guard(value, type));
    }

    /** The block returns a tuple of the values, and the pass runs. */
    private void returnAllAndRun(List<Value> values) {
        Value tuple = fn.newValue(Type.TUPLE);
        entry.add(new Instr.Build(tuple, Op.BUILD_TUPLE, values, IrTesting.state(8)));
        entry.setTerminator(new Terminator.Return(tuple));
        new ElideRepeatedGuards().run(fn);
        Verifier.verify(fn);
    }

    @Test
    void aSecondGuardOfAListIsTheFirst() {
        List<Value> guarded = guardedAroundACall(0, Type.LIST);
        returnAllAndRun(guarded);

        assertEquals(List.of(Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.LOAD_NULL, Op.CALL, Op.BUILD_TUPLE), ops(entry));
        assertEquals(List.of(guarded.get(0), guarded.get(0)), entry.instructions().get(4).operands());
    }

    @Test
    void aWiderGuardAfterANarrowOneGoesButNotTheOtherWayRound() {
        Value xs = load(0);
        Value narrow = guard(xs, Type.INT);
        Value wide = guard(xs, Type.INT.union(Type.FLOAT));
        Value ys = load(1);
        Value wideFirst = guard(ys, Type.INT.union(Type.FLOAT));
        Value narrowAfter = guard(ys, Type.INT);
        returnAllAndRun(List.of(narrow, wide, wideFirst, narrowAfter));

        assertEquals(List.of(Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.GUARD_TYPE, Op.BUILD_TUPLE), ops(entry));
        assertEquals(List.of(narrow, narrow, wideFirst, narrowAfter), entry.instructions().get(5).operands());
    }

    @Test
    void guardsOfAnInstanceStayForItsClassCanBeReassigned() {
        List<Value> guarded = guardedAroundACall(1, Type.OTHER_OBJECT);
        returnAllAndRun(guarded);

        assertEquals(List.of(Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.LOAD_NULL, Op.CALL, Op.GUARD_TYPE, Op.BUILD_TUPLE), ops(entry));
        assertEquals(guarded, entry.instructions().get(5).operands());
    }
}
