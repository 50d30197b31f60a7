package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.cpython.PyCFunction;
import org.bytedeco.cpython.PyMethodDef;
import org.bytedeco.cpython.PyObject;

/**
 * The JIT as the C runtime sees it: a Python callable that receives a function that reached
 * the call threshold and answers with the address of its native entry point, or 0 to leave
 * it to the interpreter. Nothing thrown inside the compiler reaches the Python program.
 */
final class Jit {
    private final JitOptions options;
    private final JitStats stats = new JitStats();
    private final FunctionCompiler compiler;
    private final PyMethodDef hookDefinition = new PyMethodDef();
    private final PyCFunction hookBody = new PyCFunction() {
        @Override
        public PyObject call(PyObject self, PyObject function) {
            return PyLong_FromLongLong(compile(function));
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
    private PyObject hook;
    private PyObject exitHook;
    private boolean finished;

    Jit(JitOptions options) {
        this.options = options;
        this.compiler = new FunctionCompiler();
    }

    JitOptions options() {
        return options;
    }

    PyObject hookObject() {
        if (hook == null) {
            hookDefinition.ml_name(new org.bytedeco.javacpp.BytePointer("pyjit_compile")).ml_meth(hookBody).ml_flags(METH_O);
            hook = PyCFunction_NewEx(hookDefinition, null, null);
        }
        return hook;
    }

    /** Registered with atexit: SystemExit ends the process inside CPython, before Py_RunMain returns. */
    PyObject exitHookObject() {
        if (exitHook == null) {
            exitDefinition.ml_name(new org.bytedeco.javacpp.BytePointer("pyjit_exit")).ml_meth(exitBody).ml_flags(METH_NOARGS);
            exitHook = PyCFunction_NewEx(exitDefinition, null, null);
        }
        return exitHook;
    }

    private long compile(PyObject function) {
        long started = System.nanoTime();
        FunctionCompiler.Result result;
        try {
            result = compiler.compile(function);
        } catch (Throwable failure) {
            result = FunctionCompiler.Result.failed(FunctionCompiler.describe(function), "compiler error: " + failure);
            if (options.debug()) {
                failure.printStackTrace();
            }
        }
        if (PyErr_Occurred() != null) {
            PyErr_Clear();
        }
        long nanos = System.nanoTime() - started;
        stats.record(result, nanos);
        if (result.address() == 0 && options.debug()) {
            System.err.println("pyjit: left to the interpreter: " + result.where() + ": " + result.reason());
        }
        return result.address();
    }

    /** At exit: write the statistics where they were asked for. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        String target = options.statsTarget();
        if (target == null) {
            return;
        }
        String json = stats.toJson();
        if (target.equals("-")) {
            PrintStream err = System.err;
            err.println(json);
            err.flush();
            return;
        }
        try {
            Files.writeString(Path.of(target), json + "\n");
        } catch (IOException e) {
            System.err.println("pyjit: cannot write stats to " + target + ": " + e.getMessage());
        }
    }
}
