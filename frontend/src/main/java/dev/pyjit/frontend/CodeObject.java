package dev.pyjit.frontend;

import dev.pyjit.ir.CacheHint;
import java.util.List;

/**
 * A CPython 3.13 code object as plain data: everything the compiler reads of it, copied out of
 * the live interpreter once by {@link CodeReader}, so the rest of the frontend needs no CPython.
 *
 * @param code        co_code as CPython reports it (unspecialised, caches zeroed)
 * @param quickened   the same instructions as the interpreter runs them, specialised where it has
 *                    specialised them ({@code _co_code_adaptive}); only the opcodes are read
 * @param localNames  the name of each of the frame's localsplus slots, in slot order (CodeReader)
 * @param lines       co_lines(): byte ranges and their source line (-1 for none)
 */
public record CodeObject(String name, String qualifiedName, String fileName, int firstLine,
                         int argCount, int positionalOnlyArgCount, int keywordOnlyArgCount, int flags,
                         byte[] code, List<Constant> constants, List<String> names, List<String> localNames,
                         int cellCount, int freeCount, byte[] exceptionTable, List<LineRange> lines, byte[] quickened) {

    public static final int CO_VARARGS = 0x4;
    public static final int CO_VARKEYWORDS = 0x8;
    public static final int CO_GENERATOR = 0x20;
    public static final int CO_COROUTINE = 0x80;
    public static final int CO_ITERABLE_COROUTINE = 0x100;
    public static final int CO_ASYNC_GENERATOR = 0x200;

    public enum ConstantKind { NONE, BOOL, INT, FLOAT, COMPLEX, STR, BYTES, TUPLE, FROZENSET, ELLIPSIS, CODE, OTHER }

    /**
     * A constant: its kind, its repr (for dumps), for a code constant the nested code, and for a
     * float its exact value (0 for other kinds).
     */
    public record Constant(ConstantKind kind, String repr, CodeObject nestedCode, double floatValue) {}

    public record LineRange(int start, int end, int line) {}

    /** The source line of the instruction at {@code offset}, or -1. */
    public int lineAt(int offset) {
        for (LineRange range : lines) {
            if (offset >= range.start() && offset < range.end()) {
                return range.line();
            }
        }
        return -1;
    }

    /**
     * The same code as if the interpreter had specialised none of the instructions whose
     * specialisation compiled code speculates on ({@link CacheHint#speculatesOnTypes}): for code
     * whose guards kept failing. The caches of global and attribute accesses, which only choose a
     * fast path, stay.
     */
    public CodeObject withoutSpeculations() {
        byte[] kept = quickened.clone();
        for (int offset = 0; offset + 1 < kept.length; offset += 2) {
            if (CacheHint.of(kept[offset] & 0xff).speculatesOnTypes()) {
                kept[offset] = 0;  // CACHE: no hint
            }
        }
        return new CodeObject(name, qualifiedName, fileName, firstLine, argCount, positionalOnlyArgCount, keywordOnlyArgCount, flags,
                code, constants, names, localNames, cellCount, freeCount, exceptionTable, lines, kept);
    }

    /** How the interpreter had specialised the instruction whose opcode is at byte {@code offset}. */
    public CacheHint hintAt(int offset) {
        return offset + 1 < quickened.length ? CacheHint.of(quickened[offset] & 0xff) : CacheHint.NONE;
    }

    /** The local slots that hold arguments on entry: positional, keyword-only, then *args and **kwargs. */
    public int argumentSlots() {
        return argCount + keywordOnlyArgCount + ((flags & CO_VARARGS) != 0 ? 1 : 0) + ((flags & CO_VARKEYWORDS) != 0 ? 1 : 0);
    }

    public boolean isGeneratorLike() {
        return (flags & (CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
    }
}
