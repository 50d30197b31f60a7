package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.Type;
import dev.pyjit.llvm.PerfMap;
import dev.pyjit.llvm.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.cpython.PyCFunction;
import org.bytedeco.cpython.PyMethodDef;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.javacpp.BytePointer;

/**
 * The JIT as Python sees it: two callables implemented in Java. The compile hook receives a
 * function that reached its call threshold (or whose quick code did, for optimised code), the
 * types its positional arguments were seen with (a tuple of {@link Type} bit sets), the handle of
 * its earlier native code (0: none), the handles of code objects that died since the last call,
 * the {@link Tier} asked for, then the generic flag, the loop header and local types of an
 * on-stack replacement, the native code cache key and the callees the runtime found for inlining
 * ({@link KnownCallees}). It snapshots the function and compiles it on the
 * {@link BackgroundCompiler}'s thread, answering None (the runtime then waits for publish()), or,
 * with {@code --jit-sync}, at once: an {@link Answer}. Nothing thrown inside the compiler reaches
 * the program. The exit hook stops the compiler's thread and writes the statistics.
 */
final class Jit {
    // The C structs point at these names: they live as long as the class does.
    private static final BytePointer COMPILE_NAME = new BytePointer("pyjit_compile");
    private static final BytePointer EXIT_NAME = new BytePointer("pyjit_exit");

    /**
     * The native entry point (0: stay interpreted), the argument types it is specialised for, its
     * handle, its tier, and for an on-stack replacement the loop header it enters at (a bytecode
     * offset; -1 for code entered at calls) and the types of all the locals in place of arguments.
     */
    record Answer(long address, List<Type> specialisedFor, long handle, Tier tier, int loopHeader) {
        static Answer none(long handle, Tier tier, int loopHeader) {
            return new Answer(0, List.of(), handle, tier, loopHeader);
        }

        PyObject toPython() {
            PyObject guards = PyTuple_New(specialisedFor.size());
            for (int i = 0; i < specialisedFor.size(); i++) {
                PyTuple_SetItem(guards, i, PyLong_FromLong(specialisedFor.get(i).bits()));
            }
            PyObject answer = PyTuple_New(5);
            PyTuple_SetItem(answer, 0, PyLong_FromLongLong(address));
            PyTuple_SetItem(answer, 1, guards);
            PyTuple_SetItem(answer, 2, PyLong_FromLongLong(handle));
            PyTuple_SetItem(answer, 3, PyLong_FromLong(tier.number()));
            // the runtime counts code units
            PyTuple_SetItem(answer, 4, PyLong_FromLong(loopHeader < 0 ? -1 : loopHeader / 2));
            return answer;
        }
    }

    private final JitOptions options;
    private final JitStats stats = new JitStats();
    private final FunctionCompiler compiler;
    private final NativeCodes codes = new NativeCodes();
    private final BackgroundCompiler background;
    private final PyMethodDef compileDefinition = new PyMethodDef();
    private final PyCFunction compileBody = new PyCFunction() {
        @Override
        public PyObject call(PyObject self, PyObject arguments) {
            try {
                int loopHeaderUnit = (int) PyLong_AsLong(PyTuple_GetItem(arguments, 6));
                return request(PyTuple_GetItem(arguments, 0), observedTypes(PyTuple_GetItem(arguments, 1)),
                        PyLong_AsLongLong(PyTuple_GetItem(arguments, 2)), handles(PyTuple_GetItem(arguments, 3)),
                        Tier.of((int) PyLong_AsLong(PyTuple_GetItem(arguments, 4))), PyLong_AsLong(PyTuple_GetItem(arguments, 5)) != 0,
                        loopHeaderUnit < 0 ? -1 : loopHeaderUnit * 2, observedTypes(PyTuple_GetItem(arguments, 7)),
                        nativeKey(PyTuple_GetItem(arguments, 8)), PyTuple_GetItem(arguments, 9), PyLong_AsLongLong(PyTuple_GetItem(arguments, 10)));
            } catch (RuntimeException | LinkageError failure) {
                reportFailure(FunctionCompiler.Where.UNKNOWN, "compiler error: " + failure, failure);
                return Answer.none(0, Tier.OPTIMISED, -1).toPython();
            }
        }
    };
    private final PyMethodDef exitDefinition = new PyMethodDef();
    private final PyCFunction exitBody = new PyCFunction() {
        @Override
        public PyObject call(PyObject self, PyObject unused) {
            finish();
            PyObject none = _Py_NoneStruct();
            Py_IncRef(none);
            return none;
        }
    };
    /**
     * The compiler whose hooks the interpreter holds. Their definitions and callback thunks are
     * native memory this object owns, and JavaCPP's callbacks keep only weak references: were this
     * object collected while the program runs, the next hook call would jump through freed memory.
     */
    private static Jit hooked;
    private PyObject compileHook;
    private PyObject exitHook;
    private boolean finished;

