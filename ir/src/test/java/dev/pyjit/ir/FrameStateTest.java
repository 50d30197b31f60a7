package dev.pyjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameStateTest {
    @Test
    void withReplacedMapsOwnedValuesAndKeepsTheOffset() {
        Function fn = new Function("f", 0, List.of(), List.of(), List.of());
        Value a = fn.newValue(Type.OBJECT);
        Value b = fn.newValue(Type.OBJECT);
        Value c = fn.newValue(Type.OBJECT);
        FrameState state = new FrameState(12, List.of(a, b, a));

        FrameState replaced = state.withReplaced(value -> value == a ? c : value);

        assertEquals(new FrameState(12, List.of(c, b, c)), replaced);
        assertEquals(List.of(a, b, a), state.owned(), "the original is unchanged");
        assertThrows(UnsupportedOperationException.class, () -> replaced.owned().add(b), "owned stays immutable");
    }

    @Test
    void replaceUsesRewritesFrameStatesButNeverDropsThem() {
        Function fn = new Function("f", 1, List.of("x"), List.of("g"), List.of());
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(x, 0));
        Value y = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(y, 0));
        Value global = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(global, 0, new FrameState(4, List.of(x, y))));
        entry.setTerminator(new Terminator.Return(global));

        fn.replaceUses(Map.of(x, y));

        assertEquals(List.of(y, y), entry.instructions().get(2).state().owned());
    }
}
