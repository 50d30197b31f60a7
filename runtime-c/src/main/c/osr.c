/*
 * On-stack replacement: a function whose one call runs a long loop (a simulation's main loop, say)
 * would never leave the interpreter, since native code is entered at calls. When the sampler meets
 * the same interpreted activation twice, the compiler is asked for code that starts at the header
 * of the innermost loop the frame is in, preferably one no exception handler covers
 * (dev.pyjit.frontend.IrBuilder.buildMidFrame). Once it is
 * there, pyjit watches that code object's back edges through sys.monitoring (local JUMP events of
 * the optimizer's tool id, so no other code pays for it): at the next jump to the header the
 * callback runs the frame in native code, on the interpreter's own frame, which the interpreter
 * keeps. Wherever compiled code stops (a return, a failed speculation, an exception), the frame
 * is handed back as the interpreter expects it: after a jump callback the interpreter goes on at
 * the instruction the frame points to, with the frame's value stack, or unwinds an exception the
 * callback raised (see the pyjit_osr_ helpers). Other loops' back edges are switched off at their
 * first event, and the header's after MISSES_BEFORE_GIVING_UP entries that failed.
 */
#include "osr.h"
#include "opcode.h"
#include "internal/pycore_pystate.h"
#include <string.h>

#define MISSES_BEFORE_GIVING_UP 16
/* A loop whose first items break a speculation breaks it at every entry: a `for line in file`
 * whose FOR_ITER the interpreter left unspecialised, compiled for an iterator that runs no
 * Python code (dev.pyjit.ir.CacheHint.FOR_ITER_INERT), ended at its first item each time. */
#define OSR_GENERIC_AFTER_DEOPTS 4
/* dev.pyjit.ir.Type.NULL's bit: an unbound local. */
#define UNBOUND_TYPE_CODE 9

PyjitOsrStop pyjit_osr_stop;

static PyObject *monitoring;  /* sys.monitoring, once pyjit's tool is registered */
static PyObject *jump_event;
static PyObject *disable;

/* A number of the exception table (six bits a byte, bit 6 for more), as ceval.c reads it. */
static const unsigned char *table_number(const unsigned char *p, int *value) {
    int read = *p & 63;
    while (*p & 64) {
        p++;
        read = read << 6 | (*p & 63);
    }
    *value = read;
    return p + 1;
}

/* Whether an exception handler covers the code unit: a loop there is inside a try, a with or an
 * inlined comprehension (whose hidden handler restores the variable it shadows). */
int pyjit_handled_at(PyCodeObject *code, int unit) {
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(code->co_exceptiontable);
    const unsigned char *end = p + PyBytes_GET_SIZE(code->co_exceptiontable);
    while (p < end) {
        int start, length, target, depth;
        p = table_number(table_number(table_number(table_number(p, &start), &length), &target), &depth);
        if (start <= unit && unit < start + length) {
            return 1;
        }
    }
    return 0;
}

/* The header of the innermost loop the frame is in that no handler covers: a frame in a list
 * comprehension of a long loop (mandelbrot's rows) enters at the loop around it, whose code is
 * the comprehension's too. If every such loop is covered, the innermost one. */
int pyjit_osr_header(PyCodeObject *code, _PyInterpreterFrame *frame) {
    PyObject *bytes = PyCode_GetCode(code);
    if (bytes == NULL) {
        PyErr_Clear();
        return -1;
    }
    const unsigned char *units = (const unsigned char *)PyBytes_AS_STRING(bytes);
    Py_ssize_t count = PyBytes_GET_SIZE(bytes) / 2;
    int at = (int)(frame->instr_ptr - _PyCode_CODE(code)), innermost = -1, unhandled = -1, extended = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        int opcode = units[2 * i], oparg = extended << 8 | units[2 * i + 1];
        extended = opcode == EXTENDED_ARG ? oparg : 0;
        /* JUMP_BACKWARD jumps from after its cache entry */
        int target = (int)i + 2 - oparg;
        if (opcode == JUMP_BACKWARD && target <= at && at <= i) {
            innermost = target > innermost ? target : innermost;
            if (target > unhandled && !pyjit_handled_at(code, target)) {
                unhandled = target;
            }
        }
    }
    Py_DECREF(bytes);
    return unhandled >= 0 ? unhandled : innermost;
}

