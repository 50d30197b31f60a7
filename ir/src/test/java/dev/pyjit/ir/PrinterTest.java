package dev.pyjit.ir;

import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.passes.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Printer output, inline for a tiny function and against golden files for larger ones. */
class PrinterTest {
    @Test
    void smallFunctionExactly() {
        Function fn = new Function("one", 0, List.of(), List.of(), List.of("1"));
        Block entry = fn.newBlock("offset 0");
        Block exit = fn.newBlock("");
        Value one = fn.newValue(Type.INT);
        entry.add(new Instr.LoadConst(one, 0));
        Value p = fn.addParameter(exit, Type.TOP);
        entry.setTerminator(new Terminator.Jump(new Edge(exit, List.of(one))));
        exit.setTerminator(new Terminator.Return(p));
        assertEquals("""
                function one {
                bb0:  # offset 0
                  v0 = LoadConst<1>
                  Jump bb1(v0)
                bb1(v1):
                  Return v1
                }
                """, Printer.print(fn));
        assertEquals("""
                function one {
                bb0:  # offset 0
                  v0:Int = LoadConst<1>
                  Jump bb1(v0)
                bb1(v1:Top):
                  Return v1
                }
                """, Printer.printTyped(fn));
    }

    @Test
    void camelCaseOfOpNames() {
        assertEquals("LoadConst", Printer.camelCase("LOAD_CONST"));
        assertEquals("BuildConstKeyMap", Printer.camelCase("BUILD_CONST_KEY_MAP"));
        assertEquals("Incref", Printer.camelCase("INCREF"));
        assertEquals("ForIter", Printer.camelCase(Op.FOR_ITER.name()));
    }

