package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntrinsifyMathCallsTest {
    /** {@code def f(x): return math.<attribute>(x)}, its loads hinted as the interpreter specialises them. */
    private static Function moduleCall(String attribute, CacheHint attributeHint, Type argumentType) {
        Function fn = new Function("f", 1, List.of("x"), List.of("math", attribute), List.of("None"));
        Block entry = fn.newBlock("entry");
        Value module = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(module, 0, CacheHint.GLOBAL_MODULE, new FrameState(2, List.of()), new ResumeState(2, List.of(), List.of())));
        Value callable = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadAttr(callable, module, 1, attributeHint, new FrameState(12, List.of(module)), null));
        entry.add(new Instr.Refcount(dev.pyjit.ir.Op.DECREF, module));
        Value nothing = fn.newValue(Type.NULL);
        entry.add(new Instr.LoadNull(nothing));
        Value x = fn.newValue(argumentType);
        entry.add(new Instr.LoadLocal(x, 0));
        Value result = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Call(result, callable, nothing, List.of(x), -1, new FrameState(34, List.of()),
                new ResumeState(34, List.of(callable, nothing, x), List.of())));
        entry.setTerminator(new Terminator.Return(result));
        Verifier.verify(fn);
        return fn;
    }

    @Test
    void aMathFunctionFoundInAModuleIsComputedAndItsResultBoxed() {
        Function fn = moduleCall("sqrt", CacheHint.ATTR_MODULE, Type.OBJECT);
        new IntrinsifyMathCalls().run(fn);
        Verifier.verify(fn);
        assertEquals("""
                function f {
                bb0:  # entry
                  v0:Object = LoadGlobal<math,global_module>  @2 owns[]
                  v1:Object = LoadAttr<sqrt,attr_module> v0  @12 owns[v0]
                  Decref v0
                  v2:Null = LoadNull
                  v3:Object = LoadLocal<x>
                  v5:CDouble = CallMath<sqrt> v1 v3  resume@34[v1 v2 v3]
                  Decref v3
                  Decref v1
                  v4:Float = BoxFloat v5  @34 owns[]
                  Return v4
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void onceTheArgumentIsKnownToBeAFloatOrAnIntTheFunctionTakesItsDouble() {
        for (Type type : List.of(Type.FLOAT, Type.INT)) {
            Function fn = moduleCall("log", CacheHint.ATTR_MODULE, type);
            new IntrinsifyMathCalls().run(fn);
            new SpecialiseArithmetic().run(fn);
            Verifier.verify(fn);
            String expected = type.equals(Type.FLOAT) ? "  v6:CDouble = UnboxFloat v3\n"
                    : "  v7:CInt64 = UnboxInt v3  resume@34[v1 v2 v3]\n  v6:CDouble = IntToFloat v7\n";
            String text = Printer.printTyped(fn);
            assertTrue(text.contains(expected + "  v5:CDouble = CallMath<log> v1 v6  resume@34[v1 v2 v3]\n"), text);
        }
    }

    @Test
    void otherCallsStayCalls() {
        // not a math function's name; a name the interpreter did not find in a module
        for (Function fn : List.of(moduleCall("floor", CacheHint.ATTR_MODULE, Type.FLOAT), moduleCall("sqrt", CacheHint.ATTR_CLASS, Type.FLOAT),
                moduleCall("sqrt", CacheHint.NONE, Type.FLOAT))) {
            String before = Printer.printTyped(fn);
            new IntrinsifyMathCalls().run(fn);
            assertEquals(before, Printer.printTyped(fn));
        }
    }
}
