package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.assertGone;
import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.snapshot;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.IrTesting;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsesTest {
    private static Function function() {
        return new Function("f", 2, List.of("x", "y", "z"), List.of("g"), List.of("1.5"));
    }

    private static Value load(Function fn, Block block, int slot) {
        Value value = fn.newValue(Type.FLOAT);
        block.add(new Instr.LoadLocal(value, slot));
        return value;
    }

    /**
     * <pre>
     * entry:
     *   a = LoadLocal x; b = LoadLocal y
     *   da = UnboxFloat a
     *   g = LoadGlobal g @2 owns[a b]
     *   Decref a
     *   db = UnboxFloat b
     *   Jump next(b)
     * next(p):
     *   s = BinaryOp ADD p g @4 owns[p g]
     *   Decref p; Decref g
     *   Return s
     * </pre>
     */
    private record Fixture(Function fn, Block entry, Block next, Value a, Value b, Value da, Value g, Value db, Value p, Value s,
                           Instr unboxA, Instr global, Instr decrefA, Instr unboxB, Instr add, Instr decrefP, Instr decrefG) {}

    private static Fixture fixture() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block next = fn.newBlock("next");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value da = fn.newValue(Type.CDOUBLE);
        Instr unboxA = new Instr.UnboxFloat(da, a);
        entry.add(unboxA);
        Value g = fn.newValue(Type.OBJECT);
        Instr global = new Instr.LoadGlobal(g, 0, state(2, a, b));
        entry.add(global);
        Instr decrefA = new Instr.Refcount(Op.DECREF, a);
        entry.add(decrefA);
        Value db = fn.newValue(Type.CDOUBLE);
        Instr unboxB = new Instr.UnboxFloat(db, b);
        entry.add(unboxB);
        Value p = fn.addParameter(next, Type.FLOAT);
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(next, List.of(b))));
        Value s = fn.newValue(Type.OBJECT);
        Instr add = new Instr.BinaryOp(s, BinaryOperator.ADD, p, g, state(4, p, g));
        next.add(add);
        Instr decrefP = new Instr.Refcount(Op.DECREF, p);
        next.add(decrefP);
        Instr decrefG = new Instr.Refcount(Op.DECREF, g);
        next.add(decrefG);
        next.setTerminator(new Terminator.Return(s));
        Verifier.verify(fn);
        return new Fixture(fn, entry, next, a, b, da, g, db, p, s, unboxA, global, decrefA, unboxB, add, decrefP, decrefG);
    }

    @Test
    void instructionsAreTheUsingInstructionsInOrderAcrossBlocks() {
        Fixture f = fixture();
        Uses uses = Uses.of(f.fn());

        assertEquals(List.of(f.unboxA(), f.decrefA()), uses.instructions(f.a()), "frame-state ownership (LoadGlobal) is not a use");
        assertEquals(List.of(f.unboxB()), uses.instructions(f.b()), "the edge argument is not an instruction");
        assertEquals(List.of(f.add(), f.decrefG()), uses.instructions(f.g()), "uses in another block");
        assertEquals(List.of(f.add(), f.decrefP()), uses.instructions(f.p()), "a block parameter's uses");
        assertEquals(List.of(), uses.instructions(f.s()), "returned only");
        assertEquals(List.of(), uses.instructions(f.da()), "never used");
        assertEquals(List.of(), uses.instructions(f.fn().newValue(Type.OBJECT)), "a value not in the function");
    }

    @Test
    void usesOfAnEditedFunctionSeeTheNewUses() {
        Fixture f = fixture();
        assertTrue(Uses.of(f.fn()).onlyRefcounted(f.da()));
        Instr unbox = new Instr.UnboxFloat(f.fn().newValue(Type.CDOUBLE), f.da());
        f.entry().add(unbox);
        Uses uses = Uses.of(f.fn());
        assertEquals(List.of(unbox), uses.instructions(f.da()));
        assertFalse(uses.onlyRefcounted(f.da()));
    }

    @Test
    void onlyByTestsEveryInstructionUseAndNoTerminatorMayUseTheValue() {
        Fixture f = fixture();
        Uses uses = Uses.of(f.fn());

        assertTrue(uses.onlyBy(f.a(), use -> use.op() == Op.UNBOX_FLOAT || use.op() == Op.DECREF));
        assertFalse(uses.onlyBy(f.a(), use -> use.op() == Op.UNBOX_FLOAT), "the Decref fails the test");
        assertFalse(uses.onlyBy(f.a(), use -> use.op() == Op.DECREF), "the unbox fails the test");
        assertTrue(uses.onlyBy(f.g(), use -> use.op() == Op.BINARY_OP || use.op() == Op.DECREF));
        assertFalse(uses.onlyBy(f.g(), use -> use.op() == Op.DECREF));
        assertTrue(uses.onlyBy(f.p(), use -> use.op() == Op.BINARY_OP || use.op() == Op.DECREF));

        assertFalse(uses.onlyBy(f.b(), use -> true), "b is passed on an edge");
        assertFalse(uses.onlyBy(f.s(), use -> true), "s is returned");
        assertTrue(uses.onlyBy(f.da(), use -> false), "no uses at all pass any test");
    }

    @Test
    void onlyByCountsBranchOperandsAndBothEdgesArguments() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block yes = fn.newBlock("yes");
        Block no = fn.newBlock("no");
        Value condition = fn.newValue(Type.BOOL);
        entry.add(new Instr.LoadConst(condition, 0));
        Value x = load(fn, entry, 0);
        Value y = load(fn, entry, 1);
        Value unused = load(fn, entry, 2);
        entry.add(new Instr.Refcount(Op.DECREF, unused));
        Value py = fn.addParameter(yes, Type.OBJECT);
        Value pn = fn.addParameter(no, Type.OBJECT);
        entry.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, condition,
                new Terminator.Edge(yes, List.of(x)), new Terminator.Edge(no, List.of(y))));
        yes.setTerminator(new Terminator.Return(py));
        no.setTerminator(new Terminator.Return(pn));
        Verifier.verify(fn);

        Uses uses = Uses.of(fn);

        assertFalse(uses.onlyBy(condition, use -> true), "the branch tests it");
        assertFalse(uses.onlyBy(x, use -> true), "passed on the true edge");
        assertFalse(uses.onlyBy(y, use -> true), "passed on the false edge");
        assertFalse(uses.onlyRefcounted(x));
        assertFalse(uses.onlyRefcounted(y));
        assertTrue(uses.onlyRefcounted(unused));
        assertEquals(List.of(), uses.instructions(x));
    }

    @Test
    void onlyRefcountedMeansNoUseButReferenceCountsAndLocalWrites() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value released = load(fn, entry, 0);
        Value owned = load(fn, entry, 1);
        Value increfed = load(fn, entry, 2);
        Value unboxed = load(fn, entry, 0);
        Value untouched = load(fn, entry, 1);
        Value stored = load(fn, entry, 2);
        Value resumed = load(fn, entry, 0);
        Value resumedDouble = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.LoadLocalFloat(resumedDouble, 1, new ResumeState(2, List.of(resumed, resumedDouble), List.of(resumed))));
        Value g = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(g, 0, state(2, released, owned, increfed, unboxed, untouched, stored)));
        entry.add(new Instr.Refcount(Op.DECREF, released));
        entry.add(new Instr.Refcount(Op.DECREF, released));
        entry.add(new Instr.Refcount(Op.DECREF, owned));
        entry.add(new Instr.Refcount(Op.INCREF, increfed));
        entry.add(new Instr.Refcount(Op.DECREF, increfed));
        entry.add(new Instr.UnboxFloat(fn.newValue(Type.CDOUBLE), unboxed));
        entry.add(new Instr.Refcount(Op.DECREF, unboxed));
        entry.add(new Instr.StoreLocal(2, stored));
        entry.add(new Instr.Refcount(Op.DECREF, resumed));
        entry.setTerminator(new Terminator.Return(g));
        Verifier.verify(fn);

        Uses uses = Uses.of(fn);

        assertTrue(uses.onlyRefcounted(released), "released twice, nothing else");
        assertTrue(uses.onlyRefcounted(owned), "owned by a frame state and released: ownership is not a use");
        assertTrue(uses.onlyRefcounted(untouched), "no uses at all");
        assertTrue(uses.onlyRefcounted(resumed), "named by a resume state and released: a resume state is not a use either");
        assertTrue(uses.onlyRefcounted(increfed), "increfed and released: the references are only what states hold");
        assertFalse(uses.onlyRefcounted(unboxed));
        assertFalse(uses.onlyRefcounted(stored));
        assertFalse(uses.onlyRefcounted(g), "returned");
    }

    /**
     * <pre>
     * entry:
     *   keep1 = LoadLocal x; gone = LoadLocal y; dGone = LoadLocalFloat y
     *   keep2 = LoadLocal z  resume@3[keep1 gone keep2]
     *   g = LoadGlobal g @2 owns[keep1 gone keep2]
     *   Incref keep1; CheckEvalBreaker @3 owns[gone]; Decref gone
     * next:
     *   alsoGone = LoadConst 1.5; dAlso = FloatConstant 1.5
     *   late = LoadLocal z  resume@5[gone late] releases[alsoGone]
     *   sum = keep1 + keep2 @6 owns[gone keep2 alsoGone keep1 g late]
     *   Decref alsoGone, keep1, keep1, keep2, g, late
     * </pre>
     * gone and alsoGone are removed in favour of their doubles dGone and dAlso.
     */
    @Test
    void removeUnneededRemovesDefinitionsAndDecrefsAndStatesNameTheDouble() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block next = fn.newBlock("next");
        Value keep1 = load(fn, entry, 0);
        Value gone = load(fn, entry, 1);
        Value dGone = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.LoadLocalFloat(dGone, 1, resume(2, keep1, dGone)));
        Value keep2 = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(keep2, 2, resume(3, keep1, gone, keep2)));
        Value g = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(g, 0, state(2, keep1, gone, keep2)));
        entry.add(new Instr.Refcount(Op.INCREF, keep1));
        entry.add(IrTesting.poll(state(3, gone)));
        entry.add(new Instr.Refcount(Op.DECREF, gone));
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(next, List.of())));
        Value alsoGone = fn.newValue(Type.FLOAT);
        next.add(new Instr.LoadConst(alsoGone, 0));
        Value dAlso = fn.newValue(Type.CDOUBLE);
        next.add(new Instr.FloatConstant(dAlso, 0, 1.5));
        Value late = fn.newValue(Type.FLOAT);
        next.add(new Instr.LoadLocal(late, 2, new ResumeState(5, List.of(gone, late), List.of(alsoGone))));
        Value sum = fn.newValue(Type.OBJECT);
        next.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, keep1, keep2, state(6, gone, keep2, alsoGone, keep1, g, late)));
        next.add(new Instr.Refcount(Op.DECREF, alsoGone));
        next.add(new Instr.Refcount(Op.DECREF, keep1));
        next.add(new Instr.Refcount(Op.DECREF, keep1));
        next.add(new Instr.Refcount(Op.DECREF, keep2));
        next.add(new Instr.Refcount(Op.DECREF, g));
        next.add(new Instr.Refcount(Op.DECREF, late));
        next.setTerminator(new Terminator.Return(sum));
        Verifier.verify(fn);

        Uses.removeUnneeded(fn, Map.of(gone, dGone, alsoGone, dAlso));
        Verifier.verify(fn);

        assertEquals(List.of(
                new Instr.LoadLocal(keep1, 0),
                new Instr.LoadLocalFloat(dGone, 1, resume(2, keep1, dGone)),
                new Instr.LoadLocal(keep2, 2, resume(3, keep1, dGone, keep2)),
                new Instr.LoadGlobal(g, 0, state(2, keep1, dGone, keep2)),
                new Instr.Refcount(Op.INCREF, keep1),
                IrTesting.poll(state(3, dGone))), entry.instructions(), Printer.printTyped(fn));
        assertEquals(List.of(
                new Instr.FloatConstant(dAlso, 0, 1.5),
                new Instr.LoadLocal(late, 2, new ResumeState(5, List.of(dGone, late), List.of(dAlso))),
                new Instr.BinaryOp(sum, BinaryOperator.ADD, keep1, keep2, state(6, dGone, keep2, dAlso, keep1, g, late)),
                new Instr.Refcount(Op.DECREF, keep1),
                new Instr.Refcount(Op.DECREF, keep1),
                new Instr.Refcount(Op.DECREF, keep2),
                new Instr.Refcount(Op.DECREF, g),
                new Instr.Refcount(Op.DECREF, late)), next.instructions(), Printer.printTyped(fn));
        assertEquals(new Terminator.Jump(new Terminator.Edge(next, List.of())), entry.terminator());
        assertEquals(new Terminator.Return(sum), next.terminator());
        assertGone(fn, gone);
        assertGone(fn, alsoGone);
    }

    @Test
    void removeUnneededOfNothingChangesNothing() {
        Fixture f = fixture();
        List<Object> before = snapshot(f.fn());

        Uses.removeUnneeded(f.fn(), Map.of());

        assertEquals(before, snapshot(f.fn()));
    }

    @Test
    void removeUnneededLeavesOtherValuesAlone() {
        Fixture f = fixture();
        Value elsewhere = f.fn().newValue(Type.FLOAT);
        Value itsDouble = f.fn().newValue(Type.CDOUBLE);
        List<Object> before = snapshot(f.fn());

        Uses.removeUnneeded(f.fn(), Map.of(elsewhere, itsDouble));

        assertEquals(before, snapshot(f.fn()), "a value that is defined, released and owned nowhere: nothing to remove");
    }
}
