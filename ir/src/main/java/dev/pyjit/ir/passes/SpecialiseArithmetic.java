package dev.pyjit.ir.passes;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.UnaryKind;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic and comparisons whose operands are both exact floats, or both exact ints, become
 * operations on unboxed numbers: {@code v3 = BinaryOp<ADD> v1 v2} turns into unbox, unbox,
 * {@code FloatArith<ADD>} or {@code IntArith<ADD>}, and a box into v3, which keeps v3's uses and
 * ownership as they were; a comparison turns into unbox, unbox, {@code FloatCompare} or
 * {@code IntCompare}. EliminateBoxing then keeps the numbers unboxed from one operation to the next.
 *
 * <p>Floats: CPython's float does exactly IEEE double arithmetic for these operators, so the
 * results are bit for bit the same. Arithmetic of a float and an int converts the int to the
 * nearest double first ({@code IntToFloat}), as CPython does; comparisons of the two do not (Python
 * compares them exactly), so they stay generic. A math function ({@code Instr.CallMath}) of a float
 * or an int is given its double. Ints: Python's have no bounds, so an operand or a result
 * beyond 64 bits, or a zero divisor, hands the frame to the interpreter before the instruction
 * (its resume state), and the interpreter computes it with big ints or raises. Unary minus and
 * invert of an exact int are int arithmetic too.
 */
public final class SpecialiseArithmetic implements Pass {
    @Override
    public String name() {
        return "specialise-arithmetic";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            List<Instr> rewritten = new ArrayList<>();
            for (Instr instruction : block.instructions()) {
                boolean replaced = instruction instanceof Instr.BinaryOp op ? specialised(function, op, rewritten)
                        : instruction instanceof Instr.UnaryOp op ? specialised(function, op, rewritten)
                        : instruction instanceof Instr.Compare compare && specialised(function, compare, rewritten);
                if (instruction instanceof Instr.CallMath call) {
                    rewritten.add(withDoubleArgument(function, call, rewritten));
                } else if (!replaced) {
                    rewritten.add(instruction);
                }
            }
            block.instructions().clear();
            block.instructions().addAll(rewritten);
        }
    }

    /** Adds the unboxed form of the operation to {@code into}, if its operands allow one. */
    private static boolean specialised(Function function, Instr.BinaryOp op, List<Instr> into) {
        if (floatArithmetic(op) && Instr.FloatArith.FLOAT_OPERATORS.contains(op.operator().base())) {
            Value left = asDouble(function, op.left(), op.resume(), into);
            Value right = asDouble(function, op.right(), op.resume(), into);
            Value result = function.newValue(Type.CDOUBLE);
            FrameState divideState = Instr.FloatArith.canRaise(op.operator().base()) ? op.state() : null;
            into.add(new Instr.FloatArith(result, op.operator().base(), left, right, divideState));
            into.add(new Instr.BoxFloat(op.result(), result, op.state()));
            return true;
        }
        if (op.resume() != null && both(Type.INT, op.left(), op.right()) && Instr.IntArith.INT_OPERATORS.contains(op.operator().base())) {
            Value left = unbox(function, Type.INT, op.left(), op.resume(), into);
            Value right = unbox(function, Type.INT, op.right(), op.resume(), into);
            Value result = function.newValue(Type.CINT64);
            into.add(new Instr.IntArith(result, op.operator().base(), left, right, op.resume()));
            into.add(new Instr.BoxInt(op.result(), result, op.state()));
            return true;
        }
        return false;
    }

    /** -x as 0 - x (which overflows only for the least int64), ~x as x ^ -1, on an exact int's 64 bits. */
    private static boolean specialised(Function function, Instr.UnaryOp op, List<Instr> into) {
        boolean negative = op.kind() == UnaryKind.NEGATIVE;
        if (op.resume() == null || !op.operand().type().equals(Type.INT) || !negative && op.kind() != UnaryKind.INVERT) {
            return false;
        }
        Value operand = unbox(function, Type.INT, op.operand(), op.resume(), into);
        Value constant = function.newValue(Type.CINT64);
        into.add(new Instr.IntConstant(constant, Instr.IntConstant.MADE, negative ? 0 : -1));
        Value result = function.newValue(Type.CINT64);
        into.add(negative ? new Instr.IntArith(result, BinaryOperator.SUBTRACT, constant, operand, op.resume())
                : new Instr.IntArith(result, BinaryOperator.XOR, operand, constant, op.resume()));
        into.add(new Instr.BoxInt(op.result(), result, op.state()));
        return true;
    }

    private static boolean specialised(Function function, Instr.Compare compare, List<Instr> into) {
        Type type = both(Type.FLOAT, compare.left(), compare.right()) ? Type.FLOAT
                : compare.resume() != null && both(Type.INT, compare.left(), compare.right()) ? Type.INT : null;
        if (type == null) {
            return false;
        }
        Value left = unbox(function, type, compare.left(), compare.resume(), into);
        Value right = unbox(function, type, compare.right(), compare.resume(), into);
        compare.result().setType(Type.BOOL);
        into.add(type.equals(Type.FLOAT) ? new Instr.FloatCompare(compare.result(), compare.operator(), left, right)
                : new Instr.IntCompare(compare.result(), compare.operator(), left, right));
        return true;
    }

    /** A math function of a float or an int object takes its double, which EliminateBoxing can then find unboxed already. */
    private static Instr.CallMath withDoubleArgument(Function function, Instr.CallMath call, List<Instr> into) {
        Type type = call.argument().type();
        if (!type.equals(Type.FLOAT) && !type.equals(Type.INT)) {
            return call;
        }
        return new Instr.CallMath(call.result(), call.function(), call.callable(), asDouble(function, call.argument(), call.resume(), into),
                call.resume());
    }

    /**
     * Two floats, or a float and an int, which float arithmetic converts to the nearest double; an
     * int needs the instruction's resume state, for an int beyond 64 bits.
     */
    private static boolean floatArithmetic(Instr.BinaryOp op) {
        Type left = op.left().type();
        Type right = op.right().type();
        boolean mixed = left.equals(Type.FLOAT) && right.equals(Type.INT) || left.equals(Type.INT) && right.equals(Type.FLOAT);
        return both(Type.FLOAT, op.left(), op.right()) || mixed && op.resume() != null;
    }

    /** The double of a float, or the double nearest an int (beyond 64 bits, it resumes in the interpreter at {@code resume}). */
    static Value asDouble(Function function, Value boxed, ResumeState resume, List<Instr> into) {
        if (boxed.type().equals(Type.FLOAT)) {
            return unbox(function, Type.FLOAT, boxed, null, into);
        }
        Value converted = function.newValue(Type.CDOUBLE);
        into.add(new Instr.IntToFloat(converted, unbox(function, Type.INT, boxed, resume, into)));
        return converted;
    }

    private static boolean both(Type type, Value left, Value right) {
        return left.type().equals(type) && right.type().equals(type);
    }

    /** An unboxed float cannot fail; an int beyond 64 bits resumes in the interpreter at {@code resume}. */
    private static Value unbox(Function function, Type type, Value boxed, ResumeState resume, List<Instr> into) {
        if (type.equals(Type.FLOAT)) {
            Value unboxed = function.newValue(Type.CDOUBLE);
            into.add(new Instr.UnboxFloat(unboxed, boxed));
            return unboxed;
        }
        Value unboxed = function.newValue(Type.CINT64);
        into.add(new Instr.UnboxInt(unboxed, boxed, resume));
        return unboxed;
    }
}
