package dev.pyjit.frontend;

import static org.bytedeco.cpython.global.python.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.cpython.PyCompilerFlags;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.javacpp.BytePointer;

/**
 * The embedded CPython 3.13 for tests. It is started once per JVM, on the thread that first asks
 * for it, and that thread keeps the GIL: JUnit runs the tests of this module one after another on
 * the main thread, so every Python call must come from there (no parallel execution).
 */
public final class EmbeddedPython {
    private static Thread owner;

    private EmbeddedPython() {}

    /** Starts the interpreter unless it is running; call from {@code @BeforeAll}. */
    public static synchronized void initialise() {
        if (Py_IsInitialized() == 0) {
            try {
                if (!org.bytedeco.cpython.helper.python.Py_Initialize(org.bytedeco.cpython.presets.python.cachePackages())) {
                    throw new IllegalStateException("Py_Initialize failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the bundled CPython", e);
            }
            owner = Thread.currentThread();
        }
        checkThread();
    }

    private static void checkThread() {
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException("Python was started on " + owner.getName() + " but is used from "
                    + Thread.currentThread().getName() + "; run these tests on one thread");
        }
    }

    /** Runs module-level source in a fresh namespace and returns that namespace (a new reference to a dict). */
    static PyObject run(String source) {
        checkThread();
        PyObject globals = PyDict_New();
        PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
        // UTF-8 explicitly: JavaCPP would encode a String with the platform charset
        PyObject result = PyRun_StringFlags(new BytePointer(source, StandardCharsets.UTF_8), Py_file_input, globals, globals,
                (PyCompilerFlags) null);
        if (result == null) {
            PyErr_Print();
            Py_DecRef(globals);
            throw new IllegalStateException("Python code failed (traceback on stderr):\n" + source);
        }
        Py_DecRef(result);
        return globals;
    }

    /** A global of the namespace (a borrowed reference). */
    static PyObject global(PyObject globals, String name) {
        PyObject value = PyDict_GetItemString(globals, name);
        if (value == null) {
            throw new IllegalStateException("no global " + name);
        }
        return value;
    }

    /** A str global of the namespace as a Java string. */
    static String string(PyObject globals, String name) {
        PyObject value = global(globals, name);
        BytePointer utf8 = PyUnicode_AsUTF8(value);
        if (utf8 == null) {
            PyErr_Clear();
            throw new IllegalStateException(name + " is not a str");
        }
        return utf8.getString(StandardCharsets.UTF_8);
    }

    /** The code object of a function defined in the namespace, read into a {@link CodeObject}. */
    static CodeObject code(PyObject globals, String function) {
        PyObject code = PyObject_GetAttrString(global(globals, function), "__code__");
        if (code == null) {
            PyErr_Clear();
            throw new IllegalStateException(function + " has no __code__");
        }
        try {
            return CodeReader.read(code);
        } finally {
            Py_DecRef(code);
        }
    }

    /** Defines one function from source and reads its code. */
    public static CodeObject compile(String source, String function) {
        PyObject globals = run(source);
        try {
            return code(globals, function);
        } finally {
            Py_DecRef(globals);
        }
    }
}
