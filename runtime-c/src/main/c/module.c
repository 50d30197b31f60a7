/*
 * _pyjit_rt: the extension module that hooks pyjit into CPython.
 *
 * A PEP 523 frame evaluator sees every frame CPython evaluates: calls from Python or C, frames
 * the interpreter pushes itself (__init__ from CALL_ALLOC_AND_ENTER_INIT, properties,
 * __getitem__: under an evaluator CPython's frame-pushing specialisations stand down), module
 * and class bodies run by import or exec. It counts fresh frames per code object (state in the
 * code object's co_extra slot, as Pyjion did) and, at the threshold, asks the compiler (a Python
 * callable implemented in Java) for native code (a code object with a loop at its first
 * evaluation: its time is in the loop). While counting it records the exact types of the bound
 * positional parameters, so the compiler can specialise for them. Native code takes the
 * evaluator's shape and owns the frame from then on. Anything the compiler refused, any frame
 * resumed mid-way (a generator), and any frame evaluated while a tracer, profiler or other
 * sys.monitoring tool is active goes to CPython's own evaluator.
 */
#include "pyjit_rt.h"
#include <pthread.h>
#include "opcode.h"
#include "internal/pycore_ceval.h"
#include "internal/pycore_interp.h"

enum { COUNTING, COMPILED, REFUSED };

/* Argument types are recorded for this many leading positional parameters. */
#define PROFILED_ARGUMENTS 8
/* At most this many frames whose arguments fail the native code's entry guards, before it is
 * compiled again for their types too. */
#define RESPECIALISE_AFTER 50

typedef struct {
    Py_ssize_t calls;
    Py_ssize_t threshold;
    int state;
    pyjit_native_entry native;
    /* Per positional parameter, the union (as dev.pyjit.ir.Type bits) of the types it was bound to. */
    unsigned short observed[PROFILED_ARGUMENTS];
    /* The argument types the native code is specialised for (its entry guards), as Type bits. */
    unsigned short expected[PROFILED_ARGUMENTS];
    int expected_count;
    Py_ssize_t mismatches;
} CodeState;

static Py_ssize_t code_extra_index = -1;
static PyObject *compile_hook;
static Py_ssize_t threshold;
static int compiling;
/* Set in a forked child: it has no JVM threads, so it never calls the compiler. */
static int forked_child;

