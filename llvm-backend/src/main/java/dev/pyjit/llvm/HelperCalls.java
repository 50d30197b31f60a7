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
        NONZERO_STATUS,
        /** It cannot raise. */
        NEVER
    }

    record HelperCall(String function, boolean takesThreadState, boolean takesFrame, boolean takesArgument, Failure failure) {}

    private static final Map<Op, HelperCall> CALLS = new EnumMap<>(Op.class);

    static {
        add(Op.BEFORE_WITH, new HelperCall("pyjit_before_with", false, false, false, Failure.NULL_RESULT));
        add(Op.BEFORE_ASYNC_WITH, new HelperCall("pyjit_before_async_with", false, false, false, Failure.NULL_RESULT));
        add(Op.GET_YIELD_FROM_ITER, new HelperCall("pyjit_get_yield_from_iter", false, true, false, Failure.NULL_RESULT));
        add(Op.GET_AWAITABLE, new HelperCall("pyjit_get_awaitable", false, false, true, Failure.NULL_RESULT));
        add(Op.GET_AITER, new HelperCall("pyjit_get_aiter", false, false, false, Failure.NULL_RESULT));
        add(Op.GET_ANEXT, new HelperCall("pyjit_get_anext", false, false, false, Failure.NULL_RESULT));
        add(Op.INTRINSIC_1, new HelperCall("pyjit_intrinsic_1", true, false, true, Failure.NULL_RESULT));
        add(Op.INTRINSIC_2, new HelperCall("pyjit_intrinsic_2", true, false, true, Failure.NULL_RESULT));
        add(Op.LOAD_NAME, new HelperCall("pyjit_load_name", false, true, true, Failure.NULL_RESULT));
        add(Op.STORE_NAME, new HelperCall("pyjit_store_name", false, true, true, Failure.NONZERO_STATUS));
        add(Op.DELETE_NAME, new HelperCall("pyjit_delete_name", false, true, true, Failure.NONZERO_STATUS));
        add(Op.LOAD_LOCALS, new HelperCall("pyjit_load_locals", false, true, false, Failure.NULL_RESULT));
        add(Op.LOAD_FROM_DICT_OR_GLOBALS, new HelperCall("pyjit_load_from_dict_or_globals", false, true, true, Failure.NULL_RESULT));
        add(Op.LOAD_FROM_DICT_OR_DEREF, new HelperCall("pyjit_load_from_dict_or_deref", false, true, true, Failure.NULL_RESULT));
        add(Op.SETUP_ANNOTATIONS, new HelperCall("pyjit_setup_annotations", false, true, false, Failure.NONZERO_STATUS));
        add(Op.LOAD_BUILD_CLASS, new HelperCall("pyjit_load_build_class", false, true, false, Failure.NULL_RESULT));
        add(Op.DELETE_GLOBAL, new HelperCall("pyjit_delete_global", false, true, true, Failure.NONZERO_STATUS));
        add(Op.DELETE_ATTR, new HelperCall("pyjit_delete_attr", false, true, true, Failure.NONZERO_STATUS));
        add(Op.DELETE_DEREF, new HelperCall("pyjit_delete_deref", false, true, true, Failure.NONZERO_STATUS));
        add(Op.IMPORT_NAME, new HelperCall("pyjit_import_name", true, true, true, Failure.NULL_RESULT));
        add(Op.IMPORT_FROM, new HelperCall("pyjit_import_from", false, true, true, Failure.NULL_RESULT));
        add(Op.CALL_FUNCTION_EX, new HelperCall("pyjit_call_function_ex", false, false, false, Failure.NULL_RESULT));
        add(Op.DICT_MERGE, new HelperCall("pyjit_dict_merge", true, false, false, Failure.NONZERO_STATUS));
        add(Op.DICT_UPDATE, new HelperCall("pyjit_dict_update", false, false, false, Failure.NONZERO_STATUS));
        add(Op.SET_UPDATE, new HelperCall("pyjit_set_update", false, false, false, Failure.NONZERO_STATUS));
        add(Op.UNPACK_EX, new HelperCall("pyjit_unpack_ex", true, false, true, Failure.NULL_RESULT));
        add(Op.MATCH_CLASS, new HelperCall("pyjit_match_class", true, false, true, Failure.NULL_RESULT));
        add(Op.MATCH_MAPPING, new HelperCall("pyjit_match_mapping", false, false, false, Failure.NEVER));
        add(Op.MATCH_SEQUENCE, new HelperCall("pyjit_match_sequence", false, false, false, Failure.NEVER));
        add(Op.MATCH_KEYS, new HelperCall("pyjit_match_keys", true, false, false, Failure.NULL_RESULT));
        add(Op.GET_LEN, new HelperCall("pyjit_get_len", false, false, false, Failure.NULL_RESULT));
        add(Op.PUSH_EXC_INFO, new HelperCall("pyjit_push_exc_info", true, false, false, Failure.NEVER));
        add(Op.POP_EXCEPT, new HelperCall("pyjit_pop_except", true, false, false, Failure.NEVER));
        add(Op.CHECK_EXC_MATCH, new HelperCall("pyjit_check_exc_match", true, false, false, Failure.NULL_RESULT));
        add(Op.CHECK_EG_MATCH, new HelperCall("pyjit_check_eg_match", true, false, false, Failure.NULL_RESULT));
        add(Op.WITH_EXCEPT_START, new HelperCall("pyjit_with_except_start", false, false, false, Failure.NULL_RESULT));
        add(Op.RERAISE, new HelperCall("pyjit_reraise", false, true, false, Failure.NONZERO_STATUS));
        add(Op.CLEANUP_THROW, new HelperCall("pyjit_cleanup_throw", false, false, false, Failure.NULL_RESULT));
        add(Op.END_ASYNC_FOR, new HelperCall("pyjit_end_async_for", false, false, false, Failure.NONZERO_STATUS));
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