    Jit(JitOptions options) {
        this.options = options;
        this.compiler = new FunctionCompiler(options.cacheDirectory() == null || options.irDump() != null ? null
                : new CodeCache(options.cacheDirectory(), CodeCache.DEFAULT_MAX_BYTES),
                options.perfMap() ? new PerfMap(ProcessHandle.current().pid()) : null, options.irDump(), options.compileDelegators());
        this.background = options.enabled() && !options.synchronous() ? new BackgroundCompiler() : null;
    }

    JitOptions options() {
        return options;
    }

    /** What the runtime loaded from the native code cache, for the statistics. */
    private void nativeCacheReport() {
        askRuntime("native_cache", report -> {
            if (PyTuple_Size(report) != 2) {
                return;
            }
            PyObject functions = PyTuple_GetItem(report, 1);
            stats.nativeCacheHits(PyLong_AsLong(PyTuple_GetItem(report, 0)));
            for (long i = 0; i < PyList_Size(functions); i++) {
                PyObject item = PyList_GetItem(functions, i);
                stats.loadedFromNativeCache(where(item), Tier.of((int) PyLong_AsLong(PyTuple_GetItem(item, 3))),
                        observedTypes(PyTuple_GetItem(item, 4)), PyLong_AsLongLong(PyTuple_GetItem(item, 5)),
                        PyLong_AsLongLong(PyTuple_GetItem(item, 6)), inlinedNames(PyTuple_GetItem(item, 7)));
            }
        });
    }

    /** Where native code deoptimised, as the runtime counted it (deopt_lines()). */
    private void deoptLinesReport() {
        askRuntime("deopt_lines", report -> {
            for (long i = 0; i < PyList_Size(report); i++) {
                PyObject item = PyList_GetItem(report, i);
                stats.deoptLine(where(item), (int) PyLong_AsLong(PyTuple_GetItem(item, 3)), PyLong_AsLongLong(PyTuple_GetItem(item, 4)));
            }
        });
    }

    /** A function as the runtime's reports name it: (file, first line, qualified name, ...). */
    private static FunctionCompiler.Where where(PyObject item) {
        return new FunctionCompiler.Where(PyUnicode_AsUTF8(PyTuple_GetItem(item, 0)).getString(),
                (int) PyLong_AsLong(PyTuple_GetItem(item, 1)), PyUnicode_AsUTF8(PyTuple_GetItem(item, 2)).getString());
    }

    /** A time the runtime recorded: first_native_entry or launched_at (ns since the epoch, 0: never). */
    private static long runtimeNumber(String function) {
        long[] nanos = {0};
        askRuntime(function, time -> nanos[0] = PyLong_AsLongLong(time));
        return nanos[0];
    }

    /** The runtime's counts ({@link JitStats#RUNTIME_COUNTS}), as its counts() gives them; none if it cannot. */
    private static Map<String, Long> runtimeCounts() {
        Map<String, Long> counted = new LinkedHashMap<>();
        askRuntime("counts", counts -> {
            for (String name : JitStats.RUNTIME_COUNTS) {
                PyObject count = PyDict_GetItemString(counts, name);
                if (count != null) {
                    counted.put(name, PyLong_AsLongLong(count));
                }
            }
        });
        return counted;
    }

    /**
     * Calls a function of the runtime module without arguments and hands its result to the reader;
     * nothing if it fails. Any error is cleared: the statistics do without what they cannot read.
     */
    private static void askRuntime(String function, Consumer<PyObject> reader) {
        PyObject runtime = PyImport_ImportModule("_pyjit_rt");
        PyObject result = runtime == null ? null : PyObject_CallMethod(runtime, function, null);
        if (result != null) {
            reader.accept(result);
        }
        PyErr_Clear();
        Py_XDECREF(result);
        Py_XDECREF(runtime);
    }

    PyObject compileHook() {
        if (compileHook == null) {
            compileHook = callable(compileDefinition, COMPILE_NAME, compileBody, METH_VARARGS);
        }
        return compileHook;
    }

    /** Whether the exit hook has work: a compiler thread to stop, or stats to write. */
    boolean needsExitHook() {
        return background != null || options.statsTarget() != null;
    }

    /** Registered with atexit: SystemExit ends the process inside CPython, before Py_RunMain returns. */
    PyObject exitHook() {
        if (exitHook == null) {
            exitHook = callable(exitDefinition, EXIT_NAME, exitBody, METH_NOARGS);
        }
        return exitHook;
    }

    private PyObject callable(PyMethodDef definition, BytePointer name, PyCFunction body, int flags) {
        hooked = this;
        definition.ml_name(name).ml_meth(body).ml_flags(flags);
        return PyCFunction_NewEx(definition, null, null);
    }

    /** The inlined bodies' names a library exports (see Inlined.asText), from the runtime's str; none for anything else. */
    private static List<String> inlinedNames(PyObject text) {
        BytePointer utf8 = text == null ? null : PyUnicode_AsUTF8(text);
        String lines = utf8 == null || utf8.isNull() ? "" : utf8.getString();
        PyErr_Clear();
        return Inlined.fromText(lines);
    }

    private static List<Type> observedTypes(PyObject tuple) {
        List<Type> types = new ArrayList<>();
        for (long i = 0; i < PyTuple_Size(tuple); i++) {
            types.add(new Type(PyLong_AsLong(PyTuple_GetItem(tuple, i))));
        }
        return types;
    }

