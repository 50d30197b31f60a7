package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic and comparisons whose operands are both exact ints become operations on 64-bit
 * values: {@code v3 = BinaryOp<ADD> v1 v2} turns into unbox, unbox, {@code IntArith<ADD>} and a
 * box into v3 (which keeps v3's uses and ownership); a comparison into unbox, unbox,
 * {@code IntCompare}. Python's ints have no bounds: an operand or a result beyond 64 bits, or a
 * zero divisor, hands the frame to the interpreter before the instruction (its resume state), and
 * the interpreter computes it with big ints or raises. EliminateBoxing then keeps the values
 * unboxed from one operation to the next.
 */
public final class SpecialiseIntArithmetic implements Pass {
    @Override
    public String name() {
        return "specialise-int-arithmetic";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            List<Instr> rewritten = new ArrayList<>();
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.BinaryOp op && op.resume() != null && bothInts(op.left(), op.right())
                        && Instr.IntArith.INT_OPERATORS.contains(op.operator().base())) {
                    Value left = unbox(function, op.left(), op.resume(), rewritten);
                    Value right = unbox(function, op.right(), op.resume(), rewritten);
                    Value result = function.newValue(Type.CINT64);
                    rewritten.add(new Instr.IntArith(result, op.operator().base(), left, right, op.resume()));
                    rewritten.add(new Instr.BoxInt(op.result(), result, op.state()));
                } else if (instruction instanceof Instr.Compare compare && compare.resume() != null && bothInts(compare.left(), compare.right())) {
                    Value left = unbox(function, compare.left(), compare.resume(), rewritten);
                    Value right = unbox(function, compare.right(), compare.resume(), rewritten);
                    compare.result().setType(Type.BOOL);
                    rewritten.add(new Instr.IntCompare(compare.result(), compare.operator(), left, right));
                } else {
                    rewritten.add(instruction);
                }
            }
            block.instructions().clear();
            block.instructions().addAll(rewritten);
        }
    }

    private static boolean bothInts(Value left, Value right) {
        return left.type().equals(Type.INT) && right.type().equals(Type.INT);
    }

    private static Value unbox(Function function, Value boxed, ResumeState resume, List<Instr> into) {
        Value unboxed = function.newValue(Type.CINT64);
        into.add(new Instr.UnboxInt(unboxed, boxed, resume));
        return unboxed;
    }
}
