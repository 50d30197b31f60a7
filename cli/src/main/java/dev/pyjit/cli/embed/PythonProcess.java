package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.bytedeco.cpython.PyConfig;
import org.bytedeco.cpython.PyPreConfig;
import org.bytedeco.cpython.PyStatus;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Runs one Python program on the embedded CPython exactly as {@code python3.13 ARGV} would:
 * CPython parses the command line itself ({@code PyConfig.parse_argv}) and {@code Py_RunMain}
 * runs the program, prints uncaught exceptions and computes the exit status.
 *
 * <p>Python runs on a thread of its own with a large native stack, because CPython's recursion
 * guard assumes a main-thread-sized stack and the JVM's main thread is small. That thread is
 * CPython's main thread, so signals (Ctrl-C) are handled there as in python3.
 */
public final class PythonProcess {
    private static final long PYTHON_STACK_BYTES = 1L << 30;
    private static volatile Thread preparation;

    private PythonProcess() {}

    /**
     * Loads what takes longest before Python can run (finding the bundled CPython, loading it and
     * its JNI bindings) on a thread of its own, while the command line is parsed. Nothing else may
     * touch JavaCPP until it is done: JavaCPP's class initialisers and its loader lock can deadlock
     * across two threads, so {@link #initialise} waits for this thread first.
     */
    public static void prepareInBackground() {
        Thread loader = new Thread(() -> {
            try {
                Toolchain.pythonHome();
                Class.forName("org.bytedeco.cpython.global.python");
            } catch (IOException | ClassNotFoundException | LinkageError e) {
                // the Python thread meets the same failure and reports it
            }
        }, "pyjit-loader");
        loader.setDaemon(true);
        loader.start();
        preparation = loader;
    }

    private static void awaitPreparation() {
        Thread loader = preparation;
        if (loader == null) {
            return;
        }
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the program and returns its exit status. */
    public static int run(List<String> pythonArgs, JitOptions options, Path launcher) {
        return onPythonThread(() -> runOnThisThread(pythonArgs, options, launcher));
    }

    private static int onPythonThread(IntSupplier body) {
        AtomicInteger status = new AtomicInteger(1);
        Thread python = new Thread(null, () -> status.set(body.getAsInt()), "python-main", PYTHON_STACK_BYTES);
        python.start();
        try {
            python.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status.get();
    }

    /** Starts the interpreter with no program, runs {@code body} on the Python thread, and returns its status. */
    public static int withInterpreter(IntSupplier body) {
        return onPythonThread(() -> {
            int refused = initialise(List.of(), null);
            return refused >= 0 ? refused : body.getAsInt();
        });
    }

    private static int runOnThisThread(List<String> pythonArgs, JitOptions options, Path launcher) {
        int refused = initialise(pythonArgs, launcher);
        if (refused >= 0) {
            return refused;
        }
        try {
            Bootstrap.run(new Jit(options));
        } catch (IOException e) {
            System.err.println("pyjit: cannot load the runtime, running without the JIT: " + e.getMessage());
        }
        return Py_RunMain();
    }

    /**
     * Starts CPython as {@code python3.13 ARGS} would, with the bundled standard library. Returns -1
     * when it is up, or the exit status to end with when CPython refused (a bad option, say).
     */
    private static int initialise(List<String> pythonArgs, Path launcher) {
        awaitPreparation();
        try {
            Path home = Toolchain.pythonHome();
            List<String> argv = new ArrayList<>();
            argv.add(launcher != null ? launcher.toString() : "pyjit");
            argv.addAll(pythonArgs);
            PointerPointer<BytePointer> cArgv = new PointerPointer<>(argv.stream().map(BytePointer::new).toArray(BytePointer[]::new));
            // Pre-initialised from the command line, as python3.13 is: -X dev, -X utf8, -E and -I
            // act there. Setting a config string first would pre-initialise without them.
            PyPreConfig preconfig = new PyPreConfig();
            PyPreConfig_InitPythonConfig(preconfig);
            Integer refused = exitStatus(Py_PreInitializeFromBytesArgs(preconfig, argv.size(), cArgv));
            if (refused != null) {
                return refused;
            }
            PyConfig config = new PyConfig();
            PyConfig_InitPythonConfig(config);
            setString(config, "home", home.toString());
            setString(config, "executable", launcher != null ? launcher.toString() : home.resolve("bin/python3.13").toString());
            check(PyConfig_SetBytesArgv(config, argv.size(), cArgv));
            PyStatus initialised = Py_InitializeFromConfig(config);
            PyConfig_Clear(config);
            refused = exitStatus(initialised);
            return refused != null ? refused : -1;
        } catch (IOException e) {
            System.err.println("pyjit: cannot set up the bundled Python: " + e.getMessage());
            return 1;
        }
    }

    /** Null if CPython took the status well; the exit status it asks for; or it exits, reporting the error. */
    private static Integer exitStatus(PyStatus status) {
        if (PyStatus_Exception(status) == 0) {
            return null;
        }
        if (PyStatus_IsExit(status) != 0) {
            return status.exitcode();
        }
        Py_ExitStatusException(status);
        return 1;
    }

    private static void setString(PyConfig config, String field, String value) {
        // The address of the wchar_t* field itself; a Pointer's "position" would be scaled by the
        // element size once it became a PointerPointer, so the address is set directly.
        long fieldAddress = config.address() + config.offsetof(field);
        Pointer slot = new Pointer() {
            {
                address = fieldAddress;
            }
        };
        check(PyConfig_SetBytesString(config, new PointerPointer<>(slot), new BytePointer(value)));
    }

    private static void check(PyStatus status) {
        if (PyStatus_Exception(status) != 0) {
            Py_ExitStatusException(status);
        }
    }
}
