package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.llvm.NativeJit;
import java.util.List;
import java.util.Map;
import org.bytedeco.cpython.PyObject;

/**
 * The compiler's way into a program the native launcher started (launch.c): the launcher creates
 * the JVM, on a thread of its own, once a function first gets hot, and calls {@link #prepare},
 * which loads LLVM and starts the compiler without touching the program, then {@link #handOver},
 * which takes the GIL for an instant to hand the runtime the compiler's hooks; until then every
 * frame ran in the interpreter. The two are apart so that a program ending while LLVM loads exits
 * at once: the launcher calls handOver only if the program has not begun to exit, and once it has
 * begun, the exit waits for the hand-over alone.
 */
public final class Attach {
    private Attach() {}

    /**
     * The launcher's pyjit options, as {@code key=value} words: {@code threshold=N},
     * {@code stats=TARGET}, {@code sync}, {@code no-cache}; the environment supplies the rest, as
     * for {@code pyjit run}. The compiler, ready for {@link #handOver}, or null if it cannot
     * start; it never throws and never takes the GIL.
     */
    public static Jit prepare(String[] launcherOptions) {
        JitOptions options;
        try {
            options = optionsOf(List.of(launcherOptions), System.getenv());
        } catch (RuntimeException malformed) {
            return null;
        }
        try {
            NativeLibraries.loadListed();
            NativeJit.loadLibraries();
        } catch (RuntimeException | LinkageError failure) {
            if (options.debug()) {
                System.err.println("pyjit: cannot load LLVM: " + failure);
            }
            return null;
        }
        try {
            // before the GIL, which the program would wait for meanwhile: loading and starting the
            // compiler's classes takes 10-15 ms
            return new Jit(options);
        } catch (RuntimeException failure) {
            if (options.debug()) {
                System.err.println("pyjit: the compiler cannot start: " + failure);
            }
            return null;
        }
    }

    /** Hands the prepared compiler's hooks to the runtime, under the GIL: whether the compiler is attached. */
    public static boolean handOver(Jit jit) {
        boolean debug = jit.options().debug();
        int gil = PyGILState_Ensure();
        try {
            PyObject runtime = PyImport_ImportModule("_pyjit_rt");
            PyObject method = runtime == null ? null : PyObject_GetAttrString(runtime, "attach");
            PyObject hooks = PyTuple_New(2);
            Py_IncRef(jit.compileHook());
            PyTuple_SetItem(hooks, 0, jit.compileHook());  // the tuple takes a reference
            Py_IncRef(jit.exitHook());
            PyTuple_SetItem(hooks, 1, jit.exitHook());
            PyObject attached = method == null ? null : PyObject_CallObject(method, hooks);
            Py_DecRef(hooks);
            Py_XDECREF(method);
            Py_XDECREF(runtime);
            if (attached == null) {
                if (debug) {
                    System.err.println("pyjit: the compiler cannot attach to the program:");
                    PyErr_Print();
                }
                PyErr_Clear();
                return false;
            }
            Py_DecRef(attached);
            return true;
        } catch (RuntimeException | LinkageError failure) {
            if (debug) {
                System.err.println("pyjit: the compiler cannot attach to the program: " + failure);
            }
            return false;
        } finally {
            PyGILState_Release(gil);
        }
    }

    static JitOptions optionsOf(List<String> launcherOptions, Map<String, String> env) {
        Integer threshold = null;
        String stats = null;
        boolean synchronous = false, noCache = false;
        for (String option : launcherOptions) {
            if (option.startsWith("threshold=")) {
                threshold = Integer.valueOf(option.substring("threshold=".length()));
            } else if (option.startsWith("stats=")) {
                stats = option.substring("stats=".length());
            } else if (option.equals("sync")) {
                synchronous = true;
            } else if (option.equals("no-cache")) {
                noCache = true;
            } else {
                throw new IllegalArgumentException("unknown launcher option " + option);
            }
        }
        return JitOptions.fromEnvironment(env).withCommandLine(false, threshold, stats, synchronous, noCache);
    }
}
