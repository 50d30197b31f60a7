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

class UnpackIteratedPairsTest {
    /**
     * {@code def f(a): for x, y in maker(a, a): pass} (one argument for enumerate), the FOR_ITER
     * hinted, the UNPACK_SEQUENCE guarded as the interpreter's UNPACK_SEQUENCE_TWO_TUPLE has it;
     * with {@code keepTuple} the body stores the tuple too, as {@code for t in ...: x, y = t; u = t} would.
     */
    private static Function loop(String maker, CacheHint hint, boolean keepTuple) {
        Function fn = new Function("f", 1, List.of("a", "x", "y", "t"), List.of(maker), List.of("None"));
        Block entry = fn.newBlock("entry");
        Block header = fn.newBlock("offset 4");
        Block exit = fn.newBlock("for-exit offset 4");
        Block body = fn.newBlock("offset 8");
        Value builtin = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(builtin, 0, CacheHint.GLOBAL_BUILTIN, new FrameState(0, List.of()), new ResumeState(0, List.of(), List.of())));
        Value noSelf = fn.newValue(Type.NULL);
        entry.add(new Instr.LoadNull(noSelf));
        List<Value> arguments = new java.util.ArrayList<>();
        for (int i = 0; i < (maker.equals("enumerate") ? 1 : 2); i++) {
            Value argument = fn.newValue(Type.OBJECT);
            entry.add(new Instr.LoadLocal(argument, 0, null));
            arguments.add(argument);
        }
        Value made = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Call(made, builtin, noSelf, arguments, -1, new FrameState(2, List.of())));
        Value iterable = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Unary(iterable, Op.GET_ITER, made, new FrameState(3, List.of(made))));
        entry.add(new Instr.Refcount(Op.DECREF, made));
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
        Value pair = fn.addParameter(body, Type.TOP);
        Value guarded = fn.newValue(Type.TUPLE);
        body.add(new Instr.GuardType(guarded, pair, Type.TUPLE, new ResumeState(8, List.of(carried, pair), List.of())));
        Value unpacked = fn.newValue(Type.TUPLE);
        body.add(new Instr.UnpackSequence(unpacked, guarded, 2, new FrameState(8, List.of(carried, guarded))));
        body.add(new Instr.Refcount(Op.DECREF, guarded));
        Value second = fn.newValue(Type.OBJECT);
        Value first = fn.newValue(Type.OBJECT);
        body.add(new Instr.TupleItem(second, unpacked, 1));
        body.add(new Instr.TupleItem(first, unpacked, 0));
        body.add(new Instr.Refcount(Op.DECREF, unpacked));
        body.add(new Instr.StoreLocal(1, first, 12));
        body.add(new Instr.StoreLocal(2, second, 14));
        if (keepTuple) {
            body.add(new Instr.StoreLocal(3, pair, 16));
        }
        body.setTerminator(new Terminator.Jump(new Edge(header, List.of(carried))));
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void theItemsOfAnInertIteratorsPairsGoStraightIntoTheBody() {
        Function fn = loop("zip", CacheHint.FOR_ITER_INERT, false);
        new UnpackIteratedPairs().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadGlobal<zip,global_builtin>  @0 owns[]
                  v1:Null = LoadNull
                  v2:Object = LoadLocal<a>
                  v3:Object = LoadLocal<a>
                  v4:Object = Call<2> v0 v1 v2 v3  @2 owns[]
                  v5:Object = GetIter v4  @3 owns[v4]
                  Decref v4
                  Jump bb1(v5)
                bb1(v6:Object):  # offset 4
                  v7:Top = ForIterPair v6  @4 owns[v6]  resume@4[v6]
                  v16:Top = PairSecond v7
                  Branch IS_NULL v7 -> bb2(), bb3(v6 v7 v16)
                bb2:  # for-exit offset 4
                  Decref v6
                  v8:None = LoadConst<None>
                  Return v8
                bb3(v9:Object, v10:Object, v15:Object):  # offset 8
                  StoreLocal<x> v10
                  StoreLocal<y> v15
                  Jump bb1(v9)
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void anEnumeratesIndexIsANumberTheBodyBoxes() {
        Function fn = loop("enumerate", CacheHint.FOR_ITER_INERT, false);
        new UnpackIteratedPairs().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadGlobal<enumerate,global_builtin>  @0 owns[]
                  v1:Null = LoadNull
                  v2:Object = LoadLocal<a>
                  v3:Object = Call<1> v0 v1 v2  @2 owns[]
                  v4:Object = GetIter v3  @3 owns[v3]
                  Decref v3
                  Jump bb1(v4)
                bb1(v5:Object):  # offset 4
                  v6:Top = ForIterEnumerated v5  @4 owns[v5]  resume@4[v5]
                  Branch IS_NULL v6 -> bb2(), bb3(v5 v6)
                bb2:  # for-exit offset 4
                  Decref v5
                  v7:None = LoadConst<None>
                  Return v7
                bb3(v8:Object, v9:Object):  # offset 8
                  v14:CInt64 = EnumerateIndex v8
                  v15:Int = BoxInt v14  @4 owns[v8 v9]
                  StoreLocal<x> v15
                  StoreLocal<y> v9
                  Jump bb1(v8)
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void pairsOfAnotherIteratorStayTuples() {
        Function fn = loop("sorted", CacheHint.FOR_ITER_INERT, false);
        assertUnchanged(fn);
    }

    @Test
    void aLoopWhoseIteratorWasNotSpeculatedInertKeepsItsTuples() {
        Function fn = loop("zip", CacheHint.NONE, false);
        assertUnchanged(fn);
    }

    @Test
    void aTupleTheBodyAlsoKeepsIsMade() {
        Function fn = loop("zip", CacheHint.FOR_ITER_INERT, true);
        assertUnchanged(fn);
    }

    private static void assertUnchanged(Function fn) {
        String before = Printer.printTyped(fn);
        new UnpackIteratedPairs().run(fn);
        assertEquals(before, Printer.printTyped(fn));
    }
}
