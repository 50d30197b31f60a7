package dev.pyjit.ir;

import static dev.pyjit.ir.Op.Effect.RAISES;
import static dev.pyjit.ir.Op.Effect.RERAISES;
import static dev.pyjit.ir.Op.Effect.STEALS;

/**
 * Every IR instruction kind with its effects, in one place. Printing, verification, inference
 * and lowering switch over this enum without a default, so javac reports a forgotten kind.
 *
 * <p>Reference ownership: every instruction with a result returns a new reference (or C NULL
 * for {@link #LOAD_NULL}); operands are borrowed unless {@link #stealsOperands} says otherwise.
 */
public enum Op {
    LOAD_CONST,
    /** Its result type is a speculation, checked when the local is loaded (see {@link Instr.LoadLocal}). */
    LOAD_LOCAL,
    LOAD_LOCAL_CHECKED(RAISES),
    STORE_LOCAL(STEALS),
    /** The operand, taken over, checked to be of a type; any other hands the frame to the interpreter. */
    GUARD_TYPE(STEALS),
    /** Writes a virtual local to its slot (boxing an unboxed double, which can fail). */
    FLUSH_LOCAL(RAISES, STEALS),
    LOAD_GLOBAL(RAISES),
    STORE_GLOBAL(RAISES),
    LOAD_ATTR(RAISES),
    /** LOAD_ATTR of an attribute that is an exact float, read as its double (see {@link Instr.LoadAttrFloat}). */
    LOAD_ATTR_FLOAT(RAISES),
    /** LOAD_ATTR's method form; the METHOD_SELF right after it gives the self to call it with, or C NULL. */
    LOAD_METHOD(RAISES),
    METHOD_SELF,
    /** The callable whose call with the owner alone loads a property's value (see {@link Instr.PropertyGetter}). */
    PROPERTY_GETTER(RAISES),
    /** super(cls, self).name; its method form is followed by METHOD_SELF too. */
    LOAD_SUPER_ATTR(RAISES),
    STORE_ATTR(RAISES),
    /** STORE_ATTR of an unboxed double: the attribute's float is overwritten in place when nothing else holds it. */
    STORE_ATTR_FLOAT(RAISES),
    LOAD_NULL,
    BINARY_OP(RAISES),
    UNARY_OP(RAISES),
    NOT,
    COMPARE(RAISES),
    IS,
    CONTAINS(RAISES),
    TO_BOOL(RAISES),
    /**
     * Takes its callable, self and arguments over: a Python function's new frame holds them, as the
     * interpreter's frame-pushing calls do, so an argument can die inside the callee.
     */
    CALL(RAISES, STEALS),
    BUILD_TUPLE(RAISES, STEALS),
    BUILD_LIST(RAISES, STEALS),
    BUILD_MAP(RAISES, STEALS),
    BUILD_CONST_KEY_MAP(RAISES, STEALS),
    BUILD_STRING(RAISES, STEALS),
    FORMAT_SIMPLE(RAISES),
    LIST_EXTEND(RAISES),
    /** container[index]; the index may be an unboxed int64 where the container is an exact list or tuple. */
    SUBSCRIPT(RAISES),
    /** container[index] = value; the index may be an unboxed int64 where the container is an exact list. */
    STORE_SUBSCRIPT(RAISES),
    /** STORE_SUBSCRIPT of an unboxed double (see {@link Instr.StoreSubscriptFloat}), its index as STORE_SUBSCRIPT's. */
    STORE_SUBSCRIPT_FLOAT(RAISES),
    SLICE(RAISES),
    /** SLICE of a list whose one use is a STORE_TEMPORARY_SLICE: the runtime makes a list the collector does not track. */
    TEMPORARY_SLICE(RAISES),
    BUILD_SLICE(RAISES),
    STORE_SLICE(RAISES),
    /** STORE_SLICE of a list that nothing but the store will use (see {@link dev.pyjit.ir.passes.StoreTemporarySlices}). */
    STORE_TEMPORARY_SLICE(RAISES),
    UNPACK_SEQUENCE(RAISES),
    TUPLE_ITEM,
    GET_ITER(RAISES),
    /** Result is C NULL when the iterator is exhausted. */
    FOR_ITER(RAISES),
    CHECK_EVAL_BREAKER(RAISES),
    /** RAISE_VARARGS with an exception and an optional cause (C NULL if none): always raises. */
    RAISE(RAISES, STEALS),
    /** The AssertionError class, for assert. */
    LOAD_ASSERTION_ERROR,
    /**
     * BEFORE_WITH: looks up __enter__ and __exit__, calls __enter__; the result is the tuple (bound
     * __exit__, what __enter__ returned). Takes the manager over: it is released before __enter__
     * runs, as in the interpreter.
     */
    BEFORE_WITH(RAISES, STEALS),
    /** LOAD_FAST_AND_CLEAR (comprehensions save the variable they shadow): the local or C NULL; the slot is emptied. */
    LOAD_LOCAL_AND_CLEAR,
    /** Comprehension appends: LIST_APPEND list item, SET_ADD set item, MAP_ADD dict key value. */
    LIST_APPEND(RAISES),
    SET_ADD(RAISES),
    MAP_ADD(RAISES),
    BUILD_SET(RAISES, STEALS),
    /** An f-string's !s, !r or !a. */
    CONVERT_VALUE(RAISES),
    /** format(value, spec). */
    FORMAT_WITH_SPEC(RAISES),
    /** del of a local; UnboundLocalError if it has no value. */
    DELETE_LOCAL(RAISES),
    DELETE_SUBSCRIPT(RAISES),
    /** MAKE_CELL: the local in the slot (or nothing) moves into a new cell in that slot. */
    MAKE_CELL(RAISES),
    /** COPY_FREE_VARS: the function's closure cells go to the last slots. */
    COPY_FREE_VARS,
    /** The content of the cell in the slot; NameError if it is empty. */
    LOAD_DEREF(RAISES),
    /** Steals the value into the cell in the slot. */
    STORE_DEREF(STEALS),
    /** A new function from a code object, with this frame's globals. */
    MAKE_FUNCTION(RAISES),
    /** SET_FUNCTION_ATTRIBUTE: defaults, keyword defaults, annotations or closure (flag 1, 2, 4, 8). */
    SET_FUNCTION_ATTRIBUTE,
    /**
     * At entry, before anything else: if the argument in the slot is not of the exact type, the
     * call goes to the interpreter instead. So it never raises; it deoptimises.
     */
    GUARD_ARGUMENT,
    /** The double in an exact float (no new reference: the result is not an object). */
    UNBOX_FLOAT,
    /** The double of a float constant. */
    FLOAT_CONSTANT,
    /** The double of the float a local slot holds, read without taking a reference; checked like LOAD_LOCAL. */
    LOAD_LOCAL_FLOAT,
    /** A new float object; raises only MemoryError. */
    BOX_FLOAT(RAISES),
    /** +, -, * on unboxed doubles: IEEE arithmetic, exactly what CPython's float does. */
    FLOAT_ARITH,
    /** / on unboxed doubles: raises ZeroDivisionError for a zero divisor. */
    FLOAT_DIVIDE(RAISES),
    /** A comparison of unboxed doubles; the result is an exact bool. */
    FLOAT_COMPARE,
    /** The 64-bit value of an exact int; checked, like LOAD_LOCAL (an int beyond 64 bits resumes in the interpreter). */
    UNBOX_INT,
    INT_CONSTANT,
    /** An argument of a body compiled into its calls, unboxed by the call (see {@link Instr.Argument}). */
    ARGUMENT,
    BOX_INT(RAISES),
    /** Int arithmetic on 64-bit values; overflow or a zero divisor resumes in the interpreter. */
    INT_ARITH,
    INT_COMPARE,
    /** The double nearest a 64-bit int, as CPython converts an int operand of float arithmetic. */
    INT_TO_FLOAT,
    /** A math module function of a double, computed here; a different callable or a result CPython raises for resumes in the interpreter. */
    CALL_MATH,
    /**
     * Whether a range iterator has another item (an exact bool); an iterator of another type
     * resumes in the interpreter at the FOR_ITER.
     */
    RANGE_ITER_HAS_NEXT,
    /** A range iterator's next item as a 64-bit value, taken from it: only where RANGE_ITER_HAS_NEXT said there is one. */
    RANGE_ITER_NEXT,
    /**
     * FOR_ITER over a zip of two iterators, with the UNPACK_SEQUENCE of its item: the pair's first
     * item (C NULL when the zip is exhausted), and the PAIR_SECOND right after it the second, with no
     * tuple made between them. A zip whose iterators run Python code gives its items with the
     * frame exact (see {@link Instr.ForIterPair}); any other iterator, or a strict zip, resumes in the
     * interpreter at the FOR_ITER.
     */
    FOR_ITER_PAIR(RAISES),
    /** The second item of the FOR_ITER_PAIR just before it (C NULL where that one ended the loop). */
    PAIR_SECOND,
    /**
     * FOR_ITER over an enumerate, with the UNPACK_SEQUENCE of its pair: the item (C NULL when the
     * enumerate is exhausted); the index stays in the enumerate, for ENUMERATE_INDEX. An enumerate
     * whose iterator runs Python code gives its items with the frame exact (see
     * {@link Instr.ForIterEnumerated}); any other iterator, or an index past what a Py_ssize_t holds,
     * resumes in the interpreter at the FOR_ITER.
     */
    FOR_ITER_ENUMERATED(RAISES),
    /** The index of the item an enumerate gave last, as a 64-bit value. */
    ENUMERATE_INDEX,
    /** The object a number came from if there is one (a new reference to it), else a new box of the number. */
    REBOX(RAISES),
    /**
     * At a resume point of a generator, the item at this depth of the value stack the frame was
     * suspended with (bottom first); the reference moves from the frame to compiled code.
     */
    RESUMED_STACK_ITEM,
    /**
     * SEND receiver value: the receiver's next item (its send(value) when the value is not None);
     * when the receiver returns instead, its return value, and the SEND_RETURNED that reads this
     * SEND is True.
     */
    SEND(RAISES),
    SEND_RETURNED,
    /** iter(x) for yield from: a generator (or, in a coroutine, a coroutine) is its own. */
    GET_YIELD_FROM_ITER(RAISES),
    /** The iterator await uses; the argument says where the await is, for the error message. */
    GET_AWAITABLE(RAISES, STEALS),
    /** aiter(x) (which takes x over, releasing it before checking what __aiter__ gave) and, on the async iterator left on the stack, the awaitable of its next item. */
    GET_AITER(RAISES, STEALS),
    GET_ANEXT(RAISES),
    /** BEFORE_ASYNC_WITH: the tuple (bound __aexit__, what __aenter__ returned); takes the manager over, as BEFORE_WITH. */
    BEFORE_ASYNC_WITH(RAISES, STEALS),
    /** CALL_INTRINSIC_1 and CALL_INTRINSIC_2: the interpreter's intrinsic function of that number. */
    INTRINSIC_1(RAISES),
    INTRINSIC_2(RAISES),
    /** The name ops of module and class bodies, on the frame's locals mapping (then globals, builtins). */
    LOAD_NAME(RAISES),
    STORE_NAME(RAISES),
    DELETE_NAME(RAISES),
    LOAD_LOCALS(RAISES),
    /** The name in the mapping operand, else a global (class bodies reading names of an enclosing scope). */
    LOAD_FROM_DICT_OR_GLOBALS(RAISES),
    /** The name in the mapping operand, else the cell in the slot. */
    LOAD_FROM_DICT_OR_DEREF(RAISES),
    SETUP_ANNOTATIONS(RAISES),
    LOAD_BUILD_CLASS(RAISES),
    DELETE_GLOBAL(RAISES),
    DELETE_ATTR(RAISES),
    DELETE_DEREF(RAISES),
    /** IMPORT_NAME level fromlist, and IMPORT_FROM on the module left on the stack. */
    IMPORT_NAME(RAISES),
    IMPORT_FROM(RAISES),
    /** f(*args) or f(*args, **kwargs): callable, NULL, the arguments and the keyword dict if the argument is 1. */
    CALL_FUNCTION_EX(RAISES, STEALS),
    /** Into the dict (and for DICT_MERGE, with the callable for the error message) below, the mapping or iterable on top. */
    DICT_MERGE(RAISES),
    DICT_UPDATE(RAISES),
    SET_UPDATE(RAISES),
    /** a, *b, c = x: the tuple of the items in order, the starred ones as a list. */
    UNPACK_EX(RAISES),
    /** match: a class pattern's attributes (or None), the mapping and sequence flags, a mapping pattern's values (or None), len(). */
    MATCH_CLASS(RAISES),
    MATCH_MAPPING,
    MATCH_SEQUENCE,
    MATCH_KEYS(RAISES),
    GET_LEN(RAISES),
    /**
     * Exception handlers. PUSH_EXC_INFO makes the caught exception the one being handled and gives
     * the one handled before; POP_EXCEPT restores it (it takes its operand over).
     */
    PUSH_EXC_INFO,
    POP_EXCEPT(STEALS),
    /** except T: whether the exception matches T (a checked exception type); except* T: the (rest, match) pair. */
    CHECK_EXC_MATCH(RAISES),
    CHECK_EG_MATCH(RAISES),
    /** __exit__(type, value, traceback) of a with block left by an exception. */
    WITH_EXCEPT_START(RAISES),
    /** RERAISE [lasti] exception: raises it again, the frame's instruction pointer back at lasti if given. */
    RERAISE(RERAISES),
    /** A throw() into yield from: StopIteration gives (None, its value); anything else goes on up. */
    CLEANUP_THROW(RERAISES),
    /** The end of async for: StopAsyncIteration is swallowed; anything else goes on up. */
    END_ASYNC_FOR(RERAISES),
    /** A bare raise: the exception being handled again, or RuntimeError if there is none. */
    RERAISE_HANDLED(RAISES),
    INCREF,
    DECREF;

