package dev.pyjit.ir;

import static dev.pyjit.ir.IrTesting.resume;
import static dev.pyjit.ir.IrTesting.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final FrameState NO_STATE = null;

    private static Function function() {
        return new Function("f", 1, List.of("x"), List.of("g"), List.of("None", "1"));
    }

    private static void assertRejected(Function fn, String messagePart) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Verifier.verify(fn));
        assertTrue(error.getMessage().startsWith("invalid IR in f: "), error.getMessage());
        assertTrue(error.getMessage().contains(messagePart), () -> "expected '" + messagePart + "' in: " + error.getMessage());
        // the message ends with the printed function, to show where it went wrong
        assertTrue(error.getMessage().contains("function f {"), error.getMessage());
    }

    /** entry: v0 = x; v1 = v0 + 1; jump bb1(v1); bb1(v2): return v2 */
    private static Function valid() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block exit = fn.newBlock("exit");
        Value x = fn.newValue(Type.OBJECT);
        Value one = fn.newValue(Type.INT);
        Value sum = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(x, 0));
        entry.add(new Instr.LoadConst(one, 1));
        entry.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, x, one, state(4, x, one)));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        entry.add(new Instr.Refcount(Op.DECREF, one));
        Value parameter = fn.addParameter(exit, Type.TOP);
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(exit, List.of(sum))));
        exit.setTerminator(new Terminator.Return(parameter));
        return fn;
    }

    @Test
    void acceptsWellFormedFunction() {
        assertDoesNotThrow(() -> Verifier.verify(valid()));
    }

    /** A call gives a double only where its inlined body returns doubles: a made call's result is an object. */
    @Test
    void aCallGivesAMachineNumberOnlyFromABodyReturningOne() {
        for (Type returned : List.of(Type.CDOUBLE, Type.FLOAT)) {
            Function body = new Function("half", 1, List.of("x"), List.of(), List.of("0.5"));
            Block only = body.newBlock("entry");
            Value half = body.newValue(Type.CDOUBLE);
            Value boxed = body.newValue(Type.FLOAT);
            only.add(new Instr.FloatConstant(half, 0, 0.5));
            if (returned.equals(Type.FLOAT)) {
                only.add(new Instr.BoxFloat(boxed, half, state(0)));
            }
            only.setTerminator(new Terminator.Return(returned.equals(Type.FLOAT) ? boxed : half));

            Function fn = function();
            Block entry = fn.newBlock("entry");
            Value callable = fn.newValue(Type.OBJECT);
            Value nothing = fn.newValue(Type.NULL);
            Value result = fn.newValue(Type.CDOUBLE);
            entry.add(new Instr.LoadGlobal(callable, 0, state(2)));
            entry.add(new Instr.LoadNull(nothing));
            ResumeState after = resume(12, result);
            entry.add(new Instr.Call(result, callable, nothing, List.of(), -1, state(10), null, null, null, null)
                    .withInlined(new Inlined(body, "half-id", 1, false), after).withUnboxedResult(result, after));
            Value none = fn.newValue(Type.NONE);
            entry.add(new Instr.LoadConst(none, 0));
            entry.setTerminator(new Terminator.Return(none));
            if (returned.equals(Type.CDOUBLE)) {
                assertDoesNotThrow(() -> Verifier.verify(fn));
            } else {
                assertRejected(fn, "is a machine number, but the call's body does not return one");
            }
        }
    }

    @Test
    void rejectsMissingTerminator() {
        Function fn = valid();
        fn.blocks().get(1).setTerminator(null);
        assertRejected(fn, "bb1 has no terminator");
        assertRejected(fn, "<no terminator>");
    }

    @Test
    void rejectsWrongEdgeArgumentCount() {
        Function fn = valid();
        Block entry = fn.entry();
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(fn.blocks().get(1), List.of())));
        assertRejected(fn, "bb0 passes 0 arguments to bb1 which has 1 parameters");
    }

    @Test
    void rejectsWrongBranchArgumentCount() {
        Function fn = function();
        Block entry = fn.newBlock("");
        Block target = fn.newBlock("");
        Value flag = fn.newValue(Type.BOOL);
        entry.add(new Instr.LoadConst(flag, 0));
        Value p = fn.addParameter(target, Type.TOP);
        entry.setTerminator(new Terminator.Branch(Terminator.Condition.IS_TRUE, flag,
                new Terminator.Edge(target, List.of(flag)), new Terminator.Edge(target, List.of(flag, flag))));
        target.setTerminator(new Terminator.Return(p));
        assertRejected(fn, "bb0 passes 2 arguments to bb1 which has 1 parameters");
    }

    @Test
    void rejectsUseOfUndefinedValueAsOperand() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value undefined = fn.newValue(Type.OBJECT);
        Value result = fn.newValue(Type.OBJECT);
        entry.add(new Instr.UnaryOp(result, UnaryKind.NEGATIVE, undefined, state(0)));
        entry.setTerminator(new Terminator.Return(result));
        assertRejected(fn, "bb0 uses undefined v0");
    }

    @Test
    void rejectsUseOfUndefinedValueInTerminatorAndFrameState() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value undefined = fn.newValue(Type.OBJECT);
        entry.setTerminator(new Terminator.Return(undefined));
        assertRejected(fn, "bb0 uses undefined v0");

        Function fn2 = function();
        Block entry2 = fn2.newBlock("entry");
        Value ghost = fn2.newValue(Type.OBJECT);
        entry2.add(IrTesting.poll(state(0, ghost)));
        Value none = fn2.newValue(Type.NONE);
        entry2.add(new Instr.LoadConst(none, 0));
        entry2.setTerminator(new Terminator.Return(none));
        assertRejected(fn2, "bb0 uses undefined v0");
    }

    /** entry: v0 = x (Float) resuming with {@code resume(v0, v1)}, v1 defined nowhere; return v0 */
    private static Function loadResuming(BiFunction<Value, Value, ResumeState> resume) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.FLOAT);
        Value ghost = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(x, 0, resume.apply(x, ghost)));
        entry.setTerminator(new Terminator.Return(x));
        return fn;
    }

    @Test
    void rejectsUseOfUndefinedValueInAResumeState() {
        assertRejected(loadResuming((x, ghost) -> resume(2, ghost, x)), "bb0 uses undefined v1");
        assertRejected(loadResuming((x, ghost) -> new ResumeState(2, List.of(x), List.of(ghost))), "bb0 uses undefined v1");
        assertRejected(loadResuming((x, ghost) -> new ResumeState(0, List.of(), List.of(x, ghost))), "bb0 uses undefined v1");
    }

    @Test
    void acceptsALoadWhoseResumeStateNamesItsOwnResult() {
        assertDoesNotThrow(() -> Verifier.verify(loadResuming((x, ghost) -> resume(2, x))));
        assertDoesNotThrow(() -> Verifier.verify(loadResuming((x, ghost) -> new ResumeState(0, List.of(), List.of(x)))));

        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value y = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(y, 0, resume(2, y)));
        Value read = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.LoadLocalFloat(read, 0, resume(4, y, read)));
        Value boxed = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(boxed, read, state(6, y, read)));
        entry.add(new Instr.Refcount(Op.DECREF, y));
        entry.setTerminator(new Terminator.Return(boxed));
        assertDoesNotThrow(() -> Verifier.verify(fn), "a double in resume and frame states");
    }

    @Test
    void rejectsRaisingInstructionWithoutFrameState() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value global = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadGlobal(global, 0, NO_STATE));
        entry.setTerminator(new Terminator.Return(global));
        assertRejected(fn, "bb0: frame state does not match effects of LOAD_GLOBAL");
    }

    @Test
    void rejectsNonRaisingInstructionWithFrameState() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value none = fn.newValue(Type.NONE);
        entry.add(new Instr.LoadConst(none, 0));
        entry.add(new Instr.Effect(Op.INCREF, List.of(none), state(0)));
        entry.setTerminator(new Terminator.Return(none));
        assertRejected(fn, "frame state does not match effects of INCREF");
    }

    @Test
    void aMethodsSelfReadsAMethodLoadedInItsBlock() {
        for (boolean fromMethodLoad : new boolean[] {true, false}) {
            Function fn = function();
            Block entry = fn.newBlock("entry");
            Value owner = fn.newValue(Type.OBJECT);
            entry.add(new Instr.LoadLocal(owner, 0));
            Value method = fn.newValue(Type.OBJECT);
            entry.add(fromMethodLoad
                    ? new Instr.LoadMethod(method, owner, 0, CacheHint.NONE, state(2, owner))
                    : new Instr.LoadAttr(method, owner, 0, state(2, owner)));
            entry.add(new Instr.Refcount(Op.DECREF, owner));
            Value self = fn.newValue(Type.TOP);
            entry.add(new Instr.MethodSelf(self, method));
            Value result = fn.newValue(Type.OBJECT);
            entry.add(new Instr.Call(result, method, self, List.of(), -1, state(4)));
            entry.setTerminator(new Terminator.Return(result));
            if (fromMethodLoad) {
                assertDoesNotThrow(() -> Verifier.verify(fn));
            } else {
                assertRejected(fn, "reads no method loaded before it in its block");
            }
        }
    }

    @Test
    void aPairsSecondItemFollowsThePairItReads() {
        for (boolean right : new boolean[] {true, false}) {
            Function fn = function();
            Block entry = fn.newBlock("entry");
            Value iterator = fn.newValue(Type.OBJECT);
            entry.add(new Instr.LoadLocal(iterator, 0));
            Value first = fn.newValue(Type.TOP);
            entry.add(new Instr.ForIterPair(first, iterator, state(4, iterator), new ResumeState(4, List.of(iterator), List.of()), 8));
            if (!right) {
                entry.add(new Instr.LoadNull(fn.newValue(Type.NULL)));
            }
            entry.add(new Instr.PairSecond(fn.newValue(Type.TOP), first));
            entry.add(new Instr.Refcount(Op.DECREF, iterator));
            entry.setTerminator(new Terminator.Return(first));
            if (right) {
                assertDoesNotThrow(() -> Verifier.verify(fn));
            } else {
                assertRejected(fn, "does not follow the pair it reads");
            }
        }
    }

    @Test
    void rejectsEntryBlockParameters() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value p = fn.addParameter(entry, Type.TOP);
        entry.setTerminator(new Terminator.Return(p));
        assertRejected(fn, "entry block has parameters");
    }

    @Test
    void rejectsValueDefinedTwice() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value v = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadLocal(v, 0));
        entry.add(new Instr.LoadLocal(v, 0));
        entry.setTerminator(new Terminator.Return(v));
        assertRejected(fn, "v0 is defined twice");
    }

    @Test
    void rejectsJumpToBlockOfAnotherFunction() {
        Function other = function();
        Block foreign = other.newBlock("foreign");
        Function fn = function();
        Block entry = fn.newBlock("entry");
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(foreign, List.of())));
        assertRejected(fn, "bb0 jumps to a block outside the function");
    }

    @Test
    void acceptsArgumentGuardsAtTheStartOfTheEntryBlock() {
        Function fn = valid();
        fn.entry().instructions().add(0, new Instr.GuardArgument(0, Type.FLOAT));
        assertDoesNotThrow(() -> Verifier.verify(fn));
        fn.entry().instructions().add(1, new Instr.GuardArgument(0, Type.INT));
        assertDoesNotThrow(() -> Verifier.verify(fn), "several guards in a row");
    }

    @Test
    void rejectsArgumentGuardAfterAnotherInstruction() {
        Function fn = valid();
        fn.entry().instructions().add(1, new Instr.GuardArgument(0, Type.FLOAT));
        assertRejected(fn, "bb0: an argument guard after other instructions");

        Function afterGuards = valid();
        afterGuards.entry().instructions().add(0, new Instr.GuardArgument(0, Type.FLOAT));
        afterGuards.entry().instructions().add(new Instr.GuardArgument(0, Type.INT));
        assertRejected(afterGuards, "bb0: an argument guard after other instructions");
    }

    @Test
    void rejectsArgumentGuardOutsideTheEntryBlock() {
        Function fn = valid();
        Block exit = fn.blocks().get(1);
        assertTrue(exit.instructions().isEmpty());
        exit.add(new Instr.GuardArgument(0, Type.FLOAT));
        assertRejected(fn, "bb1: an argument guard after other instructions");
    }

    @Test
    void rejectsAGuardOnASlotThatIsNoArgument() {
        Function fn = valid();
        fn.entry().instructions().add(0, new Instr.GuardArgument(1, Type.FLOAT));
        assertRejected(fn, "a guard on slot 1, which is not an argument");
    }

    /** entry: v0 = x; v1 = UnboxFloat v0; Decref v0; jump bb1(v1); bb1(v2): v3 = BoxFloat v2; return v3 */
    private static Function doubleAcrossAnEdge(Type parameterType) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block exit = fn.newBlock("exit");
        Value x = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x, 0));
        Value unboxed = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(unboxed, x));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        Value parameter = fn.addParameter(exit, parameterType);
        entry.setTerminator(new Terminator.Jump(new Terminator.Edge(exit, List.of(unboxed))));
        Value boxed = fn.newValue(Type.FLOAT);
        exit.add(new Instr.BoxFloat(boxed, parameter, state(2)));
        exit.setTerminator(new Terminator.Return(boxed));
        return fn;
    }

    @Test
    void acceptsADoubleParameterTakingADouble() {
        Verifier.verify(doubleAcrossAnEdge(Type.CDOUBLE));
    }

    @Test
    void rejectsAParameterThatMixesDoublesAndObjects() {
        assertRejected(doubleAcrossAnEdge(Type.FLOAT.union(Type.CDOUBLE)), "bb1: parameter v2 is an object or an unboxed number");
        assertRejected(doubleAcrossAnEdge(Type.FLOAT), "bb0: v1 goes to bb1's parameter v2, of another machine type or an object");
    }

    @Test
    void acceptsUnboxedDoublesWithinABlock() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x, 0));
        Value unboxed = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(unboxed, x));
        Value sum = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(sum, BinaryOperator.ADD, unboxed, unboxed, NO_STATE));
        Value quotient = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(quotient, BinaryOperator.TRUE_DIVIDE, sum, unboxed, state(4, x)));
        Value less = fn.newValue(Type.BOOL);
        entry.add(new Instr.FloatCompare(less, CompareOperator.LT, sum, quotient));
        entry.add(new Instr.Refcount(Op.DECREF, x));
        Value boxed = fn.newValue(Type.FLOAT);
        entry.add(new Instr.BoxFloat(boxed, quotient, state(6)));
        entry.setTerminator(new Terminator.Return(boxed));
        assertDoesNotThrow(() -> Verifier.verify(fn));
    }

    @Test
    void floatOperationsNeedAFrameStateExactlyWhenTheyCanRaise() {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.FLOAT);
        entry.add(new Instr.LoadLocal(x, 0));
        Value unboxed = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.UnboxFloat(unboxed, x));
        Value quotient = fn.newValue(Type.CDOUBLE);
        entry.add(new Instr.FloatArith(quotient, BinaryOperator.TRUE_DIVIDE, unboxed, unboxed, NO_STATE));
        entry.setTerminator(new Terminator.Return(x));
        assertRejected(fn, "frame state does not match effects of FLOAT_DIVIDE");

        entry.instructions().set(2, new Instr.FloatArith(quotient, BinaryOperator.MULTIPLY, unboxed, unboxed, state(0)));
        assertRejected(fn, "frame state does not match effects of FLOAT_ARITH");

        entry.instructions().set(2, new Instr.BoxFloat(quotient, unboxed, NO_STATE));
        assertRejected(fn, "frame state does not match effects of BOX_FLOAT");
    }

    /** entry: v0 = 1; v1 = v0 + v0 (inside a try whose handler keeps v0 and takes lasti); return v1 */
    private static Function withHandler(int handlerParameters) {
        Function fn = function();
        Block entry = fn.newBlock("entry");
        Block handler = fn.newBlock("handler");
        Value one = fn.newValue(Type.INT);
        Value sum = fn.newValue(Type.OBJECT);
        entry.add(new Instr.LoadConst(one, 1));
        FrameState.Handler catching = new FrameState.Handler(20, 1, true, handler);
        entry.add(new Instr.BinaryOp(sum, BinaryOperator.ADD, one, one, new FrameState(4, List.of(one), catching)));
        entry.setTerminator(new Terminator.Return(sum));
        for (int i = 0; i < handlerParameters; i++) {
            fn.addParameter(handler, Type.TOP);
        }
        handler.setTerminator(new Terminator.Return(handler.parameters().get(0)));
        return fn;
    }

    @Test
    void aHandlerTakesTheKeptStackLastiAndTheException() {
        assertDoesNotThrow(() -> Verifier.verify(withHandler(3)));
        assertRejected(withHandler(2), "the handler of BINARY_OP is not a block of this function taking 3 values");
    }

    @Test
    void onlyTheEntryDispatchesToResumePointsAndNothingJumpsToThem() {
        Function fn = function();
        Block entry = fn.newBlock("resume");
        Block resumed = fn.newBlock("resumed");
        Value none = fn.newValue(Type.NONE);
        resumed.add(new Instr.LoadConst(none, 0));
        resumed.setTerminator(new Terminator.Return(none));
        entry.setTerminator(new Terminator.ResumeDispatch(List.of(2), List.of(resumed)));
        assertDoesNotThrow(() -> Verifier.verify(fn));

        Block other = fn.newBlock("other");
        other.setTerminator(new Terminator.ResumeDispatch(List.of(2), List.of(resumed)));
        assertRejected(fn, "bb2 dispatches to resume points but is not the entry block");
        other.setTerminator(new Terminator.Jump(new Terminator.Edge(resumed, List.of())));
        assertRejected(fn, "bb1 is a resume point and the target of a jump");
    }
}
