package dev.pyjit.ir;

/** Rich comparisons, in CPython's Py_LT..Py_GE order (COMPARE_OP's argument >> 5). */
public enum CompareOperator {
    LT, LE, EQ, NE, GT, GE;

    public static CompareOperator of(int richCompareOp) {
        return values()[richCompareOp];
    }
}
