package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.ops;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelRefcountPairsTest {
    /** x loaded, then Incref, {@code between}, Decref of it, and x returned; the kinds of instruction the pass leaves. */
    private static List<Op> afterPass(Type type, Instr... between) {
        Function fn = new Function("f", 2, List.of("x", "y"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(type);
        entry.add(new Instr.LoadLocal(x, 0));
        entry.add(new Instr.Refcount(Op.INCREF, x));
        for (Instr instruction : between) {
            entry.add(instruction);
        }
        entry.add(new Instr.Refcount(Op.DECREF, x));
        entry.setTerminator(new Terminator.Return(x));
        new CancelRefcountPairs().run(fn);
        Verifier.verify(fn);
        return ops(entry);
    }

    private static Function scratch() {
        return new Function("g", 2, List.of("x", "y"), List.of(), List.of());
    }

    @Test
    void aPairAroundNothingThatCouldReleaseTheValueGoes() {
        Function fn = scratch();
        Value other = fn.newValue(Type.FLOAT);
        assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.DECREF), afterPass(Type.FLOAT,
                new Instr.LoadLocal(other, 1), new Instr.Refcount(Op.DECREF, other)), "releasing a float frees nothing else");
        assertEquals(List.of(Op.LOAD_LOCAL), afterPass(Type.FLOAT));
    }

    @Test
    void aStoreOfALocalOrCodeThatRunsBetweenKeepsThePair() {
        Function fn = scratch();
        Value y = fn.newValue(Type.FLOAT);
        assertEquals(List.of(Op.LOAD_LOCAL, Op.INCREF, Op.LOAD_LOCAL, Op.STORE_LOCAL, Op.DECREF),
                afterPass(Type.FLOAT, new Instr.LoadLocal(y, 1), new Instr.StoreLocal(1, y)));
        Value object = fn.newValue(Type.OBJECT);
        Value sum = fn.newValue(Type.OBJECT);
        assertEquals(List.of(Op.LOAD_LOCAL, Op.INCREF, Op.LOAD_LOCAL, Op.BINARY_OP, Op.DECREF), afterPass(Type.FLOAT,
                new Instr.LoadLocal(object, 1), new Instr.BinaryOp(sum, BinaryOperator.ADD, object, object, state(4))));
    }

    /** list = y (an argument's reference, which compiled code owns); x loaded; Incref x; Decref list; Decref x; return x. */
    @Test
    void releasingAContainerBetweenKeepsThePair() {
        Function fn = new Function("f", 2, List.of("x", "y"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Value list = fn.newValue(Type.LIST);
        entry.add(new Instr.LoadLocal(list, 1));
        Value x = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x, 0));
        entry.add(new Instr.Refcount(Op.INCREF, x));
        entry.add(new Instr.Refcount(Op.DECREF, list));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        entry.setTerminator(new Terminator.Return(x));
        new CancelRefcountPairs().run(fn);
        Verifier.verify(fn);
        assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.INCREF, Op.DECREF, Op.DECREF), ops(entry),
                "the list may hold the only other reference: it was loaded before, and a store may have come between");
    }

    /** {@code acc += values[i]}: the list indexed is loaded from its local between the pair, so the frame still holds it. */
    @Test
    void releasingAContainerLoadedFromALocalBetweenCancelsThePair() {
        Function fn = scratch();
        Value list = fn.newValue(Type.OBJECT);
        Value checked = fn.newValue(Type.LIST);
        assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.DECREF), afterPass(Type.FLOAT, new Instr.LoadLocal(list, 1),
                new Instr.GuardType(checked, list, Type.LIST, null), new Instr.Refcount(Op.DECREF, checked)));
    }
    /** b.x += ... holds b twice; a guard failing between the Incref and Decref of b hands both to the interpreter. */
    @Test
    void exitsBetweenAPairThatGoesTakeTheReferenceFirst() {
        Function fn = new Function("f", 1, List.of("b"), List.of("x"), List.of());
        Block entry = fn.newBlock("entry");
        Value b = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(b, 0));
        entry.add(new Instr.Refcount(Op.INCREF, b));
        Value x = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadAttr(x, b, 0, dev.pyjit.ir.CacheHint.ATTR_INSTANCE_VALUE, new FrameState(4, List.of(b, b)), null));
        Value guarded = fn.newValue(Type.FLOAT);
        entry.add(new Instr.GuardType(guarded, x, Type.FLOAT, new ResumeState(8, List.of(b, b, x), List.of())));
        Value other = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(other, 0));
        entry.add(new Instr.GuardType(fn.newValue(Type.FLOAT), other, Type.FLOAT, new ResumeState(12, List.of(other), List.of())));
        entry.add(new Instr.Refcount(Op.DECREF, b));
        entry.add(new Instr.Refcount(Op.DECREF, guarded));
        entry.setTerminator(new Terminator.Return(b));

        new CancelRefcountPairs().run(fn);
        Verifier.verify(fn);

        List<Instr> instructions = entry.instructions();
        assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_ATTR, Op.GUARD_TYPE, Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.DECREF), ops(entry));
        assertEquals(List.of(b), instructions.get(1).state().borrowed(), "an attribute error releases b twice: one reference is taken first");
        assertEquals(List.of(b), instructions.get(2).resume().borrowed(), "a failed guard hands b over twice");
        assertEquals(List.of(), instructions.get(4).resume().borrowed(), "a guard that does not hand b over borrows nothing");
    }
    /**
     * {@code for x, y in zip(xs, ys): total += x * y}: x stored, then counted for its use, guarded a
     * float, and the guard's result released; a later guard whose exit hands over the first guard's
     * result borrows that reference.
     */
    @Test
    void aReleaseOfAGuardsResultCancelsTheIncrefOfItsValue() {
        Function fn = new Function("f", 2, List.of("x", "y"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(x, 0));
        entry.add(new Instr.Refcount(Op.INCREF, x));
        Value guarded = fn.newValue(Type.FLOAT);
        entry.add(new Instr.GuardType(guarded, x, Type.FLOAT, new ResumeState(8, List.of(x), List.of())));
        Value y = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(y, 1));
        entry.add(new Instr.GuardType(fn.newValue(Type.FLOAT), y, Type.FLOAT, new ResumeState(8, List.of(guarded, y), List.of())));
        entry.add(new Instr.Refcount(Op.DECREF, guarded));
        entry.setTerminator(new Terminator.Return(x));

        new CancelRefcountPairs().run(fn);
        Verifier.verify(fn);

        List<Instr> instructions = entry.instructions();
        assertEquals(List.of(Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.LOAD_LOCAL, Op.GUARD_TYPE), ops(entry));
        assertEquals(List.of(x), instructions.get(1).resume().borrowed(), "the first guard hands x over: it takes a reference first");
        assertEquals(List.of(guarded), instructions.get(3).resume().borrowed(), "the second hands over the first's result, the same object");
    }
}
