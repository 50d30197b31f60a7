package dev.pyjit.llvm;

import dev.pyjit.ir.Op;
import java.util.EnumMap;
import java.util.Map;

/**
 * How each {@link dev.pyjit.ir.Instr.Helper} kind is lowered: the C helper it calls, what that
 * helper is given before the instruction's operands (the thread state, the frame, the bytecode's
 * argument), and how it reports an exception. Adding such an operation takes one row here and
 * its helper in runtime-c.
 */
final class HelperCalls {
    /** How a helper says it raised. */
    enum Failure {
        /** It returns NULL (and otherwise a new reference). */
        NULL_RESULT,
        /** It returns a non-zero int. */
        NONZERO_STATUS
    }

    record HelperCall(String function, boolean takesThreadState, boolean takesFrame, boolean takesArgument, Failure failure) {}

    private static final Map<Op, HelperCall> CALLS = new EnumMap<>(Op.class);

    static {
        add(Op.GET_YIELD_FROM_ITER, new HelperCall("pyjit_get_yield_from_iter", false, true, false, Failure.NULL_RESULT));
        add(Op.GET_AWAITABLE, new HelperCall("pyjit_get_awaitable", false, false, true, Failure.NULL_RESULT));
        add(Op.GET_AITER, new HelperCall("pyjit_get_aiter", false, false, false, Failure.NULL_RESULT));
        add(Op.GET_ANEXT, new HelperCall("pyjit_get_anext", false, false, false, Failure.NULL_RESULT));
        add(Op.INTRINSIC_1, new HelperCall("pyjit_intrinsic_1", true, false, true, Failure.NULL_RESULT));
        add(Op.INTRINSIC_2, new HelperCall("pyjit_intrinsic_2", true, false, true, Failure.NULL_RESULT));
    }

    private HelperCalls() {}

    private static void add(Op op, HelperCall call) {
        CALLS.put(op, call);
    }

    static HelperCall of(Op op) {
        HelperCall call = CALLS.get(op);
        if (call == null) {
            throw new IllegalStateException("no helper call is known for " + op);
        }
        return call;
    }
}
