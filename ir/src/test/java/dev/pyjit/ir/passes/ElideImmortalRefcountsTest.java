package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElideImmortalRefcountsTest {

    /** Loads one value of each type and increfs and decrefs it; returns the instructions that survive. */
    private static List<Instr> survivors(Type... types) {
        Function fn = new Function("f", 1, List.of("x"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Block second = fn.newBlock("second");
        List<Value> values = new ArrayList<>();
        for (Type type : types) {
            Value value = fn.newValue(type);
            entry.add(new Instr.LoadLocal(value, 0));
            values.add(value);
        }
        for (Value value : values) {
            entry.add(new Instr.Refcount(Op.INCREF, value));
            second.add(new Instr.Refcount(Op.DECREF, value));
        }
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(second, List.of())));
        second.setTerminator(new Terminator.Return(values.get(0)));

        new ElideImmortalRefcounts().run(fn);
        Verifier.verify(fn);

        List<Instr> all = new ArrayList<>(entry.instructions());
        all.addAll(second.instructions());
        all.removeIf(instruction -> instruction instanceof Instr.LoadLocal);
        return all;
    }

    private static List<String> describe(List<Instr> instructions) {
        return instructions.stream()
                .map(instruction -> instruction.op() + " " + instruction.operands().get(0).type())
                .toList();
    }

    @Test
    void dropsRefcountsOfNoneAndBool() {
        assertEquals(List.of(), survivors(Type.NONE, Type.BOOL, Type.IMMORTAL));
    }

    @Test
    void keepsRefcountsOfMortalTypes() {
        List<String> kept = describe(survivors(Type.NONE, Type.INT, Type.BOOL, Type.FLOAT, Type.OBJECT, Type.BOOL.union(Type.INT), Type.TOP));
        assertEquals(List.of("INCREF Int", "INCREF Float", "INCREF Object", "INCREF Bool|Int", "INCREF Top",
                "DECREF Int", "DECREF Float", "DECREF Object", "DECREF Bool|Int", "DECREF Top"), kept);
    }

    @Test
    void keepsRefcountsOfUntypedBottomValues() {
        // Bottom is a subtype of everything, but nothing is known about an uninferred value
        assertEquals(List.of("INCREF Bottom", "DECREF Bottom"), describe(survivors(Type.BOTTOM)));
    }

    @Test
    void leavesOtherInstructionsAlone() {
        Function fn = new Function("f", 1, List.of("x"), List.of(), List.of("None"));
        Block entry = fn.newBlock("entry");
        Value none = fn.newValue(Type.NONE);
        Instr load = new Instr.LoadConst(none, 0);
        Instr not = new Instr.Not(fn.newValue(Type.BOOL), none);
        entry.add(load);
        entry.add(not);
        entry.setTerminator(new Terminator.Return(none));
        new ElideImmortalRefcounts().run(fn);
        assertEquals(List.of(load, not), entry.instructions());
        assertEquals("elide-immortal-refcounts", new ElideImmortalRefcounts().name());
    }
}