/* co_code has its inline caches zeroed, so every JUMP_BACKWARD byte found at an even offset is one. */
static int has_loop(PyCodeObject *code) {
    PyObject *bytes = PyCode_GetCode(code);
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

static CodeState *code_state(PyCodeObject *code) {
    void *extra = NULL;
    if (PyUnstable_Code_GetExtra((PyObject *)code, code_extra_index, &extra) < 0) {
        PyErr_Clear();
        return NULL;
    }
    if (extra == NULL) {
        CodeState *state = PyMem_Calloc(1, sizeof(CodeState));
        if (state == NULL || PyUnstable_Code_SetExtra((PyObject *)code, code_extra_index, state) < 0) {
            PyMem_Free(state);
            PyErr_Clear();
            return NULL;
        }
        state->threshold = has_loop(code) ? 1 : threshold;
        extra = state;
    }
    return (CodeState *)extra;
}

static int profiled_parameters(PyCodeObject *code) {
    return code->co_argcount < PROFILED_ARGUMENTS ? code->co_argcount : PROFILED_ARGUMENTS;
}

/* The parameters are bound already (defaults and keywords included), so their types are known. */
static void observe(CodeState *state, _PyInterpreterFrame *frame, PyCodeObject *code) {
    for (int i = 0; i < profiled_parameters(code); i++) {
        state->observed[i] |= 1u << pyjit_type_code(frame->localsplus[i]);
    }
}

static int as_expected(CodeState *state, _PyInterpreterFrame *frame) {
    for (int i = 0; i < state->expected_count; i++) {
        if (!((state->expected[i] >> pyjit_type_code(frame->localsplus[i])) & 1)) {
            return 0;
        }
    }
    return 1;
}

static int address_of(PyObject *number, void *address) {
    *(void **)address = PyLong_AsVoidPtr(number);
    return !PyErr_Occurred();
}

/* Asks the Java compiler for native code: hook(func, observed argument types). It answers
 * (address, argument types the code is specialised for), with address 0 for "leave it to the
 * interpreter", and never raises; if it does anyway, the code stays interpreted and the error
 * is dropped. The program's own exception, if one is being handled, is kept around the call. */
static void request_compile(PyObject *func, PyCodeObject *code, CodeState *state) {
    PyObject *pending = PyErr_GetRaisedException();
    int profiled = profiled_parameters(code);
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
    PyErr_SetRaisedException(pending);
    state->mismatches = 0;
    state->native = (pyjit_native_entry)address;
    state->state = address != NULL ? COMPILED : REFUSED;
}

static void on_fork_in_child(void) {
    forked_child = 1;
}

static int may_compile(void) {
    return !compiling && !forked_child;
}

/* Under an evaluator every Python call nests on the C stack, where the interpreter's own calls
 * do not, so CPython's C recursion counter (Py_C_RECURSION_LIMIT units, two a frame) would stop a
 * recursion at a few thousand frames where the interpreter goes as deep as sys.setrecursionlimit
 * allows. Frames are bounded by the thread's real stack instead: each thread's lowest usable
 * address, with a reserve for the C code a frame calls. */
static _Thread_local char *stack_floor;

static int stack_exhausted(void) {
    char *here = __builtin_frame_address(0);
    if (stack_floor == NULL) {
        pthread_attr_t attributes;
        void *low;
        size_t size;
        if (pthread_getattr_np(pthread_self(), &attributes) != 0) {
            return 0;
        }
        int found = pthread_attr_getstack(&attributes, &low, &size);
        pthread_attr_destroy(&attributes);
        if (found != 0) {
            return 0;
        }
        size_t reserve = size / 4 < (256u << 10) ? size / 4 : (256u << 10);
        stack_floor = (char *)low + reserve;
    }
    return here < stack_floor;
}

static PyObject *run(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    if (throwflag || !PyCode_Check(code) || frame->instr_ptr != _PyCode_CODE(code)
            || !PyFunction_Check(frame->f_funcobj) || pyjit_monitored(code)) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    CodeState *state = code_state(code);
    if (state == NULL) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    if (state->state == COUNTING && may_compile()) {
        observe(state, frame, code);
        if (++state->calls >= state->threshold) {
            request_compile(frame->f_funcobj, code, state);
        }
    }
    if (state->state != COMPILED) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    if (as_expected(state, frame)) {
        return state->native(tstate, frame, throwflag);
    }
    /* Arguments that keep failing the entry guards mean the specialisation was wrong for this
     * program: record their types and compile the code again, for them too, after as many such
     * frames as it took to compile it (at most RESPECIALISE_AFTER). */
    if (may_compile()) {
        observe(state, frame, code);
        if (++state->mismatches >= (state->threshold < RESPECIALISE_AFTER ? state->threshold : RESPECIALISE_AFTER)) {
            request_compile(frame->f_funcobj, code, state);
            if (state->state == COMPILED && as_expected(state, frame)) {
                return state->native(tstate, frame, throwflag);
            }
        }
    }
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

static PyObject *evaluate(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    if (stack_exhausted()) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        _PyEval_FrameClearAndPop(tstate, frame);
        return NULL;
    }
    /* This frame is paid for by the stack check: the C recursion counter stays for C recursion. */
    tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
    PyObject *result = run(tstate, frame, throwflag);
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS;
    return result;
}

/* install(hook, threshold): every frame evaluated from now on goes through the evaluator. */
static PyObject *install(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *hook;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On:install", &hook, &n)) {
        return NULL;
    }
    if (compile_hook != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "pyjit hook already installed");
        return NULL;
    }
    code_extra_index = PyUnstable_Eval_RequestCodeExtraIndex(PyMem_Free);
    if (code_extra_index < 0) {
        return NULL;
    }
    compile_hook = Py_NewRef(hook);
    threshold = n < 1 ? 1 : n;
    pthread_atfork(NULL, NULL, on_fork_in_child);
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), evaluate);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"install", install, METH_VARARGS, "install(hook, threshold): evaluate every frame from now on through pyjit."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_pyjit_rt", "pyjit's runtime hook into CPython.", -1, methods,
};

PyMODINIT_FUNC PyInit__pyjit_rt(void) {
    return PyModule_Create(&module_def);
}
