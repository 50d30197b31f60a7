package dev.pyjit.ir;

/**
 * Every IR instruction kind with its effects, in one place. Printing, verification, inference
 * and lowering switch over this enum without a default, so javac reports a forgotten kind.
 *
 * <p>Reference ownership: every instruction with a result returns a new reference (or C NULL
 * for {@link #LOAD_NULL}); operands are borrowed unless {@link #stealsOperands} says otherwise.
 */
public enum Op {
    LOAD_CONST(false, false),
    /** Its result type is a speculation, checked when the local is loaded (see {@link Instr.LoadLocal}). */
    LOAD_LOCAL(false, false),
    LOAD_LOCAL_CHECKED(true, false),
    STORE_LOCAL(false, true),
    LOAD_GLOBAL(true, false),
    STORE_GLOBAL(true, false),
    LOAD_ATTR(true, false),
    STORE_ATTR(true, false),
    LOAD_NULL(false, false),
    BINARY_OP(true, false),
    UNARY_OP(true, false),
    NOT(false, false),
    COMPARE(true, false),
    IS(false, false),
    CONTAINS(true, false),
    TO_BOOL(true, false),
    CALL(true, false),
    BUILD_TUPLE(true, true),
    BUILD_LIST(true, true),
    BUILD_MAP(true, true),
    BUILD_CONST_KEY_MAP(true, true),
    BUILD_STRING(true, true),
    FORMAT_SIMPLE(true, false),
    LIST_EXTEND(true, false),
    SUBSCRIPT(true, false),
    STORE_SUBSCRIPT(true, false),
    SLICE(true, false),
    BUILD_SLICE(true, false),
    STORE_SLICE(true, false),
    UNPACK_SEQUENCE(true, false),
    TUPLE_ITEM(false, false),
    GET_ITER(true, false),
    /** Result is C NULL when the iterator is exhausted. */
    FOR_ITER(true, false),
    CHECK_EVAL_BREAKER(true, false),
    /**
     * At entry, before anything else: if the argument in the slot is not of the exact type, the
     * call goes to the interpreter instead. So it never raises; it deoptimises.
     */
    GUARD_ARGUMENT(false, false),
    /** The double in an exact float (no new reference: the result is not an object). */
    UNBOX_FLOAT(false, false),
    /** The double of a float constant. */
    FLOAT_CONSTANT(false, false),
    /** The double of the float a local slot holds, read without taking a reference; checked like LOAD_LOCAL. */
    LOAD_LOCAL_FLOAT(false, false),
    /** A new float object; raises only MemoryError. */
    BOX_FLOAT(true, false),
    /** +, -, * on unboxed doubles: IEEE arithmetic, exactly what CPython's float does. */
    FLOAT_ARITH(false, false),
    /** / on unboxed doubles: raises ZeroDivisionError for a zero divisor. */
    FLOAT_DIVIDE(true, false),
    /** A comparison of unboxed doubles; the result is an exact bool. */
    FLOAT_COMPARE(false, false),
    INCREF(false, false),
    DECREF(false, false);

    /** Whether the instruction can raise; such instructions carry a {@link FrameState}. */
    public final boolean canRaise;
    /** Whether the instruction takes over its operands' references (its own, or the error path's). */
    public final boolean stealsOperands;

    Op(boolean canRaise, boolean stealsOperands) {
        this.canRaise = canRaise;
        this.stealsOperands = stealsOperands;
    }
}
