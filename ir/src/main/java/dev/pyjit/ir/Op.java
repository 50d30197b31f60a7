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
    /** LOAD_ATTR's method form; the METHOD_SELF right after it gives the self to call it with, or C NULL. */
    LOAD_METHOD(true, false),
    METHOD_SELF(false, false),
    /** super(cls, self).name; its method form is followed by METHOD_SELF too. */
    LOAD_SUPER_ATTR(true, false),
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
    /** RAISE_VARARGS with an exception and an optional cause (C NULL if none): always raises. */
    RAISE(true, true),
    /** The AssertionError class, for assert. */
    LOAD_ASSERTION_ERROR(false, false),
    /** BEFORE_WITH: looks up __enter__ and __exit__, calls __enter__; the result is the tuple (bound __exit__, what __enter__ returned). */
    BEFORE_WITH(true, false),
    /** LOAD_FAST_AND_CLEAR (comprehensions save the variable they shadow): the local or C NULL; the slot is emptied. */
    LOAD_LOCAL_AND_CLEAR(false, false),
    /** Comprehension appends: LIST_APPEND list item, SET_ADD set item, MAP_ADD dict key value. */
    LIST_APPEND(true, false),
    SET_ADD(true, false),
    MAP_ADD(true, false),
    BUILD_SET(true, true),
    /** An f-string's !s, !r or !a. */
    CONVERT_VALUE(true, false),
    /** format(value, spec). */
    FORMAT_WITH_SPEC(true, false),
    /** del of a local; UnboundLocalError if it has no value. */
    DELETE_LOCAL(true, false),
    DELETE_SUBSCRIPT(true, false),
    /** MAKE_CELL: the local in the slot (or nothing) moves into a new cell in that slot. */
    MAKE_CELL(true, false),
    /** COPY_FREE_VARS: the function's closure cells go to the last slots. */
    COPY_FREE_VARS(false, false),
    /** The content of the cell in the slot; NameError if it is empty. */
    LOAD_DEREF(true, false),
    /** Steals the value into the cell in the slot. */
    STORE_DEREF(false, true),
    /** A new function from a code object, with this frame's globals. */
    MAKE_FUNCTION(true, false),
    /** SET_FUNCTION_ATTRIBUTE: defaults, keyword defaults, annotations or closure (flag 1, 2, 4, 8). */
    SET_FUNCTION_ATTRIBUTE(false, false),
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
    /**
     * At a resume point of a generator, the item at this depth of the value stack the frame was
     * suspended with (bottom first); the reference moves from the frame to compiled code.
     */
    RESUMED_STACK_ITEM(false, false),
    /**
     * SEND receiver value: the receiver's next item (its send(value) when the value is not None);
     * when the receiver returns instead, its return value, and the SEND_RETURNED that reads this
     * SEND is True.
     */
    SEND(true, false),
    SEND_RETURNED(false, false),
    /** iter(x) for yield from: a generator (or, in a coroutine, a coroutine) is its own. */
    GET_YIELD_FROM_ITER(true, false),
    /** The iterator await uses; the argument says where the await is, for the error message. */
    GET_AWAITABLE(true, false),
    /** aiter(x) and, on the async iterator left on the stack, the awaitable of its next item. */
    GET_AITER(true, false),
    GET_ANEXT(true, false),
    /** BEFORE_ASYNC_WITH: the tuple (bound __aexit__, what __aenter__ returned). */
    BEFORE_ASYNC_WITH(true, false),
    /** CALL_INTRINSIC_1 and CALL_INTRINSIC_2: the interpreter's intrinsic function of that number. */
    INTRINSIC_1(true, false),
    INTRINSIC_2(true, false),
    /** The name ops of module and class bodies, on the frame's locals mapping (then globals, builtins). */
    LOAD_NAME(true, false),
    STORE_NAME(true, false),
    DELETE_NAME(true, false),
    LOAD_LOCALS(true, false),
    /** The name in the mapping operand, else a global (class bodies reading names of an enclosing scope). */
    LOAD_FROM_DICT_OR_GLOBALS(true, false),
    /** The name in the mapping operand, else the cell in the slot. */
    LOAD_FROM_DICT_OR_DEREF(true, false),
    SETUP_ANNOTATIONS(true, false),
    LOAD_BUILD_CLASS(true, false),
    DELETE_GLOBAL(true, false),
    DELETE_ATTR(true, false),
    DELETE_DEREF(true, false),
    /** IMPORT_NAME level fromlist, and IMPORT_FROM on the module left on the stack. */
    IMPORT_NAME(true, false),
    IMPORT_FROM(true, false),
    /** f(*args) or f(*args, **kwargs): callable, NULL, the arguments and the keyword dict if the argument is 1. */
    CALL_FUNCTION_EX(true, false),
    /** Into the dict (and for DICT_MERGE, with the callable for the error message) below, the mapping or iterable on top. */
    DICT_MERGE(true, false),
    DICT_UPDATE(true, false),
    SET_UPDATE(true, false),
    /** a, *b, c = x: the tuple of the items in order, the starred ones as a list. */
    UNPACK_EX(true, false),
    /** match: a class pattern's attributes (or None), the mapping and sequence flags, a mapping pattern's values (or None), len(). */
    MATCH_CLASS(true, false),
    MATCH_MAPPING(false, false),
    MATCH_SEQUENCE(false, false),
    MATCH_KEYS(true, false),
    GET_LEN(true, false),
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
