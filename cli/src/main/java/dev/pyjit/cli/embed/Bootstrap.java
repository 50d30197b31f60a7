package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.runtime.RuntimeFiles;
import java.io.IOException;
import org.bytedeco.cpython.PyObject;

/**
 * Python-side set-up between interpreter start and the user's program: honour an active
 * virtual environment, and install pyjit's hook. Runs in a private namespace so nothing of
 * it is visible to the program's {@code __main__}.
 */
final class Bootstrap {
    private static final String VENV = String.join("\n",
            "import os, site, sys",
            "venv = os.environ.get('VIRTUAL_ENV')",
            "if venv:",
            "    packages = os.path.join(venv, 'lib', 'python3.13', 'site-packages')",
            "    if os.path.isdir(packages):",
            "        sys.prefix = sys.exec_prefix = venv",
            "        site.addsitedir(packages)",
            "");

    private static final String INSTALL_HOOK = String.join("\n",
            "import importlib.util, sys",
            "spec = importlib.util.spec_from_file_location('_pyjit_rt', runtime_path)",
            "runtime = importlib.util.module_from_spec(spec)",
            "spec.loader.exec_module(runtime)",
            "def probe(): pass",
            "runtime.install(hook, threshold, probe)",
            "import atexit",
            "atexit.register(exit_hook)",
            "");

    private Bootstrap() {}

    static void run(Jit jit) throws IOException {
        exec(VENV, null, null, 0, null);
        if (jit != null) {
            String runtimePath = RuntimeFiles.extensionDirectory().resolve(RuntimeFiles.EXTENSION).toString();
            exec(INSTALL_HOOK, jit.hookObject(), jit.exitHookObject(), jit.options().threshold(), runtimePath);
        }
    }

    private static void exec(String code, PyObject hook, PyObject exitHook, int threshold, String runtimePath) {
        PyObject globals = PyDict_New();
        PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
        if (hook != null) {
            PyDict_SetItemString(globals, "hook", hook);
            PyDict_SetItemString(globals, "exit_hook", exitHook);
            PyObject n = PyLong_FromLong(threshold);
            PyDict_SetItemString(globals, "threshold", n);
            Py_DecRef(n);
            PyObject path = PyUnicode_FromString(runtimePath);
            PyDict_SetItemString(globals, "runtime_path", path);
            Py_DecRef(path);
        }
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
