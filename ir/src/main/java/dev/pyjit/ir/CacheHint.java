package dev.pyjit.ir;

/**
 * The specialisation CPython's interpreter had given a LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR, FOR_ITER, an
 * operation (below), a truth test (TO_BOOL) or UNPACK_SEQUENCE when
 * the code was read: its quickened opcode (the number is CPython 3.13's). Compiled code takes that
 * specialisation's fast path, reading the interpreter's inline cache as it is when the instruction
 * runs (type and dict-keys versions, indexes, the cached descriptor), exactly as the interpreter's
 * guards read it; if the instruction has been specialised differently since, or a guard fails, it
 * takes the generic path. A hint can therefore cost speed but never correctness.
 */
public enum CacheHint {
    NONE(-1),
    GLOBAL_BUILTIN(203),
    GLOBAL_MODULE(204),
    ATTR_CLASS(191),
    ATTR_INSTANCE_VALUE(193),
    ATTR_METHOD_NO_DICT(195),
    ATTR_METHOD_WITH_VALUES(196),
    ATTR_MODULE(197),
    ATTR_NONDESCRIPTOR_NO_DICT(198),
    ATTR_NONDESCRIPTOR_WITH_VALUES(199),
    /** A property with a plain function as its getter: the load is built as a call of the getter (see {@link Instr.PropertyGetter}). */
    ATTR_PROPERTY(200),
    ATTR_SLOT(201),
    ATTR_WITH_HINT(202),
    STORE_ATTR_INSTANCE_VALUE(209),
    STORE_ATTR_SLOT(210),
    FOR_ITER_LIST(188),
    FOR_ITER_RANGE(189),
    FOR_ITER_TUPLE(190),
    /**
     * FOR_ITER itself: the interpreter left it unspecialised, so the iterator is not a generator
     * nor a list, tuple or range iterator. Compiled code takes the next item inline where it runs
     * no Python code (an iterator over a str, bytes, dict or set, the itertools that iterate
     * tuples, a zip or enumerate over such iterators), and the generic way, with the frame exact,
     * from any other (see {@link Instr.ForIter}).
     */
    FOR_ITER_INERT(72),
    /**
     * BINARY_OP itself, for an operator the interpreter never specialises (& | ^ << >> // %): where
     * one operand is known to be an exact int, compiled code speculates that the other is one too
     * (SpeculateIntOperands). Code compiled again without speculation has no such hint.
     */
    BINARY_OP_GENERIC(45),
    BINARY_OP_ADD_FLOAT(150),
    BINARY_OP_ADD_INT(151),
    BINARY_OP_ADD_UNICODE(152),
    BINARY_OP_MULTIPLY_FLOAT(153),
    BINARY_OP_MULTIPLY_INT(154),
    BINARY_OP_SUBTRACT_FLOAT(155),
    BINARY_OP_SUBTRACT_INT(156),
    COMPARE_OP_FLOAT(182),
    COMPARE_OP_INT(183),
    COMPARE_OP_STR(184),
    BINARY_SUBSCR_LIST_INT(159),
    BINARY_SUBSCR_STR_INT(160),
    BINARY_SUBSCR_TUPLE_INT(161),
    STORE_SUBSCR_LIST_INT(213),
    UNPACK_SEQUENCE_LIST(220),
    UNPACK_SEQUENCE_TUPLE(221),
    UNPACK_SEQUENCE_TWO_TUPLE(222),
    TO_BOOL_BOOL(215),
    TO_BOOL_INT(216),
    TO_BOOL_LIST(217),
    TO_BOOL_NONE(218),
    TO_BOOL_STR(219);

    /** The quickened opcode in CPython 3.13, or -1. */
    public final int opcode;

    CacheHint(int opcode) {
        this.opcode = opcode;
    }

    /** The CPython name of the specialised opcode, as {@code opcode._specialized_opmap} has it (FOR_ITER's, as {@code opcode.opmap} has it). */
    public String cpythonName() {
        if (this == NONE) {
            return "";
        }
        if (this == FOR_ITER_INERT) {
            return "FOR_ITER";
        }
        if (this == BINARY_OP_GENERIC) {
            return "BINARY_OP";
        }
        return name().startsWith("ATTR_") || name().startsWith("GLOBAL_") ? "LOAD_" + name() : name();
    }

    /**
     * The exact types the interpreter found on top of the value stack (the deepest first) where it
     * specialised an operation this way: both operands of a BINARY_OP or COMPARE_OP, the container
     * and index of a subscript, the sequence unpacked, the value tested for truth; empty for any
     * other hint. An int, list or str tested for truth is taken to be that or None: {@code if w:}
     * and {@code s or ''} test values that are None at times, and the interpreter specialised for
     * whichever it met first (a method whose {@code if w:} met None first handed its frame to the
     * interpreter at each of its next 50 calls, then was compiled without its types). Where it met
     * None, nothing is taken: the other type is unknown. A bool stays a bool, whose test folds away.
     */
    public java.util.List<Type> operandTypes() {
        String name = name();
        if (this == TO_BOOL_NONE) {
            return java.util.List.of();
        }
        if (name.startsWith("TO_BOOL_")) {
            return java.util.List.of(switch (this) {
                case TO_BOOL_BOOL -> Type.BOOL;
                case TO_BOOL_INT -> Type.INT.union(Type.NONE);
                case TO_BOOL_LIST -> Type.LIST.union(Type.NONE);
                default -> Type.STR.union(Type.NONE);
            });
        }
        if (name.startsWith("UNPACK_SEQUENCE_")) {
            return java.util.List.of(name.endsWith("_LIST") ? Type.LIST : Type.TUPLE);
        }
        if (name.startsWith("BINARY_SUBSCR_") || name.startsWith("STORE_SUBSCR_")) {
            Type container = name.contains("_LIST_") ? Type.LIST : name.contains("_TUPLE_") ? Type.TUPLE : Type.STR;
            return java.util.List.of(container, Type.INT);
        }
        if (!name.startsWith("BINARY_OP_") && !name.startsWith("COMPARE_OP_") || this == BINARY_OP_GENERIC) {
            return java.util.List.of();
        }
        Type type = name.endsWith("_FLOAT") ? Type.FLOAT : name.endsWith("_INT") ? Type.INT : Type.STR;
        return java.util.List.of(type, type);
    }

    /**
     * Whether compiled code built from this hint assumes types that a guard checks, and hands the
     * frame to the interpreter when they differ: operand types ({@link #operandTypes}) and the
     * iterator a FOR_ITER specialisation takes. The other hints only choose a fast path.
     */
    public boolean speculatesOnTypes() {
        return !operandTypes().isEmpty() || name().startsWith("FOR_ITER_") || this == BINARY_OP_GENERIC;
    }

    /** The hint a quickened opcode gives, or NONE for an opcode that is not one of these. */
    public static CacheHint of(int quickenedOpcode) {
        for (CacheHint hint : values()) {
            if (hint.opcode == quickenedOpcode) {
                return hint;
            }
        }
        return NONE;
    }

    /** Printed among an instruction's immediates: nothing for NONE. */
    String suffix() {
        return this == NONE ? "" : "," + name().toLowerCase(java.util.Locale.ROOT);
    }
}