PyObject *pyjit_osr_local_types(PyCodeObject *code, _PyInterpreterFrame *frame) {
    PyObject *types = PyTuple_New(code->co_nlocalsplus);
    for (int i = 0; types != NULL && i < code->co_nlocalsplus; i++) {
        PyObject *value = frame->localsplus[i];
        PyObject *bits = PyLong_FromLong(1L << (value == NULL ? UNBOUND_TYPE_CODE : pyjit_type_code(value)));
        if (bits == NULL) {
            Py_CLEAR(types);
            break;
        }
        PyTuple_SET_ITEM(types, i, bits);
    }
    return types;
}

/* Whether the bound locals are of the types the code was compiled for; any local may be unbound
 * (dev.pyjit.ir.Function.enterMidFrame). */
static int types_hold(CodeState *state, _PyInterpreterFrame *frame) {
    for (int i = 0; i < state->osr_expected_count; i++) {
        PyObject *value = frame->localsplus[i];
        if (value != NULL && !((state->osr_expected[i] >> pyjit_type_code(value)) & 1)) {
            return 0;
        }
    }
    return 1;
}

static PyObject *missed(CodeState *state) {
    return Py_NewRef(++state->osr_misses >= MISSES_BEFORE_GIVING_UP ? disable : Py_None);
}

/* sys.monitoring's JUMP callback of pyjit's tool: (code, from, to), offsets in bytes. Its events
 * come only from code objects with native code for a loop header. */
static PyObject *on_jump(PyObject *unused, PyObject *const *args, Py_ssize_t nargs) {
    (void)unused;
    long to = nargs == 3 && PyCode_Check(args[0]) ? PyLong_AsLong(args[2]) : -1;
    if (to < 0) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    PyCodeObject *code = (PyCodeObject *)args[0];
    CodeState *state = pyjit_code_state(code);
    PyThreadState *tstate = PyThreadState_Get();
    _PyInterpreterFrame *frame = tstate->current_frame;
    int at = (int)(to / (long)sizeof(_Py_CODEUNIT));
    /* a tool that came on while the interpreter ran makes pyjit stand down here */
    if (pyjit_standing_down() || pyjit_monitored(tstate, code)) {
        pyjit_stand_down(tstate);
        Py_RETURN_NONE;
    }
    int in_frame = frame != NULL && frame->f_executable == (PyObject *)code && frame->owner == FRAME_OWNED_BY_THREAD;
    if (in_frame && state != NULL && state->osr_native == NULL) {
        pyjit_osr_request(frame, at);  /* PYJIT_OSR_EVERY_LOOP's first back edge of the code */
    }
    if (state == NULL || state->osr_native == NULL || at != state->osr_at) {
        return Py_NewRef(disable);  /* another loop's back edge */
    }
    if (state->osr_stale) {
        /* the interpreter runs the loop until its generic code comes, if it comes */
        return Py_NewRef(pyjit_answer_awaited(state) ? Py_None : disable);
    }
    if (!in_frame || !types_hold(state, frame)) {
        return missed(state);
    }
    int main_thread = _Py_IsMainThread();
    _PyInterpreterFrame *outer = state->osr_frame;
    if (main_thread) {
        state->osr_frame = frame;
    }
    /* a monitoring callback runs with events off and its event recorded; the loop is the program's */
    int tracing = tstate->tracing, what_event = tstate->what_event;
    tstate->tracing = 0;
    tstate->what_event = -1;
    frame->instr_ptr = _PyCode_CODE(code) + state->osr_at;
    pyjit_native_entered();
    PyObject *result = state->osr_native(tstate, frame, NULL);
    PyjitOsrStop stop = pyjit_osr_stop;
    tstate->tracing = tracing;
    tstate->what_event = what_event;
    if (main_thread) {
        state->osr_frame = outer;
    }
    if (result == NULL) {
        return NULL;
    }
    if (stop == PYJIT_OSR_ENDED) {
        /* deopts in a row only: a loop that deoptimises once near its end at each call keeps its specialised code */
        state->osr_deopts = 0;
        return Py_NewRef(Py_None);
    }
    if (stop == PYJIT_OSR_DEOPTED && ++state->osr_deopts >= OSR_GENERIC_AFTER_DEOPTS) {
        /* stale first: a synchronous compilation installs the generic code before the request returns */
        state->osr_stale = 1;
        if (pyjit_osr_ask_generic(frame, state->osr_at)) {
            return Py_NewRef(Py_None);
        }
        state->osr_stale = 0;
    }
    return missed(state);
}

