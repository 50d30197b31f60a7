package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.MathFunction;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call of one of the math module's functions ({@link MathFunction}) with one argument is computed
 * here ({@link Instr.CallMath}), with no call: {@code math.sqrt(x)}, or {@code sqrt(x)} after
 * {@code from math import sqrt}, where the interpreter had found the callable in a module
 * (LOAD_ATTR_MODULE, LOAD_GLOBAL_MODULE). When the call runs, compiled code checks that the
 * callable really is that function and that the argument is a float or an int. The double is boxed
 * into the call's result, which keeps its uses and ownership; EliminateBoxing then keeps it
 * unboxed. This pass runs before PromoteLocals: since the call no longer runs code, a float local
 * can stay unboxed across it, and once inference knows the argument's type, SpecialiseArithmetic
 * passes its double.
 */
public final class IntrinsifyMathCalls implements Pass {
    @Override
    public String name() {
        return "intrinsify-math-calls";
    }

    @Override
    public void run(Function function) {
        Map<Value, MathFunction> candidates = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                MathFunction named = moduleFunction(function, instruction);
                if (named != null) {
                    candidates.put(instruction.result(), named);
                }
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        for (Block block : function.blocks()) {
            List<Instr> rewritten = new ArrayList<>();
            for (Instr instruction : block.instructions()) {
                if (!(instruction instanceof Instr.Call call) || !intrinsified(function, call, candidates.get(call.callable()), rewritten)) {
                    rewritten.add(instruction);
                }
            }
            block.instructions().clear();
            block.instructions().addAll(rewritten);
        }
    }

    /** The math function an attribute or global the interpreter found in a module is named after, or null. */
    private static MathFunction moduleFunction(Function function, Instr instruction) {
        if (instruction instanceof Instr.LoadAttr load && load.hint() == CacheHint.ATTR_MODULE) {
            return MathFunction.named(function.name(load.nameIndex()));
        }
        if (instruction instanceof Instr.LoadGlobal load && load.hint() == CacheHint.GLOBAL_MODULE) {
            return MathFunction.named(function.name(load.nameIndex()));
        }
        return null;
    }

    private static boolean intrinsified(Function function, Instr.Call call, MathFunction math, List<Instr> into) {
        if (math == null || call.resume() == null || call.kwnamesConstant() >= 0 || call.arguments().size() != 1
                || !call.selfOrNull().type().equals(Type.NULL)) {
            return false;
        }
        Value argument = call.arguments().get(0);
        Value result = function.newValue(Type.CDOUBLE);
        into.add(new Instr.CallMath(result, math, call.callable(), argument, call.resume()));
        // the call took its operands over; the computation leaves them to be released, the argument
        // first, so that CancelRefcountPairs can pair its release with the reference a load took
        into.add(new Instr.Refcount(Op.DECREF, argument));
        into.add(new Instr.Refcount(Op.DECREF, call.callable()));
        call.result().setType(Type.FLOAT);
        into.add(new Instr.BoxFloat(call.result(), result, call.state()));
        return true;
    }
}
