package dev.pyjit.ir.passes;

import dev.pyjit.ir.Function;
import dev.pyjit.ir.StageClock;
import dev.pyjit.ir.Verifier;
import java.util.List;

/**
 * pyjit's IR passes in the order they run. The IR is verified after the last; with Java's
 * assertions on (the tests), after each, so that a broken invariant is caught at the pass that broke
 * it. Verifying after each of the optimisations took a quarter of their time in a compilation.
 */
public final class Pipeline {
    /** Type inference alone: the "typed" stage of pyjit dump. */
    public static final List<Pass> TYPING = List.of(new TypeInference());

    /** The optimisations that follow type inference: the "opt" stage. */
    public static final List<Pass> OPTIMISATION = List.of(
            new GuardInlinedResults(),
            new SpeculateIntOperands(),
            new IntrinsifyMathCalls(),
            new UnboxRangeIteration(),
            new UnpackIteratedPairs(),
            new PromoteLocals(),
            new TypeInference(),
            new ElideProvenGuards(),
            new SpecialiseArithmetic(),
            new FuseExtendedSlices(),
            new StoreTemporarySlices(),
            new CancelRefcountPairs(),
            new UnboxParameters(),
            new IndexWithMachineInts(),
            new UnboxInlinedResults(),
            new EliminateBoxing(),
            new UnboxFloatsAtLoad(),
            new StoreFloatsInPlace(),
            new SimplifyToBool(),
            new ElideRepeatedGuards(),
            new ElideImmortalRefcounts());

    /**
     * The optimisations of a method body compiled into its call ({@link dev.pyjit.ir.Inlined}): after type inference,
     * those that keep its locals in its frame (the arguments it only computes with are unboxed by
     * the call) and take no borrowed references, so that wherever it stops it holds only the values it made.
     */
    public static final List<Pass> INLINED = List.of(
            new ElideProvenGuards(),
            new SpecialiseArithmetic(),
            new EliminateBoxing(),
            new UnboxFloatsAtLoad(),
            new UnboxArguments(),
            new SimplifyToBool(),
            new ElideImmortalRefcounts());

    private Pipeline() {}

    private static final boolean VERIFY_EACH_PASS = Pipeline.class.desiredAssertionStatus();

    public static void run(Function function, List<Pass> passes) {
        run(function, passes, null);
    }

    /** Runs the passes, each one's time charged to it on {@code clock} if there is one. */
    public static void run(Function function, List<Pass> passes, StageClock clock) {
        for (Pass pass : passes) {
            long start = System.nanoTime();
            pass.run(function);
            if (clock != null) {
                clock.chargePass(pass.getClass().getSimpleName(), System.nanoTime() - start);
            }
            if (VERIFY_EACH_PASS) {
                Verifier.verify(function);
            }
        }
        if (!VERIFY_EACH_PASS) {
            Verifier.verify(function);
        }
    }
}
