package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.all;
import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.snapshot;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnboxArgumentsTest {
    /** A body's function f(i, x) with a local k. */
    private static Function body() {
        return new Function("f", 2, List.of("i", "x", "k"), List.of(), List.of());
    }

    /** LoadLocal slot, guarded to {@code boxed}, unboxed (with a resume state for an int), the guarded object released: the number. */
    private static Value guardedNumber(Function fn, Block block, int slot, Type boxed, int offset) {
        Value object = fn.newValue(Type.OBJECT);
        block.add(new Instr.LoadLocal(object, slot));
        Value guarded = fn.newValue(boxed);
        block.add(new Instr.GuardType(guarded, object, boxed, resume(offset, object)));
        Value number;
        if (boxed.equals(Type.INT)) {
            number = fn.newValue(Type.CINT64);
            block.add(new Instr.UnboxInt(number, guarded, resume(offset, guarded)));
        } else {
            number = fn.newValue(Type.CDOUBLE);
            block.add(new Instr.UnboxFloat(number, guarded));
        }
        block.add(new Instr.Refcount(Op.DECREF, guarded));
        return number;
    }

    private static void run(Function fn) {
        Verifier.verify(fn);
        new UnboxArguments().run(fn);
        Verifier.verify(fn);
    }

    @Test
    void argumentsLoadedOnlyToBeUnboxedBecomeTheCallsNumbers() {
        Function fn = body();
        Block entry = fn.newBlock("entry");
        Value i = guardedNumber(fn, entry, 0, Type.INT, 2);
        Value again = guardedNumber(fn, entry, 0, Type.INT, 4);
        Value sum = fn.newValue(Type.CINT64);
        entry.add(new Instr.IntArith(sum, BinaryOperator.ADD, i, again, resume(6)));
        Value x = guardedNumber(fn, entry, 1, Type.FLOAT, 8);
        Value scaled = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.IntToFloat(scaled, sum));
        Value product = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(product, BinaryOperator.MULTIPLY, scaled, x, null));
        Value boxed = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(boxed, product, state(10)));
        entry.setTerminator(new Terminator.Return(boxed));

        run(fn);

        assertEquals("""
                function f {
                bb0:  # entry
                  v13 = Argument<i>
                  v14 = Argument<i>
                  v6 = IntArith<ADD> v13 v14
                  v15 = Argument<x>
                  v10 = IntToFloat v6
                  v11 = FloatArith<MULTIPLY> v10 v15
                  v12 = BoxFloat v11  @10 owns[]
                  Return v12
                }
                """, Printer.print(fn));
    }

    @Test
    void aLoadWhoseObjectIsUsedStaysWhileAnotherLoadOfTheArgumentIsUnboxed() {
        Function fn = body();
        Block entry = fn.newBlock("entry");
        Value number = guardedNumber(fn, entry, 0, Type.INT, 2);
        Value object = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(object, 0));
        Value negative = fn.newValue(Type.CINT64);
        entry.add(new Instr.IntArith(negative, BinaryOperator.SUBTRACT, number, number, resume(4, object)));
        entry.add(new Instr.Refcount(Op.DECREF, object));
        entry.setTerminator(new Terminator.Return(object));

        run(fn);

        assertEquals(List.of(Op.ARGUMENT, Op.LOAD_LOCAL, Op.INT_ARITH, Op.DECREF), all(fn).stream().map(Instr::op).toList());
        Instr.IntArith arith = all(fn, Instr.IntArith.class).get(0);
        Value argument = all(fn).get(0).result();
        assertEquals(List.of(argument, argument), arith.operands());
        assertEquals(List.of(object), arith.resume().stack(), "the object a state holds is still the loaded one");
    }

    @Test
    void anArgumentGuardedAsAnIntAndAsAFloatIsLeftAsItIs() {
        Function fn = body();
        Block entry = fn.newBlock("entry");
        Block other = fn.newBlock("other");
        Value flag = fn.newValue(Type.BOOL);
        entry.add(new Instr.LoadConst(flag, 0));
        entry.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, flag, new Terminator.Edge(other, List.of()),
                new Terminator.Edge(other, List.of())));
        guardedNumber(fn, other, 0, Type.INT, 2);
        guardedNumber(fn, other, 0, Type.FLOAT, 4);
        Value none = fn.newValue(Type.NONE);
        other.add(new Instr.LoadConst(none, 0));
        other.setTerminator(new Terminator.Return(none));
        List<Object> before = snapshot(fn);

        run(fn);

        assertEquals(before, snapshot(fn), () -> Printer.print(fn));
    }

    @Test
    void localsThatAreNotArgumentsAndObjectsNeverUnboxedAreLeftAsTheyAre() {
        Function fn = body();
        Block entry = fn.newBlock("entry");
        Value k = guardedNumber(fn, entry, 2, Type.INT, 2);
        Value object = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(object, 1));
        Value guarded = fn.newValue(Type.INT);
        entry.add(new Instr.GuardType(guarded, object, Type.INT, resume(4, object)));
        Value boxed = fn.newValue(Type.INT);
        entry.add(new Instr.BoxInt(boxed, k, state(6, guarded)));
        entry.add(new Instr.Refcount(Op.DECREF, guarded));
        entry.setTerminator(new Terminator.Return(boxed));
        List<Object> before = snapshot(fn);

        run(fn);

        assertEquals(before, snapshot(fn), () -> Printer.print(fn));
    }
}
