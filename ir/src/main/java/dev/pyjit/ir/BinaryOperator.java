package dev.pyjit.ir;

/** BINARY_OP's operators, in the order of their argument (CPython's NB_* constants). */
public enum BinaryOperator {
    ADD, AND, FLOOR_DIVIDE, LSHIFT, MATRIX_MULTIPLY, MULTIPLY, REMAINDER, OR, POWER, RSHIFT, SUBTRACT, TRUE_DIVIDE, XOR,
    INPLACE_ADD, INPLACE_AND, INPLACE_FLOOR_DIVIDE, INPLACE_LSHIFT, INPLACE_MATRIX_MULTIPLY, INPLACE_MULTIPLY,
    INPLACE_REMAINDER, INPLACE_OR, INPLACE_POWER, INPLACE_RSHIFT, INPLACE_SUBTRACT, INPLACE_TRUE_DIVIDE, INPLACE_XOR;

    public static BinaryOperator of(int oparg) {
        return values()[oparg];
    }

    /** The operator without its in-place flavour: for exact ints and floats both compute the same. */
    public BinaryOperator base() {
        return ordinal() >= INPLACE_ADD.ordinal() ? values()[ordinal() - INPLACE_ADD.ordinal()] : this;
    }
}
