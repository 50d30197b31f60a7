package dev.pyjit.ir;

import java.util.Arrays;

/**
 * Where a function's code comes from: the file, the line of its {@code def}, and the source line
 * of each bytecode offset (CPython's co_lines), so generated code can say which line it is for.
 */
public final class SourceLines {
    /** For functions built by hand (tests): no file, and no line for any offset. */
    public static final SourceLines NONE = new SourceLines("<unknown>", 0, new int[0]);

    private final String file;
    private final int firstLine;
    private final int[] lineByCodeUnit;

    /** @param lineByCodeUnit the line of each 2-byte code unit, -1 where there is none */
    public SourceLines(String file, int firstLine, int[] lineByCodeUnit) {
        this.file = file;
        this.firstLine = firstLine;
        this.lineByCodeUnit = lineByCodeUnit.clone();
    }

    public String file() {
        return file;
    }

    public int firstLine() {
        return firstLine;
    }

    /** The source line of the instruction at a bytecode offset, or -1 if it has none. */
    public int lineAt(int offset) {
        int unit = offset / 2;
        return unit >= 0 && unit < lineByCodeUnit.length ? lineByCodeUnit[unit] : -1;
    }

    @Override
    public String toString() {
        return file + ":" + firstLine + " " + Arrays.toString(lineByCodeUnit);
    }
}
