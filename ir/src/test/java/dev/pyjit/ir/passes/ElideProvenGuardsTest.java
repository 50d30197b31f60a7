package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElideProvenGuardsTest {
    @Test
    void aGuardOnAValueOfTheGuardedTypeGoesAndItsResultIsTheValue() {
        Function fn = new Function("f", 2, List.of("x", "y"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Value known = fn.newValue(Type.FLOAT);
        Value unknown = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(known, 0));
        entry.add(new Instr.LoadLocal(unknown, 1));
        Value knownGuarded = fn.newValue(Type.FLOAT);
        Value unknownGuarded = fn.newValue(Type.FLOAT);
        entry.add(new Instr.GuardType(knownGuarded, known, Type.FLOAT, new ResumeState(4, List.of(known, unknown), List.of())));
        entry.add(new Instr.GuardType(unknownGuarded, unknown, Type.FLOAT, new ResumeState(4, List.of(knownGuarded, unknown), List.of())));
        Value tuple = fn.newValue(Type.TUPLE);
        entry.add(new Instr.Build(tuple, Op.BUILD_TUPLE, List.of(knownGuarded, unknownGuarded), dev.pyjit.ir.IrTesting.state(4)));
        entry.setTerminator(new Terminator.Return(tuple));

        new ElideProvenGuards().run(fn);
        Verifier.verify(fn);

        assertEquals(List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.GUARD_TYPE, Op.BUILD_TUPLE), ops(entry));
        Instr.GuardType kept = (Instr.GuardType) entry.instructions().get(2);
        assertEquals(unknown, kept.value());
        assertEquals(List.of(known, unknown), kept.resume().stack(), "the resume state names the value the dropped guard gave");
        assertEquals(List.of(known, unknownGuarded), entry.instructions().get(3).operands());
    }
}
