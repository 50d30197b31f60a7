package dev.pyjit.frontend;

import dev.pyjit.ir.Golden;
import static org.bytedeco.cpython.global.python.Py_DecRef;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Intrinsic;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import dev.pyjit.ir.passes.GuardInlinedResults;
import dev.pyjit.ir.passes.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bytedeco.cpython.PyObject;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * IR built from real CPython 3.13 bytecode: verified, run through the pass pipelines, and
 * compared with golden files ({@code src/test/resources/golden/irbuilder_*.txt}).
 */
class IrBuilderTest {

    @BeforeAll
    static void startPython() {
        EmbeddedPython.initialise();
    }

    private static Function build(String source) throws Unsupported {
        return IrBuilder.build(EmbeddedPython.compile(source, "f"));
    }

    /**
     * Builds one of {@link GoldenFunctions}, verifies it and checks the text of the dump's ir,
     * typed and opt stages against the golden files.
     */
    private static Function golden(String name) throws Unsupported {
        Function fn = GoldenFunctions.build(name);
        Verifier.verify(fn);
        Golden.check("irbuilder_" + name, Printer.print(fn));
        Pipeline.run(fn, Pipeline.TYPING);
        Golden.check("irbuilder_" + name + "_typed", Printer.printTyped(fn));
        Pipeline.run(fn, Pipeline.OPTIMISATION);
        Golden.check("irbuilder_" + name + "_opt", Printer.printTyped(fn));
        return fn;
    }

    private static List<Instr> instructions(Function fn) {
        return fn.blocks().stream().flatMap(block -> block.instructions().stream()).toList();
    }

    private static long count(Function fn, Op op) {
        return instructions(fn).stream().filter(instruction -> instruction.op() == op).count();
    }

    @Test
    void loopOverRange() throws Unsupported {
        Function fn = golden("range_loop");
        assertEquals(1, count(fn, Op.GET_ITER));
        assertEquals(1, count(fn, Op.FOR_ITER));
        assertTrue(fn.blocks().stream().anyMatch(block -> block.terminator() instanceof Terminator.Branch branch
                && branch.condition() == Terminator.Condition.IS_NULL), "FOR_ITER exhaustion is a branch on NULL");
        // the iterator is carried around the loop as a block parameter, and so is total: read from
        // the frame once on the way in, then the object each trip stored, which the frame holds too
        Block header = fn.blocks().stream().filter(block -> block.label().equals("offset 28")).findFirst().orElseThrow();
        assertEquals(List.of(Type.OBJECT, Type.OBJECT), header.parameters().stream().map(Value::type).toList());
        assertEquals(1, instructions(fn).stream().filter(instruction -> instruction instanceof Instr.LoadLocal load
                && fn.localName(load.slot()).equals("total")).count(), "total is read from the frame on the way into the loop only");
        Instr.CheckEvalBreaker backEdgePoll = (Instr.CheckEvalBreaker) instructions(fn).stream()
                .filter(instruction -> instruction instanceof Instr.CheckEvalBreaker poll && !poll.state().known().isEmpty()).findFirst().orElseThrow();
        assertEquals(List.of("total"), backEdgePoll.state().known().stream().map(local -> fn.localName(local.slot())).toList(),
                "the back edge's poll checks the frame still holds the total the loop carries");
    }

    @Test
    void floatArithmetic() throws Unsupported {
        Function fn = golden("float_arithmetic");
        List<Instr.BinaryOp> ops = instructions(fn).stream()
                .filter(Instr.BinaryOp.class::isInstance).map(Instr.BinaryOp.class::cast).toList();
        assertEquals(4, ops.size(), ops::toString);
        assertEquals(2, count(fn, Op.FLOAT_ARITH), "w is a float local, so w * 2.0 is unboxed, and so is its difference with the int 1");
        assertEquals(1, count(fn, Op.INT_TO_FLOAT), "the int 1 becomes the nearest double");
        assertTrue(instructions(fn).stream().anyMatch(i -> i instanceof Instr.UnaryOp u && u.kind() == dev.pyjit.ir.UnaryKind.POSITIVE),
                "+x is CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE");
        assertTrue(instructions(fn).stream().anyMatch(i -> i instanceof Instr.LoadConst c && c.result().type().equals(Type.FLOAT)));
    }

    @Test
    void callWithKeywords() throws Unsupported {
        Function fn = golden("call_keywords");
        Instr.Call call = instructions(fn).stream().filter(Instr.Call.class::isInstance).map(Instr.Call.class::cast)
                .findFirst().orElseThrow();
        assertEquals(4, call.arguments().size());
        assertTrue(call.kwnamesConstant() >= 0, "CALL_KW names its keywords with a constant tuple");
        assertTrue(Printer.print(fn).contains("Call<4,kw=('sep', 'end')>"), Printer.print(fn));
    }

    @Test
    void ifElseBranches() throws Unsupported {
        Function fn = golden("if_else");
        long branches = fn.blocks().stream().filter(block -> block.terminator() instanceof Terminator.Branch).count();
        assertTrue(branches >= 4, "at least four conditional jumps, found " + branches);
        assertTrue(fn.blocks().stream().anyMatch(block -> block.parameters().size() == 1),
                "the conditional expression's value reaches the join as a block parameter");
        // x > 0 feeding a jump is COMPARE_OP with its to-bool flag; that result is a Bool already
        assertTrue(instructions(fn).stream().anyMatch(i -> i instanceof Instr.Compare c && c.toBool() && c.result().type().equals(Type.BOOL)));
        // SimplifyToBool and ElideImmortalRefcounts left no ToBool of a Bool and no refcount of a Bool or None
        for (Instr instruction : instructions(fn)) {
            if (instruction instanceof Instr.ToBool toBool) {
                assertFalse(toBool.operand().type().isSubtypeOf(Type.BOOL), instruction::toString);
            }
            if (instruction instanceof Instr.Refcount refcount) {
                assertFalse(refcount.value().type().isSubtypeOf(Type.IMMORTAL) && !refcount.value().type().isBottom(), instruction::toString);
            }
        }
    }

    @Test
    void eachReturnKnowsTheReturnInstructionItStandsFor() throws Unsupported {
        CodeObject code = EmbeddedPython.compile("""
                def f(x):
                    if x:
                        return x
                    x = 2
                """, "f");
        List<Integer> returns = Decoder.decode(code).stream()
                .filter(instruction -> instruction.opcode() == Opcode.RETURN_VALUE || instruction.opcode() == Opcode.RETURN_CONST)
                .map(Instruction::offset).sorted().toList();
        List<Integer> offsets = IrBuilder.build(code).blocks().stream().map(Block::terminator)
                .filter(Terminator.Return.class::isInstance).map(ret -> ((Terminator.Return) ret).offset()).sorted().toList();
        assertEquals(2, returns.size(), "a RETURN_VALUE and the implicit RETURN_CONST None");
        assertEquals(returns, offsets);
    }

    @Test
    void methodCallsPassTheOwnerAsSelfWithoutABoundMethod() throws Unsupported {
        Function fn = build("""
                def f(o):
                    return o.m(1)
                """);
        List<Instr> all = instructions(fn);
        Instr.LoadMethod load = all.stream().filter(Instr.LoadMethod.class::isInstance).map(Instr.LoadMethod.class::cast)
                .findFirst().orElseThrow();
        Instr.MethodSelf self = all.stream().filter(Instr.MethodSelf.class::isInstance).map(Instr.MethodSelf.class::cast)
                .findFirst().orElseThrow();
        assertEquals(load.result(), self.method());
        assertTrue(all.indexOf(self) > all.indexOf(load));
        Instr.Call call = all.stream().filter(Instr.Call.class::isInstance).map(Instr.Call.class::cast).findFirst().orElseThrow();
        assertEquals(load.result(), call.callable());
        assertEquals(self.result(), call.selfOrNull());
        assertEquals(0, count(fn, Op.LOAD_NULL));
        assertEquals(0, count(fn, Op.LOAD_ATTR));
    }

