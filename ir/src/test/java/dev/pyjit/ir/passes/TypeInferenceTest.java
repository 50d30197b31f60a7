package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.load;
import static dev.pyjit.ir.IrTesting.loadResumable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.CompareOperator;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.UnaryKind;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {
    private static final Type INT_OR_FLOAT = Type.INT.union(Type.FLOAT);

    private static FrameState state() {
        return new FrameState(0, List.of());
    }

    private static Function function() {
        return new Function("f", 2, List.of("x", "n"), List.of("g"), List.of("0", "1.5", "'s'", "None"));
    }

    /** A constant of the given (builder-assigned) type. */
    private static Value constant(Function fn, Block block, Type type) {
        Value value = fn.newValue(type);
        block.add(new Instr.LoadConst(value, 0));
        return value;
    }

    /** The inferred type of {@code left OP right} for constants of the given types. */
    private static Type binary(BinaryOperator operator, Type left, Type right) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value l = constant(fn, entry, left);
        Value r = constant(fn, entry, right);
        Value result = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(result, operator, l, r, state()));
        entry.setTerminator(new Terminator.Return(result));
        Pipeline.run(fn, Pipeline.TYPING);
        assertEquals(left, l.type(), "constants keep their type");
        assertEquals(right, r.type(), "constants keep their type");
        return result.type();
    }

    @Test
    void arithmeticOnExactNumbers() {
        assertEquals(Type.INT, binary(BinaryOperator.ADD, Type.INT, Type.INT));
        assertEquals(Type.FLOAT, binary(BinaryOperator.ADD, Type.INT, Type.FLOAT));
        assertEquals(Type.FLOAT, binary(BinaryOperator.ADD, Type.FLOAT, Type.INT));
        assertEquals(Type.FLOAT, binary(BinaryOperator.MULTIPLY, Type.FLOAT, Type.FLOAT));
        assertEquals(Type.FLOAT, binary(BinaryOperator.TRUE_DIVIDE, Type.INT, Type.INT));
        assertEquals(Type.INT, binary(BinaryOperator.FLOOR_DIVIDE, Type.INT, Type.INT));
        assertEquals(Type.INT, binary(BinaryOperator.REMAINDER, Type.INT, Type.BOOL));
        assertEquals(INT_OR_FLOAT, binary(BinaryOperator.POWER, Type.INT, Type.INT));
        assertEquals(Type.OBJECT, binary(BinaryOperator.POWER, Type.FLOAT, Type.FLOAT), "float ** float can be complex");
        assertEquals(Type.INT, binary(BinaryOperator.INPLACE_ADD, Type.INT, Type.INT), "in-place forms act like the base operator");
        assertEquals(Type.FLOAT, binary(BinaryOperator.INPLACE_TRUE_DIVIDE, Type.INT, Type.INT));
    }

    @Test
    void boolIsAnIntForArithmeticButBitwiseOnBoolsStaysBool() {
        assertEquals(Type.INT, binary(BinaryOperator.ADD, Type.BOOL, Type.BOOL));
        assertEquals(Type.BOOL, binary(BinaryOperator.AND, Type.BOOL, Type.BOOL));
        assertEquals(Type.BOOL, binary(BinaryOperator.XOR, Type.BOOL, Type.BOOL));
        assertEquals(Type.INT, binary(BinaryOperator.OR, Type.BOOL, Type.INT));
        assertEquals(Type.OBJECT, binary(BinaryOperator.AND, Type.FLOAT, Type.INT), "float & int raises; no result type known");
    }

    @Test
    void sequences() {
        assertEquals(Type.STR, binary(BinaryOperator.ADD, Type.STR, Type.STR));
        assertEquals(Type.STR, binary(BinaryOperator.MULTIPLY, Type.STR, Type.INT));
        assertEquals(Type.STR, binary(BinaryOperator.REMAINDER, Type.STR, Type.TUPLE));
        assertEquals(Type.LIST, binary(BinaryOperator.ADD, Type.LIST, Type.LIST));
        assertEquals(Type.TUPLE, binary(BinaryOperator.ADD, Type.TUPLE, Type.TUPLE));
        assertEquals(Type.OBJECT, binary(BinaryOperator.ADD, Type.LIST, Type.TUPLE));
        assertEquals(Type.OBJECT, binary(BinaryOperator.ADD, Type.STR, Type.INT));
    }

    @Test
    void unknownOperandsGiveObjectAndUnionsArePairwise() {
        assertEquals(Type.OBJECT, binary(BinaryOperator.ADD, Type.OBJECT, Type.INT));
        assertEquals(Type.OBJECT, binary(BinaryOperator.ADD, Type.OTHER_OBJECT, Type.OTHER_OBJECT));
        assertEquals(INT_OR_FLOAT, binary(BinaryOperator.ADD, INT_OR_FLOAT, Type.INT));
        assertEquals(Type.FLOAT, binary(BinaryOperator.ADD, INT_OR_FLOAT, Type.FLOAT));
        assertEquals(Type.OBJECT, binary(BinaryOperator.ADD, Type.STR.union(Type.INT), Type.INT), "Str + Int has no known result");
        assertEquals(Type.STR, binary(BinaryOperator.MULTIPLY, Type.STR, Type.BOOL.union(Type.INT)));
        assertEquals(INT_OR_FLOAT, binary(BinaryOperator.MULTIPLY, INT_OR_FLOAT, Type.BOOL.union(Type.INT)));
        assertEquals(Type.BOTTOM, binary(BinaryOperator.ADD, Type.BOTTOM, Type.INT), "unreachable operands give Bottom");
    }

    @Test
    void otherInstructionKinds() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value i = constant(fn, entry, Type.INT);
        Value f = constant(fn, entry, Type.FLOAT);
        Value o = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(o, 0));
        Value negInt = fn.newValue(Type.TOP);
        entry.add(new Instr.UnaryOp(negInt, UnaryKind.NEGATIVE, i, state()));
        Value invertFloat = fn.newValue(Type.TOP);
        entry.add(new Instr.UnaryOp(invertFloat, UnaryKind.INVERT, f, state()));
        Value less = fn.newValue(Type.TOP);
        entry.add(new Instr.Compare(less, CompareOperator.LT, false, i, f, state()));
        Value lessObject = fn.newValue(Type.TOP);
        entry.add(new Instr.Compare(lessObject, CompareOperator.LT, false, o, i, state()));
        Value lessObjectBool = fn.newValue(Type.TOP);
        entry.add(new Instr.Compare(lessObjectBool, CompareOperator.LT, true, o, i, state()));
        Value tuple = fn.newValue(Type.TOP);
        entry.add(new Instr.Build(tuple, Op.BUILD_TUPLE, List.of(i, f), state()));
        Value dict = fn.newValue(Type.TOP);
        entry.add(new Instr.Build(dict, Op.BUILD_MAP, List.of(o, o), state()));
        Value string = fn.newValue(Type.TOP);
        entry.add(new Instr.Unary(string, Op.FORMAT_SIMPLE, o, state()));
        Value next = fn.newValue(Type.TOP);
        entry.add(new Instr.ForIter(next, o, CacheHint.NONE, state(), null, -1));
        Value nul = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadNull(nul));
        Value not = fn.newValue(Type.TOP);
        entry.add(new Instr.Not(not, less));
        entry.setTerminator(new Terminator.Return(o));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.OBJECT, o.type());
        assertEquals(Type.INT, negInt.type());
        assertEquals(Type.OBJECT, invertFloat.type(), "~float raises");
        assertEquals(Type.BOOL, less.type());
        assertEquals(Type.OBJECT, lessObject.type(), "rich comparison of an unknown object may return anything");
        assertEquals(Type.BOOL, lessObjectBool.type(), "COMPARE_OP with the to-bool flag");
        assertEquals(Type.TUPLE, tuple.type());
        assertEquals(Type.DICT, dict.type());
        assertEquals(Type.STR.union(Type.OTHER_OBJECT), string.type(), "__format__ may return a subclass of str");
        assertEquals(Type.TOP, next.type(), "FOR_ITER may give NULL");
        assertEquals(Type.NULL, nul.type());
        assertEquals(Type.BOOL, not.type());
    }

    /**
     * <pre>
     * bb0: v0 = 0 (Int); jump bb1(v0)
     * bb1(p): cond = LoadLocal n; branch cond -> bb2(), bb3()
     * bb2: c = 1.5 (Float); s = p + c; jump bb1(s)
     * bb3: return p
     * </pre>
     * p is Int on the first visit, then Int|Float once the back edge brings a Float.
     */
    @Test
    void blockParametersJoinArgumentsAcrossALoop() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block header = fn.newBlock("header");
        Block body = fn.newBlock("body");
        Block exit = fn.newBlock("exit");
        Value zero = constant(fn, entry, Type.INT);
        entry.setTerminator(new Terminator.Jump(new Edge(header, List.of(zero))));
        Value p = fn.addParameter(header, Type.TOP);
        Value cond = fn.newValue(Type.TOP);
        header.add(new Instr.LoadLocal(cond, 1));
        header.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, cond, new Edge(body, List.of()), new Edge(exit, List.of())));
        Value c = constant(fn, body, Type.FLOAT);
        Value sum = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, p, c, state()));
        body.setTerminator(new Terminator.Jump(new Edge(header, List.of(sum))));
        exit.setTerminator(new Terminator.Return(p));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(INT_OR_FLOAT, p.type());
        assertEquals(Type.FLOAT, sum.type());
        assertEquals(Type.OBJECT, cond.type());
    }

    /** A counter that stays Int around the loop, and one that becomes Int|Float through a true division. */
    @Test
    void loopCarriedValuesReachAFixpoint() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block header = fn.newBlock("header");
        Block body = fn.newBlock("body");
        Block exit = fn.newBlock("exit");
        Value zero = constant(fn, entry, Type.INT);
        entry.setTerminator(new Terminator.Jump(new Edge(header, List.of(zero, zero))));
        Value counter = fn.addParameter(header, Type.TOP);
        Value halved = fn.addParameter(header, Type.TOP);
        Value more = fn.newValue(Type.TOP);
        header.add(new Instr.Compare(more, CompareOperator.LT, true, counter, zero, state()));
        header.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, more, new Edge(body, List.of()), new Edge(exit, List.of())));
        Value one = constant(fn, body, Type.INT);
        Value nextCounter = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(nextCounter, BinaryOperator.INPLACE_ADD, counter, one, state()));
        Value nextHalved = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(nextHalved, BinaryOperator.TRUE_DIVIDE, halved, one, state()));
        body.setTerminator(new Terminator.Jump(new Edge(header, List.of(nextCounter, nextHalved))));
        exit.setTerminator(new Terminator.Return(halved));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.INT, counter.type());
        assertEquals(Type.INT, nextCounter.type());
        assertEquals(INT_OR_FLOAT, halved.type());
        assertEquals(Type.FLOAT, nextHalved.type());
        assertEquals(Type.BOOL, more.type());
    }

    @Test
    void parametersOfUnreachableBlocksAreBottomAndBuilderTypesAreReset() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block dead = fn.newBlock("dead");
        Value none = constant(fn, entry, Type.NONE);
        entry.setTerminator(new Terminator.Return(none));
        Value p = fn.addParameter(dead, Type.TOP);
        Value doubled = fn.newValue(Type.TOP);
        dead.add(new Instr.BinaryOp(doubled, BinaryOperator.ADD, p, p, state()));
        dead.setTerminator(new Terminator.Return(doubled));
        Verifier.verify(fn);

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.BOTTOM, p.type());
        assertEquals(Type.BOTTOM, doubled.type());
        assertEquals(Type.NONE, none.type());
    }

    /**
     * A block listed before the block that defines a value it uses (legal: the verifier requires no
     * block order) must still see the value's final type: {@code use = def + def} is Int.
     */
    @Test
    void usesInBlocksListedBeforeTheDefinitionReachTheFixpoint() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block user = fn.newBlock("user");
        Block definer = fn.newBlock("definer");
        entry.setTerminator(new Terminator.Jump(new Edge(definer, List.of())));
        Value one = constant(fn, definer, Type.INT);
        Value def = fn.newValue(Type.BOTTOM);
        definer.add(new Instr.BinaryOp(def, BinaryOperator.ADD, one, one, state()));
        definer.setTerminator(new Terminator.Jump(new Edge(user, List.of())));
        Value use = fn.newValue(Type.BOTTOM);
        user.add(new Instr.BinaryOp(use, BinaryOperator.ADD, def, def, state()));
        user.setTerminator(new Terminator.Return(use));
        Verifier.verify(fn);

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.INT, def.type());
        assertEquals(Type.INT, use.type());
    }

    @Test
    void rerunningIsStable() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block join = fn.newBlock("join");
        Value s = constant(fn, entry, Type.STR);
        Value i = constant(fn, entry, Type.INT);
        Value flag = constant(fn, entry, Type.BOOL);
        entry.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, flag,
                new Edge(join, List.of(s)), new Edge(join, List.of(i))));
        Value p = fn.addParameter(join, Type.TOP);
        join.setTerminator(new Terminator.Return(p));

        TypeInference pass = new TypeInference();
        pass.run(fn);
        assertEquals(Type.STR.union(Type.INT), p.type());
        pass.run(fn);
        assertEquals(Type.STR.union(Type.INT), p.type());
        assertEquals("type-inference", pass.name());
    }

    /** f(x, n) with locals s and t: two argument slots, two slots that start unbound. */
    private static Function functionWithLocals() {
        return new Function("f", 2, List.of("x", "n", "s", "t"), List.of("g"), List.of("0", "1.5", "True"));
    }

    private static Value loadChecked(Function fn, Block block, int slot) {
        Value value = fn.newValue(Type.TOP);
        block.add(new Instr.LoadLocalChecked(value, slot, state()));
        return value;
    }

    @Test
    void guardedArgumentsHaveTheGuardedTypeAndOthersAreObject() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        entry.add(new Instr.GuardArgument(0, Type.FLOAT));
        Value x = load(fn, entry, 0);
        Value xChecked = loadChecked(fn, entry, 0);
        Value n = load(fn, entry, 1);
        Value nChecked = loadChecked(fn, entry, 1);
        Value xResumable = loadResumable(fn, entry, 0, Type.TOP, 8);
        Value doubled = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(doubled, BinaryOperator.MULTIPLY, x, xResumable, state()));
        Value mixed = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(mixed, BinaryOperator.MULTIPLY, x, xChecked, state()));
        entry.setTerminator(new Terminator.Return(n));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.FLOAT, x.type(), "a load without a resume state still takes the slot's type");
        assertEquals(Type.FLOAT, xResumable.type());
        assertEquals(Type.OBJECT, xChecked.type(), "a checked load has no resume state: it cannot speculate");
        assertEquals(Type.FLOAT, doubled.type());
        assertEquals(Type.OBJECT, mixed.type());
        assertEquals(Type.OBJECT, n.type(), "an unguarded argument can be anything");
        assertEquals(Type.OBJECT, nChecked.type());
    }

    @Test
    void guardsViaGuardArgumentsReachTheLoads() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        Value x = load(fn, entry, 0);
        Value n = load(fn, entry, 1);
        entry.setTerminator(new Terminator.Return(n));

        GuardArguments.insert(fn, List.of(Type.OBJECT, Type.INT));
        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.OBJECT, x.type());
        assertEquals(Type.INT, n.type());
    }

    /**
     * <pre>
     * bb0: flag = True; branch flag -> bb1(), bb2()
     * bb1: s = 1.5; x = 0; jump bb3()      (x is Float-guarded)
     * bb2: s = 0;   n = 0; jump bb3()
     * bb3: return s (and load x, n, s)
     * </pre>
     */
    @Test
    void aLocalIsTheUnionOfEverythingStoredIntoIt() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        Block left = fn.newBlock("left");
        Block right = fn.newBlock("right");
        Block join = fn.newBlock("join");
        entry.add(new Instr.GuardArgument(0, Type.FLOAT));
        Value flag = constant(fn, entry, Type.BOOL);
        entry.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, flag, new Edge(left, List.of()), new Edge(right, List.of())));
        Value f = constant(fn, left, Type.FLOAT);
        left.add(new Instr.StoreLocal(2, f));
        Value zero = constant(fn, left, Type.INT);
        left.add(new Instr.StoreLocal(0, zero));
        left.setTerminator(new Terminator.Jump(new Edge(join, List.of())));
        Value i = constant(fn, right, Type.INT);
        right.add(new Instr.StoreLocal(2, i));
        Value zero2 = constant(fn, right, Type.INT);
        right.add(new Instr.StoreLocal(1, zero2));
        right.setTerminator(new Terminator.Jump(new Edge(join, List.of())));
        Value s = loadChecked(fn, join, 2);
        Value sUnchecked = load(fn, join, 2);
        Value x = load(fn, join, 0);
        Value n = load(fn, join, 1);
        join.setTerminator(new Terminator.Return(s));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.OBJECT, s.type(), "checked loads are Object");
        assertEquals(INT_OR_FLOAT, sUnchecked.type());
        assertEquals(INT_OR_FLOAT, x.type(), "a guarded argument joined with what is stored into it");
        assertEquals(Type.OBJECT, n.type(), "an unguarded argument stays Object whatever is stored");
    }

    /** The load before the store sees the stored type too: slot types are flow-insensitive. */
    @Test
    void aLoadBeforeTheStoreSeesTheStoredType() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        Value before = load(fn, entry, 3);
        Value str = constant(fn, entry, Type.STR);
        entry.add(new Instr.StoreLocal(3, str));
        entry.setTerminator(new Terminator.Return(before));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.STR, before.type());
    }

    /**
     * <pre>
     * bb0: Guard x Float; z = 0.0 (Float); s = z; jump bb1()
     * bb1: more = True; branch more -> bb2(), bb3()
     * bb2: x = x + 1.5; s = s + x; jump bb1()
     * bb3: return s
     * </pre>
     * Optimistically x and s stay Float around the loop; a pessimistic start would give Object.
     */
    @Test
    void floatLoopVariablesStayFloatAtTheOptimisticFixpoint() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        Block header = fn.newBlock("header");
        Block body = fn.newBlock("body");
        Block exit = fn.newBlock("exit");
        entry.add(new Instr.GuardArgument(0, Type.FLOAT));
        Value zero = constant(fn, entry, Type.FLOAT);
        entry.add(new Instr.StoreLocal(2, zero));
        entry.setTerminator(new Terminator.Jump(new Edge(header, List.of())));
        Value more = constant(fn, header, Type.BOOL);
        header.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, more, new Edge(body, List.of()), new Edge(exit, List.of())));
        Value x = load(fn, body, 0);
        Value step = constant(fn, body, Type.FLOAT);
        Value nextX = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(nextX, BinaryOperator.ADD, x, step, state()));
        body.add(new Instr.Refcount(Op.DECREF, x));
        body.add(new Instr.Refcount(Op.DECREF, step));
        body.add(new Instr.StoreLocal(0, nextX));
        Value s = load(fn, body, 2);
        Value x2 = load(fn, body, 0);
        Value nextS = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(nextS, BinaryOperator.INPLACE_ADD, s, x2, state()));
        body.add(new Instr.Refcount(Op.DECREF, s));
        body.add(new Instr.Refcount(Op.DECREF, x2));
        body.add(new Instr.StoreLocal(2, nextS));
        body.setTerminator(new Terminator.Jump(new Edge(header, List.of())));
        Value result = load(fn, exit, 2);
        Value resultChecked = loadChecked(fn, exit, 2);
        exit.setTerminator(new Terminator.Return(result));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.FLOAT, x.type());
        assertEquals(Type.FLOAT, nextX.type());
        assertEquals(Type.FLOAT, x2.type());
        assertEquals(Type.FLOAT, s.type());
        assertEquals(Type.FLOAT, nextS.type());
        assertEquals(Type.FLOAT, result.type());
        assertEquals(Type.OBJECT, resultChecked.type(), "the same local loaded checked");
    }

    /** Without the guard, x is Object and so is everything computed from it. */
    @Test
    void theSameLoopWithoutAGuardIsObject() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        Block body = fn.newBlock("body");
        entry.setTerminator(new Terminator.Jump(new Edge(body, List.of())));
        Value x = load(fn, body, 0);
        Value step = constant(fn, body, Type.FLOAT);
        Value nextX = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(nextX, BinaryOperator.ADD, x, step, state()));
        body.add(new Instr.StoreLocal(0, nextX));
        body.setTerminator(new Terminator.Jump(new Edge(body, List.of())));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.OBJECT, x.type());
        assertEquals(Type.OBJECT, nextX.type());
    }

    @Test
    void loadOfASlotThatIsNeverBoundIsBottom() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        Value never = load(fn, entry, 2);        // slot 2: not an argument, never stored
        Value beyond = load(fn, entry, 7);       // past every slot the function mentions
        Value sum = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, never, never, state()));
        Value t = constant(fn, entry, Type.INT);
        entry.add(new Instr.StoreLocal(3, t));
        Value stored = load(fn, entry, 3);
        Value neverChecked = loadChecked(fn, entry, 2);
        Value storedChecked = loadChecked(fn, entry, 3);
        entry.setTerminator(new Terminator.Return(stored));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.BOTTOM, never.type(), "no successful load of an unbound slot exists");
        assertEquals(Type.BOTTOM, beyond.type());
        assertEquals(Type.BOTTOM, sum.type());
        assertEquals(Type.INT, stored.type());
        assertEquals(Type.OBJECT, neverChecked.type(), "a checked load is Object whatever the slot holds");
        assertEquals(Type.OBJECT, storedChecked.type());
    }

    @Test
    void floatInstructionsHaveTheirFixedTypes() {
        Function fn = functionWithLocals();
        Block entry = fn.newBlock("entry");
        entry.add(new Instr.GuardArgument(0, Type.FLOAT));
        Value x = load(fn, entry, 0);
        Value unboxed = fn.newValue(Type.TOP);
        entry.add(new Instr.UnboxFloat(unboxed, x));
        Value product = fn.newValue(Type.TOP);
        entry.add(new Instr.FloatArith(product, BinaryOperator.MULTIPLY, unboxed, unboxed, null));
        Value quotient = fn.newValue(Type.TOP);
        entry.add(new Instr.FloatArith(quotient, BinaryOperator.TRUE_DIVIDE, product, unboxed, state()));
        Value less = fn.newValue(Type.TOP);
        entry.add(new Instr.FloatCompare(less, CompareOperator.LT, product, quotient));
        Value boxed = fn.newValue(Type.TOP);
        entry.add(new Instr.BoxFloat(boxed, quotient, state()));
        entry.setTerminator(new Terminator.Return(boxed));

        Pipeline.run(fn, Pipeline.TYPING);

        assertEquals(Type.CDOUBLE, unboxed.type());
        assertEquals(Type.CDOUBLE, product.type());
        assertEquals(Type.CDOUBLE, quotient.type());
        assertEquals(Type.BOOL, less.type());
        assertEquals(Type.FLOAT, boxed.type());
    }

    /** A handler's parameters: the kept stack as raised from (joined over every raise), lasti an int, the exception an object. */
    @Test
    void aHandlersParametersComeFromTheRaisesThatReachIt() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block handler = fn.newBlock("handler");
        for (int i = 0; i < 3; i++) {
            fn.addParameter(handler, Type.TOP);
        }
        FrameState.Handler catching = new FrameState.Handler(30, 1, true, handler);
        Value kept = constant(fn, entry, Type.STR);
        Value sum = fn.newValue(Type.OBJECT);
        entry.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, kept, kept, new FrameState(4, List.of(kept), catching)));
        Value other = constant(fn, entry, Type.NONE);
        Value product = fn.newValue(Type.OBJECT);
        entry.add(new Instr.BinaryOp(product, BinaryOperator.MULTIPLY, other, other, new FrameState(8, List.of(other), catching)));
        entry.setTerminator(new Terminator.Return(sum));
        handler.setTerminator(new Terminator.Return(handler.parameters().get(2)));
        new TypeInference().run(fn);
        Verifier.verify(fn);
        assertEquals(Type.STR.union(Type.NONE), handler.parameters().get(0).type());
        assertEquals(Type.INT, handler.parameters().get(1).type());
        assertEquals(Type.OBJECT, handler.parameters().get(2).type());
    }
}