static PyMethodDef on_jump_definition = {"pyjit_on_jump", (PyCFunction)(void (*)(void))on_jump, METH_FASTCALL,
                                         "Enters native code at a loop header."};

/* Takes the optimizer's tool id, once; 0 if a program took it first. */
static int register_tool(void) {
    if (monitoring != NULL) {
        return 1;
    }
    PyObject *module = PySys_GetObject("monitoring");
    PyObject *events = module == NULL ? NULL : PyObject_GetAttrString(module, "events");
    PyObject *jump = events == NULL ? NULL : PyObject_GetAttrString(events, "JUMP");
    PyObject *disabling = jump == NULL ? NULL : PyObject_GetAttrString(module, "DISABLE");
    PyObject *callback = disabling == NULL ? NULL : PyCFunction_New(&on_jump_definition, NULL);
    PyObject *used = callback == NULL ? NULL
            : PyObject_CallMethod(module, "use_tool_id", "is", PYJIT_MONITORING_TOOL, "pyjit");
    PyObject *registered = used == NULL ? NULL
            : PyObject_CallMethod(module, "register_callback", "iOO", PYJIT_MONITORING_TOOL, jump, callback);
    if (registered != NULL) {
        monitoring = Py_NewRef(module);
        jump_event = Py_NewRef(jump);
        disable = Py_NewRef(disabling);
    }
    Py_XDECREF(registered);
    Py_XDECREF(used);
    Py_XDECREF(callback);
    Py_XDECREF(disabling);
    Py_XDECREF(jump);
    Py_XDECREF(events);
    return monitoring != NULL;
}

int pyjit_osr_watch(PyCodeObject *code) {
    if (!register_tool()) {
        return -1;
    }
    PyObject *watched = PyObject_CallMethod(monitoring, "set_local_events", "iOO", PYJIT_MONITORING_TOOL, (PyObject *)code, jump_event);
    Py_XDECREF(watched);
    return watched == NULL ? -1 : 0;
}

int pyjit_osr_install(CodeState *state, PyCodeObject *code, pyjit_native_entry native, int at, PyObject *expected) {
    int count = (int)(PyTuple_GET_SIZE(expected) < code->co_nlocalsplus ? PyTuple_GET_SIZE(expected) : code->co_nlocalsplus);
    unsigned short *types = PyMem_Calloc(count > 0 ? (size_t)count : 1, sizeof(unsigned short));
    if (types == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (int i = 0; i < count; i++) {
        long bits = PyLong_AsLong(PyTuple_GET_ITEM(expected, i));
        if (bits == -1 && PyErr_Occurred()) {
            PyMem_Free(types);
            return -1;
        }
        types[i] = (unsigned short)bits;
    }
    if (pyjit_osr_watch(code) < 0) {
        PyMem_Free(types);
        return -1;
    }
    pyjit_osr_release(state);
    state->osr_expected = types;
    state->osr_expected_count = count;
    state->osr_at = at;
    state->osr_native = native;
    state->osr_misses = 0;
    state->osr_deopts = 0;
    state->osr_stale = 0;
    return 0;
}

void pyjit_osr_release(CodeState *state) {
    PyMem_Free(state->osr_expected);
    state->osr_expected = NULL;
    state->osr_expected_count = 0;
}
