package dev.pyjit.ir;

import static dev.pyjit.ir.IrTesting.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeStateTest {
    private final Function fn = new Function("f", 1, List.of("x", "y"), List.of(), List.of());
    private final Value a = fn.newValue(Type.OBJECT);
    private final Value b = fn.newValue(Type.FLOAT);
    private final Value c = fn.newValue(Type.OBJECT);
    private final Value d = fn.newValue(Type.CDOUBLE);

    @Test
    void withReplacedMapsTheStackAndTheReleasedValuesAndKeepsTheOffset() {
        ResumeState resume = new ResumeState(14, List.of(a, b, a), List.of(b, c));

        ResumeState replaced = resume.withReplaced(value -> value == b ? d : value == a ? c : value);

        assertEquals(new ResumeState(14, List.of(c, d, c), List.of(d, c)), replaced);
        assertEquals(new ResumeState(14, List.of(a, b, a), List.of(b, c)), resume, "the original is unchanged");
        assertThrows(UnsupportedOperationException.class, () -> replaced.stack().add(a), "the stack stays immutable");
        assertThrows(UnsupportedOperationException.class, () -> replaced.released().add(a), "released stays immutable");
    }

    @Test
    void withReplacedOfEmptyListsKeepsThemEmpty() {
        assertEquals(new ResumeState(3, List.of(), List.of()), new ResumeState(3, List.of(), List.of()).withReplaced(value -> d));
    }

    @Test
    void theListsAreCopied() {
        List<Value> stack = new ArrayList<>(List.of(a));
        List<Value> released = new ArrayList<>(List.of(b));
        ResumeState resume = new ResumeState(0, stack, released);
        stack.add(c);
        released.clear();
        assertEquals(List.of(a), resume.stack());
        assertEquals(List.of(b), resume.released());
    }

    @Test
    void loadsMapTheirResumeStateAndOthersHaveNone() {
        Instr.LoadLocal load = new Instr.LoadLocal(b, 0, new ResumeState(6, List.of(a, b), List.of(c)));
        Instr mapped = load.mapOperands(value -> value == a ? c : value == c ? a : value);
        assertEquals(new Instr.LoadLocal(b, 0, new ResumeState(6, List.of(c, b), List.of(a))), mapped);

        Instr.LoadLocalFloat read = new Instr.LoadLocalFloat(d, 1, resume(8, a, d));
        assertEquals(new Instr.LoadLocalFloat(d, 1, resume(8, c, d)), read.mapOperands(value -> value == a ? c : value));
        assertEquals(resume(8, a, d), read.resume());

        Instr.LoadLocal unresumable = new Instr.LoadLocal(a, 0);
        assertNull(unresumable.resume(), "the two-argument constructor leaves the resume state out");
        assertEquals(unresumable, unresumable.mapOperands(value -> c));
        assertNull(new Instr.LoadLocalChecked(a, 0, IrTesting.state(2)).resume());
        assertNull(new Instr.LoadConst(a, 0).resume());
    }

    @Test
    void replaceUsesRewritesResumeStates() {
        Block entry = fn.newBlock("entry");
        entry.add(new Instr.LoadLocal(a, 0, resume(2, a)));
        entry.add(new Instr.LoadLocal(c, 0, resume(4, a, c)));
        entry.add(new Instr.LoadLocal(b, 1, new ResumeState(6, List.of(c), List.of(a, b))));
        entry.setTerminator(new Terminator.Return(c));

        fn.replaceUses(Map.of(a, c));

        assertEquals(resume(2, c), entry.instructions().get(0).resume(), "its own result too");
        assertEquals(resume(4, c, c), entry.instructions().get(1).resume());
        assertEquals(new ResumeState(6, List.of(c), List.of(c, b)), entry.instructions().get(2).resume());
        assertSame(a, entry.instructions().get(0).result(), "definitions are not uses");
    }
}