    @Test
    void superMethodCallsFindTheirSelfToo() throws Unsupported {
        Function fn = IrBuilder.build(EmbeddedPython.compile("""
                class C:
                    def f(self):
                        return super().f() + super().x
                g = C.f
                """, "g"));
        List<Instr> all = instructions(fn);
        List<Instr.LoadSuperAttr> loads = all.stream().filter(Instr.LoadSuperAttr.class::isInstance).map(Instr.LoadSuperAttr.class::cast).toList();
        assertEquals(2, loads.size());
        assertTrue(loads.get(0).methodForm());
        assertFalse(loads.get(1).methodForm());
        List<Instr.MethodSelf> selves = all.stream().filter(Instr.MethodSelf.class::isInstance).map(Instr.MethodSelf.class::cast).toList();
        assertEquals(1, selves.size(), "only the method form finds a self");
        assertEquals(loads.get(0).result(), selves.get(0).method());
        assertTrue(all.indexOf(selves.get(0)) > all.indexOf(loads.get(0)));
    }

    @Test
    void hintsComeFromTheInterpretersSpecialisations() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                class C:
                    def __init__(self):
                        self.x = 1
                    def m(self):
                        return self.x
                K = 3
                def f(o):
                    o.x = len((K,))
                    return o.x + o.m()
                for _ in range(10):
                    f(C())
                def cold(o):
                    o.x = len((K,))
                    return o.x + o.m()
                """);
        try {
            Map<Op, List<CacheHint>> warm = hints(IrBuilder.build(EmbeddedPython.code(globals, "f")));
            assertEquals(List.of(CacheHint.STORE_ATTR_INSTANCE_VALUE), warm.get(Op.STORE_ATTR));
            assertEquals(List.of(CacheHint.ATTR_INSTANCE_VALUE), warm.get(Op.LOAD_ATTR));
            assertEquals(List.of(CacheHint.ATTR_METHOD_WITH_VALUES), warm.get(Op.LOAD_METHOD));
            assertEquals(List.of(CacheHint.GLOBAL_BUILTIN, CacheHint.GLOBAL_MODULE), warm.get(Op.LOAD_GLOBAL));
            Map<Op, List<CacheHint>> cold = hints(IrBuilder.build(EmbeddedPython.code(globals, "cold")));
            assertEquals(Set.of(CacheHint.NONE), cold.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
            assertTrue(Printer.print(IrBuilder.build(EmbeddedPython.code(globals, "f"))).contains("LoadAttr<x,attr_instance_value>"));
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A method call whose load the interpreter specialised, or a call of a global function, given
     * the function it reached, has that function's body compiled into it when the body may be
     * inlined (loads, arithmetic, a comparison, a return), and not when it calls something.
     */
    @Test
    void methodBodiesThatMayBeInlinedGoIntoTheirCalls() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                LIMIT = 2
                class C:
                    def __init__(self):
                        self.x = 1
                    def big(self):
                        return self.x > LIMIT
                    def sized(self):
                        return len(self.x)
                def f(o):
                    return o.big()
                def g(o):
                    return o.sized()
                def twice(n):
                    return n * 2
                def h(n):
                    return twice(n)
                def loop(n):
                    t = 0
                    for k in range(n):
                        t += twice(k)
                    return t
                for _ in range(10):
                    f(C())
                    h(3)
                    loop(3)
                    try:
                        g(C())
                    except TypeError:
                        pass
                big = C.big
                sized = C.sized
                """);
        try {
            Function inlined = IrBuilder.build(EmbeddedPython.code(globals, "f"), List.of(),
                    Map.of(methodLoadOffset(EmbeddedPython.code(globals, "f")), new Callee(EmbeddedPython.code(globals, "big"), "big-id")));
            Golden.check("irbuilder_method_inlined", Printer.print(inlined));
            Instr.Call call = calls(inlined).get(0);
            assertEquals("big-id", call.inlined().identity());
            Function called = IrBuilder.build(EmbeddedPython.code(globals, "g"), List.of(),
                    Map.of(methodLoadOffset(EmbeddedPython.code(globals, "g")), new Callee(EmbeddedPython.code(globals, "sized"), "sized-id")));
            assertEquals(null, calls(called).get(0).inlined(), "a body that calls len is not inlined");
            CodeObject h = EmbeddedPython.code(globals, "h");
            int globalLoad = IrBuilder.build(h).blocks().get(0).instructions().stream().filter(Instr.LoadGlobal.class::isInstance)
                    .findFirst().orElseThrow().state().offset();
            Function byName = IrBuilder.build(h, List.of(), Map.of(globalLoad, new Callee(EmbeddedPython.code(globals, "twice"), "twice-id")));
            Golden.check("irbuilder_function_inlined", Printer.print(byName));
            assertFalse(calls(byName).get(0).inlined().method(), "a function called by name takes no self");
            assertTrue(calls(inlined).get(0).inlined().method());

            // locals stay in registers across the inlined call: its state names them, no flush precedes it
            CodeObject loop = EmbeddedPython.code(globals, "loop");
            int twiceLoad = IrBuilder.build(loop).blocks().stream().flatMap(block -> block.instructions().stream())
                    .filter(instruction -> instruction instanceof Instr.LoadGlobal load && load.nameIndex() == loop.names().indexOf("twice"))
                    .findFirst().orElseThrow().state().offset();
            Function optimised = IrBuilder.build(loop, List.of(), Map.of(twiceLoad, new Callee(EmbeddedPython.code(globals, "twice"), "twice-id")));
            Pipeline.run(optimised, Pipeline.TYPING);
            Pipeline.run(optimised, Pipeline.OPTIMISATION);
            Instr.Call kept = calls(optimised).stream().filter(candidate -> candidate.inlined() != null).findFirst().orElseThrow();
            assertEquals(List.of("k", "t"), kept.state().locals().stream().map(local -> loop.localNames().get(local.slot())).sorted().toList(),
                    Printer.print(optimised));
            assertNotNull(kept.after(), "the call made instead resumes after itself if the frame changed");
            // twice returns an int its arithmetic boxed: the result is guarded to be one, where the call pushes it
            Function guarded = IrBuilder.build(loop, List.of(), Map.of(twiceLoad, new Callee(EmbeddedPython.code(globals, "twice"), "twice-id")));
            Pipeline.run(guarded, Pipeline.TYPING);
            Pipeline.run(guarded, List.of(new GuardInlinedResults()));
            Instr.Call made = calls(guarded).stream().filter(candidate -> candidate.inlined() != null).findFirst().orElseThrow();
            List<Instr> around = guarded.blocks().stream().filter(block -> block.instructions().contains(made)).findFirst().orElseThrow()
                    .instructions();
            Instr.GuardType guard = (Instr.GuardType) around.get(around.indexOf(made) + 1);
            assertEquals(List.of(made.result(), Type.INT, made.after().offset(), made.after().stack()),
                    List.of(guard.value(), guard.type(), guard.resume().offset(), guard.resume().stack()));
            // and, optimised, the call takes the body's 64-bit value: no int is made for it, and a call made
            // instead resumes where it pushes its result if that is no int of 64 bits
            assertEquals(Type.CINT64, kept.result().type(), Printer.printTyped(optimised));
            assertEquals(List.of(kept.after().offset(), kept.after().stack()), List.of(kept.resume().offset(), kept.resume().stack()));
            assertTrue(kept.inlined().callee().blocks().stream().noneMatch(block -> block.instructions().stream().anyMatch(Instr.BoxInt.class::isInstance)),
                    "the body boxes nothing:\n" + Printer.printTyped(optimised));
            assertEquals(0, count(optimised, Op.BINARY_OP), "t += twice(k) adds 64-bit ints:\n" + Printer.printTyped(optimised));
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A load the interpreter specialised for a property is a call of the getter with the owner,
     * into which the getter's body is compiled. So is a load it specialised so and took back (a
     * getter with native code of its own has no function version): the runtime names the getter
     * for it. Without a body that may be inlined the getter is called.
     */
    @Test
    void propertyLoadsAreCallsOfTheirGetters() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                class C:
                    def __init__(self):
                        self._x = 1
                    @property
                    def x(self):
                        return self._x
                    @property
                    def listed(self):
                        return [self._x]
                def f(o):
                    return o.x
                def g(o):
                    return o.listed
                def cold(o):
                    return o.x
                for _ in range(10):
                    f(C())
                    g(C())
                x = C.x.fget
                listed = C.listed.fget
                """);
        try {
            CodeObject f = EmbeddedPython.code(globals, "f");
            assertEquals(1, count(IrBuilder.build(f), Op.PROPERTY_GETTER), "the interpreter's LOAD_ATTR_PROPERTY gives a getter's call");
            Function inlined = IrBuilder.build(f, List.of(), Map.of(firstOffset(f, Instr.PropertyGetter.class), new Callee(EmbeddedPython.code(globals, "x"), "x-id")));
            Golden.check("irbuilder_property_inlined", Printer.print(inlined));
            assertTrue(calls(inlined).get(0).inlined().method(), "the getter takes the owner as its self");
            CodeObject g = EmbeddedPython.code(globals, "g");
            Function called = IrBuilder.build(g, List.of(), Map.of(firstOffset(g, Instr.PropertyGetter.class), new Callee(EmbeddedPython.code(globals, "listed"), "listed-id")));
            assertEquals(List.of(1L, 1L), List.of(count(called, Op.PROPERTY_GETTER), count(called, Op.CALL)), Printer.print(called));
            assertEquals(null, calls(called).get(0).inlined(), "a body that builds a list is not inlined");
            CodeObject cold = EmbeddedPython.code(globals, "cold");
            assertEquals(0, count(IrBuilder.build(cold), Op.PROPERTY_GETTER), "a load the interpreter never specialised is a load");
            Function takenBack = IrBuilder.build(cold, List.of(), Map.of(firstOffset(cold, Instr.LoadAttr.class), new Callee(EmbeddedPython.code(globals, "x"), "x-id")));
            assertNotNull(calls(takenBack).get(0).inlined(), Printer.print(takenBack));
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A method that computes with its instance's float attributes and a float argument reads each
     * attribute as its double, no reference taken (LoadAttrFloat), and takes the argument unboxed
     * from the call (Argument): so a dot product of three coordinates fits into the body's limit.
     */
    @Test
    void floatAttributesAndArgumentsOfAnInlinedBodyAreNumbers() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                class V:
                    def __init__(self, x, y, z):
                        self.x = x
                        self.y = y
                        self.z = z
                    def dot(self, o):
                        return self.x * o.x + self.y * o.y + self.z * o.z
                    def scaled_x(self, k):
                        return self.x * k
                def d(a, b):
                    return a.dot(b)
                def s(a, k):
                    return a.scaled_x(k)
                for _ in range(10):
                    d(V(1.0, 2.0, 3.0), V(0.5, 0.25, 2.0))
                    s(V(1.0, 2.0, 3.0), 1.5)
                dot = V.dot
                scaled_x = V.scaled_x
                """);
        try {
            CodeObject d = EmbeddedPython.code(globals, "d");
            Function dot = IrBuilder.build(d, List.of(), Map.of(methodLoadOffset(d), new Callee(EmbeddedPython.code(globals, "dot"), "dot-id")));
            Instr.Call call = calls(dot).get(0);
            assertNotNull(call.inlined(), "a dot product of three float coordinates is inlined:\n" + Printer.print(dot));
            assertEquals(6, count(call.inlined().callee(), Op.LOAD_ATTR_FLOAT), Printer.print(dot));
            assertEquals(0, count(call.inlined().callee(), Op.LOAD_ATTR) + count(call.inlined().callee(), Op.GUARD_TYPE), Printer.print(dot));
            CodeObject s = EmbeddedPython.code(globals, "s");
            Function scaled = IrBuilder.build(s, List.of(), Map.of(methodLoadOffset(s),
                    new Callee(EmbeddedPython.code(globals, "scaled_x"), "scaled-id")));
            Golden.check("irbuilder_float_method_inlined", Printer.print(scaled));
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A branch the interpreter never took leaves its attribute load without a cache: the body is
     * inlined all the same (the call site's shapes find the attribute), but not one whose untaken
     * branch loads a global, which nothing but the interpreter's cache finds without a lookup. An
     * operator the interpreter does not specialise (&) keeps no body out.
     */
    @Test
    void whatKeepsABodyOutOfInlining() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                class D:
                    def __init__(self):
                        self.a = 1
                        self.b = 2
                        self.up = True
                    def pick(self):
                        return self.a if self.up else self.b
                    def far(self):
                        return self.a if self.up else FALLBACK
                    def masked(self):
                        return (self.a & 4) != 0
                def p(o):
                    return o.pick()
                def q(o):
                    return o.far()
                def r(o):
                    return o.masked()
                for _ in range(10):
                    p(D())
                    q(D())
                    r(D())
                pick = D.pick
                far = D.far
                masked = D.masked
                """);
        try {
            CodeObject p = EmbeddedPython.code(globals, "p");
            Function picked = IrBuilder.build(p, List.of(), Map.of(methodLoadOffset(p), new Callee(EmbeddedPython.code(globals, "pick"), "pick-id")));
            Instr.Call call = calls(picked).get(0);
            assertNotNull(call.inlined(), Printer.print(picked));
            // in block order: self.up, self.b (never loaded), self.a
            assertEquals(List.of(CacheHint.ATTR_INSTANCE_VALUE, CacheHint.NONE, CacheHint.ATTR_INSTANCE_VALUE),
                    hints(call.inlined().callee()).get(Op.LOAD_ATTR));
            assertTrue(instructions(call.inlined().callee()).stream().noneMatch(Instr.ToBool.class::isInstance),
                    "the test of self.up, a bool to the interpreter, is guarded and folded away");
            CodeObject q = EmbeddedPython.code(globals, "q");
            Function far = IrBuilder.build(q, List.of(), Map.of(methodLoadOffset(q), new Callee(EmbeddedPython.code(globals, "far"), "far-id")));
            assertEquals(null, calls(far).get(0).inlined(), "an uncached global keeps the body out");
            CodeObject r = EmbeddedPython.code(globals, "r");
            Function masked = IrBuilder.build(r, List.of(), Map.of(methodLoadOffset(r), new Callee(EmbeddedPython.code(globals, "masked"), "masked-id")));
            Instr.Call maskedCall = calls(masked).get(0);
            assertNotNull(maskedCall.inlined(), "an operator the interpreter does not specialise is computed inline for ints");
            assertTrue(instructions(maskedCall.inlined().callee()).stream().anyMatch(Instr.BinaryOp.class::isInstance), Printer.print(masked));
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A function reached through the class a global names ({@code Strength.weaker(a, b)}, a
     * staticmethod or a plain function) is inlined as a function: the call passes no self.
     */
    @Test
    void aFunctionCalledThroughItsClassTakesNoSelf() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                class S:
                    def __init__(self, v):
                        self.value = v
                    @staticmethod
                    def weaker(a, b):
                        return a.value > b.value
                def w(a, b):
                    return S.weaker(a, b)
                for _ in range(10):
                    w(S(1), S(2))
                weaker = S.weaker
                """);
        try {
            CodeObject w = EmbeddedPython.code(globals, "w");
            Function function = IrBuilder.build(w, List.of(), Map.of(methodLoadOffset(w), new Callee(EmbeddedPython.code(globals, "weaker"), "weaker-id")));
            Inlined body = calls(function).get(0).inlined();
            assertNotNull(body, Printer.print(function));
            assertFalse(body.method(), "S.weaker(a, b) passes a and b alone");
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * One attribute store may end an inlined body, with nothing after it that could stop the body
     * (the call made instead would store again) or free an object that runs code: not two stores,
     * not a store followed by a load, not one that releases a value it replaced.
     */
    @Test
    void aBodyMayEndWithOneStore() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                HELD = 4
                class E:
                    def __init__(self):
                        self.state = 1
                        self.other = 2
                    def held(self):
                        self.state |= HELD
                    def running(self):
                        self.state = 1
                    def both(self):
                        self.state = 1
                        self.other = 2
                    def then_load(self):
                        self.state = 1
                        return self.other
                    def swap(self, value):
                        old = self.other
                        self.other = value
                        return old
                def a(o):
                    o.held()
                def b(o):
                    o.running()
                def c(o):
                    o.both()
                def d(o):
                    o.then_load()
                def e(o):
                    o.swap(3)
                for _ in range(10):
                    a(E())
                    b(E())
                    c(E())
                    d(E())
                    e(E())
                held = E.held
                running = E.running
                both = E.both
                then_load = E.then_load
                swap = E.swap
                """);
        try {
            for (String[] caller : new String[][] {{"a", "held"}, {"b", "running"}, {"c", "both"}, {"d", "then_load"}, {"e", "swap"}}) {
                CodeObject code = EmbeddedPython.code(globals, caller[0]);
                Function function = IrBuilder.build(code, List.of(),
                        Map.of(methodLoadOffset(code), new Callee(EmbeddedPython.code(globals, caller[1]), caller[1] + "-id")));
                boolean inlined = calls(function).get(0).inlined() != null;
                assertEquals(caller[1].equals("held") || caller[1].equals("running"), inlined, caller[1] + ":\n" + Printer.print(function));
            }
            CodeObject a = EmbeddedPython.code(globals, "a");
            Function held = IrBuilder.build(a, List.of(), Map.of(methodLoadOffset(a), new Callee(EmbeddedPython.code(globals, "held"), "held-id")));
            Golden.check("irbuilder_storing_method_inlined", Printer.print(held));
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A call of len (or isinstance, abs, min, max) that the interpreter found in builtins is computed in place
     * where it can be, so the locals of a loop that tests it stay in registers across it; a len
     * the module shadows is called as it is.
     */
    @Test
    void lenIsComputedInPlaceAndKeepsLocalsVirtual() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                def count(s):
                    n = 0
                    i = 0
                    while i < len(s):
                        n += 2
                        i += 1
                    return n
                def check(x):
                    return isinstance(x, int)
                def bounded(x):
                    return min(abs(x), max(x, 3))
                def shift(c):
                    return chr(ord(c) + 1)
                for _ in range(10):
                    count("abc")
                    check(1)
                    bounded(-2)
                    shift("a")
                """);
        PyObject shadowing = EmbeddedPython.run("""
                def len(x):
                    return 0
                def size(s):
                    return len(s)
                for _ in range(10):
                    size("abc")
                """);
        try {
            CodeObject count = EmbeddedPython.code(globals, "count");
            Function function = IrBuilder.build(count);
            Pipeline.run(function, Pipeline.TYPING);
            Pipeline.run(function, Pipeline.OPTIMISATION);
            List<Instr.Call> lens = calls(function);
            assertFalse(lens.isEmpty(), Printer.print(function));
            for (Instr.Call call : lens) {
                assertEquals(Intrinsic.LEN, call.intrinsic(), Printer.print(function));
                assertEquals(List.of("i", "n"), call.state().locals().stream().map(local -> count.localNames().get(local.slot())).sorted().toList(),
                        "the loop's locals stay virtual across len: " + Printer.print(function));
            }
            assertEquals(null, calls(IrBuilder.build(EmbeddedPython.code(shadowing, "size"))).get(0).intrinsic(), "a module's own len is called");
            assertEquals(Intrinsic.ISINSTANCE, calls(IrBuilder.build(EmbeddedPython.code(globals, "check"))).get(0).intrinsic());
            assertEquals(List.of(Intrinsic.ABS, Intrinsic.MAX, Intrinsic.MIN),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "bounded"))).stream().map(Instr.Call::intrinsic).toList());
            assertEquals(List.of(Intrinsic.ORD, Intrinsic.CHR),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "shift"))).stream().map(Instr.Call::intrinsic).toList());
        } finally {
            Py_DecRef(globals);
            Py_DecRef(shadowing);
        }
    }

    /**
     * {@code xs.append(x)}, {@code xs.pop()}, {@code xs.pop(i)}, {@code xs.insert(i, x)}, {@code d.get(k)}, {@code c.isdigit()} (and the other character
     * classes) and {@code s.startswith(p)} and {@code s.endswith(p)} where the interpreter found a
     * method of a type without instance dicts are list.append, list.pop, list.insert, dict.get, str.isdigit,
     * str.startswith and str.endswith computed in place (the runtime checks the callable and its
     * self); an append of a class with its own, which the interpreter found in a class with
     * instance dicts, is called, and so is a startswith given an end index as well as a start.
     */
    @Test
    void aListsAppendADictsGetAndAStrsCharacterClassesAndAffixesAreComputedInPlace() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                class Log:
                    def __init__(self):
                        self.items = []
                    def append(self, item):
                        self.items.append(item)
                def squares(n):
                    out = []
                    for i in range(n):
                        out.append(i * i)
                    return out
                def logged(log, n):
                    for i in range(n):
                        log.append(i)
                def lookups(d, k):
                    return d.get(k, 0) + (d.get(k) or 0)
                def rotate(xs):
                    xs.insert(len(xs), xs.pop(0))
                    return xs.pop(), xs.count(1)
                def classes(c):
                    return c.isspace(), c.isdigit(), c.isalpha(), c.isalnum(), c.isupper()
                def affixes(s):
                    return s.startswith("a"), s.endswith("z"), s.startswith("b", 1), s.endswith("b", 0), s.startswith("b", 1, 2)
                for _ in range(10):
                    squares(5)
                    logged(Log(), 5)
                    lookups({"a": 1}, "a")
                    rotate([1, 2, 3, 4])
                    classes("x")
                    affixes("abz")
                """);
        try {
            // range(n), then the append
            assertEquals(java.util.Arrays.asList(null, Intrinsic.LIST_APPEND),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "squares"))).stream().map(Instr.Call::intrinsic).toList());
            assertEquals(java.util.Arrays.asList(null, null),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "logged"))).stream().map(Instr.Call::intrinsic).toList(),
                    "Log.append is called");
            assertEquals(List.of(Intrinsic.DICT_GET, Intrinsic.DICT_GET_OR_NONE),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "lookups"))).stream().map(Instr.Call::intrinsic).toList());
            // the arguments in order, then the insert; list.count is no intrinsic: called
            assertEquals(java.util.Arrays.asList(Intrinsic.LEN, Intrinsic.LIST_POP_AT, Intrinsic.LIST_INSERT, Intrinsic.LIST_POP, null),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "rotate"))).stream().map(Instr.Call::intrinsic).toList());
            // str.isupper is no intrinsic: called
            assertEquals(java.util.Arrays.asList(Intrinsic.STR_ISSPACE, Intrinsic.STR_ISDIGIT, Intrinsic.STR_ISALPHA, Intrinsic.STR_ISALNUM, null),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "classes"))).stream().map(Instr.Call::intrinsic).toList());
            // an end index makes the call
            assertEquals(java.util.Arrays.asList(Intrinsic.STR_STARTSWITH, Intrinsic.STR_ENDSWITH, Intrinsic.STR_STARTSWITH_FROM,
                            Intrinsic.STR_ENDSWITH_FROM, null),
                    calls(IrBuilder.build(EmbeddedPython.code(globals, "affixes"))).stream().map(Instr.Call::intrinsic).toList());
        } finally {
            Py_DecRef(globals);
        }
    }

    private static int methodLoadOffset(CodeObject code) throws Unsupported {
        return firstOffset(code, Instr.LoadMethod.class);
    }

    /** The bytecode offset of the first instruction of that kind in the code's IR. */
    private static int firstOffset(CodeObject code, Class<? extends Instr> kind) throws Unsupported {
        return IrBuilder.build(code).blocks().stream().flatMap(block -> block.instructions().stream())
                .filter(kind::isInstance).findFirst().orElseThrow().state().offset();
    }

    private static List<Instr.Call> calls(Function fn) {
        return fn.blocks().stream().flatMap(block -> block.instructions().stream())
                .filter(Instr.Call.class::isInstance).map(Instr.Call.class::cast).toList();
    }

    private static Map<Op, List<CacheHint>> hints(Function fn) {
        Map<Op, List<CacheHint>> hints = new TreeMap<>();
        for (Instr instruction : instructions(fn)) {
            CacheHint hint = instruction instanceof Instr.LoadGlobal load ? load.hint()
                    : instruction instanceof Instr.LoadAttr load ? load.hint()
                    : instruction instanceof Instr.LoadMethod load ? load.hint()
                    : instruction instanceof Instr.StoreAttr store ? store.hint() : null;
            if (hint != null) {
                hints.computeIfAbsent(instruction.op(), op -> new ArrayList<>()).add(hint);
            }
        }
        return hints;
    }

    @Test
    void attributesAndSubscripts() throws Unsupported {
        Function fn = golden("attribute_subscript");
        assertEquals(1, count(fn, Op.STORE_ATTR));
        assertEquals(1, count(fn, Op.SUBSCRIPT));
        assertEquals(1, count(fn, Op.SLICE));
        assertEquals(1, count(fn, Op.STORE_SUBSCRIPT));
        assertEquals(1, count(fn, Op.STORE_SLICE));
        assertEquals(1, count(fn, Op.UNPACK_SEQUENCE));
        assertEquals(2, count(fn, Op.TUPLE_ITEM));
    }

    /**
     * An attribute load or store releases its operands after itself: where the interpreter takes
     * over after it (a generic access that changed the frame, a float attribute that is no float),
     * the hand-over releases them, or they leak.
     */
    @Test
    void attributeAccessesResumeAfterThemselvesReleasingTheirOperands() throws Unsupported {
        Function fn = build("def f(o, v):\n    o.x = v\n    return o.y\n");
        Instr.StoreAttr store = instructions(fn).stream().filter(Instr.StoreAttr.class::isInstance).map(Instr.StoreAttr.class::cast)
                .findFirst().orElseThrow();
        Instr.LoadAttr load = instructions(fn).stream().filter(Instr.LoadAttr.class::isInstance).map(Instr.LoadAttr.class::cast)
                .findFirst().orElseThrow();
        assertEquals(List.of(), store.after().stack(), Printer.print(fn));
        assertEquals(List.of(store.value(), store.owner()), store.after().released(), Printer.print(fn));
        assertEquals(List.of(load.result()), load.after().stack(), Printer.print(fn));
        assertEquals(List.of(load.owner()), load.after().released(), Printer.print(fn));
    }

    @Test
    void buildingContainers() throws Unsupported {
        Function fn = golden("build_dict");
        assertEquals(1, count(fn, Op.BUILD_CONST_KEY_MAP));
        assertEquals(1, count(fn, Op.BUILD_MAP));
        assertEquals(1, count(fn, Op.LIST_EXTEND));
        assertEquals(1, count(fn, Op.BUILD_STRING));
        Function typed = build("""
                def f(a, b):
                    return {'x': a, 'y': b}
                """);
        Pipeline.run(typed, Pipeline.TYPING);
        Terminator.Return ret = (Terminator.Return) typed.blocks().stream().map(block -> block.terminator())
                .filter(Terminator.Return.class::isInstance).findFirst().orElseThrow();
        assertEquals(Type.DICT, ret.value().type());
    }

    @Test
    void whileLoopWithBackEdge() throws Unsupported {
        Function fn = golden("while_loop");
        assertTrue(count(fn, Op.CHECK_EVAL_BREAKER) >= 2, "function entry and the loop's back edge");
    }

    @Test
    void floatsSpecialisedForFloatArguments() throws Unsupported {
        Function fn = golden("float_kernel");
        assertEquals(2, count(fn, Op.GUARD_ARGUMENT));
        assertEquals(0, count(fn, Op.BINARY_OP), "every operation is on two floats");
        assertEquals(0, count(fn, Op.COMPARE));
        assertEquals(1, count(fn, Op.FLOAT_COMPARE));
        assertEquals(4, count(fn, Op.FLOAT_ARITH), "x*x, y*y, +, -");
        assertEquals(1, count(fn, Op.FLOAT_DIVIDE));
        // only the two results are boxed: d stays a double in a virtual local, boxed where it is written to the frame
        assertEquals(2, count(fn, Op.BOX_FLOAT));
        assertEquals(2, count(fn, Op.FLUSH_LOCAL), "d is written to the frame before each return");
    }

    @Test
    void floatLocalsGoAroundALoopAsDoubles() throws Unsupported {
        Function fn = golden("float_loop");
        Block header = fn.blocks().stream().filter(block -> block.label().equals("offset 24")).findFirst().orElseThrow();
        Type floatOrNull = Type.FLOAT.union(Type.NULL);
        assertEquals(List.of(Type.FLOAT, Type.FLOAT, Type.CDOUBLE, Type.CDOUBLE, Type.CINT64, Type.CDOUBLE, Type.CDOUBLE, floatOrNull, floatOrNull,
                        Type.INT.union(Type.NULL), floatOrNull, floatOrNull), header.parameters().stream().map(Value::type).toList(),
                "cr and ci go around the loop as the float arguments the frame holds; zr, zi, zr2 and zi2 as doubles, n a 64-bit"
                        + " int; each keeps the object it started as (a constant, or unbound for zr2 and zi2) until it is computed");
        Block backEdge = fn.blocks().stream().filter(block -> block.label().equals("offset 118")).findFirst().orElseThrow();
        assertTrue(backEdge.instructions().stream().noneMatch(Instr.FlushLocal.class::isInstance),
                "going round the loop writes no local to the frame, not even zr2 and zi2, which are unbound on the way in");
        assertEquals(0, count(fn, Op.LOAD_LOCAL) - instructions(fn).stream()
                        .filter(instruction -> instruction instanceof Instr.LoadLocal load && load.orUnbound()).count(),
                "no local is read back from the frame (each is the value last stored), but zr2 and zi2 where they may be unbound");
        assertEquals(0, count(fn, Op.BOX_FLOAT), "no float is boxed: the writes to the frame box them where they are");
        assertEquals(0, count(fn, Op.STORE_LOCAL));
        assertTrue(count(fn, Op.FLUSH_LOCAL) > 0);
    }

    /**
     * An on-stack replacement of float_loop's f, entered at its while loop's header with the
     * frame's locals as they were (cr, ci, zr, zi floats, n an int, zr2 and zi2 floats): the
     * entry takes the frame over there, and the floats still go around the loop as doubles.
     */
    @Test
    void anOnStackReplacementTakesTheFrameOverAtTheLoopHeader() throws Unsupported {
        CodeObject code = GoldenFunctions.code("float_loop");
        int header = IrBuilder.build(code).blocks().stream().filter(block -> block.label().equals("offset 24")).findFirst()
                .orElseThrow().bytecodeOffset();
        Function fn = IrBuilder.buildMidFrame(code, header,
                List.of(Type.FLOAT, Type.FLOAT, Type.FLOAT, Type.FLOAT, Type.INT, Type.FLOAT, Type.FLOAT));
        Golden.check("irbuilder_mid_frame", Printer.print(fn));
        Terminator.ResumeDispatch entry = (Terminator.ResumeDispatch) fn.entry().terminator();
        assertEquals(List.of(header), entry.offsets(), "the one way in is the loop header");
        Pipeline.run(fn, Pipeline.TYPING);
        Pipeline.run(fn, Pipeline.OPTIMISATION);
        Golden.check("irbuilder_mid_frame_opt", Printer.printTyped(fn));
        assertTrue(fn.blocks().stream().anyMatch(block -> block.parameters().stream().map(Value::type).toList()
                .containsAll(List.of(Type.CDOUBLE, Type.CINT64))), "zr, zi and n go around the loop unboxed");
        assertEquals(0, count(fn, Op.BOX_FLOAT), "no float is boxed in the loop");
    }

    /**
     * An on-stack replacement entered at an inner range loop's header, after the interpreter
     * specialised the function: the outer loop's body enters the inner loop at its latch, with
     * {@code total} in the frame (written before range() is called). It is loaded there, on that
     * edge, and goes around the inner loop as a double, instead of being read from the frame at
     * the top of each round and written back at its end.
     */
    @Test
    void anInnerLoopEnteredMidFrameCarriesItsAccumulatorUnboxed() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                def f(u, n):
                    result = []
                    for i in range(n):
                        total = 0.0
                        for j in range(n):
                            total += u[j] * 0.5
                        result.append(total)
                    return result
                for _ in range(10):
                    f([1.5] * 8, 8)
                """);
        try {
            CodeObject code = EmbeddedPython.code(globals, "f");
            int inner = IrBuilder.build(code).blocks().stream().filter(block -> !block.instructions().isEmpty()
                    && block.instructions().get(0) instanceof Instr.ForIter).mapToInt(Block::bytecodeOffset).max().orElseThrow();
            Function fn = IrBuilder.buildMidFrame(code, inner, List.of(Type.LIST, Type.INT, Type.LIST, Type.INT, Type.FLOAT, Type.INT));
            Pipeline.run(fn, Pipeline.TYPING);
            Pipeline.run(fn, Pipeline.OPTIMISATION);
            assertEquals(0, count(fn, Op.LOAD_LOCAL_FLOAT), () -> "total is not read from the frame each round:\n" + Printer.print(fn));
            assertTrue(fn.blocks().stream().anyMatch(block -> block.label().startsWith("for-latch")
                    && block.parameters().stream().anyMatch(parameter -> parameter.type().equals(Type.CDOUBLE))), Printer.print(fn));
        } finally {
            Py_DecRef(globals);
        }
    }

    @Test
    void onStackReplacementEntersALoopInsideATryBlockWithItsHandler() throws Unsupported {
        CodeObject code = loopInsideTryFinally();
        Function fn = IrBuilder.buildMidFrame(code, firstLoopHeader(code), List.of(Type.INT));
        assertTrue(fn.blocks().stream().anyMatch(block -> block.instructions().stream().anyMatch(i -> i.op() == Op.RERAISE)),
                "the finally block's handler is compiled with the loop: " + Printer.print(fn));
    }

    @Test
    void noOnStackReplacementEntersALoopInsideATryBlockWhereEveryReraiseIsHandled() throws Unsupported {
        CodeObject code = loopInsideTryFinally();
        byte[] units = code.code().clone();
        for (int offset = 0; offset < units.length; offset += 2) {
            if (Opcode.of(units[offset] & 0xff) == Opcode.RERAISE) {
                units[offset] = (byte) Opcode.NOP.number;
            }
        }
        CodeObject withoutReraise = new CodeObject(code.name(), code.qualifiedName(), code.fileName(), code.firstLine(), code.argCount(),
                code.positionalOnlyArgCount(), code.keywordOnlyArgCount(), code.flags(), units, code.constants(), code.names(),
                code.localNames(), code.cellCount(), code.freeCount(), code.exceptionTable(), code.lines(), code.quickened());
        Unsupported refused = assertThrows(Unsupported.class,
                () -> IrBuilder.buildMidFrame(withoutReraise, firstLoopHeader(code), List.of(Type.INT)));
        assertTrue(refused.getMessage().contains("no RERAISE is outside every handler"), refused.getMessage());
    }

    private static CodeObject loopInsideTryFinally() {
        return EmbeddedPython.compile(String.join("\n",
                "def f(n):",
                "    try:",
                "        while n:",
                "            n -= 1",
                "    finally:",
                "        print('done')",
                ""), "f");
    }

    private static int firstLoopHeader(CodeObject code) throws Unsupported {
        return IrBuilder.build(code).blocks().stream().filter(block -> block.label().startsWith("offset ") && block.bytecodeOffset() > 0)
                .mapToInt(Block::bytecodeOffset).min().orElseThrow();
    }

    @Test
    void intLocalsGoAroundALoopAs64BitValues() throws Unsupported {
        Function fn = golden("int_loop");
        assertTrue(fn.blocks().stream().anyMatch(block -> block.parameters().stream().map(Value::type).toList()
                .subList(0, Math.min(3, block.parameters().size())).equals(List.of(Type.INT, Type.CINT64, Type.CINT64))),
                "n is the argument's object, total and i 64-bit values around the loop");
        assertEquals(0, count(fn, Op.BINARY_OP), "+, * and % on ints: each an IntArith");
        assertEquals(4, count(fn, Op.INT_ARITH), "i * i, % 7, total +, i + 1");
        assertEquals(0, count(fn, Op.BOX_INT), "no int is boxed in the loop");
        assertEquals(2, count(fn, Op.REBOX), "at the return: total, returned and written to the frame as one object, and i written"
                + " to the frame (the constant 0 itself if the loop never ran)");
    }

    /**
     * A range loop's variable that only indexes lists goes around the loop as a 64-bit value: its
     * copies on the value stack (the subscripts' index operands, which only their states hold once
     * the lists are indexed with the machine int) name the number, so no int is boxed at each turn
     * (past 256 that was an allocation and a release per turn).
     */
    @Test
    void aRangeLoopsIndexGoesAroundTheLoopUnboxed() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                def dot(a, b):
                    s = 0.0
                    for i in range(len(a)):
                        s += a[i] * b[i]
                    return s
                for _ in range(10):
                    dot([0.5] * 300, [2.0] * 300)
                """);
        try {
            Function fn = IrBuilder.build(EmbeddedPython.code(globals, "dot"));
            Pipeline.run(fn, Pipeline.TYPING);
            Pipeline.run(fn, Pipeline.OPTIMISATION);
            Verifier.verify(fn);
            assertEquals(0, count(fn, Op.BOX_INT), Printer.printTyped(fn));
            assertTrue(fn.blocks().stream().anyMatch(block -> block.parameters().stream().filter(value -> value.type().equals(Type.CINT64)).count() == 1
                    && block.parameters().stream().noneMatch(value -> value.type().equals(Type.INT))),
                    "a loop block carries i as a 64-bit value and no int object: " + Printer.printTyped(fn));
        } finally {
            Py_DecRef(globals);
        }
    }

    @Test
    void localsAreWrittenToTheFrameBeforeACall() throws Unsupported {
        Function fn = golden("locals_around_call");
        List<Instr> body = fn.entry().instructions();
        int call = body.indexOf(body.stream().filter(i -> i.op() == Op.CALL).findFirst().orElseThrow());
        List<Op> beforeCall = body.subList(0, call).stream().map(Instr::op).toList();
        assertTrue(beforeCall.contains(Op.FLUSH_LOCAL), "y and z are in the frame when print runs: " + beforeCall);
        assertEquals(1, body.subList(call, body.size()).stream().filter(i -> i.op() == Op.LOAD_LOCAL
                && ((Instr.LoadLocal) i).slot() == 1).count(), "after the call, y is read from the frame again, once");
    }

    @Test
    void localsTakeTheTypesStoredIntoThem() throws Unsupported {
        Function fn = build("""
                def f(n):
                    total = 0.0
                    s = 'a'
                    s = 1
                    for i in range(n):
                        total = total + 1.5
                    return total, s
                """);
        Pipeline.run(fn, Pipeline.TYPING);
        List<Instr.LoadLocal> loads = instructions(fn).stream().filter(Instr.LoadLocal.class::isInstance).map(Instr.LoadLocal.class::cast).toList();
        for (Instr.LoadLocal load : loads) {
            Type expected = switch (fn.localName(load.slot())) {
                case "total" -> Type.FLOAT;
                case "s" -> Type.STR.union(Type.INT);
                default -> Type.OBJECT; // n, an argument without a guard; i, from the iterator
            };
            assertEquals(expected, load.result().type(), load::toString);
        }
    }

    @Test
    void typesFlowThroughTheStack() throws Unsupported {
        Function fn = build("""
                def f(c, y):
                    t = (1 if c else 2.5) + 1
                    return t * t + y
                """);
        Pipeline.run(fn, Pipeline.TYPING);
        Value joined = fn.blocks().stream().flatMap(block -> block.parameters().stream()).findFirst().orElseThrow();
        assertEquals(Type.INT.union(Type.FLOAT), joined.type());
        Instr.BinaryOp add = instructions(fn).stream().filter(Instr.BinaryOp.class::isInstance).map(Instr.BinaryOp.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Type.INT.union(Type.FLOAT), add.result().type());
    }

    @Test
    void everyRaisingInstructionNamesABytecodeOffset() throws Unsupported {
        CodeObject code = EmbeddedPython.compile("""
                def f(o, k):
                    return o.items[k] + g(k, x=1)
                """, "f");
        Function fn = IrBuilder.build(code);
        List<Integer> offsets = Decoder.decode(code).stream().map(Instruction::offset).toList();
        for (Instr instruction : instructions(fn)) {
            if (instruction.state() != null) {
                assertTrue(offsets.contains(instruction.state().offset()), instruction::toString);
                assertTrue(instruction.state().owned().stream().allMatch(Objects::nonNull));
            }
        }
    }

    /**
     * An instruction that steals its operands (Op.stealsOperands) releases them itself when it
     * fails, so its frame state must not own them too, or the error path would release them twice.
     */
    @Test
    void stealingInstructionsDoNotOwnTheirOperands() throws Unsupported {
        Function fn = build("""
                def f(a, b):
                    return [a, b], (a, b), {a: b}, {'x': a, 'y': b}, f'{a}{b}'
                """);
        for (Instr instruction : instructions(fn)) {
            if (instruction.op().stealsOperands && instruction.state() != null) {
                for (Value operand : instruction.operands()) {
                    assertFalse(instruction.state().owned().contains(operand), () -> Printer.print(fn));
                }
            }
        }
    }

    // ---- what the builder refuses, and why

    private static String refusal(String source) {
        Unsupported error = assertThrows(Unsupported.class, () -> build(source));
        return error.getMessage();
    }

    @Test
    void aGeneratorIsEnteredAtEachResumePointWithItsSuspendedStack() throws Unsupported {
        Function fn = golden("generator");
        Terminator.ResumeDispatch dispatch = (Terminator.ResumeDispatch) fn.entry().terminator();
        List<Terminator.Yield> yields = fn.blocks().stream().map(block -> block.terminator())
                .filter(terminator -> terminator instanceof Terminator.Yield).map(Terminator.Yield.class::cast).toList();
        assertEquals(1, yields.size());
        Terminator.Yield yield = yields.get(0);
        // after RETURN_GENERATOR (the value sent to start it) and after the yield
        assertEquals(2, dispatch.offsets().size());
        assertEquals(yield.resumeOffset(), dispatch.offsets().get(1));
        // the loop's iterator stays on the stack across the yield, and comes back with the value sent
        assertEquals(1, yield.stack().size());
        assertEquals(List.of(1, 2), dispatch.targets().stream().map(target -> target.instructions().size()).toList());
        assertTrue(instructions(fn).stream().noneMatch(instruction -> instruction instanceof Instr.GuardArgument));
    }

    /** The f of the globals, built with the interpreter's specialisations, typed and optimised. */
    private static Function optimised(PyObject globals) throws Unsupported {
        Function fn = IrBuilder.build(EmbeddedPython.code(globals, "f"));
        Pipeline.run(fn, Pipeline.TYPING);
        Pipeline.run(fn, Pipeline.OPTIMISATION);
        return fn;
    }

    private static Instr lastSubscript(Function fn) {
        return instructions(fn).stream().filter(instruction -> instruction.op() == Op.SUBSCRIPT).reduce((first, second) -> second).orElseThrow();
    }

    /**
     * A list the loop only indexes, bound before it: read from the frame and checked to be a list
     * once, on the way into the loop, then carried round it; the back edge's poll names it.
     */
    @Test
    void aLoopChecksTheListItOnlyIndexesOnceOnTheWayIn() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                def f(rows, scale, n):
                    total = 0.0
                    row = rows[0]
                    for j in range(n):
                        total += row[j] * scale
                    return total
                for _ in range(20):
                    f([[1.0, 2.0, 3.0]], 0.5, 3)
                """);
        try {
            Function fn = optimised(globals);
            String text = Printer.printTyped(fn);
            Instr indexing = lastSubscript(fn);  // row[j] (rows[0] is the first)
            Block body = fn.blocks().stream().filter(block -> block.instructions().contains(indexing)).findFirst().orElseThrow();
            Value row = indexing.operands().get(0);
            assertTrue(body.parameters().contains(row) && row.type().equals(Type.LIST), "row goes round the loop, known to be a list:\n" + text);
            List<Instr.GuardType> listGuards = instructions(fn).stream().filter(instruction -> instruction instanceof Instr.GuardType guard
                    && guard.type().equals(Type.LIST)).map(Instr.GuardType.class::cast).toList();
            assertEquals(2, listGuards.size(), "rows before rows[0], and row once, on the way in:\n" + text);
            assertEquals(body.bytecodeOffset(), listGuards.get(1).resume().offset(), "a failed check resumes at the loop's header");
            assertTrue(body.instructions().stream().noneMatch(instruction -> instruction instanceof Instr.LoadLocal), text);
            assertTrue(instructions(fn).stream().anyMatch(instruction -> instruction instanceof Instr.CheckEvalBreaker poll
                    && poll.state().known().stream().anyMatch(local -> fn.localName(local.slot()).equals("row") && local.value().equals(row))),
                    "the back edge's poll checks that the frame still holds row:\n" + text);
        } finally {
            Py_DecRef(globals);
        }
    }

    /**
     * A check made on one branch of an if inside the loop stays there, though the loop carries the
     * local known: not every trip round makes it (the other branch takes len of anything).
     */
    @Test
    void aLoopKeepsTheChecksItMakesOnlySometimes() throws Unsupported {
        PyObject globals = EmbeddedPython.run("""
                def f(rows, n):
                    total = 0
                    row = rows[0]
                    for j in range(n):
                        if j % 2 == 0:
                            total += row[j]
                        else:
                            total += len(row)
                    return total
                for _ in range(20):
                    f([[1, 2, 3, 4]], 4)
                """);
        try {
            Function fn = optimised(globals);
            String text = Printer.printTyped(fn);
            Instr indexing = lastSubscript(fn);
            Block branch = fn.blocks().stream().filter(block -> block.instructions().contains(indexing)).findFirst().orElseThrow();
            assertTrue(branch.instructions().stream().anyMatch(instruction -> instruction instanceof Instr.GuardType guard
                    && guard.type().equals(Type.LIST) && guard.result().equals(indexing.operands().get(0))),
                    "row is checked where it is indexed, on the branch:\n" + text);
            assertTrue(instructions(fn).stream().anyMatch(instruction -> instruction instanceof Instr.CheckEvalBreaker poll
                    && poll.state().known().stream().anyMatch(local -> fn.localName(local.slot()).equals("row"))),
                    "though row goes round the loop known:\n" + text);
            Block header = fn.blocks().stream().filter(block -> block.label().equals("offset 42")).findFirst().orElseThrow();
            assertTrue(header.parameters().stream().noneMatch(parameter -> parameter.type().equals(Type.LIST)), text);
        } finally {
            Py_DecRef(globals);
        }
    }

    @Test
    void aGeneratorKeepsItsLocalsInValuesUntilItYields() throws Unsupported {
        Function fn = golden("generator_floats");
        Block yielding = fn.blocks().stream().filter(block -> block.terminator() instanceof Terminator.Yield).findFirst().orElseThrow();
        List<Instr> body = yielding.instructions();
        // the loop's float locals are read from values, not from the frame...
        assertEquals(0, body.stream().filter(instruction -> instruction instanceof Instr.LoadLocal).count());
        // ...and written to it just before the frame is suspended, where the interpreter may look
        List<String> flushed = body.subList(body.size() - 2, body.size()).stream()
                .map(instruction -> instruction instanceof Instr.FlushLocal flush ? fn.localName(flush.slot()) : instruction.op().name()).toList();
        assertEquals(List.of("scale", "scaled"), flushed);
    }

    @Test
    void anExceptionInsideATryUnwindsToItsHandler() throws Unsupported {
        Function fn = golden("try_except");
        List<FrameState> states = instructions(fn).stream().map(Instr::state).filter(Objects::nonNull).toList();
        FrameState subscript = instructions(fn).stream().filter(instruction -> instruction.op() == Op.SUBSCRIPT)
                .findFirst().orElseThrow().state();
        assertNotNull(subscript.handler(), "d[k] is inside the try");
        assertEquals(1, subscript.handler().depth(), "the handler keeps the loop's iterator");
        assertTrue(states.stream().anyMatch(state -> state.handler() == null), "the loop itself is outside the try");
        // the handler's block takes the iterator and the exception
        Block handler = subscript.handler().block();
        assertEquals(2, handler.parameters().size());
        assertEquals(Op.PUSH_EXC_INFO, handler.instructions().get(0).op());
        assertEquals(2, count(fn, Op.BINARY_OP), "total += d[k], and the handler's total -= 1");
        assertEquals(1, count(fn, Op.CHECK_EXC_MATCH));
        // the handler's own cleanup (POP_EXCEPT, RERAISE with lasti) is covered by a handler that pushes lasti
        assertTrue(states.stream().anyMatch(state -> state.handler() != null && state.handler().pushLastInstruction()
                && state.handler().block().parameters().size() == state.handler().depth() + 2));
        assertTrue(count(fn, Op.RERAISE) > 0 && count(fn, Op.POP_EXCEPT) > 0);
    }

    @Test
    void refusesAFunctionTooLargeToCompile() {
        String reason = refusal("def f():\n    x = 0\n" + "    x += 1\n".repeat(1500) + "    return x\n");
        assertTrue(reason.startsWith("too large to compile: 7505 bytecode instructions"), reason);
    }

    /** A bare raise is built: it raises the exception being handled again, or RuntimeError. */
    @Test
    void aBareRaiseEndsItsBlock() throws Unsupported {
        Function fn = build("""
                def f(x):
                    if x:
                        raise
                    return x
                """);
        assertEquals(1, count(fn, Op.RERAISE_HANDLED));
        assertTrue(fn.blocks().stream().anyMatch(block -> block.terminator() instanceof Terminator.Unreachable));
    }

    @Test
    void withComprehensionsAndRaise() throws Unsupported {
        Function fn = golden("with_comprehension");
        assertEquals(1, count(fn, Op.BEFORE_WITH));
        assertEquals(1, count(fn, Op.LIST_APPEND));
        assertEquals(1, count(fn, Op.SET_ADD));
        assertEquals(1, count(fn, Op.RAISE));
        assertTrue(fn.blocks().stream().anyMatch(block -> block.terminator() instanceof Terminator.Unreachable),
                "nothing follows a raise");
    }

    @Test
    void closuresUseCellsInTheirOwnSlots() throws Unsupported {
        String source = """
                def f(x):
                    def inner():
                        return x
                    return inner
                """;
        CodeObject outer = EmbeddedPython.compile(source, "f");
        assertEquals(List.of("x", "inner"), outer.localNames(), "the captured parameter is a cell in its own slot");
        Function fn = IrBuilder.build(outer);
        assertEquals(1, count(fn, Op.MAKE_CELL));
        assertEquals(1, count(fn, Op.MAKE_FUNCTION));
        assertEquals(1, count(fn, Op.SET_FUNCTION_ATTRIBUTE));
        CodeObject inner = outer.constants().stream().map(CodeObject.Constant::nestedCode).filter(Objects::nonNull)
                .findFirst().orElseThrow();
        Function innerFn = IrBuilder.build(inner);
        assertEquals(1, count(innerFn, Op.COPY_FREE_VARS));
        assertEquals(1, count(innerFn, Op.LOAD_DEREF));
    }

    /** Imports, star arguments and unpacking, match and the intrinsics are one helper call each, with their argument. */
    @Test
    void operationsThatAreOneHelperCallKeepTheirArgument() throws Unsupported {
        Function fn = build("""
                def f(xs, kw):
                    from os import path
                    a, *b = xs
                    match xs:
                        case [1, *rest]:
                            pass
                    return path, g(*xs, **kw), h(*xs), (*xs,)
                """);
        Map<Op, Instr.Helper> helpers = new TreeMap<>();
        instructions(fn).stream().filter(instruction -> instruction instanceof Instr.Helper)
                .forEach(instruction -> helpers.put(instruction.op(), (Instr.Helper) instruction));
        assertEquals(Set.of(Op.IMPORT_NAME, Op.IMPORT_FROM, Op.UNPACK_EX, Op.MATCH_SEQUENCE, Op.GET_LEN, Op.CALL_FUNCTION_EX,
                Op.DICT_MERGE, Op.INTRINSIC_1), helpers.keySet(), () -> Printer.print(fn));
        assertEquals(1, helpers.get(Op.UNPACK_EX).argument(), "one target before the star, none after");
        assertEquals(6, helpers.get(Op.INTRINSIC_1).argument(), "INTRINSIC_LIST_TO_TUPLE");
        assertTrue(Printer.print(fn).contains("ImportFrom<path>"), () -> Printer.print(fn));
        // with keywords or without (a NULL in their place), the call passes four operands
        assertTrue(instructions(fn).stream().filter(instruction -> instruction.op() == Op.CALL_FUNCTION_EX)
                .allMatch(instruction -> instruction.operands().size() == 4));
        assertEquals(2, count(fn, Op.CALL_FUNCTION_EX));
    }

    @Test
    void simpleFunctionBuildsWithoutPasses() {
        assertDoesNotThrow(() -> Verifier.verify(build("""
                def f():
                    return None
                """)));
    }
}