    /** The runtime's key for the native code cache: a str, or None when it keeps none. */
    private static String nativeKey(PyObject key) {
        if (key == null || key.address() == _Py_NoneStruct().address()) {
            return null;
        }
        BytePointer text = PyUnicode_AsUTF8(key);
        PyErr_Clear();
        return text == null || text.isNull() ? null : text.getString();
    }

    private static long[] handles(PyObject tuple) {
        long[] handles = new long[(int) PyTuple_Size(tuple)];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = PyLong_AsLongLong(PyTuple_GetItem(tuple, i));
        }
        return handles;
    }

    /**
     * {@code generic}: the code's speculations kept failing; compile it without the interpreter's
     * specialisations of types. {@code loopHeader} (a bytecode offset, -1: none): compile an
     * on-stack replacement entered there, while the locals are of {@code localTypes}.
     */
    private PyObject request(PyObject function, List<Type> observed, long handle, long[] dead, Tier tier, boolean generic,
                             int loopHeader, List<Type> localTypes, String nativeKey, PyObject callees, long samples) {
        if (dead.length > 0) {
            onCompilerThread(null, () -> codes.release(dead, compiler, stats));
        }
        FunctionCompiler.Snapshot snapshot;
        try {
            snapshot = FunctionCompiler.snapshot(function, observed, tier, generic, loopHeader, localTypes, nativeKey, callees);
        } catch (RuntimeException unreadable) {
            PyErr_Clear();
            reportFailure(FunctionCompiler.Where.UNKNOWN, "cannot read the function: " + unreadable, unreadable);
            return Answer.none(handle, tier, loopHeader).toPython();
        }
        if (background == null) {
            FunctionCompiler.Result result = compile(snapshot);
            Answer answer = answer(snapshot, result, handle);
            compiler.keepLibrary(snapshot, result, answer.tier());
            return answer.toPython();
        }
        PyObject code = PyObject_GetAttrString(function, "__code__");
        background.submit(snapshot.where(), BackgroundCompiler.Job.samplesAt(samples), () -> {
            // whatever happens in the compiler, the code object hears an answer: else it stays queued
            Answer answer = Answer.none(handle, tier, loopHeader);
            FunctionCompiler.Result result = null;
            try {
                result = compile(snapshot);
                answer = answer(snapshot, result, handle);
            } finally {
                background.publish(code, answer);
            }
            // after the answer: the program is not to wait for the linker
            compiler.keepLibrary(snapshot, result, answer.tier());
        });
        PyObject none = _Py_NoneStruct();
        Py_IncRef(none);
        return none;
    }

    private void onCompilerThread(FunctionCompiler.Where where, Runnable job) {
        if (background == null) {
            job.run();
        } else {
            background.submit(where, null, job);
        }
    }

    /** On the compiler's thread (or the program's, with --jit-sync): needs no GIL. */
    private FunctionCompiler.Result compile(FunctionCompiler.Snapshot snapshot) {
        snapshot.clock().skip();
        FunctionCompiler.Result result = compiler.compile(snapshot);
        stats.record(result, snapshot.clock());
        return result;
    }

    private Answer answer(FunctionCompiler.Snapshot snapshot, FunctionCompiler.Result result, long handle) {
        if (result.code() == null) {
            reportFailure(result.where(), result.reason(), result.failure());
            return Answer.none(handle, result.tier(), snapshot.loopHeader());
        }
        return new Answer(result.address(), result.specialisedFor(), codes.add(handle, result.where(), result.code()), result.answeredTier(),
                snapshot.loopHeader());
    }

    private void reportFailure(FunctionCompiler.Where where, String reason, Throwable failure) {
        if (options.debug()) {
            System.err.println("pyjit: left to the interpreter: " + where + ": " + reason);
            if (failure != null) {
                failure.printStackTrace();
            }
        }
    }

    /** At exit, once: write the statistics where they were asked for. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (background != null) {
            // The native launcher ends the process with _exit, before any library's static
            // destructors (launch.c): a compilation under way never meets them, and nobody waits
            // for its result unless the statistics count it.
            boolean wait = options.statsTarget() != null || runtimeNumber("launched_at") == 0;
            background.close(wait).stream().filter(job -> job.where() != null).forEach(job -> stats.unfinished(job.where()));
            stats.queueMax(background.waitingMax());
        }
        String target = options.statsTarget();
        if (target == null) {
            return;
        }
        stats.firstNativeEntry(runtimeNumber("first_native_entry"), runtimeNumber("launched_at"));
        stats.runtimeCounts(runtimeCounts());
        nativeCacheReport();
        deoptLinesReport();
        String json = stats.toJson();
        if (target.equals("-")) {
            System.err.println(json);
            System.err.flush();
            return;
        }
        try {
            Files.writeString(Path.of(target), json + "\n");
        } catch (IOException e) {
            System.err.println("pyjit: cannot write stats to " + target + ": " + e.getMessage());
        }
    }
}
