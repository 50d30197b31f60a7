package dev.pyjit.frontend;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses co_exceptiontable (CPython 3.11+ format, Objects/exception_handling_notes.txt): entries
 * of variable-length 6-bit integers, each entry starting with a byte whose bit 7 is set.
 */
public final class ExceptionTable {
    /** Instructions in [start, end) that raise go to target with the stack cut to depth. */
    public record Entry(int start, int end, int target, int depth, boolean pushLastInstruction) {
        /** Whether the handler takes exceptions raised by the instruction at this byte offset. */
        public boolean covers(int offset) {
            return start <= offset && offset < end;
        }
    }

    private ExceptionTable() {}

    public static List<Entry> parse(byte[] table) {
        List<Entry> entries = new ArrayList<>();
        int[] position = {0};
        while (position[0] < table.length) {
            int start = varint(table, position) * 2;
            int length = varint(table, position) * 2;
            int target = varint(table, position) * 2;
            int depthAndLasti = varint(table, position);
            entries.add(new Entry(start, start + length, target, depthAndLasti >> 1, (depthAndLasti & 1) != 0));
        }
        return entries;
    }

    private static int varint(byte[] table, int[] position) {
        int b = table[position[0]++] & 0xff;
        int value = b & 63;
        while ((b & 64) != 0) {
            b = table[position[0]++] & 0xff;
            value = (value << 6) | (b & 63);
        }
        return value;
    }
}
