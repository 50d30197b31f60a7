/*
 * _pyjit_rt: the extension module that hooks pyjit into CPython.
 *
 * A function watcher puts a trampoline on every Python function created once
 * the hook is installed. The trampoline counts calls per code object (state in
 * the code object's co_extra slot, as Pyjion did) and, at the threshold, asks
 * the compiler (a Python callable implemented in Java) for a native entry
 * point (a function with a loop at its first call: its time is in the loop).
 * While counting it records the exact types of the positional arguments, so
 * the compiler can specialise for them. Native code, once there, is entered
 * directly; anything the compiler
 * refused, and any call made while a tracer, profiler or other sys.monitoring
 * tool is active, goes to the
 * function's original vectorcall, which is the interpreter.
 */
#include "pyjit_rt.h"
#include "opcode.h"
#include "internal/pycore_interp.h"
#include "internal/pycore_function.h"

enum { COUNTING, COMPILED, REFUSED };

/* Argument types are recorded for this many leading positional parameters. */
#define PROFILED_ARGUMENTS 8
/* At most this many calls whose arguments fail the native code's entry guards, before it is
 * compiled again for their types too. */
#define RESPECIALISE_AFTER 50
/* The bit of dev.pyjit.ir.Type for "any other object". */
#define OTHER_OBJECT_CODE 8

typedef struct {
    Py_ssize_t calls;
    Py_ssize_t threshold;
    int state;
    vectorcallfunc native;
    /* Per positional parameter, the union (as dev.pyjit.ir.Type bits) of the types it was called with. */
    unsigned short observed[PROFILED_ARGUMENTS];
    /* The code's co_version, set aside while its functions must not be specialised away
     * (0 if it had none). */
    uint32_t version;
    /* The argument types the native code is specialised for (its entry guards), as Type bits. */
    unsigned short expected[PROFILED_ARGUMENTS];
    int expected_count;
    Py_ssize_t mismatches;
} CodeState;

static vectorcallfunc interpreter_entry;
static Py_ssize_t code_extra_index = -1;
static PyObject *compile_hook;
static Py_ssize_t threshold;
static int compiling;
static int watcher_id = -1;

/* co_code has its inline caches zeroed, so every JUMP_BACKWARD byte found at an even offset is one. */
static int has_loop(PyObject *code) {
    PyObject *bytes = PyCode_GetCode((PyCodeObject *)code);
    if (bytes == NULL) {
        PyErr_Clear();
        return 0;
    }
    const unsigned char *units = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int found = 0;
    for (Py_ssize_t i = 0; i < PyBytes_GET_SIZE(bytes); i += 2) {
        if (units[i] == JUMP_BACKWARD) {
            found = 1;
            break;
        }
    }
    Py_DECREF(bytes);
    return found;
}

static CodeState *code_state(PyObject *code) {
    void *extra = NULL;
    if (PyUnstable_Code_GetExtra(code, code_extra_index, &extra) < 0) {
        PyErr_Clear();
        return NULL;
    }
    if (extra == NULL) {
        CodeState *state = PyMem_Calloc(1, sizeof(CodeState));
        if (state == NULL || PyUnstable_Code_SetExtra(code, code_extra_index, state) < 0) {
            PyMem_Free(state);
            PyErr_Clear();
            return NULL;
        }
        state->threshold = has_loop(code) ? 1 : threshold;
        state->version = ((PyCodeObject *)code)->co_version;
        extra = state;
    }
    return (CodeState *)extra;
}

/* The leading positional parameters whose types are recorded. */
static int profiled_parameters(PyObject *func) {
    int parameters = ((PyCodeObject *)((PyFunctionObject *)func)->func_code)->co_argcount;
    return parameters < PROFILED_ARGUMENTS ? parameters : PROFILED_ARGUMENTS;
}

