package dev.pyjit.ir.passes;

import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexWithMachineIntsTest {
    /**
     * {@code return items[n + 1] + items[-1]}, the sum specialised to 64 bits and boxed, the
     * container typed {@code container}: the boxed sum and the constant are the indexes.
     */
    private static Function indexed(Type container) {
        Function fn = new Function("f", 2, List.of("items", "n"), List.of(), List.of("-1"));
        fn.setIntConstant(0, -1);
        Block entry = fn.newBlock("entry");
        Value items = fn.newValue(container);
        entry.add(new Instr.LoadLocal(items, 0));
        Value n = fn.newValue(Type.CINT64);
        entry.add(new Instr.IntConstant(n, 0, -1));
        Value sum = fn.newValue(Type.CINT64);
        entry.add(new Instr.IntArith(sum, BinaryOperator.ADD, n, n, resume(2)));
        Value boxed = fn.newValue(Type.INT);
        entry.add(new Instr.BoxInt(boxed, sum, state(4, items)));
        Value first = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Access(first, Op.SUBSCRIPT, List.of(items, boxed), state(6, items, boxed)));
        entry.add(new Instr.Refcount(Op.DECREF, boxed));
        Value last = fn.newValue(Type.INT);
        entry.add(new Instr.LoadConst(last, 0));
        Value second = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Access(second, Op.SUBSCRIPT, List.of(items, last), state(8, items, first, last)));
        entry.add(new Instr.Refcount(Op.DECREF, last));
        entry.add(new Instr.Refcount(Op.DECREF, items));
        entry.add(new Instr.Refcount(Op.DECREF, second));
        entry.setTerminator(new Terminator.Return(first));
        Verifier.verify(fn);
        return fn;
    }

    private static void indexAndUnbox(Function fn) {
        for (Pass pass : List.of(new IndexWithMachineInts(), new EliminateBoxing())) {
            pass.run(fn);
            Verifier.verify(fn);
        }
    }

    @Test
    void aListIsIndexedByTheNumbersAndTheirBoxesAreNotMade() {
        Function fn = indexed(Type.LIST);
        indexAndUnbox(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:List = LoadLocal<items>
                  v1:CInt64 = IntConstant<-1>
                  v2:CInt64 = IntArith<ADD> v1 v1  resume@2[]
                  v4:Object = Subscript v0 v2  @6 owns[v0 v2]
                  v7:CInt64 = IntConstant<-1>
                  v6:Object = Subscript v0 v7  @8 owns[v0 v4 v7]
                  Decref v0
                  Decref v6
                  Return v4
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void aTupleIsReadByTheNumbersToo() {
        Function fn = indexed(Type.TUPLE);
        new IndexWithMachineInts().run(fn);
        Verifier.verify(fn);
        assertEquals(2, fn.entry().instructions().stream()
                .filter(instruction -> instruction.op() == Op.SUBSCRIPT && instruction.operands().get(1).type().equals(Type.CINT64)).count());
    }

    @Test
    void aContainerNotKnownToBeAnExactListOrTupleKeepsItsObjectIndexes() {
        for (Type container : List.of(Type.OBJECT, Type.DICT, Type.LIST.union(Type.DICT))) {
            Function fn = indexed(container);
            String before = Printer.printTyped(fn);
            new IndexWithMachineInts().run(fn);
            assertEquals(before, Printer.printTyped(fn), container.toString());
        }
    }

    @Test
    void aLoopVariableBoxedOnEveryEdgeIndexesWithANumberAlongside() {
        // bb1(j) is entered from two blocks, each with a box of a 64-bit value; j also goes on, as an object
        Function fn = new Function("f", 1, List.of("items", "j"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Block body = fn.newBlock("body");
        Block latch = fn.newBlock("latch");
        Value items = fn.newValue(Type.LIST);
        entry.add(new Instr.LoadLocal(items, 0));
        Value start = fn.newValue(Type.CINT64);
        entry.add(new Instr.IntConstant(start, 0, 0));
        Value startBox = fn.newValue(Type.INT);
        entry.add(new Instr.BoxInt(startBox, start, state(2, items)));
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(body, List.of(items, startBox))));
        Value carried = fn.addParameter(body, Type.LIST);
        Value j = fn.addParameter(body, Type.INT);
        Value stored = fn.newValue(Type.OBJECT);
        body.add(new Instr.LoadConst(stored, 0));
        body.add(new Instr.Effect(Op.STORE_SUBSCRIPT, List.of(carried, j, stored), state(4, carried, j, stored)));
        body.add(new Instr.Refcount(Op.DECREF, stored));
        body.setTerminator(new Terminator.Jump(new Terminator.Edge(latch, List.of(carried, j))));
        Value latchItems = fn.addParameter(latch, Type.LIST);
        Value previous = fn.addParameter(latch, Type.INT);
        Value next = fn.newValue(Type.CINT64);
        latch.add(new Instr.IntConstant(next, 0, 1));
        Value nextBox = fn.newValue(Type.INT);
        latch.add(new Instr.BoxInt(nextBox, next, state(6, latchItems)));
        latch.add(new Instr.Refcount(Op.DECREF, previous));
        latch.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, nextBox, new Terminator.Edge(body, List.of(latchItems, nextBox)),
                new Terminator.Edge(latch, List.of(latchItems, nextBox))));
        Verifier.verify(fn);
        new IndexWithMachineInts().run(fn);
        Verifier.verify(fn);
        Value machine = body.parameters().get(2);
        assertEquals(Type.CINT64, machine.type());
        Instr store = body.instructions().get(1);
        assertEquals(List.of(carried, machine, stored), store.operands());
        assertEquals(List.of(items, startBox, start), ((Terminator.Jump) entry.terminator()).edge().arguments());
        Terminator.Branch branch = (Terminator.Branch) latch.terminator();
        assertEquals(List.of(latchItems, nextBox, next), branch.ifTrue().arguments());
        assertEquals(List.of(latchItems, nextBox), branch.ifFalse().arguments(), "an edge into another block passes what it passed");
    }

    @Test
    void theVerifierRejectsANumberIndexingAContainerOfAnotherType() {
        Function fn = indexed(Type.DICT);
        List<Instr> instructions = fn.entry().instructions();
        Instr subscript = instructions.get(4);
        Value sum = instructions.get(2).result();
        instructions.set(4, new Instr.Access(subscript.result(), Op.SUBSCRIPT, List.of(subscript.operands().get(0), sum), subscript.state()));
        assertThrows(IllegalStateException.class, () -> Verifier.verify(fn));
    }
}
