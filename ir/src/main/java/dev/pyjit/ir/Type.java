package dev.pyjit.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A type of the IR: a set of possible runtime representations, as a bit set (CinderX's HIR
 * types work the same way), so union and intersection are one machine instruction each.
 *
 * <p>Each bit is a disjoint set of values: {@code NoneType}, exact {@code bool}, exact {@code int},
 * exact {@code float}, exact {@code str}, exact {@code tuple}, exact {@code list}, exact
 * {@code dict}, any other object, the C NULL the value stack can hold, an unboxed C double
 * ({@link #CDOUBLE}) and an unboxed 64-bit int ({@link #CINT64}), neither ever a Python object. {@link #OBJECT} is every Python object; {@link #TOP}
 * adds NULL; {@link #BOTTOM} is no value (unreachable).
 * Examples: {@code INT.union(FLOAT)} is {@code Int|Float}; {@code OBJECT.intersect(BOOL)} is
 * {@code Bool}; {@code BOOL.isSubtypeOf(OBJECT)} is true; {@code OBJECT.isSubtypeOf(INT)} is false.
 */
public record Type(long bits) {
    private static final String[] PYTHON_NAMES = {"None", "bool", "int", "float", "str", "tuple", "list", "dict"};
    private static final String[] NAMES = {"None", "Bool", "Int", "Float", "Str", "Tuple", "List", "Dict", "OtherObject", "Null", "CDouble",
        "CInt64"};

    public static final Type BOTTOM = new Type(0);
    public static final Type NONE = bit(0);
    public static final Type BOOL = bit(1);
    public static final Type INT = bit(2);
    public static final Type FLOAT = bit(3);
    public static final Type STR = bit(4);
    public static final Type TUPLE = bit(5);
    public static final Type LIST = bit(6);
    public static final Type DICT = bit(7);
    public static final Type OTHER_OBJECT = bit(8);
    public static final Type NULL = bit(9);
    public static final Type CDOUBLE = bit(10);
    public static final Type CINT64 = bit(11);
    public static final Type OBJECT = new Type((1L << 9) - 1);
    public static final Type TOP = OBJECT.union(NULL);
    /** Objects that CPython 3.13 makes immortal: reference counting them is a no-op. */
    public static final Type IMMORTAL = NONE.union(BOOL);
    /** The types a guard can check with one comparison of the object's type (or identity, for None). */
    public static final Type EXACT = OBJECT.intersect(new Type(~OTHER_OBJECT.bits));

    private static Type bit(int index) {
        return new Type(1L << index);
    }

    /* Written out: types are compared all through the passes, and a record's generated equality
     * is linked through method handles at its first use, in the JVM the compiler has just started. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Type type && type.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    public Type union(Type other) {
        return new Type(bits | other.bits);
    }

    public Type intersect(Type other) {
        return new Type(bits & other.bits);
    }

    public boolean isSubtypeOf(Type other) {
        return (bits & ~other.bits) == 0;
    }

    public boolean isBottom() {
        return bits == 0;
    }

    /** Whether a value of this type can be C NULL, so releasing it needs a check. */
    public boolean maybeNull() {
        return !intersect(NULL).isBottom();
    }

    /**
     * Whether counting references to a value of this type can matter: it is not certainly immortal
     * or NULL. Bottom (not inferred, or unreachable) answers yes, the safe answer.
     */
    public boolean isRefcounted() {
        return isBottom() || !isSubtypeOf(IMMORTAL.union(NULL).union(CDOUBLE).union(CINT64));
    }

    /** Whether this is exactly one of the machine types a number is unboxed to ({@link #CDOUBLE}, {@link #CINT64}). */
    public boolean isUnboxed() {
        return equals(CDOUBLE) || equals(CINT64);
    }

    /** The object type an unboxed machine type stands for (float, int); any other type is itself. */
    public Type boxed() {
        return equals(CDOUBLE) ? FLOAT : equals(CINT64) ? INT : this;
    }

    /** Whether this is exactly one of the {@link #EXACT} types, so a guard can check it. */
    public boolean isExact() {
        return Long.bitCount(bits) == 1 && isSubtypeOf(EXACT);
    }

    /** The bit of an {@link #isExact} type: the C runtime's code for it ({@code pyjit_type_code} in the C runtime). */
    public int exactCode() {
        if (!isExact()) {
            throw new IllegalStateException(this + " is not one exact type");
        }
        return Long.numberOfTrailingZeros(bits);
    }

    /**
     * How {@code pyjit dump --args} and the stats spell a type an argument can be specialised for:
     * an exact type's Python name ({@code float}), {@code object} for {@link #OBJECT}, else null.
     */
    public String pythonName() {
        if (equals(OBJECT)) {
            return "object";
        }
        return isExact() ? PYTHON_NAMES[exactCode()] : null;
    }

    /** Every name {@link #ofPythonName} knows. */
    public static List<String> pythonNames() {
        List<String> names = new ArrayList<>(List.of(PYTHON_NAMES));
        names.add("object");
        return names;
    }

    /** The exact type with this Python name, {@code object} for {@link #OBJECT}, or null. */
    public static Type ofPythonName(String name) {
        if (name.equals("object")) {
            return OBJECT;
        }
        for (int i = 0; i < PYTHON_NAMES.length; i++) {
            if (PYTHON_NAMES[i].equals(name)) {
                return bit(i);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        if (equals(TOP)) {
            return "Top";
        }
        if (equals(OBJECT)) {
            return "Object";
        }
        if (isBottom()) {
            return "Bottom";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((bits & (1L << i)) != 0) {
                parts.add(NAMES[i]);
            }
        }
        return String.join("|", parts);
    }
}
