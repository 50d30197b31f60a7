package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.runtime.RuntimeFiles;
import java.io.IOException;
import java.util.Map;
import org.bytedeco.cpython.PyObject;

/**
 * Python-side set-up between interpreter start and the user's program: honour an active virtual
 * environment, install pyjit's compile hook (unless {@code --no-jit}) and the exit hook that
 * writes the stats (when asked for). Each snippet runs in a private namespace, so nothing of it
 * is visible to the program's {@code __main__}.
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

    /** The launcher preloads the JVM's signal-chaining library; the program's child processes must not inherit it. */
    private static final String UNDO_PRELOAD = String.join("\n",
            "import os",
            "preloaded = os.environ.pop('PYJIT_PRELOADED', None)",
            "if preloaded:",
            "    rest = [p for p in os.environ.get('LD_PRELOAD', '').split(':') if p and p != preloaded]",
            "    if rest:",
            "        os.environ['LD_PRELOAD'] = ':'.join(rest)",
            "    else:",
            "        os.environ.pop('LD_PRELOAD', None)",
            "");

    private static final String INSTALL_HOOK = String.join("\n",
            "import importlib.util, sys",
            "spec = importlib.util.spec_from_file_location('_pyjit_rt', runtime_path)",
            "runtime = importlib.util.module_from_spec(spec)",
            "spec.loader.exec_module(runtime)",
            "sys.modules['_pyjit_rt'] = runtime",
            "runtime.install(hook, threshold, loop_threshold, optimise_after)",
            "");

    /** A forked child has no JVM: it must not call into Java, so only the JVM's own process writes the stats. */
    private static final String REGISTER_EXIT_HOOK = String.join("\n",
            "import atexit, os",
            "jvm_process = os.getpid()",
            "def write_stats():",
            "    if os.getpid() == jvm_process:",
            "        exit_hook()",
            "atexit.register(write_stats)",
            "");

    /**
     * os.fork() warns that a process with more than one thread may deadlock in the child. The JVM's
     * own threads would make every fork warn; python3.13 warns only when the program has started
     * threads. So before each fork, while the program has none, a filter for that warning is put
     * first; it cannot be taken out after the fork (the warning comes after the parent's fork hooks),
     * so the next fork's hook takes it out before deciding again. Only forks give that warning.
     */
    private static final String FORK_WARNING = String.join("\n",
            "import os, _thread",
            "installed = None",
            "def before_fork():",
            "    global installed",
            "    import warnings",
            "    if installed is not None and installed in warnings.filters:",
            "        warnings.filters.remove(installed)",
            "        warnings._filters_mutated()",
            "    installed = None",
            "    if _thread._count() == 0:",
            "        warnings.filterwarnings('ignore', message=r'This process \\(pid=\\d+\\) is multi-threaded',",
            "                                category=DeprecationWarning)",
            "        installed = warnings.filters[0]",
            "os.register_at_fork(before=before_fork)",
            "");

    private Bootstrap() {}

    static void run(Jit jit) throws IOException {
        exec(UNDO_PRELOAD, Map.of());
        exec(VENV, Map.of());
        exec(FORK_WARNING, Map.of());
        if (jit.options().enabled()) {
            exec(INSTALL_HOOK, Map.of("hook", jit.compileHook(), "threshold", jit.options().threshold(),
                    "loop_threshold", jit.options().synchronous() ? 1 : 2, "optimise_after", jit.options().optimiseAfter(),
                    "runtime_path", RuntimeFiles.extension().toString()));
        }
        if (jit.needsExitHook()) {
            exec(REGISTER_EXIT_HOOK, Map.of("exit_hook", jit.exitHook()));
        }
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
