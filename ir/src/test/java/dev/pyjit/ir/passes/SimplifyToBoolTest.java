package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class SimplifyToBoolTest {
    private static Function function() {
        return new Function("f", 1, List.of("x"), List.of("g"), List.of("None", "True", "1"));
    }

    @Test
    void toBoolOfBoolBecomesIncrefAndUsesAreRewritten() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block yes = fn.newBlock("yes");
        Block no = fn.newBlock("no");
        Value flag = fn.newValue(Type.BOOL);                       // v0
        entry.add(new Instr.LoadConst(flag, 1));
        Value converted = fn.newValue(Type.BOOL);                  // v1
        entry.add(new Instr.ToBool(converted, flag, new FrameState(2, List.of(flag))));
        Value global = fn.newValue(Type.OBJECT);                   // v2: a frame state that owns v1
        entry.add(new Instr.LoadGlobal(global, 0, new FrameState(4, List.of(converted))));
        entry.add(new Instr.Refcount(Op.DECREF, global));
        Value p = fn.addParameter(yes, Type.TOP);                  // v3
        entry.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, converted,
                new Terminator.Edge(yes, List.of(converted)), new Terminator.Edge(no, List.of())));
        yes.setTerminator(new Terminator.Return(p));
        no.setTerminator(new Terminator.Return(converted));
        Verifier.verify(fn);

        new SimplifyToBool().run(fn);
        Verifier.verify(fn);

        List<Instr> instructions = entry.instructions();
        assertEquals(new Instr.Refcount(Op.INCREF, flag), instructions.get(1));
        Instr.LoadGlobal load = assertInstanceOf(Instr.LoadGlobal.class, instructions.get(2));
        assertEquals(List.of(flag), load.state().owned(), "frame-state uses are rewritten");
        Terminator.Branch branch = assertInstanceOf(Terminator.Branch.class, entry.terminator());
        assertSame(flag, branch.operand(), "branch operand is rewritten");
        assertEquals(List.of(flag), branch.ifTrue().arguments(), "edge arguments are rewritten");
        assertEquals(new Terminator.Return(flag), no.terminator());
        assertEquals(new Terminator.Return(p), yes.terminator(), "unrelated uses are untouched");
    }

    @Test
    void toBoolOfNonBoolIsKept() {
        for (Type type : List.of(Type.INT, Type.OBJECT, Type.BOOL.union(Type.NONE), Type.TOP)) {
            Function fn = function();
            Block entry = fn.newBlock("entry");
            Value operand = fn.newValue(type);
            entry.add(new Instr.LoadLocal(operand, 0));
            Value result = fn.newValue(Type.BOOL);
            Instr toBool = new Instr.ToBool(result, operand, new FrameState(2, List.of(operand)));
            entry.add(toBool);
            entry.setTerminator(new Terminator.Return(result));

            new SimplifyToBool().run(fn);

            assertEquals(List.of(new Instr.LoadLocal(operand, 0), toBool), entry.instructions(), type::toString);
            assertEquals(new Terminator.Return(result), entry.terminator());
        }
    }

    @Test
    void functionWithoutToBoolIsUnchanged() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value none = fn.newValue(Type.NONE);
        entry.add(new Instr.LoadConst(none, 0));
        entry.setTerminator(new Terminator.Return(none));
        new SimplifyToBool().run(fn);
        assertEquals(List.of(new Instr.LoadConst(none, 0)), entry.instructions());
        assertEquals("simplify-to-bool", new SimplifyToBool().name());
    }

    /**
     * A chain {@code v1 = ToBool v0; v2 = ToBool v1; Return v2} (v0, v1 Bool) goes back to the
     * original bool: {@code Return v0}, never to v1, whose definition the pass removes.
     */
    @Test
    void chainedToBoolIsRewrittenToTheOriginalBool() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value v0 = fn.newValue(Type.BOOL);
        entry.add(new Instr.LoadConst(v0, 1));
        Value v1 = fn.newValue(Type.BOOL);
        entry.add(new Instr.ToBool(v1, v0, new FrameState(2, List.of())));
        Value v2 = fn.newValue(Type.BOOL);
        entry.add(new Instr.ToBool(v2, v1, new FrameState(10, List.of())));
        entry.setTerminator(new Terminator.Return(v2));

        new SimplifyToBool().run(fn);

        Verifier.verify(fn);
        assertEquals(new Terminator.Return(v0), entry.terminator());
    }
}