    @Test
    void unknownIndicesArePrintedAsNumbers() {
        Function fn = new Function("f", 1, List.of("a"), List.of("g"), List.of("None"));
        Block entry = fn.newBlock("");
        Value local = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(local, 3));
        Value global = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(global, 7, state(2)));
        Value constant = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadConst(constant, 9));
        entry.setTerminator(new Terminator.Return(constant));
        assertEquals("""
                function f {
                bb0:
                  v0 = LoadLocal<$3>
                  v1 = LoadGlobal<#7>  @2 owns[]
                  v2 = LoadConst<#9>
                  Return v2
                }
                """, Printer.print(fn));
    }

    /**
     * A load typed narrower than Object is a speculation: typed printing shows where it resumes
     * (and what it releases, if anything). Object, Top and Bottom loads, and a load without a
     * resume state, show none; a double read of a local always does. Untyped printing never does.
     */
    @Test
    void typedPrintingShowsWhereASpeculativeLoadResumes() {
        Function fn = new Function("f", 2, List.of("x", "y"), List.of(), List.of());
        Block entry = fn.newBlock("");
        Value y = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(y, 1, resume(2, y)));
        Value x = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x, 0, new ResumeState(4, List.of(y), List.of(x))));
        Value x2 = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x2, 0, resume(6, y, x, x2)));
        Value read = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.LoadLocalFloat(read, 0, resume(8, y, read)));
        Value number = fn.newValue(Type.INT.union(Type.FLOAT));
        entry.add(new Instr.LoadLocal(number, 0, new ResumeState(10, List.of(), List.of(y, number))));
        Value top = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(top, 0, resume(12, top)));
        Value bottom = fn.newValue(Type.BOTTOM);
        entry.add(new Instr.LoadLocal(bottom, 0, resume(14, bottom)));
        Value unresumable = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(unresumable, 0));
        entry.setTerminator(new Terminator.Return(y));
        Verifier.verify(fn);

        assertEquals("""
                function f {
                bb0:
                  v0:Object = LoadLocal<y>
                  v1:Float = LoadLocal<x>  resume@4[v0] releases[v1]
                  v2:Float = LoadLocal<x>  resume@6[v0 v1 v2]
                  v3:CDouble = LoadLocalFloat<x>  resume@8[v0 v3]
                  v4:Int|Float = LoadLocal<x>  resume@10[] releases[v0 v4]
                  v5:Top = LoadLocal<x>
                  v6:Bottom = LoadLocal<x>
                  v7:Float = LoadLocal<x>
                  Return v0
                }
                """, Printer.printTyped(fn));
        assertEquals("""
                function f {
                bb0:
                  v0 = LoadLocal<y>
                  v1 = LoadLocal<x>
                  v2 = LoadLocal<x>
                  v3 = LoadLocalFloat<x>
                  v4 = LoadLocal<x>
                  v5 = LoadLocal<x>
                  v6 = LoadLocal<x>
                  v7 = LoadLocal<x>
                  Return v0
                }
                """, Printer.print(fn));
    }

    /**
     * What the builder makes of
     * <pre>
     * def total(n):
     *     t = 0
     *     for i in range(n):
     *         if i is not None and i:
     *             t += i * 1.5
     *     return t
     * </pre>
     * give or take the details.
     */
    static Function loopFunction() {
        Function fn = new Function("total", 1, List.of("n", "t", "i"), List.of("range"), List.of("None", "0", "1.5"));
        Block entry = fn.newBlock("offset 0");
        Block header = fn.newBlock("offset 28");
        Block exit = fn.newBlock("for-exit offset 28");
        Block body = fn.newBlock("offset 32");
        Block then = fn.newBlock("offset 60");
        Block after = fn.newBlock("offset 80");

        entry.add(IrTesting.poll(state(0)));
        Value zero = fn.newValue(Type.INT);
        entry.add(new Instr.LoadConst(zero, 1));
        entry.add(new Instr.StoreLocal(1, zero));
        Value range = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(range, 0, state(6)));
        Value nul = fn.newValue(Type.NULL);
        entry.add(new Instr.LoadNull(nul));
        Value n = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(n, 0));
        Value iterable = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Call(iterable, range, nul, List.of(n), -1, state(18, range, nul, n)));
        entry.add(new Instr.Refcount(Op.DECREF, range));
        entry.add(new Instr.Refcount(Op.DECREF, n));
        Value iterator = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Unary(iterator, Op.GET_ITER, iterable, state(26, iterable)));
        entry.add(new Instr.Refcount(Op.DECREF, iterable));
        entry.setTerminator(new Terminator.Jump(new Edge(header, List.of(iterator))));

        Value it = fn.addParameter(header, Type.TOP);
        Value next = fn.newValue(Type.TOP);
        header.add(new Instr.ForIter(next, it, CacheHint.NONE, state(28, it), null, -1));
        Value t = fn.newValue(Type.OBJECT);
        exit.add(new Instr.Refcount(Op.DECREF, it));
        exit.add(new Instr.LoadLocalChecked(t, 1, state(72)));
        exit.setTerminator(new Terminator.Return(t));
        header.setTerminator(new Terminator.Branch(Condition.IS_NULL, next, new Edge(exit, List.of()), new Edge(body, List.of(it, next))));

        Value bodyIt = fn.addParameter(body, Type.TOP);
        Value item = fn.addParameter(body, Type.TOP);
        body.add(new Instr.StoreLocal(2, item));
        Value i = fn.newValue(Type.OBJECT);
        body.add(new Instr.LoadLocal(i, 2));
        Value none = fn.newValue(Type.NONE);
        body.add(new Instr.LoadConst(none, 0));
        Value isNot = fn.newValue(Type.BOOL);
        body.add(new Instr.Is(isNot, i, none, true));
        Value truth = fn.newValue(Type.BOOL);
        body.add(new Instr.ToBool(truth, isNot, state(40, bodyIt, isNot)));
        body.add(new Instr.Refcount(Op.DECREF, isNot));
        Value i2 = fn.newValue(Type.OBJECT);
        body.add(new Instr.LoadLocal(i2, 2));
        Value truth2 = fn.newValue(Type.BOOL);
        body.add(new Instr.ToBool(truth2, i2, state(50, bodyIt, i2)));
        body.add(new Instr.Refcount(Op.DECREF, i2));
        Value both = fn.newValue(Type.TOP);
        body.add(new Instr.BinaryOp(both, BinaryOperator.AND, truth, truth2, state(54, bodyIt, truth, truth2)));
        body.add(new Instr.Refcount(Op.DECREF, truth));
        body.add(new Instr.Refcount(Op.DECREF, truth2));
        body.setTerminator(new Terminator.Branch(Condition.IS_TRUE, both, new Edge(then, List.of(bodyIt)), new Edge(after, List.of(bodyIt))));

        Value thenIt = fn.addParameter(then, Type.TOP);
        Value tOld = fn.newValue(Type.OBJECT);
        then.add(new Instr.LoadLocal(tOld, 1));
        Value i3 = fn.newValue(Type.OBJECT);
        then.add(new Instr.LoadLocal(i3, 2));
        Value factor = fn.newValue(Type.FLOAT);
        then.add(new Instr.LoadConst(factor, 2));
        Value product = fn.newValue(Type.OBJECT);
        then.add(new Instr.BinaryOp(product, BinaryOperator.MULTIPLY, i3, factor, state(66, thenIt, tOld, i3, factor)));
        Value tNew = fn.newValue(Type.OBJECT);
        then.add(new Instr.BinaryOp(tNew, BinaryOperator.INPLACE_ADD, tOld, product, state(70, thenIt, tOld, product)));
        then.add(new Instr.StoreLocal(1, tNew));
        then.setTerminator(new Terminator.Jump(new Edge(after, List.of(thenIt))));

        Value afterIt = fn.addParameter(after, Type.TOP);
        after.add(IrTesting.poll(state(80, afterIt)));
        after.setTerminator(new Terminator.Jump(new Edge(header, List.of(afterIt))));
        return fn;
    }

    /** One instruction of each kind that the loop function does not already have. */
    static Function everyInstructionFunction() {
        Function fn = new Function("every", 2, List.of("a", "b"), List.of("attr", "glob"), List.of("None", "('k', 'w')", "'s'", "2"));
        Block entry = fn.newBlock("offset 0");
        Block none = fn.newBlock("is none");
        Block other = fn.newBlock("");
        Value a = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(a, 0));
        Value b = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(b, 1));
        entry.add(new Instr.StoreGlobal(1, a, state(4, a, b)));
        Value attr = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadAttr(attr, a, 0, state(6, a, b)));
        entry.add(new Instr.StoreAttr(a, 0, b, state(8, a, b)));
        Value neg = fn.newValue(Type.OBJECT);
        entry.add(new Instr.UnaryOp(neg, UnaryKind.NEGATIVE, a, state(10, a)));
        Value not = fn.newValue(Type.BOOL);
        entry.add(new Instr.Not(not, neg));
        Value cmp = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Compare(cmp, CompareOperator.GE, true, a, b, state(12, a, b)));
        Value in = fn.newValue(Type.BOOL);
        entry.add(new Instr.Contains(in, a, b, true, state(14, a, b)));
        Value is = fn.newValue(Type.BOOL);
        entry.add(new Instr.Is(is, a, b, false));
        Value kw = fn.newValue(Type.TUPLE);
        entry.add(new Instr.LoadConst(kw, 1));
        Value call = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Call(call, attr, a, List.of(b, a, b), 1, state(16, attr, a, b, a, b, kw)));
        Value tuple = fn.newValue(Type.TUPLE);
        entry.add(new Instr.Build(tuple, Op.BUILD_TUPLE, List.of(a, b), state(18)));
        Value list = fn.newValue(Type.LIST);
        entry.add(new Instr.Build(list, Op.BUILD_LIST, List.of(), state(20)));
        entry.add(new Instr.Effect(Op.LIST_EXTEND, List.of(list, tuple), state(22, list, tuple)));
        Value map = fn.newValue(Type.DICT);
        entry.add(new Instr.Build(map, Op.BUILD_MAP, List.of(a, b, b, a), state(24)));
        Value constKeyMap = fn.newValue(Type.DICT);
        entry.add(new Instr.BuildConstKeyMap(constKeyMap, List.of(a, b), kw, state(26)));
        Value formatted = fn.newValue(Type.STR);
        entry.add(new Instr.Unary(formatted, Op.FORMAT_SIMPLE, a, state(28, a)));
        Value s = fn.newValue(Type.STR);
        entry.add(new Instr.LoadConst(s, 2));
        Value string = fn.newValue(Type.STR);
        entry.add(new Instr.Build(string, Op.BUILD_STRING, List.of(formatted, s), state(30)));
        Value item = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Access(item, Op.SUBSCRIPT, List.of(list, a), state(32, list, a)));
        entry.add(new Instr.Effect(Op.STORE_SUBSCRIPT, List.of(list, a, b), state(34, b, list, a)));
        Value two = fn.newValue(Type.INT);
        entry.add(new Instr.LoadConst(two, 3));
        Value slice = fn.newValue(Type.OBJECT);
        entry.add(new Instr.Access(slice, Op.SLICE, List.of(list, a, two), state(36, list, a, two)));
        entry.add(new Instr.Effect(Op.STORE_SLICE, List.of(list, a, two, b), state(38, b, list, a, two)));
        Value unpacked = fn.newValue(Type.TUPLE);
        entry.add(new Instr.UnpackSequence(unpacked, tuple, 2, state(40, tuple)));
        Value second = fn.newValue(Type.OBJECT);
        entry.add(new Instr.TupleItem(second, unpacked, 1));
        entry.add(new Instr.Refcount(Op.INCREF, second));
        entry.add(new Instr.Refcount(Op.DECREF, second));
        entry.setTerminator(new Terminator.Branch(Condition.IS_NONE, second, new Edge(none, List.of()), new Edge(other, List.of(second, string))));
        Value nothing = fn.newValue(Type.NONE);
        none.add(new Instr.LoadConst(nothing, 0));
        none.setTerminator(new Terminator.Return(nothing));
        Value x = fn.addParameter(other, Type.TOP);
        fn.addParameter(other, Type.TOP);
        other.setTerminator(new Terminator.Return(x));
        return fn;
    }

    @Test
    void loopFunctionGolden() {
        Function fn = loopFunction();
        Verifier.verify(fn);
        Golden.check("printer_loop", Printer.print(fn));
        Pipeline.run(fn, Pipeline.TYPING);
        Golden.check("printer_loop_typed", Printer.printTyped(fn));
        String typed = Printer.printTyped(fn);
        Pipeline.run(fn, Pipeline.OPTIMISATION);
        String optimised = Printer.printTyped(fn);
        assertNotEquals(typed, optimised, "the optimisations change the loop");
        Golden.check("printer_loop_opt", optimised);
    }

    @Test
    void everyInstructionGolden() {
        Function fn = everyInstructionFunction();
        Verifier.verify(fn);
        Golden.check("printer_every_instruction", Printer.print(fn));
        Pipeline.run(fn, Pipeline.TYPING);
        Golden.check("printer_every_instruction_typed", Printer.printTyped(fn));
    }
}
