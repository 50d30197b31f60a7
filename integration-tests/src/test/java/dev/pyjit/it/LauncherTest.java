package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native launcher starts the program with no JVM in the process, and the JVM (the compiler)
 * only once a function gets hot; the program goes on meanwhile and can end at any moment. The
 * programs ask the runtime where the compiler is, and look for the JVM's library among the
 * process's mappings.
 */
class LauncherTest {
    private static final String JVM_LOADED = String.join("\n",
            "import _pyjit_rt",
            "def jvm_loaded():",
            "    return _pyjit_rt.compiler_phase(), 'libjvm.so' in open('/proc/self/maps').read()",
            "");

    @TempDir
    Path directory;

    private Pyjit.Outcome inBackground(Map<String, String> environment, String program) throws Exception {
        Path script = Files.writeString(directory.resolve("program.py"), JVM_LOADED + program);
        Map<String, String> background = new HashMap<>(environment);
        background.put("PYJIT_SYNC", "0");
        return Pyjit.run(background, null, directory, script.toString());
    }

    @Test
    void aProgramThatNeverGetsHotNeverStartsTheJvm() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "def f(x):",
                "    return x + 1",
                "print(sum(f(i) for i in range(50)), jvm_loaded())",  // a generator's 50 resumptions: not hot
                "import argparse, json, subprocess, unittest",  // the standard library gets warm importing: not hot either
                "print(jvm_loaded())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "1275 ('idle', False)\n('idle', False)\n", ""), outcome);
    }

    /**
     * Time a program spends waiting in C code (a lock, a read, a sleep) is not the function's that
     * waits: sampled, a pool's parent waiting for its workers started a compiler for Condition.wait.
     */
    @Test
    void aProgramThatWaitsNeverStartsTheJvm() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "import threading, time",
                "def nap(lock):",
                "    time.sleep(0.02)",
                "    lock.acquire(timeout=0.02)",
                "lock = threading.Lock()",
                "lock.acquire()",
                "for _ in range(10):",  // few waits, long ones: nap runs Python code for too short a time to be sampled
                "    nap(lock)",
                "print(jvm_loaded())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "('idle', False)\n", ""), outcome);
    }

    /**
     * Hotness is processor time: a wait that keeps the GIL (a C function called through
     * ctypes.PyDLL) uses none, like a thread descheduled on a busy machine, where the pool's parent
     * of aChildForkedWhileTheCompilerIsIdleCompilesWithItsOwn started a compiler for a function of
     * 0.2 ms. Counted by the clock, 20 waits of 5 ms are a hundred samples.
     */
    @Test
    void aWaitHoldingTheGilIsNotHot() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of("PYJIT_DEBUG", "1"), String.join("\n",
                "import ctypes",
                "libc = ctypes.PyDLL(None)",
                "def waits():",
                "    libc.usleep(5000)",
                "for _ in range(20):",
                "    waits()",
                "print(jvm_loaded())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "('idle', False)\n", ""), outcome);
    }

    /**
     * A function without a loop sampled again in the same activation spends it in C code, which
     * its native code would not make faster (the pool's parent of
     * aChildForkedWhileTheCompilerIsIdleCompilesWithItsOwn read /proc/self/maps for 2 ms of a busy
     * machine's processor and started a compiler): a long call counts once, while the same
     * function called again and again gets hot.
     */
    @Test
    void aLongCallOfCodeWithoutALoopIsNotHot() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "import _pyjit_rt, time",
                "def adds(n):",
                "    return sum(range(n)) + sum(range(n)) + sum(range(n))",  // a sample pending in a call is taken after it
                "print(adds(10_000_000), jvm_loaded())",
                "deadline = time.monotonic() + 60",
                "while _pyjit_rt.compiler_phase() == 'idle' and time.monotonic() < deadline:",
                "    adds(20_000)",
                "print(_pyjit_rt.compiler_phase() != 'idle')",
                ""));
        assertEquals(new Pyjit.Outcome(0, "149999985000000 ('idle', False)\nTrue\n", ""), outcome);
    }

    /**
     * A function whose time goes to sum() of a generator expression is met by the sampler only
     * between the sums; the generator's samples count for it too, so that it gets compiled, and
     * its sum() then has the generator's code consume the items.
     */
    @Test
    void aGeneratorsSamplesCountForTheFunctionItRunsFor() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "import _pyjit_rt, time",
                "def rows(n, count):",
                "    return [sum(j * 0.5 for j in range(n)) for _ in range(count)]",
                "items = next(c for c in rows.__code__.co_consts if hasattr(c, 'co_code'))",
                "deadline = time.monotonic() + 60",
                // 20 samples are 20 ms of the program's processor time, before the JVM could answer
                "while _pyjit_rt.samples(items) < 20 and time.monotonic() < deadline:",
                "    rows(20_000, 5)",
                "counted = _pyjit_rt.samples(rows.__code__), _pyjit_rt.samples(items)",
                "while not _pyjit_rt.is_compiled(rows.__code__) and time.monotonic() < deadline:",
                "    rows(20_000, 5)",
                "print(counted[0] >= counted[1] >= 20, _pyjit_rt.is_compiled(rows.__code__))",
                ""));
        assertEquals(new Pyjit.Outcome(0, "True True\n", ""), outcome);
    }

    @Test
    void theCompilerStartsWhenAFunctionGetsHotAndTheProgramGoesOnMeanwhile() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of("PYJIT_THRESHOLD", "2"), String.join("\n",
                "import _pyjit_rt, time",
                "def f(x):",
                "    return x + 1",
                "calls, deadline = 0, time.monotonic() + 60",
                "while not _pyjit_rt.is_compiled(f.__code__) and time.monotonic() < deadline:",
                "    calls = f(calls)",
                "f(calls)",  // native code runs from the next frame on
                "print(_pyjit_rt.is_compiled(f.__code__), calls > 2, _pyjit_rt.first_native_entry() > 0, jvm_loaded())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "True True True ('attached', True)\n", ""), outcome);
    }

    /**
     * The function that got hot first is compiled as soon as the compiler attaches, with no frame
     * of it since; the interpreter runs at its own speed until that first answer, and the
     * evaluator is back once it is in (g's frames then count and run natively).
     */
    @Test
    void theFunctionThatStartedTheCompilerIsCompiledWithoutAnotherCall() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of("PYJIT_THRESHOLD", "100"), String.join("\n",
                "import _pyjit_rt, time",
                "def f(x):",
                "    return x + 1",
                "def g(x):",
                "    return x * 2",
                "for i in range(150):",  // hot at its 100th frame; never called again
                "    f(i)",
                "deadline = time.monotonic() + 30",
                "while not _pyjit_rt.is_compiled(f.__code__) and time.monotonic() < deadline:",
                "    time.sleep(0.01)",
                "while not _pyjit_rt.is_compiled(g.__code__) and time.monotonic() < deadline:",
                "    g(1)",
                "g(1)",
                "print(_pyjit_rt.is_compiled(f.__code__), _pyjit_rt.is_compiled(g.__code__), _pyjit_rt.first_native_entry() > 0)",
                ""));
        assertEquals(new Pyjit.Outcome(0, "True True True\n", ""), outcome);
    }

    /**
     * A function that got hot while the JVM starts is asked for once, not at every sample: each
     * request makes its cache key and its callees' digests on the program's thread (about 200 of
     * them before the compiler attached, with the sampler's 1 ms ticks). It is asked again when
     * the compiler attaches.
     */
    @Test
    void aFunctionIsAskedForOnceWhileTheCompilerStarts() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "import _pyjit_rt, time",
                "def hot(x):",
                "    return x + 1",
                "t, deadline = 0, time.monotonic() + 60",
                "while _pyjit_rt.compiler_phase() != 'attached' and time.monotonic() < deadline:",
                "    t = hot(t)",
                "print(_pyjit_rt.compiler_phase(), _pyjit_rt.requests_made())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "attached 2\n", ""), outcome);
    }

    /** The JVM is still starting, or attaching, when the program ends: the program's ending is untouched. */
    @Test
    void aProgramEndsWhileTheCompilerIsStarting() throws Exception {
        for (int spin : new int[] {0, 1_000, 30_000, 300_000}) {
            Pyjit.Outcome outcome = inBackground(Map.of("PYJIT_THRESHOLD", "1"), String.join("\n",
                    "import sys",
                    "def f(x):",
                    "    return x + 1",
                    "total = 0",
                    "for i in range(" + spin + " + 2):",
                    "    total = f(total)",
                    "print(total)",
                    "sys.exit(3)",
                    ""));
            assertEquals(new Pyjit.Outcome(3, (spin + 2) + "\n", ""), outcome, "after " + spin + " calls");
        }
    }

    /**
     * A program that ends while LLVM loads does not wait for the compiler to attach (a short
     * program would pay for LLVM's whole load): the compiler never attaches, as PYJIT_DEBUG's
     * report shows, and the exit status and output are the program's.
     */
    @Test
    void aProgramEndingWhileLlvmLoadsDoesNotWaitForTheCompiler() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of("PYJIT_THRESHOLD", "1", "PYJIT_DEBUG", "1"), String.join("\n",
                "import _pyjit_rt, sys, time",
                "def f(x):",
                "    return x + 1",
                "t, deadline = 0, time.monotonic() + 60",
                "while _pyjit_rt.compiler_phase() != 'attaching' and time.monotonic() < deadline:",
                "    t = f(t)",
                "print(_pyjit_rt.compiler_phase())",
                "sys.exit(4)",
                ""));
        assertEquals(4, outcome.exitCode(), outcome.stderr());
        assertEquals("attaching\n", outcome.stdout());
        assertTrue(outcome.stderr().startsWith("pyjit: starting the compiler"), outcome.stderr());
        assertFalse(outcome.stderr().contains("attached"), outcome.stderr());
    }

    /** Waits, in the program, until the compiler is attached: the JVM's threads run in the process. */
    private static final String WITH_THE_JVM = String.join("\n",
            "import time",
            "def hot(x):",
            "    return x + 1",
            "t, deadline = 0, time.monotonic() + 60",
            "while _pyjit_rt.compiler_phase() != 'attached' and time.monotonic() < deadline:",
            "    t = hot(t)",
            "");

    /**
     * HotSpot writes its performance-data file by changing the process's working directory for a
     * moment: a program that opened a relative path meanwhile found it in /tmp/hsperfdata_<user>.
     * The JVM runs without that file; the working directory stays the program's.
     */
    @Test
    void theWorkingDirectoryStaysTheProgramsWhileTheJvmStarts() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of("PYJIT_THRESHOLD", "1"), String.join("\n",
                "import os, time",
                "def hot(x):",
                "    return x + 1",
                "start, seen, t, deadline = os.getcwd(), set(), 0, time.monotonic() + 60",
                "while _pyjit_rt.compiler_phase() != 'attached' and time.monotonic() < deadline:",
                "    t = hot(t)",
                "    seen.add(os.getcwd())",
                "print(seen == {start}, _pyjit_rt.compiler_phase())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "True attached\n", ""), outcome);
    }

    @Test
    void everyExitStatusIsTheProgramsOwn() throws Exception {
        Files.writeString(directory.resolve("minus.py"), "print('ran once')\nimport sys\nsys.exit(-1)\n");
        Pyjit.Outcome module = Pyjit.run(Map.of("PYJIT_SYNC", "0"), null, directory, "-m", "minus");
        assertEquals(new Pyjit.Outcome(255, "ran once\n", ""), module, "-1 is a status like any other, under -m too");
        Pyjit.Outcome attached = inBackground(Map.of(), WITH_THE_JVM + "import sys\nprint(jvm_loaded())\nsys.exit(3)\n");
        assertEquals(new Pyjit.Outcome(3, "('attached', True)\n", ""), attached, "sys.exit() with the JVM's threads running");
    }

    @Test
    void aForkedChildEndsWithItsOwnStatus() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), WITH_THE_JVM + String.join("\n",
                "import os",
                "for code in ('raise ValueError', 'raise SystemExit(5)', 'pass'):",
                "    pid = os.fork()",
                "    if pid == 0:",
                "        import sys",
                "        sys.stderr = open(os.devnull, 'w')",
                "        exec(code)",
                "        sys.exit(0)",
                "    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))",
                ""));
        assertEquals(new Pyjit.Outcome(0, "1\n5\n0\n", ""), outcome);
    }

    /**
     * The signals sent to the process go to the program's thread, as in python3, where it is the
     * process's main thread: every thread of the runtime and the JVM blocks them. Java's process
     * reaper, made by a synchronous compilation that ran the linker on the program's thread, and
     * the thread that watches for a tracer to go, made by the program's thread, did not, and took
     * a SIGINT now and then (test_signal's test_pidfd_send_signal: "KeyboardInterrupt not raised").
     */
    @Test
    void onlyTheProgramsThreadTakesTheSignalsSentToTheProcess() throws Exception {
        Path script = Files.writeString(directory.resolve("masks.py"), String.join("\n",
                "import os, sys, threading",
                "def threads_taking_sigint():",
                "    taking = []",
                "    for task in os.listdir('/proc/self/task'):",
                "        with open(f'/proc/self/task/{task}/status') as status:",
                "            for line in status:",
                "                if line.startswith('SigBlk:') and not int(line.split()[1], 16) & (1 << (2 - 1)):",
                "                    taking.append(int(task))",
                "    return taking",
                "def traced():",
                "    return 1",
                "sys.settrace(lambda *args: None)",  // a debugger's, say
                "traced()",
                "print(threads_taking_sigint() == [threading.get_native_id()], len(os.listdir('/proc/self/task')) > 5)",
                "sys.settrace(None)",
                ""));
        // with a code cache, whose libraries the linker makes
        Map<String, String> environment = Map.of("PYJIT_THRESHOLD", "0", "PYJIT_CACHE", "1", "XDG_CACHE_HOME", directory.resolve("cache").toString(),
                "PYJIT_BUILD", "launcher-test");
        assertEquals(new Pyjit.Outcome(0, "True True\n", ""), Pyjit.run(environment, null, directory, script.toString()));
    }

    /**
     * A child forked from another thread than the program's ends when its last thread ends, as
     * CPython's does (test_threading's test_3_join_in_forked_from_thread): it hung for ever, kept
     * alive by the sampler it started for a compiler of its own.
     */
    @Test
    void aChildForkedFromAnotherThreadEndsWithItsLastThread() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "import os, threading, warnings",
                "warnings.simplefilter('ignore', DeprecationWarning)",  // fork() in a process of threads
                "main_thread = threading.current_thread()",
                "def joining(main):",
                "    main.join()",
                "    print('child: the main thread is stopped', flush=True)",
                "def worker():",
                "    pid = os.fork()",
                "    if pid:",
                "        print('child exit status', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)",
                "        return",
                "    t = threading.Thread(target=joining, args=(main_thread,))",
                "    t.start()",
                "    t.join()",
                "    print('child: worker done', jvm_loaded(), flush=True)",
                "w = threading.Thread(target=worker)",
                "w.start()",
                "w.join()",
                ""));
        assertEquals(new Pyjit.Outcome(0, "child: the main thread is stopped\nchild: worker done ('idle', False)\nchild exit status 0\n", ""), outcome);
    }

    /**
     * A child forked before any function got hot (multiprocessing's workers, forked as a pool
     * starts, by the program or by the fork server) finds its own hot code and starts a compiler of
     * its own, since its parent has none to lose; the parent stays without one.
     */
    @Test
    void aChildForkedWhileTheCompilerIsIdleCompilesWithItsOwn() throws Exception {
        Pyjit.Outcome outcome = throughThePyjitCommand(Map.of(), JVM_LOADED + String.join("\n",
                "import multiprocessing, time",
                "def spin(n):",
                "    total = 0",
                "    for i in range(n):",
                "        total += i % 7",
                "    return total",
                "def in_worker(_):",
                "    deadline = time.monotonic() + 60",
                "    while not _pyjit_rt.is_compiled(spin.__code__) and time.monotonic() < deadline:",
                "        spin(20000)",
                "    spin(10)",  // native code runs from the next call on
                "    return _pyjit_rt.is_compiled(spin.__code__), _pyjit_rt.first_native_entry() > 0, jvm_loaded()",
                "if __name__ == '__main__':",
                "    for method in ('fork', 'forkserver'):",
                "        with multiprocessing.get_context(method).Pool(2) as pool:",
                "            print(method, pool.map(in_worker, range(2)), _pyjit_rt.first_native_entry(), jvm_loaded())",
                ""));
        String workers = "[(True, True, ('attached', True)), (True, True, ('attached', True))] 0 ('idle', False)\n";
        assertEquals(new Pyjit.Outcome(0, "fork " + workers + "forkserver " + workers, ""), outcome);
    }

    /**
     * A pool's worker ends with os._exit, past every exit handler, and a short one before its own
     * compiler could start (a second after its fork): so each spools its requests as it makes them,
     * and the program's own process starts the cache's filler for them at its exit. The next run's
     * workers load that code from the native cache and start no JVM. The first run's workers run
     * for 0.3 s, hundreds of the sampler's ticks; their hot function is called briefly and often,
     * from C, so that both runs ask for it as a call.
     */
    @Test
    void aPoolsWorkersLeaveTheirRequestsToTheFillerForTheNextRunsWorkers() throws Exception {
        String program = JVM_LOADED + String.join("\n",
                "import multiprocessing, sys, time",
                "def spin(n):",
                "    total = 0",
                "    for i in range(n):",
                "        total += i % 7",
                "    return total",
                "def in_worker(seconds):",
                "    deadline = time.monotonic() + seconds",
                "    while not _pyjit_rt.is_compiled(spin.__code__) and time.monotonic() < deadline:",
                "        sum(map(spin, [200] * 50))",
                "    spin(10)",
                "    return _pyjit_rt.is_compiled(spin.__code__), _pyjit_rt.first_native_entry() > 0, jvm_loaded()[1]",
                "if __name__ == '__main__':",
                "    seconds = float(sys.argv[1])",
                "    for method in ('fork', 'forkserver'):",
                "        with multiprocessing.get_context(method).Pool(2) as pool:",
                "            print(method, pool.map(in_worker, [seconds, seconds]))",
                "");
        Path cache = directory.resolve("cache");
        Map<String, String> cached = Map.of("PYJIT_CACHE", "1", "XDG_CACHE_HOME", cache.toString());
        String asked = "[(False, False, False), (False, False, False)]";
        assertEquals(new Pyjit.Outcome(0, "fork " + asked + "\nforkserver " + asked + "\n", ""),
                throughThePyjitCommand(cached, program, "0.3"));
        Path fill = cache.resolve("pyjit").resolve("fill");
        for (int tenths = 0; tenths < 1200 && hasSpools(fill); tenths++) {
            Thread.sleep(100);
        }
        assertFalse(hasSpools(fill), "the filler finished");
        String loaded = "[(True, True, False), (True, True, False)]";
        assertEquals(new Pyjit.Outcome(0, "fork " + loaded + "\nforkserver " + loaded + "\n", ""),
                throughThePyjitCommand(cached, program, "60"));
    }

    /** Whether a spool waits in the fill folder, or one a filler has taken. */
    private static boolean hasSpools(Path fill) throws IOException {
        try (Stream<Path> files = Files.list(fill)) {
            return files.anyMatch(file -> file.toString().endsWith(".spool") || file.toString().endsWith(".taken"));
        }
    }

    /**
     * multiprocessing's fork server forks the workers and runs none of the program's work: a JVM
     * started there (here at once, if the run's wait for the compiler applied to it) would be in
     * every worker.
     */
    @Test
    void multiprocessingsForkServerRunsWithoutTheJvm() throws Exception {
        Pyjit.Outcome outcome = throughThePyjitCommand(Map.of("PYJIT_SYNC", "1"), String.join("\n",
                "import concurrent.futures, multiprocessing",
                "def in_worker(n):",
                "    return n * n, 'libjvm.so' in open('/proc/self/maps').read()",
                "if __name__ == '__main__':",
                "    context = multiprocessing.get_context('forkserver')",
                "    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:",
                "        print(list(pool.map(in_worker, range(4))), 'libjvm.so' in open('/proc/self/maps').read())",
                ""));
        assertEquals(new Pyjit.Outcome(0, "[(0, False), (1, False), (4, False), (9, False)] True\n", ""), outcome);
    }

    /**
     * A program run by scripts/pyjit, as users run it: sys.executable, which multiprocessing's
     * helpers are started with, is then the launcher's command (the harness's is the JVM's).
     */
    private Pyjit.Outcome throughThePyjitCommand(Map<String, String> environment, String program, String... arguments) throws Exception {
        Path script = Files.writeString(directory.resolve("program.py"), program);
        List<String> command = new ArrayList<>(List.of(System.getProperty("pyjit.command"), script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PYJIT_") || name.equals("LD_PRELOAD"));
        builder.environment().put("PYJIT_CACHE", "0");
        builder.environment().put("PYJIT_SERVE_SECONDS", "0");  // a filler serving the cache would outlive the test
        builder.environment().putAll(environment);
        return Pyjit.outcome(builder, null);
    }

    /** HotSpot suspends its threads with a signal of its own choosing; by default SIGUSR2, which programs use. */
    @Test
    void theProgramKeepsSigusr2WhileTheJvmRuns() throws Exception {
        Pyjit.Outcome outcome = inBackground(Map.of(), String.join("\n",
                "import os, signal",
                "received = []",
                "signal.signal(signal.SIGUSR2, lambda *unused: received.append('SIGUSR2'))",
                WITH_THE_JVM,
                "os.kill(os.getpid(), signal.SIGUSR2)",
                "time.sleep(0.1)",
                "print(received, jvm_loaded(), '_JAVA_SR_SIGNUM' in os.environ)",
                ""));
        assertEquals(new Pyjit.Outcome(0, "['SIGUSR2'] ('attached', True) False\n", ""), outcome);
    }
}