/* A parameter not passed positionally (a default, a keyword) counts as any object. */
static void observe(CodeState *state, PyObject *func, PyObject *const *args, size_t nargsf) {
    size_t nargs = PyVectorcall_NARGS(nargsf);
    for (int i = 0; i < profiled_parameters(func); i++) {
        state->observed[i] |= 1u << ((size_t)i < nargs ? pyjit_type_code(args[i]) : OTHER_OBJECT_CODE);
    }
}

/* Asks the Java compiler for native code: hook(func, observed argument types). It answers
 * (address, argument types the code is specialised for), with address 0 for "leave it to the
 * interpreter", and never raises; if it does anyway, the function stays interpreted and the
 * error is dropped. */
/* Until the compiler has decided, a code's functions must not be specialised away (see
 * on_function_event): its version is withheld, and so is CPython's cache entry for it, which
 * would otherwise outlive the code. */
static void withhold_version(PyCodeObject *code) {
    if (code->co_version == 0) {
        return;
    }
    struct _func_version_cache_item *slot =
        &PyInterpreterState_Get()->func_state.func_version_cache[code->co_version % FUNC_VERSION_CACHE_SIZE];
    if (slot->code == (PyObject *)code) {
        slot->code = NULL;
        slot->func = NULL;
    }
    code->co_version = 0;
}

/* The interpreter keeps this code: the function goes back to the interpreter's own entry, and
 * the code and function get their version back, so the interpreter specialises calls to them.
 * Functions created before the refusal come here on their next call. */
static void hand_back(PyFunctionObject *func, CodeState *state) {
    func->vectorcall = interpreter_entry;
    if (state->version != 0) {
        ((PyCodeObject *)func->func_code)->co_version = state->version;
        _PyFunction_SetVersion(func, state->version);
    }
}

static int address_of(PyObject *number, void *address) {
    *(void **)address = PyLong_AsVoidPtr(number);
    return !PyErr_Occurred();
}

static void request_compile(PyObject *func, CodeState *state) {
    int profiled = profiled_parameters(func);
    PyObject *observed = PyTuple_New(profiled);
    for (int i = 0; observed != NULL && i < profiled; i++) {
        PyObject *bits = PyLong_FromLong(state->observed[i]);
        if (bits == NULL) {
            Py_CLEAR(observed);
            break;
        }
        PyTuple_SET_ITEM(observed, i, bits);
    }
    compiling = 1;
    PyObject *answer = observed == NULL ? NULL : PyObject_CallFunctionObjArgs(compile_hook, func, observed, NULL);
    compiling = 0;
    Py_XDECREF(observed);
    void *address = NULL;
    PyObject *expected = NULL;
    state->expected_count = 0;
    if (answer != NULL && PyArg_ParseTuple(answer, "O&O!", address_of, &address, &PyTuple_Type, &expected)) {
        state->expected_count = (int)(PyTuple_GET_SIZE(expected) < PROFILED_ARGUMENTS ? PyTuple_GET_SIZE(expected) : PROFILED_ARGUMENTS);
        for (int i = 0; i < state->expected_count; i++) {
            state->expected[i] = (unsigned short)PyLong_AsLong(PyTuple_GET_ITEM(expected, i));
        }
    }
    Py_XDECREF(answer);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        address = NULL;
    }
    state->mismatches = 0;
    state->native = (vectorcallfunc)address;
    state->state = address != NULL ? COMPILED : REFUSED;
    if (state->state == REFUSED) {
        hand_back((PyFunctionObject *)func, state);
    }
}

/* Whether a sys.monitoring tool watches this code: globally (cProfile, coverage, and also
 * sys.settrace and sys.setprofile, which 3.13 implements as monitoring tools) or through local
 * events on the code. The interpreter reports the events; compiled code does not. */
static int monitored(PyCodeObject *code) {
    PyInterpreterState *interp = PyInterpreterState_Get();
    for (int event = 0; event < _PY_MONITORING_UNGROUPED_EVENTS; event++) {
        if (interp->monitors.tools[event]) {
            return 1;
        }
    }
    if (code->_co_monitoring != NULL) {
        for (int event = 0; event < _PY_MONITORING_LOCAL_EVENTS; event++) {
            if (code->_co_monitoring->local_monitors.tools[event]) {
                return 1;
            }
        }
    }
    return 0;
}

