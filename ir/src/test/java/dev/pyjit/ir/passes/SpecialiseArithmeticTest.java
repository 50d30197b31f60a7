package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CompareOperator;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialiseArithmeticTest {
    private static Function function() {
        return new Function("f", 2, List.of("a", "b"), List.of(), List.of());
    }

    /** The instructions of {@code entry: l = a; r = b; res = <make>(l, r) @10 owns[l r]; Decref l; Decref r; return res}. */
    private record Fixture(Function fn, Value left, Value right, Value result, FrameState state, Instr original) {
        List<Instr> instructions() {
            return fn.entry().instructions();
        }
    }

    private interface Maker {
        Instr make(Value result, Value left, Value right, FrameState state);
    }

    private static Fixture fixture(Type leftType, Type rightType, Maker maker) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value left = fn.newValue(leftType);
        entry.add(new Instr.LoadLocal(left, 0));
        Value right = fn.newValue(rightType);
        entry.add(new Instr.LoadLocal(right, 1));
        Value result = fn.newValue(Type.OBJECT);
        FrameState state = new FrameState(10, List.of(left, right));
        Instr original = maker.make(result, left, right, state);
        entry.add(original);
        entry.add(new Instr.Refcount(Op.DECREF, left));
        entry.add(new Instr.Refcount(Op.DECREF, right));
        entry.setTerminator(new Terminator.Return(result));
        Verifier.verify(fn);
        return new Fixture(fn, left, right, result, state, original);
    }

    private static Fixture binary(BinaryOperator operator, Type leftType, Type rightType) {
        Fixture fixture = fixture(leftType, rightType, (result, l, r, state) -> new Instr.BinaryOp(result, operator, l, r, state));
        fixture.result().setType(Type.FLOAT.equals(leftType) && Type.FLOAT.equals(rightType) ? Type.FLOAT : Type.OBJECT);
        return fixture;
    }

    private static void run(Function fn) {
        new SpecialiseArithmetic().run(fn);
        Verifier.verify(fn);
    }

    private static void assertSpecialised(BinaryOperator operator, BinaryOperator base) {
        Fixture fixture = binary(operator, Type.FLOAT, Type.FLOAT);
        run(fixture.fn());
        List<Instr> instructions = fixture.instructions();
        String what = operator.name();
        assertEquals(8, instructions.size(), what);
        assertEquals(new Instr.LoadLocal(fixture.left(), 0), instructions.get(0), what);
        assertEquals(new Instr.LoadLocal(fixture.right(), 1), instructions.get(1), what);
        Instr.UnboxFloat unboxLeft = assertInstanceOf(Instr.UnboxFloat.class, instructions.get(2), what);
        Instr.UnboxFloat unboxRight = assertInstanceOf(Instr.UnboxFloat.class, instructions.get(3), what);
        Instr.FloatArith arith = assertInstanceOf(Instr.FloatArith.class, instructions.get(4), what);
        Instr.BoxFloat box = assertInstanceOf(Instr.BoxFloat.class, instructions.get(5), what);
        assertEquals(new Instr.Refcount(Op.DECREF, fixture.left()), instructions.get(6), what);
        assertEquals(new Instr.Refcount(Op.DECREF, fixture.right()), instructions.get(7), what);

        assertSame(fixture.left(), unboxLeft.value(), what);
        assertSame(fixture.right(), unboxRight.value(), what);
        assertEquals(Type.CDOUBLE, unboxLeft.result().type(), what);
        assertEquals(Type.CDOUBLE, unboxRight.result().type(), what);
        assertEquals(base, arith.operator(), what + ": the in-place flavour computes the same");
        assertSame(unboxLeft.result(), arith.left(), what);
        assertSame(unboxRight.result(), arith.right(), what);
        assertEquals(Type.CDOUBLE, arith.result().type(), what);
        boolean divide = base == BinaryOperator.TRUE_DIVIDE;
        assertEquals(divide ? Op.FLOAT_DIVIDE : Op.FLOAT_ARITH, arith.op(), what);
        if (divide) {
            assertEquals(fixture.state(), arith.state(), what + ": division can raise ZeroDivisionError");
        } else {
            assertNull(arith.state(), what + ": +, -, * cannot raise");
        }
        assertSame(fixture.result(), box.result(), what + ": the box defines the original result");
        assertSame(arith.result(), box.value(), what);
        assertEquals(fixture.state(), box.state(), what + ": the box releases what the BinaryOp did if it fails");
        assertEquals(Type.FLOAT, box.result().type(), what);
        assertEquals(new Terminator.Return(fixture.result()), fixture.fn().entry().terminator(), what);
    }

    @Test
    void arithmeticOnTwoFloatsIsUnboxed() {
        assertSpecialised(BinaryOperator.ADD, BinaryOperator.ADD);
        assertSpecialised(BinaryOperator.SUBTRACT, BinaryOperator.SUBTRACT);
        assertSpecialised(BinaryOperator.MULTIPLY, BinaryOperator.MULTIPLY);
        assertSpecialised(BinaryOperator.TRUE_DIVIDE, BinaryOperator.TRUE_DIVIDE);
    }

    @Test
    void inPlaceArithmeticOnTwoFloatsIsUnboxed() {
        assertSpecialised(BinaryOperator.INPLACE_ADD, BinaryOperator.ADD);
        assertSpecialised(BinaryOperator.INPLACE_SUBTRACT, BinaryOperator.SUBTRACT);
        assertSpecialised(BinaryOperator.INPLACE_MULTIPLY, BinaryOperator.MULTIPLY);
        assertSpecialised(BinaryOperator.INPLACE_TRUE_DIVIDE, BinaryOperator.TRUE_DIVIDE);
    }

    private static void assertUnchanged(Fixture fixture, String what) {
        List<Instr> before = new ArrayList<>(fixture.instructions());
        Type resultType = fixture.result().type();
        run(fixture.fn());
        assertEquals(before, fixture.instructions(), what);
        assertSame(fixture.original(), fixture.instructions().get(2), what);
        assertEquals(resultType, fixture.result().type(), what);
    }

    @Test
    void otherOperatorsAndOperandTypesAreLeftAlone() {
        for (BinaryOperator operator : List.of(BinaryOperator.POWER, BinaryOperator.INPLACE_POWER, BinaryOperator.FLOOR_DIVIDE,
                BinaryOperator.REMAINDER, BinaryOperator.INPLACE_FLOOR_DIVIDE, BinaryOperator.AND)) {
            assertUnchanged(binary(operator, Type.FLOAT, Type.FLOAT), operator.name());
        }
        List<List<Type>> operandTypes = List.of(
                List.of(Type.FLOAT, Type.INT), List.of(Type.INT, Type.FLOAT), List.of(Type.OBJECT, Type.FLOAT),
                List.of(Type.FLOAT, Type.OBJECT), List.of(Type.INT, Type.INT), List.of(Type.FLOAT.union(Type.INT), Type.FLOAT),
                List.of(Type.FLOAT, Type.BOOL), List.of(Type.BOTTOM, Type.FLOAT), List.of(Type.FLOAT, Type.FLOAT.union(Type.NULL)));
        for (List<Type> types : operandTypes) {
            for (BinaryOperator operator : List.of(BinaryOperator.ADD, BinaryOperator.TRUE_DIVIDE)) {
                assertUnchanged(binary(operator, types.get(0), types.get(1)), operator + " " + types);
            }
        }
    }

    @Test
    void comparisonOfTwoFloatsBecomesFloatCompare() {
        for (CompareOperator operator : CompareOperator.values()) {
            for (boolean toBool : List.of(false, true)) {
                Fixture fixture = fixture(Type.FLOAT, Type.FLOAT,
                        (result, l, r, state) -> new Instr.Compare(result, operator, toBool, l, r, state));
                String what = operator + (toBool ? ",bool" : "");
                run(fixture.fn());
                List<Instr> instructions = fixture.instructions();
                assertEquals(7, instructions.size(), what);
                Instr.UnboxFloat unboxLeft = assertInstanceOf(Instr.UnboxFloat.class, instructions.get(2), what);
                Instr.UnboxFloat unboxRight = assertInstanceOf(Instr.UnboxFloat.class, instructions.get(3), what);
                assertSame(fixture.left(), unboxLeft.value(), what);
                assertSame(fixture.right(), unboxRight.value(), what);
                assertEquals(new Instr.FloatCompare(fixture.result(), operator, unboxLeft.result(), unboxRight.result()),
                        instructions.get(4), what);
                assertEquals(Type.BOOL, fixture.result().type(), what + ": a float comparison is an exact bool");
                assertEquals(new Instr.Refcount(Op.DECREF, fixture.left()), instructions.get(5), what);
                assertEquals(new Instr.Refcount(Op.DECREF, fixture.right()), instructions.get(6), what);
            }
        }
    }

    @Test
    void comparisonsWithANonFloatAreLeftAlone() {
        for (List<Type> types : List.of(List.of(Type.FLOAT, Type.INT), List.of(Type.OBJECT, Type.FLOAT), List.of(Type.INT, Type.INT))) {
            assertUnchanged(fixture(types.get(0), types.get(1),
                    (result, l, r, state) -> new Instr.Compare(result, CompareOperator.LT, false, l, r, state)), types.toString());
        }
    }

    @Test
    void aValueUsedTwiceIsUnboxedTwiceAndEveryBlockIsRewritten() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block second = fn.newBlock("second");
        Value x = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x, 0));
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(second, List.of())));
        Value square = fn.newValue(Type.FLOAT);
        second.add(new Instr.BinaryOp(square, BinaryOperator.MULTIPLY, x, x, new FrameState(4, List.of(x))));
        second.setTerminator(new Terminator.Return(square));

        run(fn);

        List<Instr> instructions = second.instructions();
        assertEquals(List.of(Op.UNBOX_FLOAT, Op.UNBOX_FLOAT, Op.FLOAT_ARITH, Op.BOX_FLOAT), instructions.stream().map(Instr::op).toList());
        assertNotSame(instructions.get(0).result(), instructions.get(1).result());
        assertEquals(List.of(x), instructions.get(0).operands());
        assertEquals(List.of(x), instructions.get(1).operands());
    }

    @Test
    void floatArithAcceptsOnlyItsFourOperators() {
        Function fn = function();
        Value d = fn.newValue(Type.CDOUBLE);
        assertThrows(IllegalArgumentException.class, () -> new Instr.FloatArith(d, BinaryOperator.POWER, d, d, null));
        assertThrows(IllegalArgumentException.class, () -> new Instr.FloatArith(d, BinaryOperator.INPLACE_ADD, d, d, null));
        assertEquals(Op.FLOAT_ARITH, new Instr.FloatArith(d, BinaryOperator.SUBTRACT, d, d, null).op());
        assertEquals(Op.FLOAT_DIVIDE, new Instr.FloatArith(d, BinaryOperator.TRUE_DIVIDE, d, d, new FrameState(0, List.of())).op());
    }

    /** Guards and type inference produce the Float types the pass needs, end to end. */
    @Test
    void guardedArgumentsAreSpecialisedAfterTypeInference() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value a = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(a, 0));
        Value b = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(b, 1));
        Value sum = fn.newValue(Type.TOP);
        entry.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, a, b, new FrameState(4, List.of(a, b))));
        entry.add(new Instr.Refcount(Op.DECREF, a));
        entry.add(new Instr.Refcount(Op.DECREF, b));
        entry.setTerminator(new Terminator.Return(sum));

        GuardArguments.insert(fn, List.of(Type.FLOAT, Type.FLOAT));
        Pipeline.run(fn, Pipeline.TYPING);
        Pipeline.run(fn, List.of(new SpecialiseArithmetic()));

        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.GUARD_ARGUMENT, Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.UNBOX_FLOAT, Op.UNBOX_FLOAT,
                Op.FLOAT_ARITH, Op.BOX_FLOAT, Op.DECREF, Op.DECREF), ops(entry));

        Function unguarded = function();
        Block entry2 = unguarded.newBlock("entry");
        Value a2 = unguarded.newValue(Type.TOP);
        entry2.add(new Instr.LoadLocal(a2, 0));
        Value sum2 = unguarded.newValue(Type.TOP);
        entry2.add(new Instr.BinaryOp(sum2, BinaryOperator.ADD, a2, a2, new FrameState(4, List.of(a2))));
        entry2.setTerminator(new Terminator.Return(sum2));
        GuardArguments.insert(unguarded, List.of(Type.OBJECT, Type.FLOAT));
        Pipeline.run(unguarded, Pipeline.TYPING);
        Pipeline.run(unguarded, List.of(new SpecialiseArithmetic()));
        assertEquals(List.of(Op.GUARD_ARGUMENT, Op.LOAD_LOCAL, Op.BINARY_OP), ops(entry2),
                "only slot b is guarded; a + a is on Objects");
    }

    /** {@code return <kind> a} for an exact int a, resuming at offset 4 with a on the stack. */
    private static Function unary(dev.pyjit.ir.UnaryKind kind, Type operandType, boolean resumable) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value operand = fn.newValue(operandType);
        entry.add(new Instr.LoadLocal(operand, 0));
        Value result = fn.newValue(Type.INT);
        entry.add(new Instr.UnaryOp(result, kind, operand, new FrameState(4, List.of(operand)),
                resumable ? new dev.pyjit.ir.ResumeState(4, List.of(operand), List.of()) : null));
        entry.add(new Instr.Refcount(Op.DECREF, operand));
        entry.setTerminator(new Terminator.Return(result));
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void minusAndInvertOfAnIntAreIntArithmetic() {
        Function negative = unary(dev.pyjit.ir.UnaryKind.NEGATIVE, Type.INT, true);
        run(negative);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Int = LoadLocal<a>
                  v2:CInt64 = UnboxInt v0  resume@4[v0]
                  v3:CInt64 = IntConstant<0>
                  v4:CInt64 = IntArith<SUBTRACT> v3 v2  resume@4[v0]
                  v1:Int = BoxInt v4  @4 owns[v0]
                  Decref v0
                  Return v1
                }
                """, dev.pyjit.ir.Printer.printTyped(negative));
        Function invert = unary(dev.pyjit.ir.UnaryKind.INVERT, Type.INT, true);
        run(invert);
        assertEquals(List.of(Op.LOAD_LOCAL, Op.UNBOX_INT, Op.INT_CONSTANT, Op.INT_ARITH, Op.BOX_INT, Op.DECREF), ops(invert.entry()));
        Instr.IntArith xor = (Instr.IntArith) invert.entry().instructions().get(3);
        assertEquals(BinaryOperator.XOR, xor.operator());
        assertEquals(-1L, ((Instr.IntConstant) invert.entry().instructions().get(2)).value());
    }

    @Test
    void unaryOperatorsOfOtherOperandsOrWithoutAResumptionAreLeftAlone() {
        for (Function fn : List.of(unary(dev.pyjit.ir.UnaryKind.NEGATIVE, Type.FLOAT, true), unary(dev.pyjit.ir.UnaryKind.NEGATIVE, Type.OBJECT, true),
                unary(dev.pyjit.ir.UnaryKind.INVERT, Type.INT, false), unary(dev.pyjit.ir.UnaryKind.POSITIVE, Type.INT, true))) {
            run(fn);
            assertEquals(List.of(Op.LOAD_LOCAL, Op.UNARY_OP, Op.DECREF), ops(fn.entry()));
        }
    }

    @Test
    void name() {
        assertEquals("specialise-arithmetic", new SpecialiseArithmetic().name());
    }
}
