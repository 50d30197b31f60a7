package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class StoreTemporarySlicesTest {
    /**
     * {@code perm[:k] = perm[k::-1]} after FuseExtendedSlices; {@code sliceAlsoReturned}: the
     * slice is also what the function returns (a use besides the store); {@code storedInTheNextBlock}:
     * the store is in the block after the slice's (where a yield could have come between them).
     */
    private static Function reversedPrefixStored(boolean sliceAlsoReturned, boolean storedInTheNextBlock) {
        Function fn = new Function("f", 2, List.of("perm", "k"), List.of(), List.of("None", "-1"));
        Block entry = fn.newBlock("entry");
        Value perm = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(perm, 0));
        Value k = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(k, 1));
        Value none = fn.newValue(Type.NONE);
        entry.add(new Instr.LoadConst(none, 0));
        Value step = fn.newValue(Type.INT);
        entry.add(new Instr.LoadConst(step, 1));
        Value slice = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Access(slice, Op.SLICE, List.of(perm, k, none, step), new FrameState(10, List.of(perm, k, none, step))));
        if (sliceAlsoReturned) {
            entry.add(new Instr.Refcount(Op.INCREF, slice));
        }
        Block storing = entry;
        if (storedInTheNextBlock) {
            storing = fn.newBlock("store");
            entry.setTerminator(new Terminator.Jump(new Terminator.Edge(storing, List.of())));
        }
        storing.add(new Instr.Effect(Op.STORE_SLICE, List.of(perm, none, k, slice), new FrameState(12, List.of(slice, perm, none, k))));
        storing.add(new Instr.Refcount(Op.DECREF, slice));
        storing.add(new Instr.Refcount(Op.DECREF, perm));
        storing.add(new Instr.Refcount(Op.DECREF, k));
        storing.setTerminator(new Terminator.Return(sliceAlsoReturned ? slice : none));
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void aSliceMadeOnlyToBeStoredIsStoredAsATemporary() {
        Function fn = reversedPrefixStored(false, false);
        new StoreTemporarySlices().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadLocal<perm>
                  v1:Object = LoadLocal<k>
                  v2:None = LoadConst<None>
                  v3:Int = LoadConst<-1>
                  v4:Object = TemporarySlice v0 v1 v2 v3  @10 owns[v0 v1 v2 v3]
                  StoreTemporarySlice v0 v2 v1 v4  @12 owns[v4 v0 v2 v1]
                  Decref v4
                  Decref v0
                  Decref v1
                  Return v2
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void aSliceUsedBesidesTheStoreIsStoredAsItIs() {
        Function fn = reversedPrefixStored(true, false);
        String before = Printer.printTyped(fn);
        new StoreTemporarySlices().run(fn);
        assertEquals(before, Printer.printTyped(fn));
    }

    /** A slice stored in another block than its own is stored as it is: a yield could hand it to its generator meanwhile. */
    @Test
    void aSliceStoredInAnotherBlockIsStoredAsItIs() {
        Function fn = reversedPrefixStored(false, true);
        String before = Printer.printTyped(fn);
        new StoreTemporarySlices().run(fn);
        assertEquals(before, Printer.printTyped(fn));
        assertTrue(before.contains("StoreSlice v0 v2 v1 v4"), before);
    }
}
