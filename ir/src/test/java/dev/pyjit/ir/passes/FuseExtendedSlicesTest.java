package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
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

class FuseExtendedSlicesTest {
    /**
     * {@code return seq[k::-1]} as the frontend builds it; {@code sliceAlsoReturned}: the slice
     * object is what the function returns (another use), the item is dropped.
     */
    private static Function reversedSlice(boolean sliceAlsoReturned) {
        Function fn = new Function("f", 2, List.of("seq", "k"), List.of(), List.of("None", "-1"));
        Block entry = fn.newBlock("entry");
        Value seq = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(seq, 0));
        Value k = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(k, 1));
        Value none = fn.newValue(Type.NONE);
        entry.add(new Instr.LoadConst(none, 0));
        Value step = fn.newValue(Type.INT);
        entry.add(new Instr.LoadConst(step, 1));
        Value slice = fn.newValue(Type.OTHER_OBJECT);
        entry.add(new Instr.Access(slice, Op.BUILD_SLICE, List.of(k, none, step), new FrameState(8, List.of(seq, k, none, step))));
        entry.add(new Instr.Refcount(Op.DECREF, k));
        entry.add(new Instr.Refcount(Op.DECREF, none));
        entry.add(new Instr.Refcount(Op.DECREF, step));
        if (sliceAlsoReturned) {
            entry.add(new Instr.Refcount(Op.INCREF, slice));
        }
        Value item = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Access(item, Op.SUBSCRIPT, List.of(seq, slice), new FrameState(10, List.of(seq, slice))));
        entry.add(new Instr.Refcount(Op.DECREF, seq));
        entry.add(new Instr.Refcount(Op.DECREF, slice));
        if (sliceAlsoReturned) {
            entry.add(new Instr.Refcount(Op.DECREF, item));
        }
        entry.setTerminator(new Terminator.Return(sliceAlsoReturned ? slice : item));
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void aSliceBuiltOnlyToSubscriptIsNotMade() {
        Function fn = reversedSlice(false);
        new FuseExtendedSlices().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadLocal<seq>
                  v1:Object = LoadLocal<k>
                  v2:None = LoadConst<None>
                  v3:Int = LoadConst<-1>
                  v5:Object = Slice v0 v1 v2 v3  @10 owns[v0 v1 v2 v3]
                  Decref v1
                  Decref v2
                  Decref v3
                  Decref v0
                  Return v5
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void aSliceUsedBesidesTheSubscriptIsMade() {
        Function fn = reversedSlice(true);
        String before = Printer.printTyped(fn);
        new FuseExtendedSlices().run(fn);
        assertEquals(before, Printer.printTyped(fn));
    }
}
