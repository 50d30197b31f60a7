package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
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

class StoreFloatsInPlaceTest {
    /** {@code o.x = d} for a double d boxed first; {@code alsoReturned}: the box is returned too. */
    private static Function boxedStore(boolean alsoReturned) {
        Function fn = new Function("f", 1, List.of("o"), List.of("x"), List.of("2.5", "None"));
        Block entry = fn.newBlock("entry");
        Value owner = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(owner, 0));
        Value d = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatConstant(d, 0, 2.5));
        Value box = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(box, d, new FrameState(6, List.of(owner))));
        entry.add(new Instr.StoreAttr(owner, 0, box, CacheHint.STORE_ATTR_INSTANCE_VALUE, new FrameState(8, List.of(box, owner)), null));
        if (!alsoReturned) {
            entry.add(new Instr.Refcount(Op.DECREF, box));
        }
        entry.add(new Instr.Refcount(Op.DECREF, owner));
        Value none = fn.newValue(Type.NONE);
        entry.add(new Instr.LoadConst(none, 1));
        entry.setTerminator(new Terminator.Return(alsoReturned ? box : none));
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void aFloatBoxedOnlyForAnAttributeIsStoredAsItsDouble() {
        Function fn = boxedStore(false);
        new StoreFloatsInPlace().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadLocal<o>
                  v1:CDouble = FloatConstant<2.5>
                  StoreAttrFloat<x,store_attr_instance_value> v0 v1  @8 owns[v1 v0]
                  Decref v0
                  v3:None = LoadConst<None>
                  Return v3
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void aFloatBoxedOnlyForAnItemIsStoredAsItsDouble() {
        Function fn = new Function("f", 2, List.of("row", "i"), List.of(), List.of("2.5", "None"));
        Block entry = fn.newBlock("entry");
        Value row = fn.newValue(Type.LIST);
        entry.add(new Instr.LoadLocal(row, 0));
        Value index = fn.newValue(Type.INT);
        entry.add(new Instr.LoadLocal(index, 1));
        Value d = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatConstant(d, 0, 2.5));
        Value box = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(box, d, new FrameState(6, List.of(row, index))));
        entry.add(new Instr.Effect(Op.STORE_SUBSCRIPT, List.of(row, index, box), new FrameState(8, List.of(box, row, index))));
        entry.add(new Instr.Refcount(Op.DECREF, box));
        entry.add(new Instr.Refcount(Op.DECREF, row));
        entry.add(new Instr.Refcount(Op.DECREF, index));
        Value none = fn.newValue(Type.NONE);
        entry.add(new Instr.LoadConst(none, 1));
        entry.setTerminator(new Terminator.Return(none));
        Verifier.verify(fn);

        new StoreFloatsInPlace().run(fn);
        Verifier.verify(fn);

        assertEquals("""
                function f {
                bb0:  # entry
                  v0:List = LoadLocal<row>
                  v1:Int = LoadLocal<i>
                  v2:CDouble = FloatConstant<2.5>
                  StoreSubscriptFloat v0 v1 v2  @8 owns[v2 v0 v1]
                  Decref v0
                  Decref v1
                  v4:None = LoadConst<None>
                  Return v4
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void aBoxUsedForMoreThanTheStoreStays() {
        Function fn = boxedStore(true);
        String before = Printer.printTyped(fn);
        new StoreFloatsInPlace().run(fn);
        assertEquals(before, Printer.printTyped(fn));
    }
}
