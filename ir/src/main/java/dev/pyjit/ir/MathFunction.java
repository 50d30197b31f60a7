package dev.pyjit.ir;

import java.util.Locale;

/**
 * The functions of the {@code math} module that compiled code computes itself: each takes one
 * float and is the C library's function of the same name (math.fabs is the absolute value), which
 * is what CPython calls. CPython raises where the C function gives a NaN from a number or an
 * infinity from a finite number; compiled code hands those cases to the interpreter.
 */
public enum MathFunction {
    SQRT, SIN, COS, TAN, ATAN, EXP, LOG, FABS;

    /** Its name in the math module and in the C library. */
    public String pythonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function of the math module with this name, or null. */
    public static MathFunction named(String name) {
        for (MathFunction function : values()) {
            if (function.pythonName().equals(name)) {
                return function;
            }
        }
        return null;
    }
}
