package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.all;
import static dev.pyjit.ir.IrTesting.assertGone;
import static dev.pyjit.ir.IrTesting.load;
import static dev.pyjit.ir.IrTesting.loadResumable;
import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.ops;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EliminateBoxingTest {
    /** f(a, b, c) with a local d, all three arguments guarded Float. */
    private static Function function() {
        return new Function("f", 3, List.of("a", "b", "c", "d"), List.of(), List.of());
    }

    /** {@code result = left OP right @offset owns[left right]; Decref left; Decref right}, as the builder emits it. */
    private static Value binary(Function fn, Block block, BinaryOperator operator, Value left, Value right, int offset) {
        Value result = fn.newValue(Type.TOP);
        block.add(new Instr.BinaryOp(result, operator, left, right, state(offset, left, right)));
        block.add(new Instr.Refcount(Op.DECREF, left));
        block.add(new Instr.Refcount(Op.DECREF, right));
        return result;
    }

    /**
     * Guards, then exactly the passes this test is about (type inference, float specialisation,
     * box elimination), verifying after each. Not the whole optimisation pipeline: later passes
     * (UnboxFloatsAtLoad) would rewrite the loads these tests check.
     */
    private static void optimise(Function fn) {
        GuardArguments.insert(fn, List.of(Type.FLOAT, Type.FLOAT, Type.FLOAT));
        Verifier.verify(fn);
        for (Pass pass : List.of(new TypeInference(), new SpecialiseArithmetic(), new EliminateBoxing())) {
            pass.run(fn);
            Verifier.verify(fn);
        }
    }

    private record Chain(Function fn, Block entry, Value a, Value b, Value t, Value c, Value r) {}

    /** Appends the load of local c to the block, in the middle of the chain, after t. */
    private interface LoadC {
        Value emit(Function fn, Block block, Value t);
    }

    /**
     * <pre>
     * t = a * b @4 owns[a b]; Decref a; Decref b
     * c = (as loadC says, with t on the stack)
     * r = t + c @8 owns[t c]; Decref t; Decref c
     * return r
     * </pre>
     * optimised.
     */
    private static Chain chain(LoadC loadC) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = binary(fn, entry, BinaryOperator.MULTIPLY, a, b, 4);
        Value c = loadC.emit(fn, entry, t);
        Value r = binary(fn, entry, BinaryOperator.ADD, t, c, 8);
        entry.setTerminator(new Terminator.Return(r));
        optimise(fn);
        return new Chain(fn, entry, a, b, t, c, r);
    }

    /**
     * The chain with {@code c = LoadLocal c  resume@6[t c]}. The box of t only feeds the unbox in
     * the addition: the product stays a double, and the frame and resume states that named t name
     * the double instead.
     */
    @Test
    void intermediateBoxOfAChainIsEliminated() {
        Chain chain = chain((fn, block, t) -> loadResumable(fn, block, 2, Type.TOP, 6, t));
        Function fn = chain.fn();
        Value a = chain.a();
        Value b = chain.b();
        Value c = chain.c();
        Value r = chain.r();

        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.GUARD_ARGUMENT, Op.GUARD_ARGUMENT,
                Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.UNBOX_FLOAT, Op.UNBOX_FLOAT, Op.FLOAT_ARITH, Op.DECREF, Op.DECREF,
                Op.LOAD_LOCAL, Op.UNBOX_FLOAT, Op.FLOAT_ARITH, Op.BOX_FLOAT, Op.DECREF), ops(chain.entry()), Printer.print(fn));
        List<Instr> instructions = chain.entry().instructions();
        Instr.FloatArith product = assertInstanceOf(Instr.FloatArith.class, instructions.get(7));
        Instr.FloatArith sum = assertInstanceOf(Instr.FloatArith.class, instructions.get(12));
        assertEquals(BinaryOperator.MULTIPLY, product.operator());
        assertEquals(BinaryOperator.ADD, sum.operator());
        assertSame(product.result(), sum.left(), "the product goes straight into the addition, unboxed");
        assertEquals(List.of(c), instructions.get(11).operands(), "c is still unboxed: it is not a box made here");
        assertSame(sum.right(), instructions.get(11).result());
        assertEquals(List.of(a, b), List.of(instructions.get(8).operands().get(0), instructions.get(9).operands().get(0)));

        assertEquals(new Instr.LoadLocal(c, 2, resume(6, product.result(), c)), instructions.get(10),
                "t's place holds the double: boxed again if the interpreter resumes");
        assertTrue(Printer.printTyped(fn).contains("  " + c + ":Float = LoadLocal<c>  resume@6[" + product.result() + " " + c + "]\n"),
                Printer.printTyped(fn));
        Instr.BoxFloat box = assertInstanceOf(Instr.BoxFloat.class, instructions.get(13));
        assertSame(r, box.result(), "the final box stays: the result is returned");
        assertSame(sum.result(), box.value());
        assertEquals(state(8, product.result(), c), box.state(), "the double replaces t in the box's frame state, c is kept");
        assertEquals(new Instr.Refcount(Op.DECREF, c), instructions.get(14));
        assertEquals(new Terminator.Return(r), chain.entry().terminator());
        assertGone(fn, chain.t());
    }

    /**
     * The chain with c loaded as the first of a pair ({@code LOAD_FAST_LOAD_FAST}): it resumes
     * before the pair, with t on the stack and c released. t's place names the double there too.
     */
    @Test
    void removedBoxIsReplacedByItsDoubleInTheResumeStackOfAFirstLoad() {
        Chain chain = chain((fn, block, t) -> {
            Value c = fn.newValue(Type.TOP);
            block.add(new Instr.LoadLocal(c, 2, new ResumeState(6, List.of(t), List.of(c))));
            return c;
        });

        assertGone(chain.fn(), chain.t());
        Instr.FloatArith product = chain.entry().instructions().stream().filter(Instr.FloatArith.class::isInstance)
                .map(Instr.FloatArith.class::cast).filter(arith -> arith.operator() == BinaryOperator.MULTIPLY).findFirst().orElseThrow();
        Instr loadC = chain.entry().instructions().stream().filter(instruction -> chain.c().equals(instruction.result()))
                .findFirst().orElseThrow();
        assertEquals(new Instr.LoadLocal(chain.c(), 2, new ResumeState(6, List.of(product.result()), List.of(chain.c()))), loadC,
                Printer.printTyped(chain.fn()));
    }

    /**
     * The chain with c loaded checked ({@code LOAD_FAST_CHECK}): a checked load has no resume
     * state, so c is Object, the addition stays generic and the box of t it takes stays.
     */
    @Test
    void chainThroughACheckedLoadKeepsTheBox() {
        Chain chain = chain((fn, block, t) -> {
            Value c = fn.newValue(Type.TOP);
            block.add(new Instr.LoadLocalChecked(c, 2, state(6, t)));
            return c;
        });
        Value t = chain.t();
        Value c = chain.c();
        List<Instr> instructions = chain.entry().instructions();

        assertEquals(Type.OBJECT, c.type());
        assertEquals(new Instr.LoadLocalChecked(c, 2, state(6, t)), instructions.get(11), Printer.print(chain.fn()));
        assertEquals(new Instr.BinaryOp(chain.r(), BinaryOperator.ADD, t, c, state(8, t, c)), instructions.get(12), Printer.print(chain.fn()));
        Instr.BoxFloat box = assertInstanceOf(Instr.BoxFloat.class, instructions.get(8), Printer.print(chain.fn()));
        assertSame(t, box.result());
        assertEquals(1, all(chain.fn()).stream().filter(Instr.BoxFloat.class::isInstance).count(), Printer.print(chain.fn()));
    }

    /** The same chain with a division first: (a / b) + c. The division still checks its divisor. */
    @Test
    void intermediateBoxOfADivisionIsEliminatedButTheDivisionStays() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = binary(fn, entry, BinaryOperator.TRUE_DIVIDE, a, b, 4);
        Value c = load(fn, entry, 2);
        Value r = binary(fn, entry, BinaryOperator.SUBTRACT, t, c, 8);
        entry.setTerminator(new Terminator.Return(r));

        optimise(fn);

        Instr.FloatArith division = all(fn, Instr.FloatArith.class).stream()
                .filter(arith -> arith.operator() == BinaryOperator.TRUE_DIVIDE).findFirst().orElseThrow();
        assertEquals(Op.FLOAT_DIVIDE, division.op());
        assertEquals(state(4, a, b), division.state());
        assertEquals(1, all(fn).stream().filter(Instr.BoxFloat.class::isInstance).count(), Printer.print(fn));
        Instr.BoxFloat box = (Instr.BoxFloat) all(fn).stream().filter(Instr.BoxFloat.class::isInstance).findFirst().orElseThrow();
        assertSame(r, box.result());
        assertEquals(state(8, division.result(), c), box.state());
        assertGone(fn, t);
    }

    /** t = a * b; d = t (StoreLocal takes the reference); r = d + c: the stored box must exist. */
    @Test
    void boxStoredIntoALocalStays() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = binary(fn, entry, BinaryOperator.MULTIPLY, a, b, 4);
        entry.add(new Instr.StoreLocal(3, t));
        Value d = load(fn, entry, 3);
        Value c = load(fn, entry, 2);
        Value r = binary(fn, entry, BinaryOperator.ADD, d, c, 8);
        entry.setTerminator(new Terminator.Return(r));

        optimise(fn);

        assertEquals(Type.FLOAT, d.type(), "the local is Float");
        List<Instr> instructions = entry.instructions();
        Instr.BoxFloat stored = instructions.stream().filter(Instr.BoxFloat.class::isInstance).map(Instr.BoxFloat.class::cast)
                .filter(box -> box.result() == t).findFirst().orElseThrow(() -> new AssertionError(Printer.print(fn)));
        assertEquals(state(4, a, b), stored.state());
        assertEquals(instructions.indexOf(stored) + 3, instructions.indexOf(new Instr.StoreLocal(3, t)),
                () -> "box, Decref a, Decref b, store:\n" + Printer.print(fn));
        assertEquals(2, instructions.stream().filter(Instr.BoxFloat.class::isInstance).count(), Printer.print(fn));
    }

    /**
     * t = a * b; s = t + c; Decref s; return t. The box of t is returned, so it stays, but the
     * addition's unbox of t still uses the double directly; the box of s is only released, so it goes.
     */
    @Test
    void returnedBoxStaysAndAnUnusedBoxGoes() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(t, BinaryOperator.MULTIPLY, a, b, state(4, a, b)));
        Value c = load(fn, entry, 2);
        Value s = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(s, BinaryOperator.ADD, t, c, state(8, a, b, t, c)));
        entry.add(new Instr.Refcount(Op.DECREF, s));
        entry.add(new Instr.Refcount(Op.DECREF, a));
        entry.add(new Instr.Refcount(Op.DECREF, b));
        entry.add(new Instr.Refcount(Op.DECREF, c));
        entry.setTerminator(new Terminator.Return(t));

        optimise(fn);

        List<Instr.BoxFloat> boxes = all(fn, Instr.BoxFloat.class);
        assertEquals(1, boxes.size(), Printer.print(fn));
        Instr.BoxFloat box = boxes.get(0);
        assertSame(t, box.result());
        assertEquals(state(4, a, b), box.state());
        assertEquals(new Terminator.Return(t), entry.terminator());
        assertGone(fn, s);
        Instr.FloatArith sum = all(fn, Instr.FloatArith.class).stream()
                .filter(arith -> arith.operator() == BinaryOperator.ADD).findFirst().orElseThrow();
        assertSame(box.value(), sum.left(), "the unbox of the kept box is still bypassed");
        assertEquals(1, all(fn).stream().filter(instruction -> instruction.op() == Op.UNBOX_FLOAT
                && instruction.operands().contains(c)).count());
        assertFalse(all(fn).stream().anyMatch(instruction -> instruction.op() == Op.UNBOX_FLOAT && instruction.operands().contains(t)),
                Printer.print(fn));
    }

    /**
     * t = a * b; Incref t (a second reference, as a local's number copied onto the value stack);
     * g = LoadGlobal @6 owns[t t]; s = t + t @8 owns[t t]; Decref t twice; Decref s; return g. The
     * box of t is only counted and named by states: it goes with its Incref and Decrefs, and both
     * states name the product twice (each boxed again where the interpreter would take the frame).
     */
    @Test
    void boxOnlyCountedAndHeldByStatesGoes() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = binary(fn, entry, BinaryOperator.MULTIPLY, a, b, 4);
        entry.add(new Instr.Refcount(Op.INCREF, t));
        Value g = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadGlobal(g, 0, state(6, t, t)));
        Value s = binary(fn, entry, BinaryOperator.ADD, t, t, 8);
        entry.add(new Instr.Refcount(Op.DECREF, s));
        entry.setTerminator(new Terminator.Return(g));

        optimise(fn);

        assertGone(fn, t);
        assertGone(fn, s);
        Instr.FloatArith product = all(fn, Instr.FloatArith.class).stream()
                .filter(arith -> arith.operator() == BinaryOperator.MULTIPLY).findFirst().orElseThrow();
        Instr.LoadGlobal load = all(fn, Instr.LoadGlobal.class).stream().findFirst()
                .orElseThrow();
        assertEquals(state(6, product.result(), product.result()), load.state(), Printer.print(fn));
        assertFalse(all(fn).stream().anyMatch(instruction -> instruction.op() == Op.BOX_FLOAT || instruction.op() == Op.INCREF),
                Printer.print(fn));
    }

    /**
     * t = a * b; Incref t; FlushLocal<d> t; FlushLocal<c> t; return a: two locals hold the one
     * object ({@code d = c = a * b}), which the interpreter could compare ({@code d is c}) once it
     * has the frame; boxed once per local it would be two, so the box stays.
     */
    @Test
    void boxHeldByTwoLocalsStays() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(t, BinaryOperator.MULTIPLY, a, b, state(4, a, b)));
        entry.add(new Instr.Refcount(Op.DECREF, b));
        entry.add(new Instr.Refcount(Op.INCREF, t));
        entry.add(new Instr.FlushLocal(3, t, state(6)));
        entry.add(new Instr.FlushLocal(2, t, state(8)));
        entry.setTerminator(new Terminator.Return(a));

        optimise(fn);

        assertEquals(1, all(fn).stream().filter(instruction -> instruction.op() == Op.BOX_FLOAT && instruction.result() == t).count(),
                Printer.print(fn));
    }

    /** A box passed to another block is an object there (no double crosses an edge): it stays. */
    @Test
    void boxPassedAlongAnEdgeStays() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block exit = fn.newBlock("exit");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = binary(fn, entry, BinaryOperator.ADD, a, b, 4);
        Value p = fn.addParameter(exit, Type.TOP);
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(exit, List.of(t))));
        exit.setTerminator(new Terminator.Return(p));

        optimise(fn);

        assertEquals(Type.FLOAT, p.type());
        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.GUARD_ARGUMENT, Op.GUARD_ARGUMENT, Op.LOAD_LOCAL, Op.LOAD_LOCAL,
                Op.UNBOX_FLOAT, Op.UNBOX_FLOAT, Op.FLOAT_ARITH, Op.BOX_FLOAT, Op.DECREF, Op.DECREF), ops(entry), Printer.print(fn));
        assertSame(t, entry.instructions().get(8).result());
    }

    /** Boxes used across blocks: the unbox in a later block takes the double, and the release there goes too. */
    @Test
    void boxUnboxedInAnotherBlockIsEliminated() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block next = fn.newBlock("next");
        Value a = load(fn, entry, 0);
        Value b = load(fn, entry, 1);
        Value t = binary(fn, entry, BinaryOperator.MULTIPLY, a, b, 4);
        entry.add(IrTesting.poll(state(5, t)));
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(next, List.of())));
        Value c = load(fn, next, 2);
        Value r = binary(fn, next, BinaryOperator.MULTIPLY, t, c, 8);
        next.setTerminator(new Terminator.Return(r));

        optimise(fn);

        assertGone(fn, t);
        Instr breaker = entry.instructions().stream().filter(instruction -> instruction.op() == Op.CHECK_EVAL_BREAKER)
                .findFirst().orElseThrow();
        assertEquals(List.of(Op.LOAD_LOCAL, Op.UNBOX_FLOAT, Op.FLOAT_ARITH, Op.BOX_FLOAT, Op.DECREF), ops(next), Printer.print(fn));
        Instr.FloatArith product = assertInstanceOf(Instr.FloatArith.class, entry.instructions().get(7));
        assertEquals(state(5, product.result()), breaker.state(), "the breaker's frame state names the double");
        Instr.FloatArith second = assertInstanceOf(Instr.FloatArith.class, next.instructions().get(2));
        assertSame(product.result(), second.left());
    }

    /** t = box(p); u = unbox(t); s = box(u), s only released: states that owned s name p, the double u stood for. */
    @Test
    void aBoxOfARemovedUnboxIsNamedByTheOriginalDouble() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(a, 0));
        Value p = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(p, a));
        entry.add(new Instr.Refcount(Op.DECREF, a));
        Value t = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(t, p, state(2)));
        Value u = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(u, t));
        Value s = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(s, u, state(4, t)));
        Value global = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(global, 0, state(6, t, s)));
        entry.add(new Instr.Refcount(Op.DECREF, s));
        entry.setTerminator(new Terminator.Return(t));

        new EliminateBoxing().run(fn);
        Verifier.verify(fn);

        assertGone(fn, s);
        assertGone(fn, u);
        Instr.LoadGlobal load = (Instr.LoadGlobal) entry.instructions().stream().filter(Instr.LoadGlobal.class::isInstance)
                .findFirst().orElseThrow();
        assertEquals(state(6, t, p), load.state(), Printer.printTyped(fn));
    }

    /** Two rounds of box and unbox: every unbox stands for the first double, and a later state names it. */
    @Test
    void chainsOfBoxesAndUnboxesResolveToTheFirstDouble() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(a, 0));
        Value p = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(p, a));
        entry.add(new Instr.Refcount(Op.DECREF, a));
        Value double1 = p;
        List<Value> boxes = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Value box = fn.newValue(Type.FLOAT);
            entry.add(new Instr.BoxFloat(box, double1, state(2 + round)));
            boxes.add(box);
            double1 = fn.newValue(Type.CDOUBLE);
            entry.add(new Instr.UnboxFloat(double1, box));
        }
        Value last = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(last, double1, state(8)));
        Value global = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(global, 0, state(10, last)));
        entry.add(new Instr.Refcount(Op.DECREF, last));
        boxes.forEach(box -> entry.add(new Instr.Refcount(Op.DECREF, box)));
        entry.setTerminator(new Terminator.Return(global));

        new EliminateBoxing().run(fn);
        Verifier.verify(fn);

        assertGone(fn, last);
        boxes.forEach(box -> assertGone(fn, box));
        Instr.LoadGlobal load = (Instr.LoadGlobal) entry.instructions().stream().filter(Instr.LoadGlobal.class::isInstance)
                .findFirst().orElseThrow();
        assertEquals(state(10, p), load.state(), Printer.printTyped(fn));
    }

    @Test
    void functionWithoutBoxesIsUnchanged() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(a, 0));
        Value unboxed = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(unboxed, a));
        Value global = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(global, 0, state(2, a)));
        entry.add(new Instr.Refcount(Op.DECREF, a));
        entry.setTerminator(new Terminator.Return(global));
        List<Instr> before = new ArrayList<>(entry.instructions());

        new EliminateBoxing().run(fn);
        Verifier.verify(fn);

        assertEquals(before, entry.instructions());
        assertEquals("eliminate-boxing", new EliminateBoxing().name());
    }
}
