package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnboxRangeIterationTest {
    /**
     * {@code def f(it): for i in it: pass}, the FOR_ITER hinted; with {@code secondEntry} another
     * block jumps into the loop body too (bytecode never does, the pass must not rely on it).
     */
    private static Function loop(CacheHint hint, boolean secondEntry) {
        Function fn = new Function("f", 1, List.of("it", "i"), List.of(), List.of("None"));
        Block entry = fn.newBlock("entry");
        Block header = fn.newBlock("offset 4");
        header.setBytecodeOffset(4);
        Block exit = fn.newBlock("for-exit offset 4");
        Block body = fn.newBlock("offset 8");
        Value iterable = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(iterable, 0, null));
        entry.setTerminator(new Terminator.Jump(new Edge(header, List.of(iterable))));

        Value iterator = fn.addParameter(header, Type.OBJECT);
        Value item = fn.newValue(Type.TOP);
        header.add(new Instr.ForIter(item, iterator, hint, new FrameState(4, List.of(iterator)), new ResumeState(4, List.of(iterator), List.of()), 8));
        header.setTerminator(new Terminator.Branch(Condition.IS_NULL, item, new Edge(exit, List.of()), new Edge(body, List.of(iterator, item))));

        exit.add(new Instr.Refcount(Op.DECREF, iterator));
        Value none = fn.newValue(Type.NONE);
        exit.add(new Instr.LoadConst(none, 0));
        exit.setTerminator(new Terminator.Return(none));

        Value carried = fn.addParameter(body, Type.OBJECT);
        Value bound = fn.addParameter(body, Type.TOP);
        body.add(new Instr.StoreLocal(1, bound, 8));
        body.setTerminator(new Terminator.Jump(new Edge(header, List.of(carried))));
        if (secondEntry) {
            entry.setTerminator(new Terminator.Branch(Condition.IS_NONE, iterable, new Edge(header, List.of(iterable)),
                    new Edge(body, List.of(iterable, iterable))));
        }
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void aRangeLoopTakesItsItemsAsNumbersInTheBody() {
        Function fn = loop(CacheHint.FOR_ITER_RANGE, false);
        new UnboxRangeIteration().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadLocal<it>
                  Jump bb1(v0)
                bb1(v1:Object):  # offset 4
                  v6:Bool = RangeIterHasNext v1  resume@4[v1]
                  Branch IS_TRUE v6 -> bb3(v1), bb2()
                bb2:  # for-exit offset 4
                  Decref v1
                  v3:None = LoadConst<None>
                  Return v3
                bb3(v4:Object):  # offset 8
                  v7:CInt64 = RangeIterNext v4
                  v5:Int = BoxInt v7  @4 owns[v4]
                  StoreLocal<i> v5
                  Jump bb1(v4)
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void theBackEdgeTakesTheNextItemItselfSoTheBodyStartsWithTheVariableStored() {
        Function fn = loop(CacheHint.FOR_ITER_RANGE, false);
        Block exit = fn.blocks().get(2);
        exit.instructions().clear();
        exit.add(new Instr.Refcount(Op.DECREF, fn.blocks().get(1).parameters().get(0)));
        Value none = fn.newValue(Type.NONE);
        Block after = fn.newBlock("offset 20");
        after.add(new Instr.LoadConst(none, 0));
        after.setTerminator(new Terminator.Return(none));
        exit.setTerminator(new Terminator.Jump(new Edge(after, List.of())));
        new UnboxRangeIteration().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadLocal<it>
                  Jump bb1(v0)
                bb1(v1:Object):  # offset 4
                  v7:Bool = RangeIterHasNext v1  resume@4[v1]
                  Branch IS_TRUE v7 -> bb5(v1), bb2()
                bb2:  # for-exit offset 4
                  Decref v1
                  Jump bb4()
                bb3(v4:Object):  # offset 8
                  Jump bb6(v4)
                bb4:  # offset 20
                  v6:None = LoadConst<None>
                  Return v6
                bb5(v9:Object):  # offset 8 first
                  v8:CInt64 = RangeIterNext v9
                  v5:Int = BoxInt v8  @4 owns[v9]
                  StoreLocal<i> v5
                  Jump bb3(v9)
                bb6(v10:Object):  # for-latch of offset 4
                  v11:Bool = RangeIterHasNext v10  resume@4[v10]
                  Branch IS_TRUE v11 -> bb7(v10), bb8()
                bb7(v12:Object):  # offset 8 again
                  v13:CInt64 = RangeIterNext v12
                  v14:Int = BoxInt v13  @4 owns[v12]
                  StoreLocal<i> v14
                  Jump bb3(v12)
                bb8:  # for-exit offset 4 from the latch
                  Decref v10
                  Jump bb4()
                }
                """, Printer.printTyped(fn));
        Block header = fn.blocks().get(1);
        Block latch = fn.blocks().get(6);
        assertEquals(4, latch.bytecodeOffset(), "the interpreter can take over at the latch as at the header");
        assertEquals(header.parameters().size(), latch.parameters().size(), "with the header's stack");
    }

    @Test
    void otherLoopsAreLeftAlone() {
        for (Function fn : List.of(loop(CacheHint.FOR_ITER_LIST, false), loop(CacheHint.NONE, false), loop(CacheHint.FOR_ITER_RANGE, true))) {
            String before = Printer.printTyped(fn);
            new UnboxRangeIteration().run(fn);
            assertEquals(before, Printer.printTyped(fn));
        }
    }
}
