package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pyjit dump shows every stage of one function and never runs the file. */
class DumpTest {
    private static final String PROGRAM = String.join("\n",
            "import sys",
            "def total(n):",
            "    t = 0",
            "    for i in range(n):",
            "        t += i * 2",
            "    return t",
            "def norm(x, y):",
            "    return x * x + y * y",
            "def gen():",
            "    yield 1",
            "def big():",
            "    x = 0",
            "    x += 1\n".repeat(1500) + "    return x",
            "print('MODULE BODY RAN')",
            "sys.exit(7)",
            "");

    @TempDir
    Path directory;

    private Pyjit.Outcome dump(String... arguments) throws Exception {
        Path file = Files.writeString(directory.resolve("program.py"), PROGRAM);
        String[] all = new String[arguments.length + 2];
        all[0] = "dump";
        all[1] = file.toString();
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return Pyjit.run(Map.of(), null, directory, all);
    }

    /** --loop-line shows the code a long call of total moves to at its loop's header, which takes the frame over. */
    @Test
    void theOnStackReplacementOfALoop() throws Exception {
        Pyjit.Outcome outcome = dump("--function", "total", "--loop-line", "4", "--stage", "ir,llvm", "--args", "int");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stdout().contains("=== total(int) (loop at line 4): ir ==="), outcome.stdout());
        assertTrue(outcome.stdout().contains("function total entered mid-frame {"), outcome.stdout());
        assertTrue(outcome.stdout().contains("ResumeDispatch @"), outcome.stdout());
        assertTrue(outcome.stdout().contains("pyjit_osr_leave"), "it leaves the frame to the interpreter: " + outcome.stdout());
        Pyjit.Outcome noLoop = dump("--function", "total", "--loop-line", "2");
        assertEquals(2, noLoop.exitCode());
        assertEquals("pyjit dump: total has no loop whose header is on line 2\n", noLoop.stderr());
    }

    @Test
    void everyStageOfACompiledFunctionWithoutRunningTheModule() throws Exception {
        Pyjit.Outcome outcome = dump("--function", "total");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        for (String stage : new String[]{"bytecode", "ir", "typed", "opt", "llvm", "llvm-opt", "asm"}) {
            assertTrue(outcome.stdout().contains("=== total: " + stage + " ==="), stage);
        }
        assertFalse(outcome.stdout().contains("MODULE BODY RAN"));
        assertTrue(outcome.stdout().contains("FOR_ITER"));
        assertTrue(outcome.stdout().contains("v7:Top = ForIter<for_iter_inert> v6"),
                "a loop that never ran is taken to be over an iterator whose next item runs no code");
        assertTrue(outcome.stdout().contains("define ptr @pyjit_total(ptr %0, ptr %1, ptr %2)"));
        assertTrue(outcome.stdout().contains("retq"), "x86-64 assembly has real instructions");
        assertTrue(outcome.stdout().contains("# program.py:5:0"), "the assembly names the source line of the loop body");
    }

    @Test
    void argumentTypesSpecialiseTheFunction() throws Exception {
        Pyjit.Outcome generic = dump("--function", "norm", "--stage", "opt,asm");
        assertEquals(0, generic.exitCode(), generic.stderr());
        assertTrue(generic.stdout().contains("BinaryOp<MULTIPLY>"), generic.stdout());
        assertFalse(generic.stdout().contains("FloatArith") || generic.stdout().contains("GuardArgument"),
                "generic code multiplies through the C runtime's helper, unguarded");

        Pyjit.Outcome floats = dump("--function", "norm", "--args", "float,float", "--stage", "typed,opt,asm");
        assertEquals(0, floats.exitCode(), floats.stderr());
        assertTrue(floats.stdout().contains("=== norm(float, float): typed ==="), floats.stdout());
        assertTrue(floats.stdout().contains("GuardArgument<x,Float>"), floats.stdout());
        assertTrue(floats.stdout().contains("v0:Float = LoadLocal<x>"), floats.stdout());
        assertTrue(floats.stdout().contains("FloatArith<MULTIPLY>"), floats.stdout());
        assertTrue(floats.stdout().contains("mulsd"), "x86-64 multiplies the doubles itself");
    }

    @Test
    void assemblyForEverySupportedTarget() throws Exception {
        Pyjit.Outcome x86 = dump("--function", "norm", "--args", "float,float", "--stage", "asm", "--target", "x86_64-linux-gnu");
        assertEquals(0, x86.exitCode(), x86.stderr());
        assertTrue(x86.stdout().contains("mulsd") && x86.stdout().contains("addsd"), x86.stdout());
        Pyjit.Outcome arm = dump("--function", "norm", "--args", "float,float", "--stage", "asm", "--target", "aarch64-linux-gnu");
        assertEquals(0, arm.exitCode(), arm.stderr());
        assertTrue(arm.stdout().contains("bl\tpyjit_enter"), arm.stdout());
        assertTrue(arm.stdout().contains("fmul\td") && arm.stdout().contains("fadd\td"), arm.stdout());
        assertFalse(arm.stdout().contains("%rsp"), "no x86-64 register in ARM64 code");
    }

    @Test
    void badSpecialisationOrTargetIsExplained() throws Exception {
        Pyjit.Outcome unknownType = dump("--function", "norm", "--args", "float,quaternion");
        assertEquals(2, unknownType.exitCode());
        assertTrue(unknownType.stderr().contains("unknown argument type 'quaternion'"), unknownType.stderr());
        Pyjit.Outcome tooMany = dump("--function", "norm", "--args", "float,float,float");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.stderr().contains("takes 2 positional arguments"), tooMany.stderr());
        Pyjit.Outcome unknownTarget = dump("--function", "norm", "--target", "riscv64-linux-gnu");
        assertEquals(2, unknownTarget.exitCode());
        assertTrue(unknownTarget.stderr().contains("x86_64-linux-gnu, aarch64-linux-gnu"), unknownTarget.stderr());
    }

    @Test
    void theSameDumpTwiceIsTheSameText() throws Exception {
        assertEquals(dump("--function", "total").stdout(), dump("--function", "total").stdout());
    }

    @Test
    void aFunctionLeftToTheInterpreterSaysWhyWithStatusThree() throws Exception {
        Pyjit.Outcome outcome = dump("--function", "big", "--stage", "bytecode,ir");
        assertEquals(3, outcome.exitCode());
        assertTrue(outcome.stdout().contains("=== big: bytecode ==="));
        assertTrue(outcome.stdout().contains("not compiled: too large to compile: 7505 bytecode instructions (at most 6000)"), outcome.stdout());
    }

    @Test
    void badInputIsExplained() throws Exception {
        Pyjit.Outcome unknownFunction = dump("--function", "nope");
        assertEquals(2, unknownFunction.exitCode());
        assertTrue(unknownFunction.stderr().contains("it has: total, norm, gen, big"), unknownFunction.stderr());
        Pyjit.Outcome unknownStage = dump("--stage", "nonsense");
        assertEquals(2, unknownStage.exitCode());
        assertTrue(unknownStage.stderr().contains("bytecode, ir, typed, opt, llvm, llvm-opt, asm"), unknownStage.stderr());
        Path broken = Files.writeString(directory.resolve("broken.py"), "def f(:\n");
        Pyjit.Outcome syntax = Pyjit.run(Map.of(), null, directory, "dump", broken.toString());
        assertEquals(1, syntax.exitCode());
        assertTrue(syntax.stderr().contains("SyntaxError"), syntax.stderr());
    }
}