    /** What an instruction kind may do besides computing its result. */
    public enum Effect {
        /** It can raise; such instructions carry a {@link FrameState}. */
        RAISES,
        /** It takes over its operands' references (its own, or the error path's). */
        STEALS,
        /** What it raises is re-raised: the unwinding adds no traceback entry for this frame (RERAISE and its kin). */
        RERAISES
    }

    /** Whether the instruction can raise; such instructions carry a {@link FrameState}. */
    public final boolean canRaise;
    /** Whether the instruction takes over its operands' references (its own, or the error path's). */
    public final boolean stealsOperands;
    /** Whether what it raises is re-raised, with no new traceback entry. */
    public final boolean reraises;

    Op(Effect... effects) {
        java.util.Set<Effect> set = java.util.Set.of(effects);
        this.canRaise = set.contains(Effect.RAISES) || set.contains(Effect.RERAISES);
        this.stealsOperands = set.contains(Effect.STEALS);
        this.reraises = set.contains(Effect.RERAISES);
    }

    /**
     * Whether this kind may take its index (the second operand) as an unboxed int64 for a
     * container of the type: a subscript of an exact list or tuple, a store into an exact list.
     */
    public boolean indexesInline(Type container) {
        return switch (this) {
            case SUBSCRIPT -> !container.isBottom() && (container.isSubtypeOf(Type.LIST) || container.isSubtypeOf(Type.TUPLE));
            case STORE_SUBSCRIPT, STORE_SUBSCRIPT_FLOAT -> !container.isBottom() && container.isSubtypeOf(Type.LIST);
            default -> false;
        };
    }
}
