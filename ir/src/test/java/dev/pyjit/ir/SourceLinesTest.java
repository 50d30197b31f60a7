package dev.pyjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceLinesTest {
    @Test
    void lineOfEachBytecodeOffset() {
        SourceLines lines = new SourceLines("prog.py", 3, new int[]{3, 4, 4, -1, 5});
        assertEquals(3, lines.lineAt(0));
        assertEquals(4, lines.lineAt(2));
        assertEquals(4, lines.lineAt(4));
        assertEquals(-1, lines.lineAt(6), "an instruction without a line");
        assertEquals(5, lines.lineAt(8));
        assertEquals(-1, lines.lineAt(10), "past the end");
        assertEquals(-1, lines.lineAt(-2));
    }

    @Test
    void theArrayIsCopied() {
        int[] table = {7};
        SourceLines lines = new SourceLines("prog.py", 7, table);
        table[0] = 99;
        assertEquals(7, lines.lineAt(0));
    }

    @Test
    void handBuiltFunctionsHaveNoLines() {
        assertEquals(-1, SourceLines.NONE.lineAt(0));
        assertEquals(SourceLines.NONE, new Function("f", 0, java.util.List.of(), java.util.List.of(), java.util.List.of()).source());
    }
}
