package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.all;
import static dev.pyjit.ir.IrTesting.assertGone;
import static dev.pyjit.ir.IrTesting.loadResumable;
import static dev.pyjit.ir.IrTesting.ops;
import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.snapshot;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UnboxFloatsAtLoadTest {
    private static final int C_TENTH = 0;
    private static final int C_NEGATIVE_ZERO = 1;
    private static final int C_NAN = 2;
    private static final int C_PAYLOAD_NAN = 3;
    private static final int C_UNKNOWN = 4;

    /** A NaN with a payload other than Java's canonical one: the exact bits must survive. */
    private static final double PAYLOAD_NAN = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);

    /** f(x, y) with a local z; globals g; constants 0.1, -0.0, nan, nan (payload), 2.5. */
    private static Function function() {
        return new Function("f", 2, List.of("x", "y", "z"), List.of("g"), List.of("0.1", "-0.0", "nan", "nan", "2.5"));
    }

    private static Value loadConst(Function fn, Block block, int index) {
        Value value = fn.newValue(Type.FLOAT);
        block.add(new Instr.LoadConst(value, index));
        return value;
    }

    private static Value unbox(Function fn, Block block, Value boxed) {
        Value unboxed = fn.newValue(Type.CDOUBLE);
        block.add(new Instr.UnboxFloat(unboxed, boxed));
        return unboxed;
    }

    /** Ends the block returning a box of {@code left operator right}, boxed at {@code offset}; returns the double. */
    private static Value returnBoxed(Function fn, Block block, BinaryOperator operator, Value left, Value right, int offset) {
        Value number = fn.newValue(Type.CDOUBLE);
        block.add(new Instr.FloatArith(number, operator, left, right, null));
        Value boxed = fn.newValue(Type.FLOAT);
        block.add(new Instr.BoxFloat(boxed, number, state(offset)));
        block.setTerminator(new Terminator.Return(boxed));
        return number;
    }

    private static void run(Function fn) {
        Verifier.verify(fn);
        new UnboxFloatsAtLoad().run(fn);
        Verifier.verify(fn);
    }

    private static void assertUnchanged(Function fn, String what) {
        List<Object> before = snapshot(fn);
        run(fn);
        assertEquals(before, snapshot(fn), () -> what + ":\n" + Printer.print(fn));
        assertFalse(all(fn).stream().anyMatch(i -> i.op() == Op.LOAD_LOCAL_FLOAT || i.op() == Op.FLOAT_CONSTANT), what);
    }

    /**
     * <pre>
     * Guard x Float
     * y = LoadLocal y  resume@2[y]
     * x = LoadLocal x  resume@4[y x]
     * d = UnboxFloat x
     * g = LoadGlobal g @4 owns[y x]
     * Decref x
     * r = BoxFloat d @6 owns[y g]
     * Decref y; Decref g
     * return r
     * </pre>
     */
    @Test
    void guardedArgumentLoadedOnlyToBeUnboxedIsReadAsADouble() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value y = loadResumable(fn, entry, 1, Type.TOP, 2);
        Value x = loadResumable(fn, entry, 0, Type.TOP, 4, y);
        Value d = unbox(fn, entry, x);
        Value g = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadGlobal(g, 0, state(4, y, x)));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        Value r = fn.newValue(Type.TOP);
        entry.add(new Instr.BoxFloat(r, d, state(6, y, g)));
        entry.add(new Instr.Refcount(Op.DECREF, y));
        entry.add(new Instr.Refcount(Op.DECREF, g));
        entry.setTerminator(new Terminator.Return(r));
        GuardArguments.insert(fn, List.of(Type.FLOAT));
        new TypeInference().run(fn);
        assertEquals(Type.FLOAT, x.type());
        assertEquals(Type.OBJECT, y.type());

        run(fn);

        List<Instr> instructions = entry.instructions();
        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.LOAD_LOCAL, Op.LOAD_LOCAL_FLOAT, Op.LOAD_GLOBAL, Op.BOX_FLOAT, Op.DECREF, Op.DECREF),
                ops(entry), Printer.print(fn));
        assertEquals(new Instr.LoadLocal(y, 1, resume(2, y)), instructions.get(1), "y is an Object: still loaded");
        Instr.LoadLocalFloat read = assertInstanceOf(Instr.LoadLocalFloat.class, instructions.get(2), "at the load's position");
        assertEquals(0, read.slot());
        assertEquals(Type.CDOUBLE, read.result().type());
        assertNotSame(d, read.result(), "a new value");
        assertEquals(resume(4, y, read.result()), read.resume(), "the load's resume state, naming the double where it named x");
        assertEquals(new Instr.LoadGlobal(g, 0, state(4, y, read.result())), instructions.get(3),
                "x's place in the frame state holds the double; y is still owned");
        assertEquals(new Instr.BoxFloat(r, read.result(), state(6, y, g)), instructions.get(4), "the box takes the double read");
        assertEquals(new Instr.Refcount(Op.DECREF, y), instructions.get(5));
        assertEquals(new Instr.Refcount(Op.DECREF, g), instructions.get(6));
        assertEquals(new Terminator.Return(r), entry.terminator());
        assertGone(fn, x);
        assertGone(fn, d);
        assertFalse(all(fn).stream().anyMatch(i -> i.op() == Op.UNBOX_FLOAT), Printer.print(fn));
        assertTrue(Printer.print(fn).contains("LoadLocalFloat<x>"), Printer.print(fn));
        assertTrue(Printer.printTyped(fn).contains(read.result() + ":CDouble = LoadLocalFloat<x>  resume@4[" + y + " " + read.result() + "]\n"),
                Printer.printTyped(fn));
    }

    /** Two unboxes of one load, one in a later block whose frame state owns the load: both take the one read. */
    @Test
    void everyUnboxOfTheLoadTakesTheOneReadAcrossBlocks() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block next = fn.newBlock("next");
        Value x = loadResumable(fn, entry, 0, Type.FLOAT, 2);
        Value d1 = unbox(fn, entry, x);
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(next, List.of())));
        next.add(IrTesting.poll(state(8, x)));
        Value d2 = unbox(fn, next, x);
        next.add(new Instr.Refcount(Op.DECREF, x));
        Value product = returnBoxed(fn, next, BinaryOperator.MULTIPLY, d1, d2, 10);

        run(fn);

        Instr.LoadLocalFloat read = assertInstanceOf(Instr.LoadLocalFloat.class, entry.instructions().get(0));
        assertEquals(List.of(Op.LOAD_LOCAL_FLOAT), ops(entry), Printer.print(fn));
        assertEquals(List.of(Op.CHECK_EVAL_BREAKER, Op.FLOAT_ARITH, Op.BOX_FLOAT), ops(next), Printer.print(fn));
        assertEquals(resume(2, read.result()), read.resume());
        assertEquals(IrTesting.poll(state(8, read.result())), next.instructions().get(0), "the frame state names the double");
        assertEquals(new Instr.FloatArith(product, BinaryOperator.MULTIPLY, read.result(), read.result(), null),
                next.instructions().get(1));
        assertGone(fn, x);
        assertGone(fn, d1);
        assertGone(fn, d2);
    }

    /** 0.1, -0.0, NaN and a NaN with a payload, each loaded and unboxed: FloatConstant with the exact bits. */
    @Test
    void floatConstantsBecomeFloatConstantsWithTheExactValue() {
        Function fn = function();
        fn.setFloatConstant(C_TENTH, 0.1);
        fn.setFloatConstant(C_NEGATIVE_ZERO, -0.0);
        fn.setFloatConstant(C_NAN, Double.NaN);
        fn.setFloatConstant(C_PAYLOAD_NAN, PAYLOAD_NAN);
        Block entry = fn.newBlock("entry");
        List<Integer> indices = List.of(C_TENTH, C_NEGATIVE_ZERO, C_NAN, C_PAYLOAD_NAN);
        List<Double> values = List.of(0.1, -0.0, Double.NaN, PAYLOAD_NAN);
        List<Value> loads = new ArrayList<>();
        List<Value> unboxes = new ArrayList<>();
        Value sum = null;
        for (int index : indices) {
            Value constant = loadConst(fn, entry, index);
            Value unboxed = unbox(fn, entry, constant);
            entry.add(new Instr.Refcount(Op.DECREF, constant));
            loads.add(constant);
            unboxes.add(unboxed);
            if (sum != null) {
                Value next = fn.newValue(Type.CDOUBLE);
                entry.add(new Instr.FloatArith(next, BinaryOperator.ADD, sum, unboxed, null));
                sum = next;
            } else {
                sum = unboxed;
            }
        }
        Value r = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(r, sum, state(20)));
        entry.setTerminator(new Terminator.Return(r));

        run(fn);

        assertEquals(List.of(Op.FLOAT_CONSTANT, Op.FLOAT_CONSTANT, Op.FLOAT_ARITH, Op.FLOAT_CONSTANT, Op.FLOAT_ARITH,
                Op.FLOAT_CONSTANT, Op.FLOAT_ARITH, Op.BOX_FLOAT), ops(entry), Printer.print(fn));
        List<Instr.FloatConstant> constants = entry.instructions().stream().filter(Instr.FloatConstant.class::isInstance)
                .map(Instr.FloatConstant.class::cast).toList();
        for (int i = 0; i < indices.size(); i++) {
            Instr.FloatConstant constant = constants.get(i);
            assertEquals(indices.get(i), constant.index());
            assertEquals(Double.doubleToRawLongBits(values.get(i)), Double.doubleToRawLongBits(constant.value()),
                    "constant " + indices.get(i) + " keeps its exact bits");
            assertEquals(Type.CDOUBLE, constant.result().type());
            assertGone(fn, loads.get(i));
            assertGone(fn, unboxes.get(i));
        }
        Instr.FloatArith first = assertInstanceOf(Instr.FloatArith.class, entry.instructions().get(2));
        assertSame(constants.get(0).result(), first.left());
        assertSame(constants.get(1).result(), first.right());
        Instr.FloatArith last = assertInstanceOf(Instr.FloatArith.class, entry.instructions().get(6));
        assertSame(constants.get(3).result(), last.right());
        assertSame(last.result(), ((Instr.BoxFloat) entry.instructions().get(7)).value());
        assertTrue(Printer.print(fn).contains("FloatConstant<0.1>"), Printer.print(fn));
        assertTrue(Printer.print(fn).contains("FloatConstant<-0.0>"), Printer.print(fn));
    }

    /** A float constant whose value the builder did not record: there is no double to use, so the load stays. */
    @Test
    void floatConstantWithoutARecordedValueIsLeftAlone() {
        Function fn = function();
        fn.setFloatConstant(C_TENTH, 0.1);
        Block entry = fn.newBlock("entry");
        Value constant = loadConst(fn, entry, C_UNKNOWN);
        Value unboxed = unbox(fn, entry, constant);
        entry.add(new Instr.Refcount(Op.DECREF, constant));
        Value r = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(r, unboxed, state(4)));
        entry.setTerminator(new Terminator.Return(r));

        assertUnchanged(fn, "constant without setFloatConstant");
        assertEquals(List.of(Op.LOAD_CONST, Op.UNBOX_FLOAT, Op.DECREF, Op.BOX_FLOAT), ops(entry));
    }

    /** The load is used as an object by something else too: x is loaded, unboxed, and then used as {@code use} says. */
    private static Function usedAsAnObject(Consumer<Fixture> use) {
        Function fn = function();
        fn.setFloatConstant(C_TENTH, 0.1);
        Block entry = fn.newBlock("entry");
        Block exit = fn.newBlock("exit");
        Value x = loadResumable(fn, entry, 0, Type.FLOAT, 2);
        Value c = loadConst(fn, entry, C_TENTH);
        Value dx = unbox(fn, entry, x);
        Value dc = unbox(fn, entry, c);
        Value product = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(product, BinaryOperator.MULTIPLY, dx, dc, null));
        Value r = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(r, product, state(6, x, c)));
        exit.setTerminator(new Terminator.Return(r));
        use.accept(new Fixture(fn, entry, exit, x, c, r));
        if (entry.terminator() == null) {
            entry.setTerminator(new Terminator.Return(r));
        }
        return fn;
    }

    private record Fixture(Function fn, Block entry, Block exit, Value x, Value c, Value r) {}

    /**
     * Runs the pass on a fixture where {@code kept} (x or c) is also used as an object: that load
     * and its unbox stay as they were, while the other load, only unboxed, still becomes a double
     * (so the fixture itself is one the pass rewrites).
     */
    private static void assertKept(Function fn, Value kept, Value other, String what) {
        Instr load = all(fn).stream().filter(i -> kept.equals(i.result())).findFirst().orElseThrow();
        long uses = all(fn).stream().filter(i -> i.operands().contains(kept)).count();
        long owners = all(fn).stream().filter(i -> i.state() != null && i.state().owned().contains(kept)).count();
        List<Terminator> terminators = fn.blocks().stream().map(Block::terminator).toList();

        run(fn);

        String printed = Printer.print(fn);
        assertTrue(all(fn).contains(load), () -> what + ": the load stays\n" + printed);
        assertEquals(1, all(fn).stream().filter(i -> i.op() == Op.UNBOX_FLOAT && i.operands().equals(List.of(kept))).count(),
                () -> what + ": its unbox stays\n" + printed);
        assertEquals(uses, all(fn).stream().filter(i -> i.operands().contains(kept)).count(), () -> what + ": its uses stay\n" + printed);
        assertEquals(owners, all(fn).stream().filter(i -> i.state() != null && i.state().owned().contains(kept)).count(),
                () -> what + ": frame states still own it\n" + printed);
        assertEquals(terminators, fn.blocks().stream().map(Block::terminator).toList(), () -> what + "\n" + printed);
        assertGone(fn, other);
        assertEquals(1, all(fn).stream().filter(i -> i.op() == Op.LOAD_LOCAL_FLOAT || i.op() == Op.FLOAT_CONSTANT).count(),
                () -> what + ": the other load is rewritten\n" + printed);
    }

    @Test
    void loadsAlsoUsedAsObjectsAreLeftAlone() {
        for (boolean ofConstant : List.of(false, true)) {
            String which = ofConstant ? "constant: " : "local: ";
            List<Fixture> fixtures = new ArrayList<>();
            List<String> whats = new ArrayList<>();
            Consumer<Fixture> remember = fixtures::add;

            whats.add(which + "stored");
            usedAsAnObject(remember.andThen(f -> {
                f.entry().add(new Instr.StoreLocal(2, used(f, ofConstant)));
                f.entry().add(new Instr.Refcount(Op.DECREF, other(f, ofConstant)));
            }));
            whats.add(which + "returned");
            usedAsAnObject(remember.andThen(f -> {
                f.entry().add(new Instr.Refcount(Op.DECREF, f.r()));
                f.entry().add(new Instr.Refcount(Op.DECREF, other(f, ofConstant)));
                f.entry().setTerminator(new Terminator.Return(used(f, ofConstant)));
            }));
            whats.add(which + "passed on a jump's edge");
            usedAsAnObject(remember.andThen(f -> {
                f.entry().add(new Instr.Refcount(Op.DECREF, f.r()));
                f.entry().add(new Instr.Refcount(Op.DECREF, other(f, ofConstant)));
                Value p = f.fn().addParameter(f.exit(), Type.FLOAT);
                f.exit().setTerminator(new Terminator.Return(p));
                f.entry().setTerminator(new Terminator.Jump(new Terminator.Edge(f.exit(), List.of(used(f, ofConstant)))));
            }));
            whats.add(which + "passed on a branch's edge");
            usedAsAnObject(remember.andThen(f -> {
                f.entry().add(new Instr.Refcount(Op.DECREF, other(f, ofConstant)));
                Value p = f.fn().addParameter(f.exit(), Type.FLOAT);
                f.exit().setTerminator(new Terminator.Return(p));
                Value condition = f.fn().newValue(Type.BOOL);
                f.entry().add(new Instr.LoadConst(condition, C_UNKNOWN));
                f.entry().setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, condition,
                        new Terminator.Edge(f.exit(), List.of(f.r())),
                        new Terminator.Edge(f.exit(), List.of(used(f, ofConstant)))));
            }));
            whats.add(which + "tested by a branch");
            usedAsAnObject(remember.andThen(f -> {
                f.entry().add(new Instr.Refcount(Op.DECREF, other(f, ofConstant)));
                f.entry().setTerminator(new Terminator.Branch(Terminator.Condition.IS_NONE, used(f, ofConstant),
                        new Terminator.Edge(f.exit(), List.of()), new Terminator.Edge(f.exit(), List.of())));
            }));
            whats.add(which + "BinaryOp");
            usedAsAnObject(remember.andThen(f -> {
                Value used = used(f, ofConstant);
                Value sum = f.fn().newValue(Type.FLOAT);
                f.entry().add(new Instr.BinaryOp(sum, BinaryOperator.ADD, used, used, state(8, f.x(), f.c(), f.r())));
                f.entry().add(new Instr.Refcount(Op.DECREF, f.x()));
                f.entry().add(new Instr.Refcount(Op.DECREF, f.c()));
                f.entry().add(new Instr.Refcount(Op.DECREF, sum));
            }));
            whats.add(which + "Call argument");
            usedAsAnObject(remember.andThen(f -> {
                Value callable = f.fn().newValue(Type.OBJECT);
                f.entry().add(new Instr.LoadGlobal(callable, 0, state(8, f.x(), f.c(), f.r())));
                Value nothing = f.fn().newValue(Type.NULL);
                f.entry().add(new Instr.LoadNull(nothing));
                Value result = f.fn().newValue(Type.OBJECT);
                f.entry().add(new Instr.Call(result, callable, nothing, List.of(used(f, ofConstant)), -1,
                        state(10, f.x(), f.c(), f.r(), callable)));
                f.entry().add(new Instr.Refcount(Op.DECREF, f.x()));
                f.entry().add(new Instr.Refcount(Op.DECREF, f.c()));
                f.entry().add(new Instr.Refcount(Op.DECREF, callable));
                f.entry().add(new Instr.Refcount(Op.DECREF, result));
            }));
            whats.add(which + "Incref");
            usedAsAnObject(remember.andThen(f -> {
                f.entry().add(new Instr.Refcount(Op.INCREF, used(f, ofConstant)));
                f.entry().add(new Instr.Refcount(Op.DECREF, used(f, ofConstant)));
                f.entry().add(new Instr.Refcount(Op.DECREF, f.x()));
                f.entry().add(new Instr.Refcount(Op.DECREF, f.c()));
            }));

            assertEquals(whats.size(), fixtures.size());
            for (int i = 0; i < fixtures.size(); i++) {
                Fixture f = fixtures.get(i);
                assertKept(f.fn(), used(f, ofConstant), other(f, ofConstant), whats.get(i));
            }
        }
    }

    private static Value used(Fixture f, boolean ofConstant) {
        return ofConstant ? f.c() : f.x();
    }

    private static Value other(Fixture f, boolean ofConstant) {
        return ofConstant ? f.x() : f.c();
    }

    /** The same fixture with both loads only unboxed and released: both become doubles (so the cases above fail for their use). */
    @Test
    void theFixtureWithoutAnObjectUseIsRewritten() {
        Function fn = usedAsAnObject(f -> {
            f.entry().add(new Instr.Refcount(Op.DECREF, f.x()));
            f.entry().add(new Instr.Refcount(Op.DECREF, f.c()));
        });
        Block entry = fn.entry();
        run(fn);
        assertEquals(List.of(Op.LOAD_LOCAL_FLOAT, Op.FLOAT_CONSTANT, Op.FLOAT_ARITH, Op.BOX_FLOAT), ops(entry), Printer.print(fn));
        assertEquals(state(6, entry.instructions().get(0).result(), entry.instructions().get(1).result()),
                entry.instructions().get(3).state(), "the doubles stand where x and c were owned");
    }

    @Test
    void loadsOfOtherTypesAreLeftAlone() {
        for (Type type : List.of(Type.OBJECT, Type.TOP, Type.INT, Type.FLOAT.union(Type.INT), Type.FLOAT.union(Type.NULL), Type.BOTTOM,
                Type.CDOUBLE)) {
            Function fn = function();
            fn.setFloatConstant(C_TENTH, 0.1);
            Block entry = fn.newBlock("entry");
            Value x = loadResumable(fn, entry, 0, type, 2);
            Value dx = unbox(fn, entry, x);
            entry.add(new Instr.Refcount(Op.DECREF, x));
            Value c = fn.newValue(type);
            entry.add(new Instr.LoadConst(c, C_TENTH));
            Value dc = unbox(fn, entry, c);
            entry.add(new Instr.Refcount(Op.DECREF, c));
            Value sum = fn.newValue(Type.CDOUBLE);
            entry.add(new Instr.FloatArith(sum, BinaryOperator.ADD, dx, dc, null));
            Value r = fn.newValue(Type.FLOAT);
            entry.add(new Instr.BoxFloat(r, sum, state(4)));
            entry.setTerminator(new Terminator.Return(r));

            assertUnchanged(fn, type.toString());
        }
    }

    /**
     * A load without a resume state has nowhere to go if the local is not a float after all, so its
     * type cannot be relied on: even Float-typed and only unboxed, it stays a load.
     */
    @Test
    void loadWithoutAResumeStateIsLeftAlone() {
        assertUnchanged(loadedOnlyToBeUnboxed(x -> new Instr.LoadLocal(x, 0)), "LoadLocal without a resume state");
    }

    /** {@code x = load (Float); d = UnboxFloat x; Decref x; return BoxFloat d @4}, with the load as given. */
    private static Function loadedOnlyToBeUnboxed(java.util.function.Function<Value, Instr> load) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.FLOAT);
        entry.add(load.apply(x));
        Value dx = unbox(fn, entry, x);
        entry.add(new Instr.Refcount(Op.DECREF, x));
        Value r = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(r, dx, state(4)));
        entry.setTerminator(new Terminator.Return(r));
        return fn;
    }

    /**
     * <pre>
     * c = LoadConst 0.1
     * x = LoadLocal x  resume@4[c x]
     * y = LoadLocal y  resume@6[c x y]             (y is stored too: it stays an object)
     * z = LoadLocal x  resume@8[y] releases[c x z]
     * dc, dx, dz = UnboxFloat c, x, z; Decref c, x, z
     * StoreLocal z y
     * r = BoxFloat (dc + dx) * dz @10 owns[]
     * </pre>
     * c, x and z become doubles; every resume state, including each read's own, names the doubles instead.
     */
    @Test
    void removedLoadsAreReplacedByTheirDoublesInResumeStates() {
        Function fn = function();
        fn.setFloatConstant(C_TENTH, 0.1);
        Block entry = fn.newBlock("entry");
        Value c = loadConst(fn, entry, C_TENTH);
        Value x = loadResumable(fn, entry, 0, Type.FLOAT, 4, c);
        Value y = loadResumable(fn, entry, 1, Type.FLOAT, 6, c, x);
        Value z = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(z, 0, new ResumeState(8, List.of(y), List.of(c, x, z))));
        Value dc = unbox(fn, entry, c);
        Value dx = unbox(fn, entry, x);
        Value dz = unbox(fn, entry, z);
        entry.add(new Instr.Refcount(Op.DECREF, c));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        entry.add(new Instr.Refcount(Op.DECREF, z));
        entry.add(new Instr.StoreLocal(2, y));
        Value sum = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(sum, BinaryOperator.ADD, dc, dx, null));
        Value product = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(product, BinaryOperator.MULTIPLY, sum, dz, null));
        Value r = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(r, product, state(10)));
        entry.setTerminator(new Terminator.Return(r));

        run(fn);

        List<Instr> instructions = entry.instructions();
        assertEquals(List.of(Op.FLOAT_CONSTANT, Op.LOAD_LOCAL_FLOAT, Op.LOAD_LOCAL, Op.LOAD_LOCAL_FLOAT, Op.STORE_LOCAL,
                Op.FLOAT_ARITH, Op.FLOAT_ARITH, Op.BOX_FLOAT), ops(entry), Printer.printTyped(fn));
        Value constant = instructions.get(0).result();
        Value readX = instructions.get(1).result();
        Value readZ = instructions.get(3).result();
        assertEquals(new Instr.LoadLocalFloat(readX, 0, resume(4, constant, readX)), instructions.get(1), Printer.printTyped(fn));
        assertEquals(new Instr.LoadLocal(y, 1, resume(6, constant, readX, y)), instructions.get(2), Printer.printTyped(fn));
        assertEquals(new Instr.LoadLocalFloat(readZ, 0, new ResumeState(8, List.of(y), List.of(constant, readX, readZ))),
                instructions.get(3), Printer.printTyped(fn));
        assertEquals(new Instr.FloatArith(sum, BinaryOperator.ADD, constant, readX, null), instructions.get(5));
        assertEquals(new Instr.FloatArith(product, BinaryOperator.MULTIPLY, sum, readZ, null), instructions.get(6));
        for (Value gone : List.of(c, x, z, dc, dx, dz)) {
            assertGone(fn, gone);
        }
    }

    /** A checked load raises UnboundLocalError for an unbound local: reading the slot as a double would lose that. */
    @Test
    void checkedLoadIsLeftAlone() {
        assertUnchanged(loadedOnlyToBeUnboxed(z -> new Instr.LoadLocalChecked(z, 2, state(2))), "LoadLocalChecked");
    }

    /** Loaded and released but never unboxed (perhaps owned by a frame state): there is no double to read. */
    @Test
    void loadOnlyReleasedIsLeftAlone() {
        Function fn = function();
        fn.setFloatConstant(C_TENTH, 0.1);
        Block entry = fn.newBlock("entry");
        Value x = loadResumable(fn, entry, 0, Type.FLOAT, 2);
        Value c = loadConst(fn, entry, C_TENTH);
        Value g = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(g, 0, state(4, x, c)));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        entry.add(new Instr.Refcount(Op.DECREF, c));
        entry.setTerminator(new Terminator.Return(g));

        assertUnchanged(fn, "only released");
    }

    /**
     * <pre>
     * x0 = LoadLocal x  resume@2[x0]
     * n = LoadConst 2.5
     * StoreLocal x n
     * d = UnboxFloat x0
     * Decref x0
     * </pre>
     * The unbox is of the old value of x: the double is read before the store, where the load was.
     */
    @Test
    void theReadStaysBeforeALaterStoreToTheSameLocal() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value x0 = loadResumable(fn, entry, 0, Type.TOP, 2);
        Value n = loadConst(fn, entry, C_UNKNOWN);
        entry.add(new Instr.StoreLocal(0, n));
        Value d = unbox(fn, entry, x0);
        entry.add(new Instr.Refcount(Op.DECREF, x0));
        Value r = fn.newValue(Type.TOP);
        entry.add(new Instr.BoxFloat(r, d, state(8)));
        entry.setTerminator(new Terminator.Return(r));
        GuardArguments.insert(fn, List.of(Type.FLOAT));
        new TypeInference().run(fn);
        assertEquals(Type.FLOAT, x0.type(), "x holds floats only");

        run(fn);

        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.LOAD_LOCAL_FLOAT, Op.LOAD_CONST, Op.STORE_LOCAL, Op.BOX_FLOAT), ops(entry),
                Printer.print(fn));
        Instr.LoadLocalFloat read = assertInstanceOf(Instr.LoadLocalFloat.class, entry.instructions().get(1));
        assertEquals(0, read.slot());
        assertEquals(resume(2, read.result()), read.resume());
        assertEquals(new Instr.StoreLocal(0, n), entry.instructions().get(3));
        assertSame(read.result(), ((Instr.BoxFloat) entry.instructions().get(4)).value());
        assertGone(fn, x0);
        assertGone(fn, d);
    }

    /** x * x + 1.5 with x guarded Float, as the builder emits it, through typing and the whole optimisation pipeline. */
    @Test
    void wholePipelineLeavesOneBoxAndNoReferenceCounting() {
        Function fn = new Function("f", 1, List.of("x"), List.of(), List.of("1.5"));
        fn.setFloatConstant(0, 1.5);
        Block entry = fn.newBlock("entry");
        entry.add(IrTesting.poll(state(0)));
        // LOAD_FAST_LOAD_FAST x x at offset 2: the first load resumes before it, the second after it
        Value x1 = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(x1, 0, new ResumeState(2, List.of(), List.of(x1))));
        Value x2 = loadResumable(fn, entry, 0, Type.TOP, 4, x1);
        Value square = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(square, BinaryOperator.MULTIPLY, x1, x2, state(6, x1, x2)));
        entry.add(new Instr.Refcount(Op.DECREF, x1));
        entry.add(new Instr.Refcount(Op.DECREF, x2));
        Value c = loadConst(fn, entry, 0);
        Value sum = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, square, c, state(10, square, c)));
        entry.add(new Instr.Refcount(Op.DECREF, square));
        entry.add(new Instr.Refcount(Op.DECREF, c));
        entry.setTerminator(new Terminator.Return(sum));
        Verifier.verify(fn);

        GuardArguments.insert(fn, List.of(Type.FLOAT));
        Pipeline.run(fn, Pipeline.TYPING);
        Pipeline.run(fn, Pipeline.OPTIMISATION);
        Verifier.verify(fn);

        List<Instr> instructions = all(fn);
        assertFalse(instructions.stream().anyMatch(i -> i.op() == Op.UNBOX_FLOAT), Printer.print(fn));
        assertFalse(instructions.stream().anyMatch(i -> i.op() == Op.INCREF || i.op() == Op.DECREF), Printer.print(fn));
        assertEquals(1, instructions.stream().filter(i -> i.op() == Op.BOX_FLOAT).count(), Printer.print(fn));
        // the second load of x is the value the first one read (PromoteLocals): x is read once
        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.CHECK_EVAL_BREAKER, Op.LOAD_LOCAL_FLOAT, Op.FLOAT_ARITH,
                Op.FLOAT_CONSTANT, Op.FLOAT_ARITH, Op.BOX_FLOAT), ops(entry), Printer.print(fn));
        Instr.LoadLocalFloat load = (Instr.LoadLocalFloat) entry.instructions().get(2);
        Instr.FloatArith product = (Instr.FloatArith) entry.instructions().get(3);
        Instr.FloatConstant constant = (Instr.FloatConstant) entry.instructions().get(4);
        Instr.FloatArith addition = (Instr.FloatArith) entry.instructions().get(5);
        Instr.BoxFloat box = (Instr.BoxFloat) entry.instructions().get(6);
        assertEquals(BinaryOperator.MULTIPLY, product.operator());
        assertEquals(List.of(load.result(), load.result()), product.operands());
        assertEquals(Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(constant.value()));
        assertEquals(BinaryOperator.ADD, addition.operator());
        assertEquals(List.of(product.result(), constant.result()), addition.operands());
        assertSame(sum, box.result());
        assertSame(addition.result(), box.value());
        assertEquals(state(10, product.result(), constant.result()), box.state(),
                "nothing left to release if the box fails: the frame state names only doubles");
        assertEquals(new ResumeState(2, List.of(), List.of(load.result())), load.resume());
        assertEquals(new Terminator.Return(sum), entry.terminator());
    }

    @Test
    void runsRightAfterEliminateBoxing() {
        assertEquals("unbox-floats-at-load", new UnboxFloatsAtLoad().name());
        List<Pass> passes = Pipeline.OPTIMISATION;
        int boxing = -1;
        for (int i = 0; i < passes.size(); i++) {
            if (passes.get(i) instanceof EliminateBoxing) {
                boxing = i;
            }
        }
        assertTrue(boxing >= 0 && boxing + 1 < passes.size());
        assertInstanceOf(UnboxFloatsAtLoad.class, passes.get(boxing + 1));
    }

    /** The attributes of {@code a.x - b.x}, as the builder makes them, each guarded and unboxed at the subtraction; a and b are locals. */
    private record Attributes(Function fn, Block entry, Value a, Value ax, Value b, Value bx, Value difference) {}

    private static Attributes attributes(CacheHint hint, Type guarded, boolean resumable) {
        Function fn = new Function("f", 2, List.of("a", "b"), List.of("x"), List.of());
        Block entry = fn.newBlock("entry");
        Value a = loadResumable(fn, entry, 0, Type.OBJECT, 2);
        Value ax = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadAttr(ax, a, 0, hint, state(4, a), resumable ? new ResumeState(6, List.of(ax), List.of(a)) : null));
        entry.add(new Instr.Refcount(Op.DECREF, a));
        Value b = loadResumable(fn, entry, 1, Type.OBJECT, 8, ax);
        Value bx = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadAttr(bx, b, 0, hint, state(10, ax, b), resumable ? new ResumeState(12, List.of(ax, bx), List.of(b)) : null));
        entry.add(new Instr.Refcount(Op.DECREF, b));
        Value gx = fn.newValue(guarded);
        entry.add(new Instr.GuardType(gx, ax, guarded, resume(14, ax, bx)));
        Value gb = fn.newValue(guarded);
        entry.add(new Instr.GuardType(gb, bx, guarded, resume(14, gx, bx)));
        Value da = unbox(fn, entry, gx);
        Value db = unbox(fn, entry, gb);
        entry.add(new Instr.Refcount(Op.DECREF, gx));
        entry.add(new Instr.Refcount(Op.DECREF, gb));
        Value difference = returnBoxed(fn, entry, BinaryOperator.SUBTRACT, da, db, 14);
        return new Attributes(fn, entry, a, ax, b, bx, difference);
    }

    @Test
    void cachedAttributesGuardedAsFloatsAreReadAsDoubles() {
        Attributes f = attributes(CacheHint.ATTR_INSTANCE_VALUE, Type.FLOAT, true);

        run(f.fn());

        assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_ATTR_FLOAT, Op.DECREF, Op.LOAD_LOCAL, Op.LOAD_ATTR_FLOAT, Op.DECREF, Op.FLOAT_ARITH,
                Op.BOX_FLOAT), ops(f.entry()), Printer.print(f.fn()));
        Instr.LoadAttrFloat first = assertInstanceOf(Instr.LoadAttrFloat.class, f.entry().instructions().get(1));
        Instr.LoadAttrFloat second = assertInstanceOf(Instr.LoadAttrFloat.class, f.entry().instructions().get(4));
        Value x = first.result();
        Value y = second.result();
        assertEquals(new Instr.LoadAttrFloat(x, f.a(), 0, CacheHint.ATTR_INSTANCE_VALUE, state(4, f.a()), new ResumeState(6, List.of(x), List.of(f.a()))),
                first,
                "the load's own state; resumed after it with the object where the attribute is no float");
        assertEquals(new Instr.LoadAttrFloat(y, f.b(), 0, CacheHint.ATTR_INSTANCE_VALUE, state(10, x, f.b()),
                new ResumeState(12, List.of(x, y), List.of(f.b()))), second,
                "the first attribute's double in the second load's states: nothing to release, boxed where the interpreter resumes");
        assertEquals(new Instr.LoadLocal(f.b(), 1, resume(8, x, f.b())), f.entry().instructions().get(3));
        assertEquals(new Instr.FloatArith(f.difference(), BinaryOperator.SUBTRACT, x, y, null), f.entry().instructions().get(6));
        assertGone(f.fn(), f.ax());
        assertGone(f.fn(), f.bx());
        assertTrue(Printer.printTyped(f.fn()).contains(x + ":CDouble = LoadAttrFloat<x,attr_instance_value> " + f.a() + "  @4 owns[" + f.a()
                + "]  resume@6[" + x + "] releases[" + f.a() + "]\n"), Printer.printTyped(f.fn()));
    }

    /**
     * A load that did not speculate had no references taken off its resume state when
     * CancelRefcountPairs ran: the owner its frame state borrows (a local read off the frame) is
     * borrowed where the attribute read as a double hands the frame over, or the hand-over would
     * release a reference compiled code never took.
     */
    @Test
    void theOwnerALoadBorrowedIsBorrowedWhereItsDoubleHandsOver() {
        Attributes f = attributes(CacheHint.ATTR_INSTANCE_VALUE, Type.FLOAT, true);
        Instr.LoadAttr load = (Instr.LoadAttr) f.entry().instructions().get(1);
        assertFalse(load.speculates(), "no virtual locals: the cached load alone");
        f.entry().instructions().set(1, new Instr.LoadAttr(load.result(), load.owner(), load.nameIndex(), load.hint(),
                load.state().withBorrowed(f.a()), load.after()));

        run(f.fn());

        Instr.LoadAttrFloat read = assertInstanceOf(Instr.LoadAttrFloat.class, f.entry().instructions().get(1));
        assertEquals(List.of(f.a()), read.state().borrowed());
        assertEquals(List.of(f.a()), read.after().borrowed(), "the owner the hand-over releases was never taken");
        Instr.LoadAttrFloat other = assertInstanceOf(Instr.LoadAttrFloat.class, f.entry().instructions().get(4));
        assertEquals(List.of(), other.after().borrowed(), "nothing borrowed there");
    }

    @Test
    void attributesThatAreNotOnlyFloatsReadForTheirDoublesAreLeftAlone() {
        assertAttributesUnchanged(attributes(CacheHint.NONE, Type.FLOAT, true), "no cache: the generic load");
        assertAttributesUnchanged(attributes(CacheHint.ATTR_INSTANCE_VALUE, Type.FLOAT, false), "no resume state to hand a non-float over with");
        assertAttributesUnchanged(attributes(CacheHint.ATTR_INSTANCE_VALUE, Type.INT, true), "guarded as ints");
        Attributes kept = attributes(CacheHint.ATTR_INSTANCE_VALUE, Type.FLOAT, true);
        kept.entry().instructions().add(kept.entry().instructions().size() - 1, new Instr.StoreLocal(1, kept.ax()));
        Instr firstLoad = kept.entry().instructions().get(1);
        new UnboxFloatsAtLoad().run(kept.fn());
        assertEquals(firstLoad, kept.entry().instructions().get(1), "the object kept in a local is loaded as it was:\n" + Printer.print(kept.fn()));
        assertTrue(all(kept.fn()).stream().anyMatch(i -> i instanceof Instr.GuardType guard && guard.value().equals(kept.ax())),
                "and guarded at its use");
        assertEquals(1, all(kept.fn(), Instr.LoadAttrFloat.class).size(), "the other attribute is read as a double");
    }

    private static void assertAttributesUnchanged(Attributes f, String what) {
        List<Object> before = snapshot(f.fn());
        new UnboxFloatsAtLoad().run(f.fn());
        assertEquals(before, snapshot(f.fn()), () -> what + ":\n" + Printer.print(f.fn()));
    }
}
