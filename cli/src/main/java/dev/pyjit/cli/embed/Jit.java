package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.ir.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cpython.PyCFunction;
import org.bytedeco.cpython.PyMethodDef;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.javacpp.BytePointer;

/**
 * The JIT as Python sees it: two callables implemented in Java. The compile hook receives a
 * function that reached its call threshold, with the types its positional arguments were seen
 * with (a tuple of {@link Type} bit sets), and answers with the address of its native entry point
 * (0 to leave it to the interpreter) and the argument types that code is specialised for; nothing
 * thrown inside the compiler reaches the program. The exit hook writes the statistics.
 */
final class Jit {
    // The C structs point at these names: they live as long as the class does.
    private static final BytePointer COMPILE_NAME = new BytePointer("pyjit_compile");
    private static final BytePointer EXIT_NAME = new BytePointer("pyjit_exit");

    private final JitOptions options;
    private final JitStats stats = new JitStats();
    private final FunctionCompiler compiler = new FunctionCompiler();
    private final PyMethodDef compileDefinition = new PyMethodDef();
    private final PyCFunction compileBody = new PyCFunction() {
        @Override
        public PyObject call(PyObject self, PyObject arguments) {
            FunctionCompiler.Result result = compile(PyTuple_GetItem(arguments, 0), observedTypes(PyTuple_GetItem(arguments, 1)));
            PyObject guards = PyTuple_New(result.specialisedFor().size());
            for (int i = 0; i < result.specialisedFor().size(); i++) {
                PyTuple_SetItem(guards, i, PyLong_FromLong(result.specialisedFor().get(i).bits()));
            }
            PyObject answer = PyTuple_New(2);
            PyTuple_SetItem(answer, 0, PyLong_FromLongLong(result.address()));
            PyTuple_SetItem(answer, 1, guards);
            return answer;
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
    private PyObject compileHook;
    private PyObject exitHook;
    private boolean finished;

    Jit(JitOptions options) {
        this.options = options;
    }

    JitOptions options() {
        return options;
    }

    PyObject compileHook() {
        if (compileHook == null) {
            compileHook = callable(compileDefinition, COMPILE_NAME, compileBody, METH_VARARGS);
        }
        return compileHook;
    }

    /** Registered with atexit: SystemExit ends the process inside CPython, before Py_RunMain returns. */
    PyObject exitHook() {
        if (exitHook == null) {
            exitHook = callable(exitDefinition, EXIT_NAME, exitBody, METH_NOARGS);
        }
        return exitHook;
    }

    private static PyObject callable(PyMethodDef definition, BytePointer name, PyCFunction body, int flags) {
        definition.ml_name(name).ml_meth(body).ml_flags(flags);
        return PyCFunction_NewEx(definition, null, null);
    }

    private static List<Type> observedTypes(PyObject tuple) {
        List<Type> types = new ArrayList<>();
        for (long i = 0; i < PyTuple_Size(tuple); i++) {
            types.add(new Type(PyLong_AsLong(PyTuple_GetItem(tuple, i))));
        }
        return types;
    }

    private FunctionCompiler.Result compile(PyObject function, List<Type> observed) {
        long started = System.nanoTime();
        FunctionCompiler.Result result = compiler.compile(function, observed);
        if (PyErr_Occurred() != null) {
            PyErr_Clear();
        }
        stats.record(result, System.nanoTime() - started);
        if (result.address() == 0 && options.debug()) {
            System.err.println("pyjit: left to the interpreter: " + result.where() + ": " + result.reason());
            if (result.failure() != null) {
                result.failure().printStackTrace();
            }
        }
        return result;
    }

    /** At exit, once: write the statistics where they were asked for. */
    void finish() {
        String target = options.statsTarget();
        if (finished || target == null) {
            return;
        }
        finished = true;
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
