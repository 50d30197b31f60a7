package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic and comparisons whose operands are both exact floats become operations on unboxed
 * doubles: {@code v3 = BinaryOp<ADD> v1 v2} turns into unbox, unbox, {@code FloatArith<ADD>}, and
 * a box into v3, which keeps v3's uses and ownership as they were; a comparison turns into unbox,
 * unbox, {@code FloatCompare}. CPython's float does exactly IEEE double arithmetic for these
 * operators, so the results are bit for bit the same. EliminateBoxing then removes the
 * boxes that only feed another unbox.
 */
public final class SpecialiseFloatArithmetic implements Pass {
    @Override
    public String name() {
        return "specialise-float-arithmetic";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            List<Instr> rewritten = new ArrayList<>();
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.BinaryOp op && bothFloats(op.left(), op.right())
                        && Instr.FloatArith.FLOAT_OPERATORS.contains(op.operator().base())) {
                    Value left = unbox(function, op.left(), rewritten);
                    Value right = unbox(function, op.right(), rewritten);
                    Value result = function.newValue(Type.CDOUBLE);
                    FrameState divideState = Instr.FloatArith.canRaise(op.operator().base()) ? op.state() : null;
                    rewritten.add(new Instr.FloatArith(result, op.operator().base(), left, right, divideState));
                    rewritten.add(new Instr.BoxFloat(op.result(), result, op.state()));
                } else if (instruction instanceof Instr.Compare compare && bothFloats(compare.left(), compare.right())) {
                    Value left = unbox(function, compare.left(), rewritten);
                    Value right = unbox(function, compare.right(), rewritten);
                    compare.result().setType(Type.BOOL);
                    rewritten.add(new Instr.FloatCompare(compare.result(), compare.operator(), left, right));
                } else {
                    rewritten.add(instruction);
                }
            }
            block.instructions().clear();
            block.instructions().addAll(rewritten);
        }
    }

    private static boolean bothFloats(Value left, Value right) {
        return left.type().equals(Type.FLOAT) && right.type().equals(Type.FLOAT);
    }

    private static Value unbox(Function function, Value boxed, List<Instr> into) {
        Value unboxed = function.newValue(Type.CDOUBLE);
        into.add(new Instr.UnboxFloat(unboxed, boxed));
        return unboxed;
    }
}
