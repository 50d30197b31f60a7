package dev.pyjit.ir;

/**
 * Unary arithmetic: UNARY_NEGATIVE, UNARY_INVERT, and +x (CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE).
 * The ordinal is the C runtime's {@code pyjit_unary} kind.
 */
public enum UnaryKind { NEGATIVE, INVERT, POSITIVE }