/* Whether the positional arguments pass the native code's entry guards. A guarded parameter
 * not passed positionally (a keyword, a default) counts as a mismatch: the profile cannot see
 * its type, so compiling again gives generic code. */
static int as_expected(CodeState *state, PyObject *const *args, size_t nargsf) {
    size_t nargs = PyVectorcall_NARGS(nargsf);
    for (int i = 0; i < state->expected_count; i++) {
        if ((size_t)i >= nargs || !((state->expected[i] >> pyjit_type_code(args[i])) & 1)) {
            return 0;
        }
    }
    return 1;
}

static PyObject *trampoline(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
    CodeState *state = code_state((PyObject *)code);
    if (state != NULL) {
        if (state->state == COUNTING && !compiling) {
            observe(state, func, args, nargsf);
            if (++state->calls >= state->threshold) {
                request_compile(func, state);
            }
        }
        /* Arguments that keep failing the entry guards mean the specialisation was wrong for
         * this program: record their types and compile the function again, for them too, after
         * as many such calls as it took to compile it (at most RESPECIALISE_AFTER). */
        if (state->state == COMPILED && !compiling && !as_expected(state, args, nargsf)) {
            observe(state, func, args, nargsf);
            if (++state->mismatches >= (state->threshold < RESPECIALISE_AFTER ? state->threshold : RESPECIALISE_AFTER)) {
                request_compile(func, state);
            }
        }
        if (state->state == REFUSED) {
            hand_back((PyFunctionObject *)func, state);
        }
        if (state->state == COMPILED && !monitored(code)) {
            return state->native(func, args, nargsf, kwnames);
        }
    }
    return interpreter_entry(func, args, nargsf, kwnames);
}

/* The specialising interpreter turns a call of a Python function into CALL_PY_EXACT_ARGS
 * (and kin), which enters the callee's frame directly and never calls its vectorcall, so it
 * would bypass the trampoline. Those specialisations need the function's version, which
 * MAKE_FUNCTION copies from the code's co_version after this event: until the compiler has
 * refused the code, it has version 0, which the specialiser refuses. */
static int on_function_event(PyFunction_WatchEvent event, PyFunctionObject *func, PyObject *new_value) {
    (void)new_value;
    if (event != PyFunction_EVENT_CREATE || func->vectorcall != interpreter_entry) {
        return 0;
    }
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    CodeState *state = code_state((PyObject *)code);
    if (state == NULL || state->state == REFUSED) {
        return 0;
    }
    withhold_version(code);
    PyFunction_SetVectorcall(func, trampoline);
    return 0;
}

/* install(hook, threshold, probe_function): probe_function is any plain Python
 * function; its vectorcall is the interpreter's entry, which is not exported. */
static PyObject *install(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *hook, *probe;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "OnO!:install", &hook, &n, &PyFunction_Type, &probe)) {
        return NULL;
    }
    if (watcher_id >= 0) {
        PyErr_SetString(PyExc_RuntimeError, "pyjit hook already installed");
        return NULL;
    }
    interpreter_entry = ((PyFunctionObject *)probe)->vectorcall;
    code_extra_index = PyUnstable_Eval_RequestCodeExtraIndex(PyMem_Free);
    if (code_extra_index < 0) {
        return NULL;
    }
    compile_hook = Py_NewRef(hook);
    threshold = n < 1 ? 1 : n;
    watcher_id = PyFunction_AddWatcher(on_function_event);
    if (watcher_id < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"install", install, METH_VARARGS, "install(hook, threshold, probe): trampoline every function created from now on."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_pyjit_rt", "pyjit's runtime hook into CPython.", -1, methods,
};

PyMODINIT_FUNC PyInit__pyjit_rt(void) {
    return PyModule_Create(&module_def);
}
