package dev.pyjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.CacheHint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeObjectTest {
    /** Code units as the interpreter runs them: each hinted opcode at its own even offset, its argument 0. */
    private static CodeObject quickenedAs(CacheHint... hints) {
        byte[] quickened = new byte[hints.length * 2];
        for (int i = 0; i < hints.length; i++) {
            quickened[2 * i] = (byte) hints[i].opcode;
        }
        return new CodeObject("f", "f", "<test>", 1, 0, 0, 0, 0, new byte[quickened.length], List.of(), List.of(), List.of(), 0, 0,
                new byte[0], List.of(), quickened);
    }

    @Test
    void withoutSpeculationsDropsTypeSpecialisationsAndKeepsTheCachesOfAccesses() {
        CodeObject code = quickenedAs(CacheHint.BINARY_OP_MULTIPLY_FLOAT, CacheHint.ATTR_SLOT, CacheHint.COMPARE_OP_INT,
                CacheHint.GLOBAL_MODULE, CacheHint.FOR_ITER_RANGE, CacheHint.BINARY_SUBSCR_LIST_INT, CacheHint.ATTR_METHOD_WITH_VALUES,
                CacheHint.STORE_ATTR_INSTANCE_VALUE);
        CodeObject generic = code.withoutSpeculations();
        List<CacheHint> expected = List.of(CacheHint.NONE, CacheHint.ATTR_SLOT, CacheHint.NONE, CacheHint.GLOBAL_MODULE, CacheHint.NONE,
                CacheHint.NONE, CacheHint.ATTR_METHOD_WITH_VALUES, CacheHint.STORE_ATTR_INSTANCE_VALUE);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), generic.hintAt(2 * i), "unit " + i);
        }
        assertEquals(CacheHint.BINARY_OP_MULTIPLY_FLOAT, code.hintAt(0), "the code it came from keeps its hints");
    }
}
