package dev.pyjit.ir;

/**
 * A builtin that a call computes itself, without calling it, where the callable really is that
 * builtin and the arguments are of the builtin types it knows; anything else makes the call (with
 * the locals compiled code keeps written to the frame first), so a rebound name or an object with
 * its own {@code __len__} runs as in the interpreter. The computed path runs no Python code, which
 * lets PromoteLocals keep locals in registers across the call.
 */
public enum Intrinsic {
    // what each computes, and for which arguments; the call is made for any others
    /** {@code len(x)} of an exact str, list, tuple or dict. */
    LEN(1),
    /**
     * {@code isinstance(x, cls)} for a class whose metaclass is type: true where x's type is cls or
     * a subclass; false for a builtin x (an instance of another class may claim a {@code __class__}).
     */
    ISINSTANCE(2),
    /** {@code abs(x)} of a float or a one-digit int. */
    ABS(1),
    /** {@code min(a, b)} of floats and one-digit ints: b if b < a, else a (the very object). */
    MIN(2),
    /** {@code max(a, b)} of floats and one-digit ints: b if b > a, else a. */
    MAX(2),
    /** {@code ord(c)} of an exact str of one character: its code point. */
    ORD(1),
    /** {@code chr(i)} of an exact int that is a code point (0 to 0x10FFFF): that character's str. */
    CHR(1),
    /**
     * {@code xs.append(x)}, the method list.append called on an exact list (a method: the call
     * passes its self too): x appended, None.
     */
    LIST_APPEND("list.append", 1),
    /**
     * {@code xs.pop()}, the method list.pop called on a non-empty exact list (a stack's, a
     * worklist's): its last item, removed.
     */
    LIST_POP("list.pop", 0),
    /**
     * {@code xs.pop(i)} as {@link #LIST_POP}, with an exact int i that indexes an item (negative
     * from the end): that item, removed. An index out of range makes the call, which raises.
     */
    LIST_POP_AT("list.pop", 1),
    /**
     * {@code xs.insert(i, x)}, the method list.insert called on an exact list with an exact int i:
     * x inserted before the item at i, an index past either end taken as that end; None.
     */
    LIST_INSERT("list.insert", 2),
    /**
     * {@code d.get(key, default)}, the method dict.get called on an exact dict whose keys are all
     * strs, with an exact str key: no {@code __eq__} or {@code __hash__} of Python's can run.
     */
    DICT_GET("dict.get", 2),
    /** {@code d.get(key)} as {@link #DICT_GET}, None for a missing key. */
    DICT_GET_OR_NONE("dict.get", 1),
    /**
     * {@code c.isspace()}, the method str.isspace called on an exact str of one character (a
     * tokenizer's test of each character): that character's class, as the method gives it.
     */
    STR_ISSPACE("str.isspace", 0),
    /** {@code c.isdigit()} as {@link #STR_ISSPACE}. */
    STR_ISDIGIT("str.isdigit", 0),
    /** {@code c.isalpha()} as {@link #STR_ISSPACE}. */
    STR_ISALPHA("str.isalpha", 0),
    /** {@code c.isalnum()} as {@link #STR_ISSPACE}. */
    STR_ISALNUM("str.isalnum", 0),
    /**
     * {@code s.startswith(prefix)}, the method str.startswith called on an exact str with an exact
     * str (a parser's test of each line or word): whether s begins with prefix. A tuple of
     * prefixes makes the call.
     */
    STR_STARTSWITH("str.startswith", 1),
    /**
     * {@code s.startswith(prefix, start)} as {@link #STR_STARTSWITH} with an exact int start (a
     * tokenizer's test at its position): whether s[start:] begins with prefix.
     */
    STR_STARTSWITH_FROM("str.startswith", 2),
    /** {@code s.endswith(suffix)} as {@link #STR_STARTSWITH}: whether s ends with suffix. */
    STR_ENDSWITH("str.endswith", 1),
    /** {@code s.endswith(suffix, start)} as {@link #STR_STARTSWITH_FROM}: whether s[start:] ends with suffix. */
    STR_ENDSWITH_FROM("str.endswith", 2);

    /** How many positional arguments the call passes (a method's self aside). */
    public final int arguments;
    private final String pythonName;

    Intrinsic(int arguments) {
        this.arguments = arguments;
        this.pythonName = name().toLowerCase(java.util.Locale.ROOT);
    }

    Intrinsic(String pythonName, int arguments) {
        this.arguments = arguments;
        this.pythonName = pythonName;
    }

    /** The builtin of this name called with {@code count} positional arguments, or null. */
    public static Intrinsic of(String name, int count) {
        for (Intrinsic intrinsic : values()) {
            if (intrinsic.pythonName.equals(name) && intrinsic.arguments == count) {
                return intrinsic;
            }
        }
        return null;
    }

    /** The builtin's name, as printed at the call: a method's with its type's. */
    public String pythonName() {
        return pythonName;
    }

    /** Whether the builtin is a method, called with a self. */
    public boolean isMethod() {
        return pythonName.contains(".");
    }
}
