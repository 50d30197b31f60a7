package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.runtime.RuntimeFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cpython.PyObject;

/**
 * Python-side set-up between interpreter start and the user's program, when the JVM runs it:
 * the runtime's {@code pyjit_startup.py} (which the native launcher runs too) with the compiler's
 * hooks at hand. It runs in a private namespace, so nothing of it is visible to the program's
 * {@code __main__}.
 */
final class Bootstrap {
    private static final String START = String.join("\n",
            "import _frozen_importlib, _frozen_importlib_external",
            "spec = _frozen_importlib_external.spec_from_file_location('pyjit_startup', startup_path)",
            "startup = _frozen_importlib.module_from_spec(spec)",
            "spec.loader.exec_module(startup)",
            "startup.start(runtime_path, hook, exit_hook, threshold, synchronous, optimise_after, jit)",
            "");

    private Bootstrap() {}

    static void run(Jit jit) throws IOException {
        JitOptions options = jit.options();
        PyObject none = _Py_NoneStruct();
        Map<String, Object> names = new HashMap<>();
        names.put("startup_path", RuntimeFiles.startup().toString());
        names.put("runtime_path", RuntimeFiles.extension().toString());
        names.put("hook", options.enabled() ? jit.compileHook() : none);
        names.put("exit_hook", jit.needsExitHook() ? jit.exitHook() : none);
        names.put("threshold", options.threshold());
        names.put("synchronous", options.synchronous() ? 1 : 0);
        names.put("optimise_after", options.optimiseAfter());
        names.put("jit", options.enabled() ? 1 : 0);
        exec(START, names);
    }

    /** Runs code with the given names bound: Python objects as they are, Integers and Strings converted. */
    private static void exec(String code, Map<String, Object> names) {
        PyObject globals = PyDict_New();
        PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
        names.forEach((name, value) -> {
            if (value instanceof PyObject object) {
                PyDict_SetItemString(globals, name, object);
                return;
            }
            PyObject converted = value instanceof Integer n ? PyLong_FromLong(n) : PyUnicode_FromString(value.toString());
            PyDict_SetItemString(globals, name, converted);
            Py_DecRef(converted);
        });
        PyObject result = PyRun_StringFlags(code, Py_file_input, globals, globals, null);
        if (result == null) {
            System.err.println("pyjit: start-up failed; running without the JIT");
            PyErr_Print();
        } else {
            Py_DecRef(result);
        }
        Py_DecRef(globals);
    }
}
