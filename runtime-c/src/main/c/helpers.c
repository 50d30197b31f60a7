/*
 * Helpers that compiled code calls. This file is compiled twice: to LLVM
 * bitcode that the JIT links into every module (so LLVM inlines these small
 * functions into the generated code), and into the _pyjit_rt extension module.
 * Each helper reproduces what the CPython 3.13 interpreter does for one
 * bytecode (Python/bytecodes.c), including its error messages.
 */
#include "pyjit_rt.h"
#include "recycled.h"
#include "consumer.h"
#include <stdarg.h>
#include "internal/pycore_ceval.h"
#include "internal/pycore_list.h"
#include "internal/pycore_object.h"
#include "internal/pycore_runtime.h"
#include "internal/pycore_cell.h"
#include "internal/pycore_function.h"
#include "internal/pycore_opcode_utils.h"
#include "internal/pycore_long.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_code.h"
#include "internal/pycore_moduleobject.h"
#include "internal/pycore_range.h"
#include "internal/pycore_tuple.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_call.h"
#include "internal/pycore_pyerrors.h"
#include "internal/pycore_genobject.h"
#include "internal/pycore_intrinsics.h"
#include "internal/pycore_setobject.h"
#include "internal/pycore_import.h"
#include "osdefs.h"
#include <wchar.h>

#include <unistd.h>
#include "opcode.h"

static inline PyCodeObject *code_of(_PyInterpreterFrame *frame) {
    return (PyCodeObject *)frame->f_executable;
}

/* The interpreter counts Python frames in py_recursion_remaining; so does compiled code. */
static int enter_recursive_call(PyThreadState *tstate) {
    if (tstate->py_recursion_remaining-- > 0) {
        return 0;
    }
    if (tstate->recursion_headroom) {
        if (tstate->py_recursion_remaining < -50) {
            Py_FatalError("Cannot recover from Python stack overflow.");
        }
        return 0;
    }
    tstate->recursion_headroom++;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    tstate->recursion_headroom--;
    tstate->py_recursion_remaining++;
    return -1;
}

static inline void link_frame(PyThreadState *tstate, _PyInterpreterFrame *frame, int fresh) {
    frame->previous = tstate->current_frame;
    tstate->current_frame = frame;
    if (fresh) {
        /* Past RESUME, so the frame counts as complete for tracebacks and sys._getframe. */
        frame->instr_ptr = _PyCode_CODE(code_of(frame)) + code_of(frame)->_co_firsttraceable;
    }
}

/* pyjit_enter where a recursion limit may be near: the interpreter's own checks, which raise. */
PYJIT_SLOW int pyjit_slow_enter(PyThreadState *tstate, _PyInterpreterFrame *frame, int fresh) {
    /* Compiled frames nest on the C stack, so they are charged like the interpreter's own. */
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS - 1;
    if (_Py_EnterRecursiveCallTstate(tstate, "")) {
        tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS - 1;
        _PyEval_FrameClearAndPop(tstate, frame);
        return -1;
    }
    if (enter_recursive_call(tstate) < 0) {
        tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
        _PyEval_FrameClearAndPop(tstate, frame);
        return -1;
    }
    link_frame(tstate, frame, fresh);
    return 0;
}

/* Inlined into every function's prologue: away from both limits, the checks of pyjit_slow_enter
 * pass and leave these counts, without the calls. */
PYJIT_SPECIALISED int pyjit_enter(PyThreadState *tstate, _PyInterpreterFrame *frame, int fresh) {
    if (tstate->c_recursion_remaining < PYJIT_C_STACK_UNITS || tstate->py_recursion_remaining <= 0) {
        return pyjit_slow_enter(tstate, frame, fresh);
    }
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS;
    tstate->py_recursion_remaining--;
    link_frame(tstate, frame, fresh);
    return 0;
}

/* Undoes pyjit_enter: the frame is no longer the thread's current one, its recursion counts are given back. */
static inline void unlink_frame(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    tstate->current_frame = frame->previous;
    tstate->py_recursion_remaining++;
    tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
}

static void add_traceback_entry(void) {
    PyFrameObject *f = PyEval_GetFrame();
    if (f != NULL) {
        PyTraceBack_Here(f);
    }
}

/* _PyEval_FrameClearAndPop for the usual frame of compiled code: owned by the thread, with no
 * frame object or locals dict made for it, and not the first of its stack chunk. Its references
 * go in CPython's order (locals, function, code) before the frame's space is given back, each
 * through pyjit_decref: the function and code were increfed as the frame was pushed, a few dozen
 * instructions before (a method returning self.x ran 23.9 ns a call with Py_DECREF, 22.8 ns). */
static inline void pop_frame(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    if (frame->owner != FRAME_OWNED_BY_THREAD || frame->frame_obj != NULL || frame->f_locals != NULL
            || (PyObject **)frame == &tstate->datastack_chunk->data[0]) {
        _PyEval_FrameClearAndPop(tstate, frame);
        return;
    }
    for (int i = 0; i < frame->stacktop; i++) {
        pyjit_xdecref(frame->localsplus[i]);
    }
    pyjit_decref(frame->f_funcobj);
    pyjit_decref(frame->f_executable);
    tstate->datastack_top = (PyObject **)frame;
}

/* Whether a tool watches this frame now: native code runs only frames no tool watched when they
 * were entered, so a tool switched on since sees their exceptions through these events. */
static int watched(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    return pyjit_instrumentation_version(tstate) != 0 && pyjit_monitored(tstate, code_of(frame));
}

/* A global event of exception_unwind (PY_UNWIND, EXCEPTION_HANDLED) at code unit `at`, with the
 * exception set, for the tools that take it. */
static void fire_exception_event(PyThreadState *tstate, _PyInterpreterFrame *frame, int event, int at) {
    PyMonitoringState state = { .active = tstate->interp->monitors.tools[event] };
    if (!state.active) {
        return;
    }
    int offset = at * (int)sizeof(_Py_CODEUNIT);
    if (event == PY_MONITORING_EVENT_PY_UNWIND) {
        _PyMonitoring_FirePyUnwindEvent(&state, (PyObject *)code_of(frame), offset);
    } else {
        _PyMonitoring_FireExceptionHandledEvent(&state, (PyObject *)code_of(frame), offset);
    }
}

static int current_unit(_PyInterpreterFrame *frame) {
    return (int)(frame->instr_ptr - _PyCode_CODE(code_of(frame)));
}

/* The interpreter's error label for an exception raised here: a traceback entry, then RAISE. */
static void raised_here(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    add_traceback_entry();
    if (watched(tstate, frame)) {
        _PyEval_MonitorRaise(tstate, frame, frame->instr_ptr);
    }
}

/* The frame leaves with the exception set, raised here (a traceback entry and RAISE first) or
 * re-raised; a tool switched on since it entered native code sees PY_UNWIND. */
PYJIT_SLOW PyObject *pyjit_slow_leave_raising(PyThreadState *tstate, _PyInterpreterFrame *frame, int raised) {
    if (raised) {
        raised_here(tstate, frame);
    }
    if (watched(tstate, frame)) {
        fire_exception_event(tstate, frame, PY_MONITORING_EVENT_PY_UNWIND, current_unit(frame));
    }
    unlink_frame(tstate, frame);
    pop_frame(tstate, frame);
    return NULL;
}

/* returned_at: the code unit of the return instruction (-1: none known). A frame object made for the
 * frame (sys._getframe) outlives it with the frame's last instruction, whose line it reports: the
 * frame points there only then, the one frame in many that needs it. */
PYJIT_SPECIALISED PyObject *pyjit_leave(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *result, int returned_at) {
    if (result == NULL) {
        return pyjit_slow_leave_raising(tstate, frame, 1);
    }
    if (frame->frame_obj != NULL && returned_at >= 0) {
        frame->instr_ptr = _PyCode_CODE(code_of(frame)) + returned_at;
    }
    unlink_frame(tstate, frame);
    pop_frame(tstate, frame);
    return result;
}

void pyjit_set_ip(_PyInterpreterFrame *frame, int codeunit) {
    frame->instr_ptr = _PyCode_CODE(code_of(frame)) + codeunit;
}

uintptr_t pyjit_instrumentation_version(PyThreadState *tstate) {
    return _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) & ~_PY_EVAL_EVENTS_MASK;
}

/* Whether any of n (<= 16, >= 8) bytes has a bit outside `ignored` (a bit set repeated in every
 * byte): two overlapping 8-byte loads, as this runs at every call native code makes. */
static inline int any_bit_but(const uint8_t *bytes, int n, uint64_t ignored) {
    uint64_t head, tail;
    memcpy(&head, bytes, 8);
    memcpy(&tail, bytes + n - 8, 8);
    return ((head | tail) & ~ignored) != 0;
}

_Static_assert(_PY_MONITORING_LOCAL_EVENTS >= 8 && _PY_MONITORING_UNGROUPED_EVENTS >= 8 && _PY_MONITORING_UNGROUPED_EVENTS <= 16,
               "pyjit_monitored reads the tool masks in two 8-byte loads");

PYJIT_SPECIALISED int pyjit_monitored(PyThreadState *tstate, PyCodeObject *code) {
    /* pyjit's own tool watches back edges for on-stack replacement (osr.c) */
    if (code->_co_monitoring != NULL
            && any_bit_but(code->_co_monitoring->local_monitors.tools, _PY_MONITORING_LOCAL_EVENTS,
                           0x0101010101010101ULL << PYJIT_MONITORING_TOOL)) {
        return 1;
    }
    /* Every change of the global events bumps the version: at 0 no tool was ever switched on. */
    return pyjit_instrumentation_version(tstate) != 0
           && any_bit_but(tstate->interp->monitors.tools, _PY_MONITORING_UNGROUPED_EVENTS, 0);
}

/* What pyjit_poll does when something is pending or the version changed: in the runtime library. */
PYJIT_SLOW int pyjit_slow_poll(PyThreadState *tstate, _PyInterpreterFrame *frame, uintptr_t *seen_version) {
    uintptr_t breaker = _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker);
    if (breaker & _PY_EVAL_EVENTS_MASK) {
        if (_Py_HandlePending(tstate) != 0) {
            return -1;
        }
        breaker = _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker);
    }
    uintptr_t version = breaker & ~_PY_EVAL_EVENTS_MASK;
    if (version == *seen_version) {
        return 0;
    }
    *seen_version = version;
    if (!pyjit_monitored(tstate, code_of(frame))) {
        return 0;
    }
    pyjit_stand_down(tstate);
    return 1;
}

/* Inlined at every poll (each call and back edge): one load and compare while nothing is pending. */
PYJIT_SPECIALISED int pyjit_poll(PyThreadState *tstate, _PyInterpreterFrame *frame, uintptr_t *seen_version) {
    if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) == *seen_version) {
        return 0;
    }
    return pyjit_slow_poll(tstate, frame, seen_version);
}

PYJIT_SPECIALISED int pyjit_poll_due(PyThreadState *tstate, uintptr_t *seen_version) {
    return _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) != *seen_version;
}

/* Guards ask with constant bits, mostly of one type: inlined, that is one comparison. */
PYJIT_SPECIALISED int pyjit_is_of(PyObject *value, int bits) {
    return pyjit_of_types((unsigned)bits, value);
}

PyObject *pyjit_local_borrow(_PyInterpreterFrame *frame, int slot) {
    return frame->localsplus[slot];
}

/* Compiled code holds the objects it borrows from the frame (dev.pyjit.ir.FrameState#known) while
 * code that could rebind their locals runs: a reference to each of the count objects. One call for
 * all of them, out of line: inlined for each object, the holds, checks and releases of the slow
 * paths took nbody's advance from 320 to 420 ms of code generation (375 ms this way). */
PYJIT_SLOW void pyjit_hold_all(int count, ...) {
    va_list objects;
    va_start(objects, count);
    for (int i = 0; i < count; i++) {
        Py_INCREF(va_arg(objects, PyObject *));
    }
    va_end(objects);
}

/* After that code ran: whether a slot no longer holds its object, for count (slot, object) pairs. */
PYJIT_SLOW int pyjit_rebound(_PyInterpreterFrame *frame, int count, ...) {
    va_list pairs;
    va_start(pairs, count);
    int rebound = 0;
    for (int i = 0; i < count; i++) {
        int slot = va_arg(pairs, int);
        rebound |= frame->localsplus[slot] != va_arg(pairs, PyObject *);
    }
    va_end(pairs);
    return rebound;
}

/* After a poll that ran code, for a local compiled code holds unboxed: whether the slot still
 * holds an exact float of that value (else the frame was changed and is the truth). */
PYJIT_SLOW int pyjit_local_holds_double(_PyInterpreterFrame *frame, int slot, double value) {
    PyObject *object = frame->localsplus[slot];
    return object != NULL && PyFloat_CheckExact(object) && PyFloat_AS_DOUBLE(object) == value;
}

/* The same for a local held as a 64-bit int. */
PYJIT_SLOW int pyjit_local_holds_int64(_PyInterpreterFrame *frame, int slot, int64_t value) {
    PyObject *object = frame->localsplus[slot];
    int64_t held;
    return object != NULL && PyLong_CheckExact(object) && pyjit_int_value(object, &held) && held == value;
}

/* The locals are in the frame already; the value stack goes after them. Then the frame
 * is handed over unlinked, with the recursion counts undone: the interpreter links it,
 * counts it, runs it from resume_at and pops it. */
static PyObject *hand_over(PyThreadState *tstate, _PyInterpreterFrame *frame, int resume_at, int depth) {
    PyCodeObject *code = code_of(frame);
    frame->stacktop = code->co_nlocalsplus + depth;
    frame->instr_ptr = _PyCode_CODE(code) + resume_at;
    unlink_frame(tstate, frame);
    return _PyEval_EvalFrameDefault(tstate, frame, 0);
}

/* The interpreter's value stack, after the locals, holding the first depth values of stack. */
static void spill_stack(_PyInterpreterFrame *frame, PyObject **stack, int depth) {
    PyObject **slots = frame->localsplus + code_of(frame)->co_nlocalsplus;
    for (int i = 0; i < depth; i++) {
        slots[i] = stack[i];
    }
}

/* The stack a deopt hands the interpreter: a temporary slice on it, made untracked for its store
 * (stepped_list), is tracked as the interpreter's lists are, for its STORE_SLICE may hand it to
 * a container's __setitem__ that keeps it. (No yield comes between such a slice and its store:
 * StoreTemporarySlices takes the two in one block.) */
static void spill_deopted_stack(_PyInterpreterFrame *frame, PyObject **stack, int depth) {
    for (int i = 0; i < depth; i++) {
        if (stack[i] != NULL && PyList_CheckExact(stack[i]) && !_PyObject_GC_IS_TRACKED(stack[i])) {
            PyObject_GC_Track(stack[i]);
        }
    }
    spill_stack(frame, stack, depth);
}

PYJIT_SLOW PyObject *pyjit_slow_deopt(_PyInterpreterFrame *frame, int resume_at, PyObject **stack, int depth) {
    pyjit_deopted(frame, resume_at);
    spill_deopted_stack(frame, stack, depth);
    return hand_over(PyThreadState_Get(), frame, resume_at, depth);
}

PyObject *pyjit_deopt(_PyInterpreterFrame *frame, int resume_at, PyObject **stack, int depth) {
    return pyjit_slow_deopt(frame, resume_at, stack, depth);
}

/* ---- On-stack replacement: the frame stays the interpreter's, which goes on where compiled code stops */

PyObject *pyjit_osr_deopt(_PyInterpreterFrame *frame, int resume_at, PyObject **stack, int depth) {
    pyjit_osr_stop = PYJIT_OSR_DEOPTED;
    pyjit_count_deopt_line(frame, resume_at);
    spill_deopted_stack(frame, stack, depth);
    frame->stacktop = code_of(frame)->co_nlocalsplus + depth;
    frame->instr_ptr = _PyCode_CODE(code_of(frame)) + resume_at;
    return Py_None;
}

PyObject *pyjit_osr_resume_elsewhere(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    (void)tstate;
    (void)frame;
    pyjit_osr_stop = PYJIT_OSR_HANDED_BACK;
    return Py_None;
}

/* The return instruction at code unit `at` as the interpreter runs it: the unit it starts at (its
 * first EXTENDED_ARG, if any) and whether it is a RETURN_CONST; -1 where `at` is no return.
 * co_code has its caches zeroed, so a unit before the instruction reads EXTENDED_ARG only where it
 * is one. */
static int return_instruction(PyCodeObject *code, int at, int *constant) {
    PyObject *bytes = at < 0 ? NULL : PyCode_GetCode(code);
    if (bytes == NULL || at >= PyBytes_GET_SIZE(bytes) / 2) {
        Py_XDECREF(bytes);
        return -1;
    }
    const unsigned char *units = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int opcode = units[2 * at];
    int first = at;
    while (first > 0 && units[2 * (first - 1)] == EXTENDED_ARG) {
        first--;
    }
    Py_DECREF(bytes);
    *constant = opcode == RETURN_CONST;
    return opcode == RETURN_CONST || opcode == RETURN_VALUE ? first : -1;
}

/* The interpreter runs the return compiled code reached (returned_at, from the IR's Return), so a
 * frame object, a tool or a trace sees that line; a RETURN_CONST pushes its own constant, the
 * value compiled code computed for it. */
PyObject *pyjit_osr_leave(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *result, int returned_at) {
    (void)tstate;
    if (result == NULL) {
        return NULL;
    }
    PyCodeObject *code = code_of(frame);
    int constant;
    int at = return_instruction(code, returned_at, &constant);
    if (at < 0) {
        Py_DECREF(result);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "pyjit: compiled code returned where its code object cannot");
        }
        return NULL;
    }
    frame->instr_ptr = _PyCode_CODE(code) + at;
    if (constant) {
        Py_DECREF(result);
        frame->stacktop = code->co_nlocalsplus;
    } else {
        frame->localsplus[code->co_nlocalsplus] = result;
        frame->stacktop = code->co_nlocalsplus + 1;
    }
    pyjit_osr_stop = PYJIT_OSR_ENDED;
    return Py_None;
}

/* The code unit of a RERAISE no handler covers (*oparg set), -1 if there is none. */
static int unhandled_reraise(PyCodeObject *code, int *oparg) {
    PyObject *bytes = PyCode_GetCode(code);
    if (bytes == NULL) {
        PyErr_Clear();
        return -1;
    }
    const unsigned char *units = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int found = -1;
    for (Py_ssize_t i = 0; i < PyBytes_GET_SIZE(bytes) / 2 && found < 0; i++) {
        if (units[2 * i] == RERAISE && !pyjit_handled_at(code, (int)i)) {
            found = (int)i;
            *oparg = units[2 * i + 1];
        }
    }
    Py_DECREF(bytes);
    return found;
}

/* The interpreter re-raises the exception itself, from a RERAISE no handler covers: it unwinds
 * the frame with the traceback as it is, as it would have from the handler's own RERAISE. */
PyObject *pyjit_osr_leave_reraising(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    (void)tstate;
    PyCodeObject *code = code_of(frame);
    int oparg = 0;
    int at = unhandled_reraise(code, &oparg);
    PyObject *lasti = at < 0 ? NULL : PyLong_FromLong(_PyInterpreterFrame_LASTI(frame));
    if (lasti == NULL) {
        /* code without handlers (the compiler refuses a loop among handlers with no such RERAISE,
         * where the frame's traceback entry would be added twice), or no memory: the interpreter
         * adds the entry and unwinds the frame */
        return NULL;
    }
    PyObject **stack = frame->localsplus + code->co_nlocalsplus;
    int depth = 0;
    if (oparg > 0) {
        stack[depth++] = lasti;
        while (depth < oparg) {
            stack[depth++] = Py_None;
        }
    } else {
        Py_DECREF(lasti);
    }
    stack[depth++] = PyErr_GetRaisedException();
    frame->stacktop = code->co_nlocalsplus + depth;
    frame->instr_ptr = _PyCode_CODE(code) + at;
    pyjit_osr_stop = PYJIT_OSR_ENDED;
    return Py_None;
}

/* ---- Exceptions: the interpreter's exception_unwind and the instructions of its handlers */

PyObject *pyjit_catch(PyThreadState *tstate, _PyInterpreterFrame *frame, int traceback) {
    if (traceback) {
        raised_here(tstate, frame);
    }
    return PyErr_GetRaisedException();
}

int pyjit_handled_while_watched(PyThreadState *tstate, _PyInterpreterFrame *frame, int handler, PyObject *exception) {
    if (!watched(tstate, frame)) {
        return 0;
    }
    PyErr_SetRaisedException(Py_NewRef(exception));
    fire_exception_event(tstate, frame, PY_MONITORING_EVENT_EXCEPTION_HANDLED, handler);
    /* the interpreter would unwind with an exception the callback raised; it is dropped here */
    PyErr_Clear();
    return 1;
}

/* Only a MemoryError makes it None, which a RERAISE then reports as a SystemError. */
PyObject *pyjit_last_instruction(_PyInterpreterFrame *frame) {
    PyObject *lasti = PyLong_FromLong(_PyInterpreterFrame_LASTI(frame));
    if (lasti == NULL) {
        PyErr_Clear();
        return Py_NewRef(Py_None);
    }
    return lasti;
}

PyObject *pyjit_leave_reraising(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    return pyjit_slow_leave_raising(tstate, frame, 0);
}

/* The reference to the exception handled before moves from the thread's state to the stack. */
PyObject *pyjit_push_exc_info(PyThreadState *tstate, PyObject *exception) {
    _PyErr_StackItem *info = tstate->exc_info;
    PyObject *previous = info->exc_value != NULL ? info->exc_value : Py_None;
    info->exc_value = Py_NewRef(exception);
    return previous;
}

void pyjit_pop_except(PyThreadState *tstate, PyObject *previous) {
    Py_XSETREF(tstate->exc_info->exc_value, Py_IsNone(previous) ? NULL : previous);
}

PyObject *pyjit_check_exc_match(PyThreadState *tstate, PyObject *exception, PyObject *type) {
    if (_PyEval_CheckExceptTypeValid(tstate, type) < 0) {
        return NULL;
    }
    return PyBool_FromLong(PyErr_GivenExceptionMatches(exception, type));
}

/* except*: the pair (rest, match); a match becomes the exception being handled. */
PyObject *pyjit_check_eg_match(PyThreadState *tstate, PyObject *exception, PyObject *type) {
    if (_PyEval_CheckExceptStarTypeValid(tstate, type) < 0) {
        return NULL;
    }
    PyObject *match = NULL, *rest = NULL;
    if (_PyEval_ExceptionGroupMatch(exception, type, &match, &rest) < 0 || match == NULL) {
        return NULL;
    }
    if (!Py_IsNone(match)) {
        PyErr_SetHandledException(match);
    }
    return pyjit_pair_tuple(rest, match);
}

PyObject *pyjit_with_except_start(PyObject *exit, PyObject *lasti, PyObject *previous, PyObject *exception) {
    (void)lasti;
    (void)previous;
    PyObject *traceback = PyException_GetTraceback(exception);
    if (traceback == NULL) {
        traceback = Py_None;
    } else {
        Py_DECREF(traceback);
    }
    PyObject *arguments[4] = {NULL, PyExceptionInstance_Class(exception), exception, traceback};
    return PyObject_Vectorcall(exit, arguments + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* RERAISE: lasti (NULL if none) puts the frame's instruction pointer back where the exception was raised. */
int pyjit_reraise(_PyInterpreterFrame *frame, PyObject *lasti, PyObject *exception) {
    if (lasti != NULL) {
        if (!PyLong_Check(lasti)) {
            PyErr_SetString(PyExc_SystemError, "lasti is not an int");
            return -1;
        }
        frame->instr_ptr = _PyCode_CODE(code_of(frame)) + PyLong_AsLong(lasti);
    }
    PyErr_SetRaisedException(Py_NewRef(exception));
    return -1;
}

/* A bare raise (do_raise without an exception): 1 when the exception being handled is raised
 * again, -1 when there is none (RuntimeError). */
int pyjit_reraise_handled(void) {
    PyObject *handled = PyErr_GetHandledException();
    if (handled == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
        return -1;
    }
    PyErr_SetRaisedException(handled);
    return 1;
}

PyObject *pyjit_cleanup_throw(PyObject *iterator, PyObject *last_sent, PyObject *exception) {
    (void)iterator;
    (void)last_sent;
    if (!PyErr_GivenExceptionMatches(exception, PyExc_StopIteration)) {
        PyErr_SetRaisedException(Py_NewRef(exception));
        return NULL;
    }
    return PyTuple_Pack(2, Py_None, ((PyStopIterationObject *)exception)->value);
}

int pyjit_end_async_for(PyObject *awaitable, PyObject *exception) {
    (void)awaitable;
    if (!PyErr_GivenExceptionMatches(exception, PyExc_StopAsyncIteration)) {
        PyErr_SetRaisedException(Py_NewRef(exception));
        return -1;
    }
    return 0;
}

int pyjit_resume_point(_PyInterpreterFrame *frame) {
    return (int)(frame->instr_ptr - _PyCode_CODE(code_of(frame)));
}

PyObject *pyjit_resumed_item(_PyInterpreterFrame *frame, int i) {
    return frame->localsplus[code_of(frame)->co_nlocalsplus + i];
}

/* The collector sees a frame's stack up to stacktop: none of it is the frame's now. */
void pyjit_take_resumed_stack(_PyInterpreterFrame *frame) {
    frame->stacktop = code_of(frame)->co_nlocalsplus;
}

PyObject *pyjit_resume_elsewhere(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    unlink_frame(tstate, frame);
    return _PyEval_EvalFrameDefault(tstate, frame, 0);
}

/* Whether the consumer took what it was offered (unboxed: a number, before it was boxed), counted
 * for the stats. */
static inline int counted_if_taken(int taken, int unboxed) {
    pyjit_consumed_items += taken;
    pyjit_consumed_unboxed += taken & unboxed;
    return taken;
}

PYJIT_SPECIALISED int pyjit_offer_to_consumer(PyjitConsumer *consumer, PyObject *value) {
    return consumer != NULL && counted_if_taken(pyjit_consumer_take(consumer, value), 0);
}

PYJIT_SPECIALISED int pyjit_offer_float_to_consumer(PyjitConsumer *consumer, double value) {
    return consumer != NULL && counted_if_taken(pyjit_consumer_take_float(consumer, value), 1);
}

PYJIT_SPECIALISED int pyjit_offer_int_to_consumer(PyjitConsumer *consumer, int64_t value) {
    return consumer != NULL && counted_if_taken(pyjit_consumer_take_int(consumer, value), 1);
}

PyObject *pyjit_none(void) {
    return Py_None;
}

PyObject *pyjit_yield(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *value, int resume_at, int oparg,
                      PyObject **stack, int depth) {
    PyCodeObject *code = code_of(frame);
    spill_stack(frame, stack, depth);
    frame->stacktop = code->co_nlocalsplus + depth;
    frame->instr_ptr = _PyCode_CODE(code) + resume_at;
    PyGenObject *gen = _PyFrame_GetGenerator(frame);
    gen->gi_frame_state = FRAME_SUSPENDED + oparg;
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    unlink_frame(tstate, frame);
    frame->previous = NULL;
    return value;
}

void pyjit_release_all(PyObject **items, int n) {
    for (int i = 0; i < n; i++) {
        Py_XDECREF(items[i]);
    }
}

double pyjit_float_value(PyObject *exact_float) {
    return PyFloat_AS_DOUBLE(exact_float);
}

/* PyFloat_FromDouble, taking the float from the freelist of the thread state compiled code has at
 * hand: CPython finds it through thread-local storage, which from a shared library is a call into
 * the dynamic linker (__tls_get_addr, 2-3% of a float-heavy run). */
PyObject *pyjit_float_box_in(PyThreadState *tstate, double value) {
    struct _Py_float_freelist *floats = &tstate->interp->object_state.freelists.floats;
    PyFloatObject *op = floats->items;
    if (op == NULL || _PyRuntime.tracemalloc.config.tracing || _PyRuntime.ref_tracer.tracer_func != NULL) {
        return PyFloat_FromDouble(value);
    }
    floats->items = (PyFloatObject *)Py_TYPE(op);
    floats->numfree--;
    /* what _PyObject_Init does for an immortal type with nobody tracing references */
    Py_SET_TYPE(op, &PyFloat_Type);
    op->ob_base.ob_refcnt = 1;
    op->ob_fval = value;
    return (PyObject *)op;
}

PyObject *pyjit_float_box(double value) {
    return pyjit_float_box_in(_PyThreadState_GET(), value);
}

void pyjit_float_division_by_zero(void) {
    PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
}

PyObject *pyjit_bool(int value) {
    return value ? Py_True : Py_False;
}

PyObject *pyjit_load_const(_PyInterpreterFrame *frame, int index) {
    return Py_NewRef(PyTuple_GET_ITEM(code_of(frame)->co_consts, index));
}

PyObject *pyjit_load_local(_PyInterpreterFrame *frame, int slot) {
    return Py_NewRef(frame->localsplus[slot]);
}

PyObject *pyjit_load_local_or_unbound_float(_PyInterpreterFrame *frame, int slot) {
    PyObject *value = frame->localsplus[slot];
    return value == NULL ? (PyObject *)&pyjit_unbound_float : Py_NewRef(value);
}

PyObject *pyjit_load_local_or_unbound_int(_PyInterpreterFrame *frame, int slot) {
    PyObject *value = frame->localsplus[slot];
    return value == NULL ? (PyObject *)&pyjit_unbound_int : Py_NewRef(value);
}

PyObject *pyjit_load_local_checked(_PyInterpreterFrame *frame, int slot) {
    PyObject *value = frame->localsplus[slot];
    if (value == NULL) {
        _PyEval_FormatExcCheckArg(PyThreadState_Get(), PyExc_UnboundLocalError,
                "cannot access local variable '%s' where it is not associated with a value",
                PyTuple_GetItem(code_of(frame)->co_localsplusnames, slot));
        return NULL;
    }
    return Py_NewRef(value);
}

/* What pyjit_store_local writes to the frame for this object. */
PyObject *pyjit_as_stored(PyObject *value) {
    return value == (PyObject *)&pyjit_unbound_float || value == (PyObject *)&pyjit_unbound_int ? NULL : value;
}

void pyjit_store_local(_PyInterpreterFrame *frame, int slot, PyObject *value) {
    PyObject *old = frame->localsplus[slot];
    frame->localsplus[slot] = pyjit_as_stored(value);
    Py_XDECREF(old);
}

static inline PyObject *name_at(_PyInterpreterFrame *frame, int index) {
    return PyTuple_GET_ITEM(code_of(frame)->co_names, index);
}

/* As LOAD_GLOBAL: exact dicts by lookup, anything else (a dict subclass with __missing__,
 * a mapping given to exec) through the mapping protocol. */
PyObject *pyjit_load_global(_PyInterpreterFrame *frame, int name_index) {
    PyObject *name = name_at(frame, name_index);
    PyObject *value;
    if (PyDict_CheckExact(frame->f_globals) && PyDict_CheckExact(frame->f_builtins)) {
        if (PyDict_GetItemRef(frame->f_globals, name, &value) < 0) {
            return NULL;
        }
        if (value == NULL && PyDict_GetItemRef(frame->f_builtins, name, &value) < 0) {
            return NULL;
        }
    } else {
        if (PyMapping_GetOptionalItem(frame->f_globals, name, &value) < 0) {
            return NULL;
        }
        if (value == NULL && PyMapping_GetOptionalItem(frame->f_builtins, name, &value) < 0) {
            return NULL;
        }
    }
    if (value == NULL) {
        _PyEval_FormatExcCheckArg(PyThreadState_Get(), PyExc_NameError, "name '%.200s' is not defined", name);
    }
    return value;
}

int pyjit_store_global(_PyInterpreterFrame *frame, int name_index, PyObject *value) {
    return PyDict_SetItem(frame->f_globals, name_at(frame, name_index), value);
}

PyObject *pyjit_load_attr(_PyInterpreterFrame *frame, PyObject *owner, int name_index) {
    return PyObject_GetAttr(owner, name_at(frame, name_index));
}

int pyjit_store_attr(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value) {
    return PyObject_SetAttr(owner, name_at(frame, name_index), value);
}

/* ---- The interpreter's inline caches. Compiled code reads the cache of the instruction it was
 * compiled from, as the specialised instruction would (Python/bytecodes.c), but only while the
 * instruction is still specialised that way: the cache's layout depends on the opcode. A guard
 * that fails takes the generic path; nothing here raises. */

static inline _Py_CODEUNIT *instruction_at(_PyInterpreterFrame *frame, int at) {
    return _PyCode_CODE(code_of(frame)) + at;
}

/* What the specialised LOAD_GLOBAL finds (borrowed), or NULL where its guards fail. */
static inline PYJIT_SPECIALISED PyObject *cached_global(_PyInterpreterFrame *frame, int at, int specialised) {
    _Py_CODEUNIT *instr = instruction_at(frame, at);
    PyDictObject *globals = (PyDictObject *)frame->f_globals;
    if (instr->op.code != specialised || !PyDict_CheckExact(globals) || globals->ma_keys->dk_version != instr[2].cache) {
        return NULL;
    }
    PyDictKeysObject *keys = globals->ma_keys;
    PyDictObject *builtins = (PyDictObject *)frame->f_builtins;
    if (specialised == LOAD_GLOBAL_BUILTIN) {
        keys = PyDict_CheckExact(builtins) && builtins->ma_keys->dk_version == instr[3].cache ? builtins->ma_keys : NULL;
    }
    return keys == NULL ? NULL : DK_UNICODE_ENTRIES(keys)[instr[4].cache].me_value;
}

PYJIT_SPECIALISED PyObject *pyjit_load_global_cached(_PyInterpreterFrame *frame, int name_index, int at, int specialised) {
    PyObject *value = cached_global(frame, at, specialised);
    return value != NULL ? Py_NewRef(value) : pyjit_load_global(frame, name_index);
}

static inline int dict_of_str_keys(PyObject *dict) {
    return PyDict_CheckExact(dict) && DK_IS_UNICODE(((PyDictObject *)dict)->ma_keys);
}

/* LOAD_GLOBAL where compiled code keeps locals the frame does not have yet, so no Python code may
 * run: 0 with *value a new reference, -1 with NameError raised, or 1 where the lookup could run
 * code (globals or builtins that are not exact dicts of str keys, whose __eq__ could run). */
PYJIT_SPECIALISED int pyjit_load_global_quiet(_PyInterpreterFrame *frame, int name_index, int at, int specialised, PyObject **value) {
    PyObject *cached = cached_global(frame, at, specialised);
    if (cached != NULL) {
        *value = Py_NewRef(cached);
        return 0;
    }
    if (!dict_of_str_keys(frame->f_globals) || !dict_of_str_keys(frame->f_builtins)) {
        return 1;
    }
    *value = pyjit_load_global(frame, name_index);
    return *value == NULL ? -1 : 0;
}

/* ---- A site's own shapes. Once a function runs compiled, its instructions' inline caches are
 * frozen at the one type the interpreter last specialised them for; a site that meets other types
 * (a method of a base class called on each subclass) would take the generic path on each of them.
 * So each attribute site of compiled code also keeps a few shapes of its own, found the way the
 * specialiser finds them (Python/specialize.c) and checked by type version as its guards are. */

#define PYJIT_SITE_SHAPES 4
/* A site that keeps meeting new shapes stops looking: each look costs a type lookup. */
#define PYJIT_SITE_MAX_FILLS 16

/* SHAPE_OWN_CLASS_ATTR: the owner is a class (of the metaclass type) and the attribute is found in
 * its own MRO; the shape's version is the class's own. The others are the owner's type's.
 * SHAPE_PROPERTY: the type has a property under the name, the shape's attribute; only a
 * USE_PROPERTY site (pyjit_slow_property_getter) keeps it. */
enum { SHAPE_INSTANCE_VALUE = 1, SHAPE_SLOT, SHAPE_CLASS_ATTR_WITH_VALUES, SHAPE_CLASS_ATTR_NO_DICT, SHAPE_OWN_CLASS_ATTR, SHAPE_PROPERTY };
enum { USE_LOAD, USE_METHOD, USE_STORE, USE_PROPERTY };
/* What a class attribute gives: itself; itself, bound to the owner by LOAD_ATTR's method form; or,
 * a staticmethod, the callable it wraps (read at each load: its __init__ can change it) */
enum { BIND_NONE, BIND_SELF, BIND_UNWRAP };

/* Objects/funcobject.c's staticmethod, whose layout is checked against the type's size before a
 * shape reads it */
typedef struct {
    PyObject_HEAD
    PyObject *sm_callable;
    PyObject *sm_dict;
} PyjitStaticMethod;

typedef struct {
    uint32_t type_version; /* 0: an empty shape (no type has version 0) */
    uint8_t kind;
    uint8_t binding;       /* a class attribute's BIND_ */
    uint16_t index;        /* the inline value's index, or the slot's offset */
    Py_ssize_t keys_entries; /* SHAPE_CLASS_ATTR_WITH_VALUES: the shared keys' length, which did not hold the name */
    PyObject *attribute;   /* a class attribute, borrowed from the type (a new version if it changes) */
} PyjitShape;

struct PyjitSite {
    PyjitShape shapes[PYJIT_SITE_SHAPES];
    uint32_t next;
    uint32_t fills;
};

_Static_assert(sizeof(PyjitSite) == 8 * PYJIT_SITE_WORDS, "PYJIT_SITE_WORDS is the size the lowering allocates");
/* The lowering reads the size from here, so that it cannot differ from the C runtime's. */
__attribute__((used)) static const int pyjit_site_words = PYJIT_SITE_WORDS;

static inline PyjitShape *site_shape(PyjitSite *site, PyObject *owner) {
    /* a class C as the owner goes by its own version, as C's instances go by their type's: the
     * kinds tell the two apart */
    int own = Py_IS_TYPE(owner, &PyType_Type);
    uint32_t version = own ? ((PyTypeObject *)owner)->tp_version_tag : Py_TYPE(owner)->tp_version_tag;
    for (int i = 0; version != 0 && i < PYJIT_SITE_SHAPES; i++) {
        if (site->shapes[i].type_version == version && (site->shapes[i].kind == SHAPE_OWN_CLASS_ATTR) == own) {
            return &site->shapes[i];
        }
    }
    return NULL;
}

/* A class attribute as the shape gives it (borrowed), or NULL (a staticmethod emptied). */
static inline PyObject *class_attribute(const PyjitShape *shape) {
    return shape->binding == BIND_UNWRAP ? ((PyjitStaticMethod *)shape->attribute)->sm_callable : shape->attribute;
}

/* The attribute a shape of the owner's type finds (borrowed), or NULL where it does not apply. */
static inline PyObject *shape_load(const PyjitShape *shape, PyObject *owner) {
    switch (shape->kind) {
    case SHAPE_INSTANCE_VALUE: {
        PyDictValues *values = _PyObject_InlineValues(owner);
        return values->valid ? values->values[shape->index] : NULL;
    }
    case SHAPE_SLOT:
        return *(PyObject **)((char *)owner + shape->index);
    case SHAPE_CLASS_ATTR_WITH_VALUES:
        /* shared keys only grow: the same length means the instance still cannot have the name */
        return _PyObject_InlineValues(owner)->valid
                && ((PyHeapTypeObject *)Py_TYPE(owner))->ht_cached_keys->dk_nentries == shape->keys_entries ? class_attribute(shape) : NULL;
    case SHAPE_CLASS_ATTR_NO_DICT:
    case SHAPE_OWN_CLASS_ATTR:
        return class_attribute(shape);
    default:
        return NULL;
    }
}

static Py_ssize_t shared_key_index(PyDictKeysObject *keys, PyObject *name) {
    PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
    Py_hash_t hash = PyObject_Hash(name);
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        PyObject *key = entries[i].me_key;
        if (key == name || (key != NULL && PyObject_Hash(key) == hash && PyUnicode_Compare(key, name) == 0)) {
            return i;
        }
    }
    return -1;
}

static int is_static_method(PyObject *attribute) {
    return Py_IS_TYPE(attribute, &PyStaticMethod_Type) && PyStaticMethod_Type.tp_basicsize == sizeof(PyjitStaticMethod);
}

/* Whether a class attribute stays what it is while its class's version does: an object of a class
 * of Python's becomes a descriptor when that class gains __get__ or __set__, and no version of the
 * class it is an attribute of changes (the specialiser's MUTABLE class attributes). */
static int of_immutable_type(PyObject *attribute) {
    return _PyType_HasFeature(Py_TYPE(attribute), Py_TPFLAGS_IMMUTABLETYPE);
}

/* Whether a class attribute read through an instance can be taken from the shape: not a
 * descriptor, a method that the method form binds, or a staticmethod (*binding set). */
static int plain_class_attribute(PyObject *attribute, int use, uint8_t *binding) {
    *binding = use == USE_METHOD && _PyType_HasFeature(Py_TYPE(attribute), Py_TPFLAGS_METHOD_DESCRIPTOR) ? BIND_SELF
               : is_static_method(attribute) ? BIND_UNWRAP : BIND_NONE;
    return of_immutable_type(attribute) && (*binding != BIND_NONE || Py_TYPE(attribute)->tp_descr_get == NULL);
}

/* A builtin's method or slot wrapper (object.__setattr__), read through its class: itself. */
static int is_builtin_method(PyObject *attribute) {
    return Py_IS_TYPE(attribute, &PyMethodDescr_Type) || Py_IS_TYPE(attribute, &PyWrapperDescr_Type);
}

/* The shape of a class's own attribute, read through the class (a staticmethod called as
 * Strength.weaker(a, b), which the interpreter does not specialise): as type.__getattribute__
 * finds it where the metaclass type has no data descriptor of that name (type.__setattr__ is
 * none: object.__setattr__ read through object is object's). A function is itself, a
 * staticmethod what it wraps, a builtin's method or slot wrapper itself, anything else that is
 * no descriptor itself; the method form binds none of them. */
static int own_class_shape(PyTypeObject *cls, PyObject *name, int use, PyjitShape *shape) {
    PyObject *meta_attribute = _PyType_Lookup(&PyType_Type, name);
    if (use == USE_STORE || (meta_attribute != NULL && Py_TYPE(meta_attribute)->tp_descr_set != NULL) || !PyUnstable_Type_AssignVersionTag(cls)) {
        return 0;
    }
    uint32_t version = cls->tp_version_tag;
    PyObject *attribute = _PyType_Lookup(cls, name);
    if (cls->tp_version_tag != version || attribute == NULL) {
        return 0;
    }
    uint8_t binding = is_static_method(attribute) ? BIND_UNWRAP : BIND_NONE;
    if (!of_immutable_type(attribute) || (binding == BIND_NONE && !PyFunction_Check(attribute) && !is_builtin_method(attribute)
                                          && Py_TYPE(attribute)->tp_descr_get != NULL)) {
        return 0;
    }
    *shape = (PyjitShape){.type_version = version, .kind = SHAPE_OWN_CLASS_ATTR, .binding = binding, .attribute = attribute};
    return 1;
}

/* The shape kept in the site, over its oldest. */
static PyjitShape *site_keep(PyjitSite *site, PyjitShape shape) {
    PyjitShape *kept = &site->shapes[site->next++ % PYJIT_SITE_SHAPES];
    *kept = shape;
    return kept;
}

/* Finds the shape of the owner's type for the name, as the specialiser would, and keeps it in the
 * site; NULL where no shape applies. Runs no Python code. */
static __attribute__((noinline)) PyjitShape *site_fill(PyjitSite *site, PyObject *owner, PyObject *name, int use) {
    if (site->fills >= PYJIT_SITE_MAX_FILLS) {
        return NULL;
    }
    site->fills++;
    PyTypeObject *type = Py_TYPE(owner);
    if (type == &PyType_Type) {
        PyjitShape shape;
        return own_class_shape((PyTypeObject *)owner, name, use, &shape) ? site_keep(site, shape) : NULL;
    }
    if ((use == USE_STORE ? type->tp_setattro != PyObject_GenericSetAttr : type->tp_getattro != PyObject_GenericGetAttr)
            || !PyUnstable_Type_AssignVersionTag(type)) {
        return NULL;
    }
    uint32_t version = type->tp_version_tag;
    PyObject *descriptor = _PyType_Lookup(type, name);
    if (type->tp_version_tag != version) {
        return NULL;
    }
    PyjitShape shape = {.type_version = version};
    if (use == USE_PROPERTY) {
        /* a property is a data descriptor: it comes before the instance's own attributes */
        if (pyjit_property_fget(descriptor) == NULL) {
            return NULL;
        }
        shape.kind = SHAPE_PROPERTY;
        shape.attribute = descriptor;
        return site_keep(site, shape);
    }
    if (descriptor != NULL && Py_TYPE(descriptor)->tp_descr_set != NULL) {
        /* a data descriptor comes before the instance: only a slot's is read here, and only
         * through an instance of the class that has the slot (a slot's descriptor put on another
         * class raises TypeError there: its offset is not in that class's instances) */
        if (!Py_IS_TYPE(descriptor, &PyMemberDescr_Type) || !PyType_IsSubtype(type, ((PyDescrObject *)descriptor)->d_type)) {
            return NULL;
        }
        PyMemberDef *member = ((PyMemberDescrObject *)descriptor)->d_member;
        if (member->type != Py_T_OBJECT_EX || (use == USE_STORE && (member->flags & Py_READONLY)) || member->offset > UINT16_MAX) {
            return NULL;
        }
        shape.kind = SHAPE_SLOT;
        shape.index = (uint16_t)member->offset;
    } else if (_PyType_HasFeature(type, Py_TPFLAGS_INLINE_VALUES)) {
        PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
        Py_ssize_t index = shared_key_index(keys, name);
        /* the instance's value, unless a class attribute of the name could become a data descriptor */
        if (index >= 0 && index < _PyObject_InlineValues(owner)->capacity && (descriptor == NULL || of_immutable_type(descriptor))) {
            shape.kind = SHAPE_INSTANCE_VALUE;
            shape.index = (uint16_t)index;
        } else if (index < 0 && use != USE_STORE && descriptor != NULL && plain_class_attribute(descriptor, use, &shape.binding)) {
            shape.kind = SHAPE_CLASS_ATTR_WITH_VALUES;
            shape.keys_entries = keys->dk_nentries;
            shape.attribute = descriptor;
        } else {
            return NULL;
        }
    } else if (use != USE_STORE && type->tp_dictoffset == 0 && !_PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT) && descriptor != NULL
            && plain_class_attribute(descriptor, use, &shape.binding)) {
        shape.kind = SHAPE_CLASS_ATTR_NO_DICT;
        shape.attribute = descriptor;
    } else {
        return NULL;
    }
    return site_keep(site, shape);
}

/* The lookup inlined into each helper and the fill kept out of it: a call with the fill inlined
 * saved and restored six registers around every lookup that hit (deltablue's polymorphic sites
 * spent 4% of its time there). */
static inline __attribute__((always_inline)) PyjitShape *site_shape_or_fill(PyjitSite *site, PyObject *owner, PyObject *name, int use) {
    PyjitShape *shape = site_shape(site, owner);
    return shape != NULL ? shape : site_fill(site, owner, name, use);
}

/* The site's code runs in the runtime library (PYJIT_SLOW): compiled code inlines the
 * interpreter's cache alone and calls these, so no module compiles them again. */

/* Where the site's shapes say the attribute a store writes lives in the owner, or NULL. */
PYJIT_SLOW PyObject **pyjit_slow_site_slot(PyjitSite *site, PyObject *owner, PyObject *name) {
    PyjitShape *shape = site_shape_or_fill(site, owner, name, USE_STORE);
    if (shape != NULL && shape->kind == SHAPE_INSTANCE_VALUE) {
        PyDictValues *values = _PyObject_InlineValues(owner);
        return values->valid ? &values->values[shape->index] : NULL;
    }
    return shape != NULL && shape->kind == SHAPE_SLOT ? (PyObject **)((char *)owner + shape->index) : NULL;
}

/* The attribute the site's shapes find for the owner (borrowed), or NULL where none applies. */
PYJIT_SLOW PyObject *pyjit_slow_site_attribute(PyjitSite *site, PyObject *owner, PyObject *name, int use, int *method) {
    PyjitShape *shape = site_shape_or_fill(site, owner, name, use);
    if (shape == NULL) {
        return NULL;
    }
    *method = shape->binding == BIND_SELF;
    return shape_load(shape, owner);
}

/* The generic load of the attribute named by its self (see pyjit_slow_property_getter). */
static PyObject *load_named_attribute(PyObject *name, PyObject *owner) {
    return PyObject_GetAttr(owner, name);
}

static PyMethodDef attribute_loader = {"load_attribute", load_named_attribute, METH_O, NULL};

/* The loader of each name, made once: a site whose owners have no property takes it at each load. */
static PyObject *attribute_loaders;

static PyObject *attribute_loader_of(PyObject *name) {
    if (attribute_loaders == NULL && (attribute_loaders = PyDict_New()) == NULL) {
        return NULL;
    }
    PyObject *loader = PyDict_GetItemWithError(attribute_loaders, name);
    if (loader != NULL || PyErr_Occurred()) {
        return Py_XNewRef(loader);
    }
    loader = PyCFunction_New(&attribute_loader, name);
    if (loader != NULL && PyDict_SetItem(attribute_loaders, name, loader) < 0) {
        Py_CLEAR(loader);
    }
    return loader;
}

/* The property's getter, read at each load (its __init__ can change it): the owner's type found
 * it under the name when its version was the one the shape has, so property_descr_get would
 * call it with the owner as the call will. Where the site knows no such property, the call
 * loads the attribute as LOAD_ATTR does, a builtin between them, which no traceback shows. */
PYJIT_SLOW PyObject *pyjit_slow_property_getter(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyjitSite *site) {
    PyObject *name = name_at(frame, name_index);
    PyjitShape *shape = site_shape_or_fill(site, owner, name, USE_PROPERTY);
    PyObject *getter = shape != NULL && shape->kind == SHAPE_PROPERTY ? pyjit_property_fget(shape->attribute) : NULL;
    return getter != NULL ? Py_NewRef(getter) : attribute_loader_of(name);
}

/* What the specialised LOAD_ATTR finds (borrowed), or NULL where its guards fail. */
static inline PYJIT_SPECIALISED PyObject *cached_attribute(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised) {
    _Py_CODEUNIT *instr = instruction_at(frame, at);
    if (instr->op.code != specialised) {
        return NULL;
    }
    PyTypeObject *type = Py_TYPE(owner);
    uint32_t version = read_u32(&instr[2].cache);
    switch (specialised) {
    case LOAD_ATTR_INSTANCE_VALUE:
        if (type->tp_version_tag != version || !_PyObject_InlineValues(owner)->valid) {
            return NULL;
        }
        return _PyObject_InlineValues(owner)->values[instr[4].cache];
    case LOAD_ATTR_WITH_HINT: {
        PyDictObject *dict = type->tp_version_tag == version ? _PyObject_GetManagedDict(owner) : NULL;
        uint16_t hint = instr[4].cache;
        if (dict == NULL || hint >= (size_t)dict->ma_keys->dk_nentries) {
            return NULL;
        }
        PyObject *name = name_at(frame, name_index);
        if (DK_IS_UNICODE(dict->ma_keys)) {
            PyDictUnicodeEntry *entry = DK_UNICODE_ENTRIES(dict->ma_keys) + hint;
            return entry->me_key == name ? entry->me_value : NULL;
        }
        PyDictKeyEntry *entry = DK_ENTRIES(dict->ma_keys) + hint;
        return entry->me_key == name ? entry->me_value : NULL;
    }
    case LOAD_ATTR_SLOT:
        return type->tp_version_tag == version ? *(PyObject **)((char *)owner + instr[4].cache) : NULL;
    case LOAD_ATTR_MODULE: {
        if (!PyModule_CheckExact(owner)) {
            return NULL;
        }
        PyDictObject *dict = (PyDictObject *)((PyModuleObject *)owner)->md_dict;
        return dict->ma_keys->dk_version == version ? DK_UNICODE_ENTRIES(dict->ma_keys)[instr[4].cache].me_value : NULL;
    }
    case LOAD_ATTR_CLASS:
        return PyType_Check(owner) && ((PyTypeObject *)owner)->tp_version_tag == version ? read_obj(&instr[6].cache) : NULL;
    case LOAD_ATTR_METHOD_WITH_VALUES:
    case LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES:
        /* the instance has no attribute of that name: its values are inline, over the type's shared keys, unchanged */
        if (type->tp_version_tag != version || !_PyObject_InlineValues(owner)->valid
                || ((PyHeapTypeObject *)type)->ht_cached_keys->dk_version != read_u32(&instr[4].cache)) {
            return NULL;
        }
        return read_obj(&instr[6].cache);
    case LOAD_ATTR_METHOD_NO_DICT:
    case LOAD_ATTR_NONDESCRIPTOR_NO_DICT:
        return type->tp_version_tag == version ? read_obj(&instr[6].cache) : NULL;
    default:
        return NULL;
    }
}

/* The attribute the interpreter's cache or the site's shapes find (borrowed), or NULL. */
static inline PYJIT_SPECIALISED PyObject *known_attribute(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised,
                                                          PyjitSite *site) {
    PyObject *attr = cached_attribute(frame, owner, name_index, at, specialised);
    int method;
    return attr != NULL ? attr : pyjit_slow_site_attribute(site, owner, name_at(frame, name_index), USE_LOAD, &method);
}

PYJIT_SPECIALISED PyObject *pyjit_load_attr_cached(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised,
                                                   PyjitSite *site) {
    PyObject *attr = known_attribute(frame, owner, name_index, at, specialised, site);
    return attr != NULL ? Py_NewRef(attr) : pyjit_load_attr(frame, owner, name_index);
}

/* The fast path of pyjit_load_attr_cached alone: a new reference, or NULL (no error set) where it does not apply. */
PYJIT_SPECIALISED PyObject *pyjit_load_attr_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised,
                                                 PyjitSite *site) {
    PyObject *attr = known_attribute(frame, owner, name_index, at, specialised, site);
    return attr != NULL ? Py_NewRef(attr) : NULL;
}

/* The attribute the fast path finds where it is an exact float (borrowed: compiled code reads its
 * double at once), or NULL (no error set) where the attribute is to be loaded the generic way. */
PYJIT_SPECIALISED PyObject *pyjit_load_attr_float_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised,
                                                       PyjitSite *site) {
    PyObject *attr = known_attribute(frame, owner, name_index, at, specialised, site);
    return attr != NULL && PyFloat_CheckExact(attr) ? attr : NULL;
}

PYJIT_SPECIALISED PyObject *pyjit_load_method(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised,
                                              PyjitSite *site, PyObject **self) {
    PyObject *attr = cached_attribute(frame, owner, name_index, at, specialised);
    int method = specialised == LOAD_ATTR_METHOD_WITH_VALUES || specialised == LOAD_ATTR_METHOD_NO_DICT;
    if (attr == NULL) {
        attr = pyjit_slow_site_attribute(site, owner, name_at(frame, name_index), USE_METHOD, &method);
    }
    if (attr != NULL) {
        *self = method ? Py_NewRef(owner) : NULL;
        return Py_NewRef(attr);
    }
    PyObject *callable = NULL;
    if (_PyObject_GetMethod(owner, name_at(frame, name_index), &callable)) {
        *self = Py_NewRef(owner);
        return callable;
    }
    *self = NULL;
    return callable;
}

/* As LOAD_SUPER_ATTR, and as its specialisations LOAD_SUPER_ATTR_ATTR and LOAD_SUPER_ATTR_METHOD
 * where they apply: the builtin super and a class look the name up without making a super object. */
PyObject *pyjit_load_super_attr(_PyInterpreterFrame *frame, PyObject *global_super, PyObject *cls, PyObject *self, int oparg,
                                PyObject **self_out) {
    PyObject *name = name_at(frame, oparg >> 2);
    if (self_out != NULL) {
        *self_out = NULL;
    }
    if (global_super == (PyObject *)&PySuper_Type && PyType_Check(cls)) {
        int method_found = 0;
        int *want_method = self_out != NULL && Py_TYPE(self)->tp_getattro == PyObject_GenericGetAttr ? &method_found : NULL;
        PyObject *attr = _PySuper_Lookup((PyTypeObject *)cls, self, name, want_method);
        if (attr != NULL && method_found) {
            *self_out = Py_NewRef(self);
        }
        return attr;
    }
    PyObject *stack[] = {cls, self};
    PyObject *super = PyObject_Vectorcall(global_super, stack, oparg & 2, NULL);
    if (super == NULL) {
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(super, name);
    Py_DECREF(super);
    return attr;
}

PYJIT_SPECIALISED int pyjit_store_attr_cached(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value, int at,
                                             int specialised, PyjitSite *site) {
    return pyjit_store_attr_fast(frame, owner, name_index, value, at, specialised, site) == 0 ? 0
            : pyjit_store_attr(frame, owner, name_index, value);
}

/* Stores into an instance's inline values as STORE_ATTR_INSTANCE_VALUE does; 1 where that does not apply. */
static inline int store_instance_value(PyObject *owner, int index, PyObject *value) {
    PyDictValues *values = _PyObject_InlineValues(owner);
    if (_PyObject_GetManagedDict(owner) != NULL || !values->valid) {
        return 1;
    }
    PyObject *old = values->values[index];
    values->values[index] = Py_NewRef(value);
    if (old == NULL) {
        _PyDictValues_AddToInsertionOrder(values, index);
    } else {
        Py_DECREF(old);
    }
    return 0;
}

static inline void store_slot(PyObject *owner, int offset, PyObject *value) {
    PyObject **slot = (PyObject **)((char *)owner + offset);
    PyObject *old = *slot;
    *slot = Py_NewRef(value);
    Py_XDECREF(old);
}

/* Stores by the site's shapes: 0 when stored, 1 where none applies. */
PYJIT_SLOW int pyjit_slow_store_by_site(PyjitSite *site, PyObject *owner, PyObject *name, PyObject *value) {
    PyjitShape *shape = site_shape_or_fill(site, owner, name, USE_STORE);
    if (shape != NULL && shape->kind == SHAPE_INSTANCE_VALUE) {
        return store_instance_value(owner, shape->index, value);
    }
    if (shape != NULL && shape->kind == SHAPE_SLOT) {
        store_slot(owner, shape->index, value);
        return 0;
    }
    return 1;
}

/* The fast path of pyjit_store_attr_cached alone: 0 when it stored the value, 1 (no error set) where it does not apply. */
PYJIT_SPECIALISED int pyjit_store_attr_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value, int at,
                                           int specialised, PyjitSite *site) {
    _Py_CODEUNIT *instr = instruction_at(frame, at);
    if (instr->op.code == specialised && Py_TYPE(owner)->tp_version_tag == read_u32(&instr[2].cache)) {
        int index = instr[4].cache;
        if (specialised == STORE_ATTR_INSTANCE_VALUE) {
            if (store_instance_value(owner, index, value) == 0) {
                return 0;
            }
        } else if (specialised == STORE_ATTR_SLOT) {
            store_slot(owner, index, value);
            return 0;
        }
    }
    return pyjit_slow_store_by_site(site, owner, name_at(frame, name_index), value);
}

/* Where the attribute STORE_ATTR would write lives in the owner (an inline value or a slot), as
 * the interpreter's cache or the site's shapes say; NULL where neither does. */
static inline PyObject **attribute_slot(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised,
                                        PyjitSite *site) {
    _Py_CODEUNIT *instr = instruction_at(frame, at);
    if (instr->op.code == specialised && Py_TYPE(owner)->tp_version_tag == read_u32(&instr[2].cache)) {
        if (specialised == STORE_ATTR_INSTANCE_VALUE) {
            PyDictValues *values = _PyObject_InlineValues(owner);
            return values->valid ? &values->values[instr[4].cache] : NULL;
        }
        if (specialised == STORE_ATTR_SLOT) {
            return (PyObject **)((char *)owner + instr[4].cache);
        }
    }
    return pyjit_slow_site_slot(site, owner, name_at(frame, name_index));
}

/* The store of a body inlined into its call (dev.pyjit.ir.Inlinability), which must run no code:
 * as pyjit_store_attr_fast where the value it replaces dies without running any (there is none,
 * another reference keeps it, or it is an exact int, float or str, which have no finalizers): 0
 * when stored; 1, with nothing done, where the call is to be made instead. */
PYJIT_SPECIALISED int pyjit_store_attr_inline(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value, int at,
                                             int specialised, PyjitSite *site) {
    PyObject **slot = attribute_slot(frame, owner, name_index, at, specialised, site);
    PyObject *old = slot == NULL ? NULL : *slot;
    if (slot == NULL || (old != NULL && Py_REFCNT(old) == 1 && !PyLong_CheckExact(old) && !PyFloat_CheckExact(old) && !PyUnicode_CheckExact(old))) {
        return 1;
    }
    /* the slot found is an inline value's (stored as STORE_ATTR_INSTANCE_VALUE stores, which a
     * materialised dict refuses) or a member's */
    if (_PyType_HasFeature(Py_TYPE(owner), Py_TPFLAGS_INLINE_VALUES)) {
        PyDictValues *values = _PyObject_InlineValues(owner);
        if (slot >= values->values && slot < values->values + values->capacity) {
            return store_instance_value(owner, (int)(slot - values->values), value);
        }
    }
    store_slot(owner, (int)((char *)slot - (char *)owner), value);
    return 0;
}

/* Gives the attribute's float the value, if the owner alone references it: 0 when done, else 1. */
static inline int store_float_in_place(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value, int at, int specialised,
                                       PyjitSite *site) {
    PyObject **slot = attribute_slot(frame, owner, name_index, at, specialised, site);
    PyObject *old = slot == NULL ? NULL : *slot;
    if (old != NULL && PyFloat_CheckExact(old) && pyjit_referenced_once(old)) {
        ((PyFloatObject *)old)->ob_fval = value;
        return 0;
    }
    return 1;
}

/* The fast path of STORE_ATTR of a double (dev.pyjit.ir.Instr.StoreAttrFloat), which runs no
 * Python code: 0 when stored, 1 where it does not apply (also where no float could be made: the
 * generic path then raises the MemoryError). */
PYJIT_SPECIALISED int pyjit_store_attr_float_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value, int at,
                                                 int specialised, PyjitSite *site) {
    if (store_float_in_place(frame, owner, name_index, value, at, specialised, site) == 0) {
        return 0;
    }
    PyObject *box = PyFloat_FromDouble(value);
    if (box == NULL) {
        PyErr_Clear();
        return 1;
    }
    int missed = pyjit_store_attr_fast(frame, owner, name_index, box, at, specialised, site);
    Py_DECREF(box);
    return missed;
}

/* Its generic path: a new float, stored by setattr; 0, or -1 with an error. */
int pyjit_store_attr_float_generic(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value) {
    PyObject *box = PyFloat_FromDouble(value);
    if (box == NULL) {
        return -1;
    }
    int status = pyjit_store_attr(frame, owner, name_index, box);
    Py_DECREF(box);
    return status;
}

/* Both: 0, or -1 with an error. */
PYJIT_SPECIALISED int pyjit_store_attr_float(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value, int at,
                                            int specialised, PyjitSite *site) {
    return pyjit_store_attr_float_fast(frame, owner, name_index, value, at, specialised, site) == 0 ? 0
            : pyjit_store_attr_float_generic(frame, owner, name_index, value);
}

/* ---- The math module's functions that compiled code computes itself (dev.pyjit.ir.MathFunction). */

/* Whether the callable is the function `name` of the math module in sys.modules: its C function and
 * the module it is bound to. Runs no Python code (a sys.modules with keys other than str: no). */
PYJIT_SLOW int pyjit_slow_learn_math_function(PyObject *callable, const char *name, PyCFunction *known) {
    PyObject *modules = PyImport_GetModuleDict();
    if (modules == NULL || !dict_of_str_keys(modules)) {
        return 0;
    }
    PyObject *math = PyDict_GetItemString(modules, "math");
    PyCFunctionObject *function = (PyCFunctionObject *)callable;
    if (math == NULL || function->m_self != math || strcmp(function->m_ml->ml_name, name) != 0) {
        return 0;
    }
    *known = function->m_ml->ml_meth;
    return 1;
}

/* Whether the callable is math's function `name`; *known is the site's note of its C function, once checked. */
PYJIT_SPECIALISED int pyjit_is_math_function(PyObject *callable, const char *name, PyCFunction *known) {
    if (!PyCFunction_CheckExact(callable)) {
        return 0;
    }
    if (*known != NULL) {
        return ((PyCFunctionObject *)callable)->m_ml->ml_meth == *known;
    }
    return pyjit_slow_learn_math_function(callable, name, known);
}

/* The double a math function takes for an exact float, or an exact int of 64 bits (the nearest
 * double, as PyFloat_AsDouble rounds it); 0 for anything else. */
PYJIT_SPECIALISED int pyjit_math_argument(PyObject *argument, double *out) {
    if (PyFloat_CheckExact(argument)) {
        *out = PyFloat_AS_DOUBLE(argument);
        return 1;
    }
    int64_t value;
    if (PyLong_CheckExact(argument) && pyjit_int_value(argument, &value)) {
        *out = (double)value;
        return 1;
    }
    return 0;
}

static PyObject *truth(int value) {
    return Py_NewRef(value ? Py_True : Py_False);
}

/* An exact int of one digit (30 bits of value): what compiled code and the interpreter's
 * specialisations compute with in a machine word. */
static inline int compact_int(PyObject *op) {
    return PyLong_CheckExact(op) && _PyLong_IsCompact((PyLongObject *)op);
}

/* Two floats, a float and a one-digit int, or two one-digit ints for a true division: their
 * doubles, which Python computes with too (an int of 30 bits converts exactly, and two exact
 * operands give the correctly rounded quotient int / int is). */
static inline int as_exact_double(PyObject *lhs, PyObject *rhs, double *a, double *b) {
    int lhs_float = PyFloat_CheckExact(lhs), rhs_float = PyFloat_CheckExact(rhs);
    if (!lhs_float && !compact_int(lhs)) {
        return 0;
    }
    if (!rhs_float && !compact_int(rhs)) {
        return 0;
    }
    *a = lhs_float ? PyFloat_AS_DOUBLE(lhs) : (double)_PyLong_CompactValue((PyLongObject *)lhs);
    *b = rhs_float ? PyFloat_AS_DOUBLE(rhs) : (double)_PyLong_CompactValue((PyLongObject *)rhs);
    return 1;
}

/* Arithmetic on operands of no known type (a function compiled again without speculations after
 * its guards failed, a body inlined into a call): two exact floats (+, -, *, /), the usual case
 * where ints and floats mix (raytrace's Vector(0, 1, 0) among float vectors), and two one-digit
 * ints (+, -, *, &, |, ^; no result overflows a word) are computed in the caller's code, as
 * BINARY_OP's specialisations and long's own functions compute them. 1 with *result (NULL if
 * boxing failed), else 0: the runtime computes the rest, and a division by zero raises there. */
PYJIT_SPECIALISED static inline int numbers_inline(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs, PyObject **result) {
    int base = op >= NB_INPLACE_ADD ? op - NB_INPLACE_ADD : op;
    if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs)) {
        double a = PyFloat_AS_DOUBLE(lhs), b = PyFloat_AS_DOUBLE(rhs);
        if (base == NB_ADD || base == NB_SUBTRACT || base == NB_MULTIPLY || (base == NB_TRUE_DIVIDE && b != 0.0)) {
            *result = pyjit_float_box_in(tstate, base == NB_ADD ? a + b : base == NB_SUBTRACT ? a - b : base == NB_MULTIPLY ? a * b : a / b);
            return 1;
        }
        return 0;
    }
    if (compact_int(lhs) && compact_int(rhs)) {
        Py_ssize_t x = _PyLong_CompactValue((PyLongObject *)lhs), y = _PyLong_CompactValue((PyLongObject *)rhs);
        switch (base) {
        case NB_ADD: *result = pyjit_int_box(x + y); return 1;
        case NB_SUBTRACT: *result = pyjit_int_box(x - y); return 1;
        case NB_MULTIPLY: *result = pyjit_int_box(x * y); return 1;
        case NB_AND: *result = pyjit_int_box(x & y); return 1;
        case NB_OR: *result = pyjit_int_box(x | y); return 1;
        case NB_XOR: *result = pyjit_int_box(x ^ y); return 1;
        default: return 0;
        }
    }
    return 0;
}

/* The operand types the specialising interpreter handles without the number protocol
 * (BINARY_OP_ADD_INT and its siblings): the same functions, reached without its indirections.
 * Returns 0 when it does not handle the operation; else 1, with *result NULL on an error. */
static int binary_op_exact(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs, PyObject **result) {
    if (numbers_inline(tstate, op, lhs, rhs, result)) {
        return 1;
    }
    int add = op == NB_ADD || op == NB_INPLACE_ADD;
    int subtract = op == NB_SUBTRACT || op == NB_INPLACE_SUBTRACT;
    int multiply = op == NB_MULTIPLY || op == NB_INPLACE_MULTIPLY;
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs) && (add || subtract || multiply)) {
        PyLongObject *a = (PyLongObject *)lhs, *b = (PyLongObject *)rhs;
        *result = add ? _PyLong_Add(a, b) : subtract ? _PyLong_Subtract(a, b) : _PyLong_Multiply(a, b);
        return 1;
    }
    if (compact_int(lhs) && compact_int(rhs)) {
        /* one-digit ints: no result of these overflows a machine word */
        Py_ssize_t x = _PyLong_CompactValue((PyLongObject *)lhs), y = _PyLong_CompactValue((PyLongObject *)rhs);
        switch (op >= NB_INPLACE_ADD ? op - NB_INPLACE_ADD : op) {
        case NB_FLOOR_DIVIDE:
        case NB_REMAINDER: {
            if (y == 0) {
                return 0;
            }
            /* Python rounds the quotient down and gives the remainder the divisor's sign */
            Py_ssize_t quotient = x / y, remainder = x % y;
            if (remainder != 0 && (remainder < 0) != (y < 0)) {
                quotient -= 1;
                remainder += y;
            }
            *result = pyjit_int_box((op == NB_FLOOR_DIVIDE || op == NB_INPLACE_FLOOR_DIVIDE) ? quotient : remainder);
            return 1;
        }
        case NB_RSHIFT:
            if (y < 0) {
                return 0;
            }
            *result = pyjit_int_box(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
            return 1;
        default:
            break;
        }
    }
    double a, b;
    if (as_exact_double(lhs, rhs, &a, &b)) {
        int divide = op == NB_TRUE_DIVIDE || op == NB_INPLACE_TRUE_DIVIDE;
        if (add || subtract || multiply || (divide && b != 0.0)) {
            *result = pyjit_float_box_in(tstate, add ? a + b : subtract ? a - b : multiply ? a * b : a / b);
            return 1;
        }
    }
    if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs) && add) {
        *result = PyUnicode_Concat(lhs, rhs);
        return 1;
    }
    return 0;
}

static int call_python(PyThreadState *tstate, PyObject *callable, PyObject **args, int total, PyObject **result);

/* The method a binary operator (not in place, not **) calls on a class written in Python, and the
 * operator's symbol in the protocol's TypeError; NULL for the others. */
static PyObject *operator_method(int op, const char **symbol) {
    switch (op) {
    case NB_ADD: *symbol = "+"; return &_Py_ID(__add__);
    case NB_AND: *symbol = "&"; return &_Py_ID(__and__);
    case NB_FLOOR_DIVIDE: *symbol = "//"; return &_Py_ID(__floordiv__);
    case NB_LSHIFT: *symbol = "<<"; return &_Py_ID(__lshift__);
    case NB_MATRIX_MULTIPLY: *symbol = "@"; return &_Py_ID(__matmul__);
    case NB_MULTIPLY: *symbol = "*"; return &_Py_ID(__mul__);
    case NB_REMAINDER: *symbol = "%"; return &_Py_ID(__mod__);
    case NB_OR: *symbol = "|"; return &_Py_ID(__or__);
    case NB_RSHIFT: *symbol = ">>"; return &_Py_ID(__rshift__);
    case NB_SUBTRACT: *symbol = "-"; return &_Py_ID(__sub__);
    case NB_TRUE_DIVIDE: *symbol = "/"; return &_Py_ID(__truediv__);
    case NB_XOR: *symbol = "^"; return &_Py_ID(__xor__);
    default: return NULL;
    }
}

/* _PyType_Lookup for the names compiled code's calls look up on every call (a class's __init__,
 * an operator's method), keyed as CPython's own method cache is, by the type's version, which
 * changes whenever the class or a base is changed. CPython finds its cache through the thread
 * state, a call into the dynamic linker from its shared library: with the lookup itself, 7% of a
 * program of small vector classes (benchmarks/raytrace.py). The value is borrowed, as CPython's
 * cache keeps it: the type's dictionaries hold it while the version lasts, and a version is never
 * given twice by one interpreter; the cache is used only while the main interpreter is alone, as
 * another one numbers its own types. */
#define TYPE_LOOKUPS 256
static struct {
    PyTypeObject *type;
    unsigned int version;
    PyObject *name;
    PyObject *value;
} type_lookups[TYPE_LOOKUPS];

static PyObject *type_lookup(PyTypeObject *type, PyObject *name) {
    size_t slot = (((uintptr_t)type >> 4) ^ ((uintptr_t)name >> 3)) & (TYPE_LOOKUPS - 1);
    unsigned int version = type->tp_version_tag;
    int alone = pyjit_main_interpreter_alone();
    if (version != 0 && alone && type_lookups[slot].version == version && type_lookups[slot].type == type
            && type_lookups[slot].name == name) {
        return type_lookups[slot].value;
    }
    PyObject *value = _PyType_Lookup(type, name);
    if (type->tp_version_tag != 0 && alone) {
        type_lookups[slot].type = type;
        type_lookups[slot].version = type->tp_version_tag;
        type_lookups[slot].name = name;
        type_lookups[slot].value = value;
    }
    return value;
}

/* A binary operator whose left operand's class has the method in Python, where the number
 * protocol comes down to calling it (abstract.c's binary_op1, typeobject.c's slot wrapper): the
 * right operand is of the same class (whose slot is not tried again) or an exact int or float
 * (whose slots decline any other left operand), the left one is no int or float, and its class has
 * no sequence slot that + or * would try next. The method runs in a frame pushed here (natively
 * where it can); NotImplemented leaves nothing else to try: the TypeError binop_type_error words.
 * Returns 0, having done nothing, where that does not hold; else 1 with *result (NULL on an error). */
static int binary_op_python(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs, PyObject **result) {
    PyTypeObject *type = Py_TYPE(lhs);
    const char *symbol;
    PyObject *name = operator_method(op, &symbol);
    PySequenceMethods *sequence = type->tp_as_sequence;
    if (name == NULL || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || PyLong_Check(lhs) || PyFloat_Check(lhs)
            || (sequence != NULL && (sequence->sq_concat != NULL || sequence->sq_repeat != NULL))
            || !(Py_IS_TYPE(rhs, type) || PyLong_CheckExact(rhs) || PyFloat_CheckExact(rhs))) {
        return 0;
    }
    PyObject *method = type_lookup(type, name);
    if (method == NULL || !PyFunction_Check(method)) {
        return 0;
    }
    PyObject *args[3] = {NULL, Py_NewRef(lhs), Py_NewRef(rhs)};
    Py_INCREF(method);
    PyObject *returned;
    if (!call_python(tstate, method, args + 1, 2, &returned)) {
        returned = PyObject_Vectorcall(method, args + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        Py_DECREF(method);
        Py_DECREF(args[1]);
        Py_DECREF(args[2]);
    }
    if (returned == Py_NotImplemented) {
        Py_DECREF(returned);
        /* the method may have changed the operand's class (and let the old one die) */
        PyErr_Format(PyExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", symbol,
                     Py_TYPE(lhs)->tp_name, Py_TYPE(rhs)->tp_name);
        returned = NULL;
    }
    *result = returned;
    return 1;
}

PyObject *pyjit_binary_op(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs) {
    PyObject *result;
    return binary_op_exact(tstate, op, lhs, rhs, &result) || binary_op_python(tstate, op, lhs, rhs, &result) ? result
                                                                                                              : _PyEval_BinaryOps[op](lhs, rhs);
}

PYJIT_SPECIALISED PyObject *pyjit_binary_op_numbers_inline(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs) {
    PyObject *result;
    return numbers_inline(tstate, op, lhs, rhs, &result) ? result : pyjit_binary_op(tstate, op, lhs, rhs);
}

PYJIT_SPECIALISED PyObject *pyjit_binary_op_exact_numbers_inline(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs) {
    PyObject *result;
    return numbers_inline(tstate, op, lhs, rhs, &result) ? result : pyjit_binary_op_exact(tstate, op, lhs, rhs);
}

/* In a body inlined into a call (see dev.pyjit.ir.Inlined): the operation on ints, floats or
 * strs, which runs no Python code; NULL with no error for other operands, and the call is made. */
PyObject *pyjit_binary_op_exact(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs) {
    PyObject *result;
    return binary_op_exact(tstate, op, lhs, rhs, &result) ? result : NULL;
}

#define COMPARED(a, b, op) ((op) == Py_LT ? (a) < (b) : (op) == Py_LE ? (a) <= (b) : (op) == Py_EQ ? (a) == (b) \
                            : (op) == Py_NE ? (a) != (b) : (op) == Py_GT ? (a) > (b) : (a) >= (b))

/* As COMPARE_OP_INT, COMPARE_OP_FLOAT (also for a float and a one-digit int, which Python compares
 * exactly, as their doubles are) and COMPARE_OP_STR: their results are exact bools already. */
static PyObject *compare_exact(int op, PyObject *lhs, PyObject *rhs) {
    if (compact_int(lhs) && compact_int(rhs)) {
        Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)lhs), b = _PyLong_CompactValue((PyLongObject *)rhs);
        return truth(COMPARED(a, b, op));
    }
    double a, b;
    if (as_exact_double(lhs, rhs, &a, &b)) {
        return truth(COMPARED(a, b, op));
    }
    if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs) && (op == Py_EQ || op == Py_NE)) {
        return truth(_PyUnicode_Equal(lhs, rhs) == (op == Py_EQ));
    }
    return NULL;
}

/* As pyjit_binary_op_exact, for a comparison. */
PyObject *pyjit_compare_exact(int oparg, PyObject *lhs, PyObject *rhs) {
    return compare_exact(oparg >> 5, lhs, rhs);
}

PyObject *pyjit_compare(int oparg, PyObject *lhs, PyObject *rhs) {
    PyObject *exact = compare_exact(oparg >> 5, lhs, rhs);
    if (exact != NULL) {
        return exact;
    }
    PyObject *result = PyObject_RichCompare(lhs, rhs, oparg >> 5);
    if (result == NULL || !(oparg & 16)) {
        return result;
    }
    int is_true = PyObject_IsTrue(result);
    Py_DECREF(result);
    return is_true < 0 ? NULL : truth(is_true);
}

PyObject *pyjit_is(PyObject *lhs, PyObject *rhs, int invert) {
    return truth((lhs == rhs) ^ invert);
}

/* `c in s` of a one-character exact str in an exact str, the test of a character class that
 * parsers make at every character (and sudoku's `d in values[s]`): the characters compared where
 * they lie, without PyUnicode_Contains' generic search; -1 where it does not apply. */
static inline int character_in_string(PyObject *item, PyObject *container) {
    if (!PyUnicode_CheckExact(item) || !PyUnicode_CheckExact(container) || PyUnicode_GET_LENGTH(item) != 1) {
        return -1;
    }
    Py_UCS4 character = PyUnicode_READ_CHAR(item, 0);
    int kind = PyUnicode_KIND(container);
    const void *data = PyUnicode_DATA(container);
    Py_ssize_t length = PyUnicode_GET_LENGTH(container);
    if (kind == PyUnicode_1BYTE_KIND) {
        return character < 256 && memchr(data, (int)character, (size_t)length) != NULL;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyUnicode_READ(kind, data, i) == character) {
            return 1;
        }
    }
    return 0;
}

PyObject *pyjit_contains(PyObject *item, PyObject *container, int invert) {
    int found = character_in_string(item, container);
    if (found >= 0) {
        return truth(found ^ invert);
    }
    found = PySequence_Contains(container, item);
    return found < 0 ? NULL : truth(found ^ invert);
}

/* kind is dev.pyjit.ir.UnaryKind's ordinal: 0 negative, 1 invert, 2 positive. */
PyObject *pyjit_unary(int kind, PyObject *operand) {
    switch (kind) {
    case 0: return PyNumber_Negative(operand);
    case 1: return PyNumber_Invert(operand);
    default: return PyNumber_Positive(operand);
    }
}

PyObject *pyjit_not(PyObject *exact_bool) {
    return truth(exact_bool == Py_False);
}

PyObject *pyjit_to_bool(PyObject *value) {
    /* as the interpreter's TO_BOOL specialisations: the builtins' truth without their slots */
    PyTypeObject *type = Py_TYPE(value);
    if (type == &PyBool_Type) {
        return Py_NewRef(value);
    }
    if (type == &PyLong_Type) {
        return truth(!_PyLong_IsZero((PyLongObject *)value));
    }
    if (type == &PyList_Type || type == &PyTuple_Type) {
        return truth(Py_SIZE(value) != 0);
    }
    if (type == &PyUnicode_Type) {
        return truth(PyUnicode_GET_LENGTH(value) != 0);
    }
    if (value == Py_None) {
        return truth(0);
    }
    int is_true = PyObject_IsTrue(value);
    return is_true < 0 ? NULL : truth(is_true);
}

/* The truth of a value whose exact type the compiled code knows: no slot is called, nothing can
 * fail; the bool is immortal, as pyjit_bool's. */
PyObject *pyjit_int_truth(PyObject *exact_int) {
    return pyjit_bool(!_PyLong_IsZero((PyLongObject *)exact_int));
}

PyObject *pyjit_sized_truth(PyObject *exact_list_or_tuple) {
    return pyjit_bool(Py_SIZE(exact_list_or_tuple) != 0);
}

PyObject *pyjit_str_truth(PyObject *exact_str) {
    return pyjit_bool(PyUnicode_GET_LENGTH(exact_str) != 0);
}

PyObject *pyjit_dict_truth(PyObject *exact_dict) {
    return pyjit_bool(PyDict_GET_SIZE(exact_dict) != 0);
}

int pyjit_is_true(PyObject *exact_bool) {
    return exact_bool == Py_True;
}

int pyjit_is_none(PyObject *value) {
    return value == Py_None;
}

/* A pushed frame straight into its code's optimised native code, where that can take it (its
 * arguments of the types it is specialised for, no tool watching, room on the thread's stack): 1
 * with *result what it returned; else 0, the frame untouched (code still counting towards a
 * compilation, a generator, a stack near its end). */
int pyjit_run_natively(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **result) {
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    CodeState *state = pyjit_code_state(code);
    if (state == NULL || state->native == NULL || state->tier != PYJIT_TIER_OPTIMISED || state->wants_generic
            || pyjit_is_generator_like(code) || pyjit_monitored(tstate, code)
            || !pyjit_stack_has_room(tstate) || !pyjit_as_expected(state, frame)) {
        return 0;
    }
    /* as the evaluator: the stack's room pays for the frame, not the C recursion counter */
    tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
    *result = state->native(tstate, frame, NULL);
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS;
    return 1;
}

/* Compiled code calling compiled code: natively where it can, inlined into the caller; anything
 * else through the frame evaluator. The caller is native code, so the first native entry is
 * recorded already. */
static PyObject *run_pushed(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    PyObject *result;
    return pyjit_run_natively(tstate, frame, &result) ? result : pyjit_run_pushed(tstate, frame);
}

/* As the interpreter's frame-pushing calls (CALL_PY_EXACT_ARGS, _PyEvalFramePushAndInit) with
 * positional arguments only: missing ones from the defaults, extra ones into *args, an empty dict
 * for **kwargs; the callee's frame takes the function and the arguments over, so an argument dies
 * with the callee's local, as in the interpreter. Declined (0, nothing taken) for a function with
 * a vectorcall of an extension's, keyword-only parameters, arguments that do not fit
 * (the vectorcall path words the TypeError), or no room on the thread's frame stack; else 1 and
 * *result is what the call returned. */
static int python_call_fits(PyThreadState *tstate, PyFunctionObject *function, int total) {
    PyCodeObject *code = (PyCodeObject *)function->func_code;
    int positional = code->co_argcount;
    Py_ssize_t defaults = function->func_defaults == NULL ? 0 : PyTuple_GET_SIZE(function->func_defaults);
    return (function->vectorcall == pyjit_interpreted_vectorcall || function->vectorcall == pyjit_enter_function)
           && (code->co_flags & CO_OPTIMIZED) && code->co_kwonlyargcount == 0
           && (total <= positional || (code->co_flags & CO_VARARGS)) && total >= positional - defaults
           && _PyThreadState_HasStackSpace(tstate, code->co_framesize) && (tstate->interp->eval_frame != NULL || pyjit_sampled_entry);
}

static int call_python(PyThreadState *tstate, PyObject *callable, PyObject **args, int total, PyObject **result) {
    PyFunctionObject *function = (PyFunctionObject *)callable;
    PyCodeObject *code = (PyCodeObject *)function->func_code;
    int positional = code->co_argcount;
    int varargs = (code->co_flags & CO_VARARGS) != 0;
    int varkeywords = (code->co_flags & CO_VARKEYWORDS) != 0;
    Py_ssize_t defaults = function->func_defaults == NULL ? 0 : PyTuple_GET_SIZE(function->func_defaults);
    if (!python_call_fits(tstate, function, total)) {
        return 0;
    }
    int given = total < positional ? total : positional;
    PyObject *extra = NULL, *keywords = NULL;
    if (varargs) {
        /* takes the extra arguments over, or releases them if it fails */
        extra = total > positional ? _PyTuple_FromArraySteal(args + positional, total - positional) : PyTuple_New(0);
    }
    if (varkeywords && (!varargs || extra != NULL)) {
        keywords = PyDict_New();
    }
    if ((varargs && extra == NULL) || (varkeywords && keywords == NULL)) {
        Py_XDECREF(extra);
        Py_DECREF(callable);
        pyjit_release_all(args, given);
        *result = NULL;
        return 1;
    }
    _PyInterpreterFrame *callee = _PyFrame_PushUnchecked(tstate, function, positional + varargs + varkeywords);
    for (int i = 0; i < given; i++) {
        callee->localsplus[i] = args[i];
    }
    for (int i = given; i < positional; i++) {
        callee->localsplus[i] = Py_NewRef(PyTuple_GET_ITEM(function->func_defaults, i - (positional - defaults)));
    }
    if (varargs) {
        callee->localsplus[positional] = extra;
    }
    if (varkeywords) {
        callee->localsplus[positional + varargs] = keywords;
    }
    *result = run_pushed(tstate, callee);
    return 1;
}

/* A plain class, constructed as type.__call__ would with object.__new__ and the usual allocator,
 * an __init__ written in Python that takes the positional arguments given (its defaults, * and **
 * parameters filled as call_python fills them), with no keyword-only ones: the instance is
 * allocated, __init__ runs in a frame pushed here (natively where it can) and must return None.
 * Where the interpreter would construct it with CALL_ALLOC_AND_ENTER_INIT (instances with inline
 * values, not __slots__ alone), which pushes a frame of its own under __init__'s, the construction
 * counts one Python frame more, as there. Declined (0, nothing taken) for anything else, before
 * the instance exists: those calls go through type.__call__. Else the arguments (args[1..total],
 * args[0] a spare slot) are taken over and *result is the instance, or NULL with the exception set. */
static int construct(PyThreadState *tstate, PyObject *callable, PyObject **args, int total, PyObject **result) {
    PyTypeObject *type = (PyTypeObject *)callable;
    if (!Py_IS_TYPE(callable, &PyType_Type) || type->tp_new != PyBaseObject_Type.tp_new || type->tp_alloc != PyType_GenericAlloc
            || (type->tp_flags & (Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_IS_ABSTRACT)) != Py_TPFLAGS_HEAPTYPE) {
        return 0;
    }
    int shim_frame = (type->tp_flags & Py_TPFLAGS_INLINE_VALUES) != 0;
    PyObject *init = type_lookup(type, &_Py_ID(__init__));
    if (init == NULL || !PyFunction_Check(init)) {
        return 0;
    }
    if (!python_call_fits(tstate, (PyFunctionObject *)init, total + 1)) {
        return 0;
    }
    /* allocating can collect garbage, and a finalizer can change the class */
    Py_INCREF(init);
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(init);
        pyjit_release_all(args + 1, total);
        *result = NULL;
        return 1;
    }
    args[0] = Py_NewRef(self);
    pyjit_constructed_in_place++;
    PyObject *returned;
    tstate->py_recursion_remaining -= shim_frame;
    if (!call_python(tstate, init, args, total + 1, &returned)) {
        returned = PyObject_Vectorcall(init, args, (size_t)total + 1, NULL);
        Py_DECREF(init);
        pyjit_release_all(args, total + 1);
    }
    tstate->py_recursion_remaining += shim_frame;
    if (returned != NULL && returned != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'", Py_TYPE(returned)->tp_name);
        Py_CLEAR(returned);
    }
    if (returned == NULL) {
        Py_CLEAR(self);
    }
    Py_XDECREF(returned);
    *result = self;
    return 1;
}

/* The tp_setattro of a class that defines __setattr__ in Python (Objects/typeobject.c's
 * slot_tp_setattro), as found on the first such class met; NULL until then. */
static setattrofunc python_setattro;

/* Whether the setattro of the type and of each base up to one with object's own generic
 * setattro is Python's, so that typeobject.c's hackcheck lets object.__setattr__ through (a
 * frozen dataclass: its __setattr__ raises; object's sets the field). */
static int reaches_generic_setattro(PyTypeObject *type) {
    for (; type != NULL; type = type->tp_base) {
        if (type->tp_setattro == PyObject_GenericSetAttr) {
            return 1;
        }
        if (python_setattro == NULL && _PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
            PyObject *own = PyDict_GetItemWithError(_PyType_GetDict(type), &_Py_ID(__setattr__));
            if (own != NULL && PyFunction_Check(own)) {
                python_setattro = type->tp_setattro;
            } else if (own == NULL) {
                PyErr_Clear();
            }
        }
        if (python_setattro == NULL || type->tp_setattro != python_setattro) {
            return 0;
        }
    }
    return 0;
}

/* object.__setattr__(target, name, value) as its slot wrapper calls object's setattro
 * (wrap_setattr), without the argument tuples its call through tp_call makes, and with the C
 * stack check that call makes: 1 and *result the outcome (None, or NULL with the error) where
 * the arguments are three and the check on the target's type passes, else 0 and the call is made. */
static int set_attribute_as_object(PyThreadState *tstate, PyObject **args, int total, PyObject **result) {
    if (total != 3 || tstate->c_recursion_remaining <= 0 || !reaches_generic_setattro(Py_TYPE(args[0]))) {
        return 0;
    }
    _Py_EnterRecursiveCallTstateUnchecked(tstate);
    *result = PyObject_GenericSetAttr(args[0], args[1], args[2]) < 0 ? NULL : Py_NewRef(Py_None);
    _Py_LeaveRecursiveCallTstate(tstate);
    return 1;
}

/* As CALL_BUILTIN_O, CALL_BUILTIN_FAST and CALL_METHOD_DESCRIPTOR_O, _NOARGS and _FAST: a built-in
 * function, or a method of a built-in type given an instance of exactly that type, called straight
 * through its C function; object.__setattr__ as set_attribute_as_object. Whether it applied; if so
 * *result is what the call returned. */
static int call_builtin(PyThreadState *tstate, PyObject *callable, PyObject **args, int total, PyObject **result) {
    PyMethodDef *method;
    PyObject *self;
    if (callable == pyjit_object_setattr) {
        return set_attribute_as_object(tstate, args, total, result);
    }
    if (Py_IS_TYPE(callable, &PyCFunction_Type)) {
        method = ((PyCFunctionObject *)callable)->m_ml;
        self = PyCFunction_GET_SELF(callable);
    } else if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && total >= 1
            && Py_IS_TYPE(args[0], PyDescr_TYPE(callable))) {
        method = ((PyMethodDescrObject *)callable)->d_method;
        self = args[0];
        args++;
        total--;
    } else {
        return 0;
    }
    int flags = method->ml_flags;
    if (!(flags == METH_O && total == 1) && !(flags == METH_NOARGS && total == 0) && flags != METH_FASTCALL) {
        return 0;
    }
    /* CPython checks the C stack before every call of a C function that is not vectorcall */
    if (tstate->c_recursion_remaining <= 0) {
        return 0;
    }
    _Py_EnterRecursiveCallTstateUnchecked(tstate);
    if (flags == METH_FASTCALL) {
        *result = ((PyCFunctionFast)(void (*)(void))method->ml_meth)(self, args, total);
    } else {
        *result = method->ml_meth(self, flags == METH_O ? args[0] : NULL);
    }
    _Py_LeaveRecursiveCallTstate(tstate);
    return 1;
}

/* What a call site of compiled code knows of a code it entered natively (zeroed: nothing yet):
 * what the checks of that code's state found (its native entry and entry guards; the frame size
 * and the monitoring check read the code, which the call touches anyway), valid while pyjit_native_generation is the one it
 * was filled at. Any code's native code installed, wanted generic or freed moves it on, so
 * the code object compared is the one it was filled for (borrowed: one that died, and another at
 * its address, moved it on). A call of a function of that code then skips the walk from the
 * function to its code's state (four dependent loads: a third of a recursive fib's call time).
 * Keyed by the code, not the function's version: CPython clears the version of a function whose
 * vectorcall is set (pyjit_enter_function), and its defaults do not matter to a call that passes
 * exactly its positional parameters. */
typedef struct {
    PyObject *code;
    uint32_t generation;
    int32_t total;
    pyjit_native_entry native;
    int32_t expected_count;
    unsigned short expected[PROFILED_ARGUMENTS];
} KnownCallee;

/* A site remembers two codes: a method called on objects of two classes (richards' tasks'
 * `run`, deltablue's constraints' `execute`) finds both there. */
#define KNOWN_CALLEES 2
struct PyjitCallSite {
    KnownCallee known[KNOWN_CALLEES];
};

_Static_assert(sizeof(PyjitCallSite) == 8 * PYJIT_CALL_SITE_WORDS, "PYJIT_CALL_SITE_WORDS is the size the lowering allocates");
/* The lowering reads the size from here, so that it cannot differ from the C runtime's. */
__attribute__((used)) static const int pyjit_call_site_words = PYJIT_CALL_SITE_WORDS;

/* The state of the function's code where that code can take this call (its optimised native
 * code, exactly its positional parameters), else NULL. */
static inline CodeState *state_taking(PyFunctionObject *function, int total) {
    PyCodeObject *code = (PyCodeObject *)function->func_code;
    CodeState *state = pyjit_code_state(code);
    const int not_plain = CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE;
    if (state == NULL || state->native == NULL || state->tier != PYJIT_TIER_OPTIMISED || state->wants_generic
            || code->co_argcount != total || (code->co_flags & (not_plain | CO_OPTIMIZED)) != CO_OPTIMIZED || code->co_kwonlyargcount != 0) {
        return NULL;
    }
    return state;
}

/* The site's memory of that state, in its first entry that is stale or empty: a site that meets
 * more codes than it has entries keeps the first it met (filling an entry at every call made
 * deltablue's polymorphic sites slower than no memory at all). */
static void call_site_fill(PyjitCallSite *site, PyFunctionObject *function, CodeState *state, int total) {
    for (int i = 0; i < KNOWN_CALLEES; i++) {
        KnownCallee *known = &site->known[i];
        if (known->generation != pyjit_native_generation) {
            known->code = function->func_code;
            known->generation = pyjit_native_generation;
            known->total = total;
            known->native = state->native;
            known->expected_count = state->expected_count;
            memcpy(known->expected, state->expected, sizeof known->expected);
            return;
        }
    }
}

/* The callee's frame pushed, taking the function and the arguments over, and its native code
 * called: the checks of what can change from one call to the next (the function's vectorcall, a
 * tool, room on the stacks, the arguments' types) first. 0 where they fail (nothing taken). */
static inline __attribute__((flatten)) int enter_natively(PyThreadState *tstate, PyFunctionObject *function, PyObject **args, int total,
                                                          pyjit_native_entry native, const unsigned short *expected, int expected_count,
                                                          PyObject **result) {
    PyCodeObject *code = (PyCodeObject *)function->func_code;
    if ((function->vectorcall != pyjit_interpreted_vectorcall && function->vectorcall != pyjit_enter_function)
            || !_PyThreadState_HasStackSpace(tstate, code->co_framesize) || (tstate->interp->eval_frame == NULL && !pyjit_sampled_entry)
            || pyjit_monitored(tstate, code) || !pyjit_stack_has_room(tstate)) {
        return 0;
    }
    for (int i = 0; i < expected_count; i++) {
        if (!pyjit_of_types(expected[i], args[i])) {
            return 0;
        }
    }
    /* _PyFrame_PushUnchecked written out: flatten inlines the calls written in this body only, and
     * the initialisation that function calls stayed a call of its own (3% of a recursive fib's
     * samples) */
    _PyInterpreterFrame *callee = (_PyInterpreterFrame *)tstate->datastack_top;
    tstate->datastack_top += code->co_framesize;
    _PyFrame_Initialize(callee, function, NULL, code, total);
    for (int i = 0; i < total; i++) {
        callee->localsplus[i] = args[i];
    }
    /* as the evaluator: the stack's room pays for the frame, not the C recursion counter */
    tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
    *result = native(tstate, callee, NULL);
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS;
    return 1;
}

/* A call of compiled code into a Python function whose optimised native code is installed, with
 * exactly its positional parameters and arguments its entry guards take, as CALL_PY_EXACT_ARGS
 * would make it: the callee's frame is pushed here and its native code called straight (the
 * checks call_python and run_pushed make, without their calls), from what the site remembers
 * where it is of that code. 0 where it does not apply (nothing taken); else 1 and *result is what
 * it returned. Flattened: clang kept CPython's inline frame push a call of its own here (6% of a
 * recursive fib's samples; fib 3% faster without it). */
static inline __attribute__((flatten)) int call_native_directly(PyThreadState *tstate, PyObject *callable, PyObject **args, int total,
                                                                PyjitCallSite *site, PyObject **result) {
    if (!Py_IS_TYPE(callable, &PyFunction_Type)) {
        return 0;
    }
    PyFunctionObject *function = (PyFunctionObject *)callable;
    for (int i = 0; i < KNOWN_CALLEES; i++) {
        KnownCallee *known = &site->known[i];
        if (known->code == function->func_code && known->generation == pyjit_native_generation && known->total == total) {
            return enter_natively(tstate, function, args, total, known->native, known->expected, known->expected_count, result);
        }
    }
    CodeState *state = state_taking(function, total);
    if (state == NULL) {
        return 0;
    }
    call_site_fill(site, function, state, total);
    return enter_natively(tstate, function, args, total, state->native, state->expected, state->expected_count, result);
}

/* The words of a frame before its localsplus: an inlined body's frame has these and its slots. */
__attribute__((used)) static const int pyjit_frame_words = offsetof(_PyInterpreterFrame, localsplus) / sizeof(PyObject *);

/* Whether a call may run the body inlined into it (see dev.pyjit.ir.Inlined): a self comes with
 * the callable exactly when the body is a method's, the callable is a function of the code the
 * body was compiled from, the call would not hit the recursion limit, and no tool watches that
 * code (it would see no frame). The site is two words: the code object it matched, and the last
 * one that did not match (a subclass's override at the same call), which is not matched again. */
int pyjit_inline_enter(PyThreadState *tstate, PyObject *callable, PyObject *self, int method, PyObject **site, const char *identity) {
    if ((self != NULL) != method || !Py_IS_TYPE(callable, &PyFunction_Type)) {
        return 0;
    }
    PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)callable)->func_code;
    if ((PyObject *)code != site[0] && ((PyObject *)code == site[1] || !pyjit_slow_inline_match(site, code, identity))) {
        return 0;
    }
    if (tstate->py_recursion_remaining <= 0 || pyjit_monitored(tstate, code)) {
        return 0;
    }
    pyjit_inlined_entries++;
    return 1;
}

PYJIT_SLOW int pyjit_slow_inline_match(PyObject **site, PyCodeObject *code, const char *identity) {
    PyObject *known = pyjit_code_identity(code);
    if (known == NULL || strcmp(PyUnicode_AsUTF8(known), identity) != 0) {
        /* borrowed: a code object made later at the same address only makes the call (speed, not correctness) */
        site[1] = (PyObject *)code;
        return 0;
    }
    Py_XSETREF(site[0], Py_NewRef((PyObject *)code));
    return 1;
}

/* The frame an inlined body runs on, never linked into the thread: what the helpers read of a
 * frame (its code, function, globals, builtins, arguments), all borrowed from the call. */
void pyjit_inline_frame(_PyInterpreterFrame *frame, PyObject *callable, PyObject **arguments, int count) {
    PyFunctionObject *function = (PyFunctionObject *)callable;
    frame->f_executable = function->func_code;
    frame->f_funcobj = callable;
    frame->f_globals = function->func_globals;
    frame->f_builtins = function->func_builtins;
    frame->f_locals = NULL;
    frame->frame_obj = NULL;
    frame->previous = NULL;
    frame->instr_ptr = _PyCode_CODE((PyCodeObject *)function->func_code);
    frame->stacktop = count;
    frame->owner = FRAME_OWNED_BY_THREAD;
    for (int i = 0; i < count; i++) {
        frame->localsplus[i] = arguments[i];
    }
}

/* An inlined body that stopped where it could not go on: a boxing that ran out of memory leaves
 * MemoryError set, which the call made instead meets again for itself. */
void pyjit_inline_abandon(void) {
    PyErr_Clear();
}

/* An intrinsic's result (see dev.pyjit.ir.Intrinsic), counted when it was computed: the stats'
 * intrinsic_results show that compiled code did not always make the call. */
static inline PyObject *computed(PyObject *result) {
    if (result != NULL) {
        pyjit_intrinsic_results++;
    }
    return result;
}

/* len(x) computed where the callable is the builtin len and x an exact str, list, tuple or dict
 * (a new reference); NULL, with no error, where the call is to be made. */
PyObject *pyjit_len_if_builtin(PyObject *callable, PyObject *argument) {
    if (callable != pyjit_builtin_len) {
        return NULL;
    }
    Py_ssize_t length;
    if (PyUnicode_CheckExact(argument)) {
        length = PyUnicode_GET_LENGTH(argument);
    } else if (PyList_CheckExact(argument) || PyTuple_CheckExact(argument)) {
        length = Py_SIZE(argument);
    } else if (PyDict_CheckExact(argument)) {
        length = ((PyDictObject *)argument)->ma_used;
    } else {
        return NULL;
    }
    PyObject *result = PyLong_FromSsize_t(length);
    if (result == NULL) {
        PyErr_Clear();  /* out of memory: the call made instead raises it */
    }
    return computed(result);
}

/* isinstance(object, cls) computed where the callable is the builtin isinstance and cls a class
 * whose metaclass is type, as type.__instancecheck__ decides without running code: true for an
 * instance of cls or of a subclass, false for one of the builtin types (whose __class__ is their
 * type); NULL, with no error, where the call is to be made. */
PyObject *pyjit_isinstance_if_builtin(PyObject *callable, PyObject *object, PyObject *cls) {
    if (callable != pyjit_builtin_isinstance || !PyType_CheckExact(cls)) {
        return NULL;
    }
    if (PyObject_TypeCheck(object, (PyTypeObject *)cls)) {
        return computed(truth(1));
    }
    PyTypeObject *type = Py_TYPE(object);
    int builtin = type == &PyLong_Type || type == &PyFloat_Type || type == &PyUnicode_Type || type == &PyList_Type
                  || type == &PyTuple_Type || type == &PyDict_Type || type == &PyBool_Type || object == Py_None;
    return builtin ? computed(truth(0)) : NULL;
}

/* abs(x) computed where the callable is the builtin abs and x a float (a new float, as
 * float.__abs__ makes) or a one-digit int (itself if not negative, as int.__abs__ gives). */
PyObject *pyjit_abs_if_builtin(PyObject *callable, PyObject *x) {
    if (callable != pyjit_builtin_abs) {
        return NULL;
    }
    PyObject *result = NULL;
    if (PyFloat_CheckExact(x)) {
        result = PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(x)));
    } else if (compact_int(x)) {
        Py_ssize_t value = _PyLong_CompactValue((PyLongObject *)x);
        result = value >= 0 ? Py_NewRef(x) : PyLong_FromSsize_t(-value);
    }
    if (result == NULL) {
        PyErr_Clear();  /* out of memory: the call made instead raises it */
    }
    return computed(result);
}

/* min(a, b) (max: greater) of floats and one-digit ints, as the builtin compares them: b where b
 * is less than a, else a, the object itself. */
static PyObject *extreme_if_builtin(PyObject *callable, PyObject *builtin, PyObject *a, PyObject *b, int greater) {
    double x, y;
    if (callable != builtin || !as_exact_double(a, b, &x, &y)) {
        return NULL;
    }
    return computed(Py_NewRef((greater ? y > x : y < x) ? b : a));
}

PyObject *pyjit_min_if_builtin(PyObject *callable, PyObject *a, PyObject *b) {
    return extreme_if_builtin(callable, pyjit_builtin_min, a, b, 0);
}

PyObject *pyjit_max_if_builtin(PyObject *callable, PyObject *a, PyObject *b) {
    return extreme_if_builtin(callable, pyjit_builtin_max, a, b, 1);
}

/* ord(c) computed where the callable is the builtin ord and c an exact str of one character: its
 * code point (a new int; one of the interpreter's own below 257). */
PyObject *pyjit_ord_if_builtin(PyObject *callable, PyObject *c) {
    if (callable != pyjit_builtin_ord || !PyUnicode_CheckExact(c) || PyUnicode_GET_LENGTH(c) != 1) {
        return NULL;
    }
    PyObject *result = PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
    if (result == NULL) {
        PyErr_Clear();  /* out of memory: the call made instead raises it */
    }
    return computed(result);
}

/* chr(i) computed where the callable is the builtin chr and i an exact one-digit int that is a code
 * point: its character (a new str; one of the interpreter's own below 256, as chr gives them). */
PyObject *pyjit_chr_if_builtin(PyObject *callable, PyObject *i) {
    if (callable != pyjit_builtin_chr || !compact_int(i)) {
        return NULL;
    }
    Py_ssize_t code = _PyLong_CompactValue((PyLongObject *)i);
    if (code < 0 || code > 0x10FFFF) {
        return NULL;  /* the call raises ValueError */
    }
    PyObject *result = PyUnicode_FromOrdinal((int)code);
    if (result == NULL) {
        PyErr_Clear();
    }
    return computed(result);
}

/* xs.append(x) computed where the callable is list.append (the method descriptor LOAD_ATTR's method
 * form found) and xs an exact list, as CALL_LIST_APPEND appends: None (a new reference); NULL,
 * with no error, where the call is to be made (a list out of memory: the call raises it again). */
PyObject *pyjit_list_append_if_builtin(PyObject *callable, PyObject *self, PyObject *item) {
    if (callable != pyjit_list_append_method || !PyList_CheckExact(self)) {
        return NULL;
    }
    if (PyList_Append(self, item) < 0) {
        PyErr_Clear();
        return NULL;
    }
    return computed(Py_NewRef(Py_None));
}

/* xs.pop() (index NULL) or xs.pop(index) computed where the callable is list.pop, xs an exact list
 * and index an exact int of a word that indexes an item, negative from the end, as the method pops:
 * the item, removed (a new reference, the list's own, so that its removal frees nothing); NULL,
 * with no error, where the call is to be made (an empty list or an index out of range: the call
 * raises). */
static inline PyObject *popped_if_builtin(PyObject *callable, PyObject *self, PyObject *index) {
    if (callable != pyjit_list_pop_method || !PyList_CheckExact(self) || (index != NULL && !compact_int(index))) {
        return NULL;
    }
    Py_ssize_t size = PyList_GET_SIZE(self);
    Py_ssize_t at = index == NULL ? size - 1 : _PyLong_CompactValue((PyLongObject *)index);
    if (at < 0) {
        at += size;
    }
    if (at < 0 || at >= size) {
        return NULL;
    }
    PyObject *item = Py_NewRef(PyList_GET_ITEM(self, at));
    if (PyList_SetSlice(self, at, at + 1, NULL) < 0) {
        PyErr_Clear();  /* out of memory, the list as it was: the call made instead raises it */
        Py_DECREF(item);
        return NULL;
    }
    return computed(item);
}

PyObject *pyjit_list_pop_if_builtin(PyObject *callable, PyObject *self) {
    return popped_if_builtin(callable, self, NULL);
}

PyObject *pyjit_list_pop_at_if_builtin(PyObject *callable, PyObject *self, PyObject *index) {
    return popped_if_builtin(callable, self, index);
}

/* xs.insert(index, item) computed where the callable is list.insert, xs an exact list and index an
 * exact int of a word, as the method inserts (an index past either end taken as that end): None (a
 * new reference); NULL, with no error, where the call is to be made. */
PyObject *pyjit_list_insert_if_builtin(PyObject *callable, PyObject *self, PyObject *index, PyObject *item) {
    if (callable != pyjit_list_insert_method || !PyList_CheckExact(self) || !compact_int(index)) {
        return NULL;
    }
    if (PyList_Insert(self, _PyLong_CompactValue((PyLongObject *)index), item) < 0) {
        PyErr_Clear();
        return NULL;
    }
    return computed(Py_NewRef(Py_None));
}

/* d.get(key, fallback) computed where the callable is dict.get, d an exact dict whose keys are all
 * strs and the key an exact str, so that the lookup runs no __eq__ or __hash__ of Python's: the
 * value or the fallback (a new reference); NULL, with no error, where the call is to be made. */
PyObject *pyjit_dict_get_if_builtin(PyObject *callable, PyObject *self, PyObject *key, PyObject *fallback) {
    if (callable != pyjit_dict_get_method || !PyDict_CheckExact(self) || !PyUnicode_CheckExact(key)
            || !DK_IS_UNICODE(((PyDictObject *)self)->ma_keys)) {
        return NULL;
    }
    PyObject *value = PyDict_GetItemWithError(self, key);
    if (value == NULL && PyErr_Occurred()) {
        PyErr_Clear();  /* out of memory hashing the key: the call made instead raises it */
        return NULL;
    }
    return computed(Py_NewRef(value != NULL ? value : fallback));
}

PyObject *pyjit_dict_get_or_none_if_builtin(PyObject *callable, PyObject *self, PyObject *key) {
    return pyjit_dict_get_if_builtin(callable, self, key, Py_None);
}

/* c.isspace() (isdigit, isalpha, isalnum: which) computed where the callable is that method of str
 * and c an exact str of one character, as the method answers for one character: its class in the
 * Unicode database (a new reference to a bool); NULL where the call is to be made. */
static inline PyObject *character_class_if_builtin(PyObject *callable, PyObject *self, int which) {
    if (callable != pyjit_str_class_methods[which] || !PyUnicode_CheckExact(self) || PyUnicode_GET_LENGTH(self) != 1) {
        return NULL;
    }
    Py_UCS4 c = PyUnicode_READ_CHAR(self, 0);
    switch (which) {
    case PYJIT_STR_ISSPACE: return computed(truth(Py_UNICODE_ISSPACE(c)));
    case PYJIT_STR_ISDIGIT: return computed(truth(Py_UNICODE_ISDIGIT(c)));
    case PYJIT_STR_ISALPHA: return computed(truth(Py_UNICODE_ISALPHA(c)));
    default: return computed(truth(Py_UNICODE_ISALNUM(c)));
    }
}

PyObject *pyjit_isspace_if_builtin(PyObject *callable, PyObject *self) {
    return character_class_if_builtin(callable, self, PYJIT_STR_ISSPACE);
}

PyObject *pyjit_isdigit_if_builtin(PyObject *callable, PyObject *self) {
    return character_class_if_builtin(callable, self, PYJIT_STR_ISDIGIT);
}

PyObject *pyjit_isalpha_if_builtin(PyObject *callable, PyObject *self) {
    return character_class_if_builtin(callable, self, PYJIT_STR_ISALPHA);
}

PyObject *pyjit_isalnum_if_builtin(PyObject *callable, PyObject *self) {
    return character_class_if_builtin(callable, self, PYJIT_STR_ISALNUM);
}

/* s.startswith(affix, start) (direction -1) or s.endswith(affix, start) (+1) computed where the
 * callable is that method of str, both are exact strs and start is an exact int that fits a word
 * (NULL: 0), as the method compares them, a negative start counting from the end (a new reference
 * to a bool); NULL where the call is to be made (a tuple of affixes, a str subclass's own method,
 * a start of None or of another type). */
static inline PyObject *affix_if_builtin(PyObject *callable, PyObject *method, PyObject *self, PyObject *affix, PyObject *start,
                                         int direction) {
    if (callable != method || !PyUnicode_CheckExact(self) || !PyUnicode_CheckExact(affix)
            || (start != NULL && !compact_int(start))) {
        return NULL;
    }
    Py_ssize_t from = start == NULL ? 0 : _PyLong_CompactValue((PyLongObject *)start);
    return computed(truth(PyUnicode_Tailmatch(self, affix, from, PY_SSIZE_T_MAX, direction) == 1));
}

PyObject *pyjit_startswith_if_builtin(PyObject *callable, PyObject *self, PyObject *prefix) {
    return affix_if_builtin(callable, pyjit_str_startswith_method, self, prefix, NULL, -1);
}

PyObject *pyjit_endswith_if_builtin(PyObject *callable, PyObject *self, PyObject *suffix) {
    return affix_if_builtin(callable, pyjit_str_endswith_method, self, suffix, NULL, +1);
}

PyObject *pyjit_startswith_from_if_builtin(PyObject *callable, PyObject *self, PyObject *prefix, PyObject *start) {
    return affix_if_builtin(callable, pyjit_str_startswith_method, self, prefix, start, -1);
}

PyObject *pyjit_endswith_from_if_builtin(PyObject *callable, PyObject *self, PyObject *suffix, PyObject *start) {
    return affix_if_builtin(callable, pyjit_str_endswith_method, self, suffix, start, +1);
}

/* The calls pyjit_slow_call does not make straight: the interpreter's generic CALL. */
static PyObject *generic_call(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *callable, PyObject *self_or_null,
                              PyObject **args, int nargs, int kwnames_const) {
    /* args[0] is a spare slot, the arguments start at args[1]: either self goes
     * there, or the callee may use it (PY_VECTORCALL_ARGUMENTS_OFFSET). */
    if (self_or_null == NULL && Py_IS_TYPE(callable, &PyMethod_Type)) {
        /* as the interpreter: the bound method gives way to its function and self */
        PyObject *method = callable;
        self_or_null = Py_NewRef(PyMethod_GET_SELF(method));
        callable = Py_NewRef(PyMethod_GET_FUNCTION(method));
        Py_DECREF(method);
    }
    if (self_or_null != NULL) {
        args[0] = self_or_null;
    }
    PyObject **first = self_or_null != NULL ? args : args + 1;
    int total = nargs + (self_or_null != NULL);
    PyObject *result;
    if (kwnames_const < 0) {
        /* checked here first: every call of one argument went into module.c to be told no */
        if (self_or_null == NULL && total == 1 && PyGen_CheckExact(first[0]) && pyjit_consume_generator(tstate, callable, first[0], &result)) {
            goto release;
        }
        if (Py_IS_TYPE(callable, &PyFunction_Type)) {
            if (call_python(tstate, callable, first, total, &result)) {
                return result;
            }
        } else if (self_or_null == NULL && construct(tstate, callable, args, total, &result)) {
            Py_DECREF(callable);
            return result;
        } else if (call_builtin(tstate, callable, first, total, &result)) {
            result = _Py_CheckFunctionResult(tstate, callable, result, NULL);
            goto release;
        }
    }
    PyObject *kwnames = kwnames_const < 0 ? NULL : PyTuple_GET_ITEM(code_of(frame)->co_consts, kwnames_const);
    size_t positional = (size_t)total - (kwnames == NULL ? 0 : (size_t)PyTuple_GET_SIZE(kwnames));
    result = self_or_null != NULL ? PyObject_Vectorcall(callable, args, positional, kwnames)
                                  : PyObject_Vectorcall(callable, args + 1, positional | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
release:
    /* the interpreter's generic CALL: the callable, then the arguments in order */
    Py_DECREF(callable);
    for (int i = 0; i < total; i++) {
        Py_DECREF(first[i]);
    }
    return result;
}

/* Compiled code's calls, in the runtime library: native code is called straight where it can be,
 * the rest the generic way. Compiled code calls this rather than a copy of it: the copy of
 * call_native_directly in every module, and its call from each site, were a fifth of a
 * method-heavy program's machine code (deltablue's), for the same one call on the way to the
 * callee's native code. */
PYJIT_SLOW PyObject *pyjit_slow_call(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *callable, PyObject *self_or_null,
                                     PyObject **args, int nargs, int kwnames_const, PyjitCallSite *site) {
    PyObject *result;
    int with_self = self_or_null != NULL;
    args[0] = self_or_null;
    if (kwnames_const < 0 && call_native_directly(tstate, callable, args + 1 - with_self, nargs + with_self, site, &result)) {
        return result;
    }
    return generic_call(tstate, frame, callable, self_or_null, args, nargs, kwnames_const);
}

PyObject *pyjit_build_tuple(PyObject **items, int n) {
    PyObject *tuple = PyTuple_New(n);
    if (tuple == NULL) {
        pyjit_release_all(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(tuple, i, items[i]);
    }
    return tuple;
}

PyObject *pyjit_build_list(PyObject **items, int n) {
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        pyjit_release_all(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyList_SET_ITEM(list, i, items[i]);
    }
    return list;
}

PyObject *pyjit_build_map(PyObject **keys_and_values, int n) {
    PyObject *dict = PyDict_New();
    for (int i = 0; dict != NULL && i < n; i++) {
        if (PyDict_SetItem(dict, keys_and_values[2 * i], keys_and_values[2 * i + 1]) < 0) {
            Py_CLEAR(dict);
        }
    }
    pyjit_release_all(keys_and_values, 2 * n);
    return dict;
}

PyObject *pyjit_build_const_key_map(PyObject **values, int n, PyObject *keys) {
    PyObject *dict = PyDict_New();
    for (int i = 0; dict != NULL && i < n; i++) {
        if (PyDict_SetItem(dict, PyTuple_GET_ITEM(keys, i), values[i]) < 0) {
            Py_CLEAR(dict);
        }
    }
    pyjit_release_all(values, n);
    Py_DECREF(keys);
    return dict;
}

PyObject *pyjit_build_string(PyObject **pieces, int n) {
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    PyObject *joined = empty == NULL ? NULL : _PyUnicode_JoinArray(empty, pieces, n);
    Py_XDECREF(empty);
    pyjit_release_all(pieces, n);
    return joined;
}

PyObject *pyjit_format_simple(PyObject *value) {
    if (PyUnicode_CheckExact(value)) {
        return Py_NewRef(value);
    }
    return PyObject_Format(value, NULL);
}

/* A list or tuple index that BINARY_SUBSCR_LIST_INT and friends take: a small int, not negative. */
static inline Py_ssize_t small_index(PyObject *index) {
    return PyLong_CheckExact(index) && _PyLong_IsNonNegativeCompact((PyLongObject *)index)
        ? (Py_ssize_t)((PyLongObject *)index)->long_value.ob_digit[0] : -1;
}

/* As BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_TUPLE_INT and BINARY_SUBSCR_DICT where they apply. */
PyObject *pyjit_subscript(PyObject *container, PyObject *index) {
    Py_ssize_t i = small_index(index);
    if (i >= 0) {
        if (PyList_CheckExact(container) && i < PyList_GET_SIZE(container)) {
            return Py_NewRef(PyList_GET_ITEM(container, i));
        }
        if (PyTuple_CheckExact(container) && i < PyTuple_GET_SIZE(container)) {
            return Py_NewRef(PyTuple_GET_ITEM(container, i));
        }
        /* as BINARY_SUBSCR_STR_INT: an ASCII character is one of the interpreter's own strings */
        if (PyUnicode_CheckExact(container) && i < PyUnicode_GET_LENGTH(container)) {
            Py_UCS4 c = PyUnicode_READ_CHAR(container, i);
            if (c < 128) {
                return Py_NewRef((PyObject *)&_Py_SINGLETON(strings).ascii[c]);
            }
        }
    }
    if (PyDict_CheckExact(container)) {
        PyObject *value;
        if (PyDict_GetItemRef(container, index, &value) == 0) {
            _PyErr_SetKeyError(index);  /* an exact dict has no __missing__ */
        }
        return value;
    }
    return PyObject_GetItem(container, index);
}

/* As STORE_SUBSCR_LIST_INT and STORE_SUBSCR_DICT where they apply. */
int pyjit_store_subscript(PyObject *container, PyObject *index, PyObject *value) {
    Py_ssize_t i = small_index(index);
    if (i >= 0 && PyList_CheckExact(container) && i < PyList_GET_SIZE(container)) {
        PyObject *old = PyList_GET_ITEM(container, i);
        PyList_SET_ITEM(container, i, Py_NewRef(value));
        Py_DECREF(old);
        return 0;
    }
    if (PyDict_CheckExact(container)) {
        return PyDict_SetItem(container, index, value);
    }
    return PyObject_SetItem(container, index, value);
}

/* container[index] = value for a double (dev.pyjit.ir.Instr.StoreSubscriptFloat): a list's item that
 * is an exact float only the list references takes the value, as pyjit_store_attr_float's attribute
 * does; else a new float is stored. 0, or -1 with an error. */
int pyjit_store_subscript_float(PyThreadState *tstate, PyObject *container, PyObject *index, double value) {
    Py_ssize_t i = small_index(index);
    if (i >= 0 && PyList_CheckExact(container)) {
        return pyjit_store_item_at_float(tstate, container, i, value);
    }
    PyObject *box = pyjit_float_box_in(tstate, value);
    if (box == NULL) {
        return -1;
    }
    int status = pyjit_store_subscript(container, index, box);
    Py_DECREF(box);
    return status;
}

/* The position of a 64-bit index (dev.pyjit.ir.passes.IndexWithMachineInts) in a sequence of
 * `length` items, a negative one counted from the end as CPython counts it; -1 where there is none. */
static inline Py_ssize_t item_position(int64_t index, Py_ssize_t length) {
    int64_t position = index < 0 ? index + length : index;
    return (uint64_t)position < (uint64_t)length ? (Py_ssize_t)position : -1;
}

/* An index with no item: the interpreter's subscript of the int, which raises its IndexError. */
PYJIT_SLOW PyObject *pyjit_slow_item_at(PyObject *container, int64_t index) {
    PyObject *boxed = PyLong_FromLongLong(index);
    if (boxed == NULL) {
        return NULL;
    }
    PyObject *item = PyObject_GetItem(container, boxed);
    Py_DECREF(boxed);
    return item;
}

/* container[index] of an exact list (`tuple` 0) or an exact tuple (1), which the call site passes
 * as a constant: inlined, a bounds check and a load. */
PYJIT_SPECIALISED PyObject *pyjit_item_at(PyObject *container, int64_t index, int tuple) {
    Py_ssize_t position = item_position(index, tuple ? PyTuple_GET_SIZE(container) : PyList_GET_SIZE(container));
    if (position < 0) {
        return pyjit_slow_item_at(container, index);
    }
    return Py_NewRef(tuple ? PyTuple_GET_ITEM(container, position) : PyList_GET_ITEM(container, position));
}

PYJIT_SLOW int pyjit_slow_store_item_at(PyObject *list, int64_t index, PyObject *value) {
    PyObject *boxed = PyLong_FromLongLong(index);
    if (boxed == NULL) {
        return -1;
    }
    int status = PyObject_SetItem(list, boxed, value);
    Py_DECREF(boxed);
    return status;
}

/* list[index] = value for an exact list: inlined, as STORE_SUBSCR_LIST_INT stores. */
PYJIT_SPECIALISED int pyjit_store_item_at(PyObject *list, int64_t index, PyObject *value) {
    Py_ssize_t position = item_position(index, PyList_GET_SIZE(list));
    if (position < 0) {
        return pyjit_slow_store_item_at(list, index, value);
    }
    PyObject *old = PyList_GET_ITEM(list, position);
    PyList_SET_ITEM(list, position, Py_NewRef(value));
    Py_DECREF(old);
    return 0;
}

/* A double stored where the list's item is not a float only the list holds: a new float. */
PYJIT_SLOW int pyjit_slow_store_item_at_float(PyThreadState *tstate, PyObject *list, int64_t index, double value) {
    PyObject *box = pyjit_float_box_in(tstate, value);
    if (box == NULL) {
        return -1;
    }
    int status = pyjit_store_item_at(list, index, box);
    Py_DECREF(box);
    return status;
}

/* pyjit_store_subscript_float with a 64-bit index into an exact list, inlined. */
PYJIT_SPECIALISED int pyjit_store_item_at_float(PyThreadState *tstate, PyObject *list, int64_t index, double value) {
    Py_ssize_t position = item_position(index, PyList_GET_SIZE(list));
    if (position >= 0) {
        PyObject *old = PyList_GET_ITEM(list, position);
        if (PyFloat_CheckExact(old) && pyjit_referenced_once(old)) {
            ((PyFloatObject *)old)->ob_fval = value;
            return 0;
        }
    }
    return pyjit_slow_store_item_at_float(tstate, list, index, value);
}

/* A bound or step of an extended slice as PySlice_Unpack reads it, where it is None (`missing`)
 * or an int that fits a word; 0 for anything else, whose conversion (__index__, the error) is left
 * to the slice object. */
static inline int unpacked_bound(PyObject *bound, Py_ssize_t missing, Py_ssize_t *value) {
    if (bound == Py_None) {
        *value = missing;
        return 1;
    }
    if (compact_int(bound)) {
        *value = _PyLong_CompactValue((PyLongObject *)bound);
        return 1;
    }
    return 0;
}

/* A bound of a slice with step 1 made an index into a sequence of `length` items as
 * PySlice_AdjustIndices makes it; 0 for a bound unpacked_bound does not take. */
static inline int slice_bound(PyObject *bound, Py_ssize_t length, Py_ssize_t missing, Py_ssize_t *index) {
    Py_ssize_t i;
    if (!unpacked_bound(bound, missing, &i)) {
        return 0;
    }
    if (i < 0) {
        i += length;
        if (i < 0) {
            i = 0;
        }
    } else if (i > length) {
        i = length;
    }
    *index = i;
    return 1;
}

/* A bound of a slice of step `by` made an index into a sequence of `length` items, as slicing
 * makes it (slice.indices): counted from the end if negative, then clamped to the items, or to
 * one before the first (-1) or the last (length - 1) for a negative step. */
static inline Py_ssize_t clamped_bound(Py_ssize_t bound, Py_ssize_t length, Py_ssize_t by) {
    if (bound < 0) {
        bound += length;
        return bound < 0 ? (by < 0 ? -1 : 0) : bound;
    }
    return bound >= length ? (by < 0 ? length - 1 : length) : bound;
}

/* How many items the slice [low:high:by] of a sequence of `length` items holds, its bounds made
 * indices (clamped_bound); inline, where PySlice_AdjustIndices was a call per slice (4% of
 * fannkuch's time). */
static inline Py_ssize_t stepped_slice_length(Py_ssize_t length, Py_ssize_t *low, Py_ssize_t *high, Py_ssize_t by) {
    *low = clamped_bound(*low, length, by);
    *high = clamped_bound(*high, length, by);
    if (by < 0) {
        return *high < *low ? (*low - *high - 1) / -by + 1 : 0;
    }
    return *low < *high ? (*high - *low - 1) / by + 1 : 0;
}

/* The temporaries of slice stores (pyjit_store_temporary_slice), kept empty
 * and out of the collector's sight for the next slices of lists to fill, one for each length up to
 * SPARE_LISTS, instead of freeing one list and allocating the next: fannkuch's
 * perm[:k + 1] = perm[k::-1] spent 10% of its time in PyList_New and the temporary's release. By
 * length, so that a slice holds exactly its items' slots, as list_slice allocates them
 * (sys.getsizeof tells). The GIL guards them. */
#define SPARE_LISTS 64
static PyListObject *spare_lists[SPARE_LISTS + 1];

/* A new list of `count` items from[low], from[low + by], ...: the spare of that length if there
 * is one. Tracked by the collector unless it is a temporary (a TEMPORARY_SLICE's): only compiled
 * code refers to that until its store keeps it as a spare again, so it is in no cycle. */
static PyObject *stepped_list(PyObject **from, Py_ssize_t low, Py_ssize_t by, Py_ssize_t count, int temporary) {
    PyListObject *list = count > 0 && count <= SPARE_LISTS ? spare_lists[count] : NULL;
    if (list == NULL) {
        list = (PyListObject *)PyList_New(count);
        if (list == NULL) {
            return NULL;
        }
        if (temporary) {
            PyObject_GC_UnTrack(list);
        }
    } else {
        spare_lists[count] = NULL;
        Py_SET_SIZE(list, count);
    }
    for (Py_ssize_t i = 0, at = low; i < count; i++, at += by) {
        list->ob_item[i] = Py_NewRef(from[at]);
    }
    if (!temporary && !_PyObject_GC_IS_TRACKED(list)) {
        PyObject_GC_Track(list);
    }
    return (PyObject *)list;
}

/* The temporary of a slice store, which the store's caller releases right after it: its items
 * are released now, last first, as list_dealloc releases them, and it becomes the spare of its
 * length. */
static void keep_as_spare(PyObject *temporary) {
    PyListObject *list = (PyListObject *)temporary;
    Py_ssize_t count = Py_SIZE(list);
    if (count == 0 || count > SPARE_LISTS || list->allocated != count) {
        return;
    }
    /* out of the collector's sight and emptied first, as list_dealloc does: a finalizer the
     * releases run could find it through gc.get_objects() and change it under the loop */
    int tracked = _PyObject_GC_IS_TRACKED(temporary);
    if (tracked) {
        PyObject_GC_UnTrack(temporary);
    }
    PyObject **items = list->ob_item;
    Py_SET_SIZE(list, 0);
    for (Py_ssize_t i = count - 1; i >= 0; i--) {
        Py_DECREF(items[i]);
    }
    if (pyjit_referenced_once(temporary)) {
        Py_XSETREF(spare_lists[count], (PyListObject *)Py_NewRef(temporary));
    } else if (tracked) {
        PyObject_GC_Track(temporary);
    }
}

/* container[slice(start, stop, step or None)] through a slice object: what the fast paths below leave. */
static PyObject *sliced_by_object(PyObject *container, PyObject *start, PyObject *stop, PyObject *step_or_null) {
    PyObject *slice = PySlice_New(start, stop, step_or_null);
    if (slice == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_GetItem(container, slice);
    Py_DECREF(slice);
    return result;
}

/* container[start:stop]: a list, tuple or str sliced as their subscripts slice them (the same
 * object back for a whole tuple or str, as there), without the slice object; the rest through one. */
static inline PyObject *slice_of(PyObject *container, PyObject *start, PyObject *stop, int temporary) {
    Py_ssize_t length = PyList_CheckExact(container) || PyTuple_CheckExact(container) ? Py_SIZE(container)
                      : PyUnicode_CheckExact(container) ? PyUnicode_GET_LENGTH(container) : -1;
    Py_ssize_t low, high;
    if (length >= 0 && slice_bound(start, length, 0, &low) && slice_bound(stop, length, length, &high)) {
        if (high < low) {
            high = low;
        }
        return PyList_CheckExact(container) ? stepped_list(((PyListObject *)container)->ob_item, low, 1, high - low, temporary)
             : PyTuple_CheckExact(container) ? PyTuple_GetSlice(container, low, high)
             : PyUnicode_Substring(container, low, high);
    }
    return sliced_by_object(container, start, stop, NULL);
}

PyObject *pyjit_slice(PyObject *container, PyObject *start, PyObject *stop) {
    return slice_of(container, start, stop, 0);
}

/* A slice whose one use is pyjit_store_temporary_slice: a list is made untracked (stepped_list). */
PyObject *pyjit_temporary_slice(PyObject *container, PyObject *start, PyObject *stop) {
    return slice_of(container, start, stop, 1);
}

/* container[start:stop:step]: a list or tuple sliced as list_subscript and tuplesubscript slice
 * it (the same tuple back for a whole one), without the slice object; the rest through one. */
static inline PyObject *stepped_slice_of(PyObject *container, PyObject *start, PyObject *stop, PyObject *step, int temporary) {
    int list = PyList_CheckExact(container);
    Py_ssize_t by, low, high;
    if ((list || PyTuple_CheckExact(container)) && step != Py_None && unpacked_bound(step, 0, &by) && by != 0
            && unpacked_bound(start, by < 0 ? PY_SSIZE_T_MAX : 0, &low)
            && unpacked_bound(stop, by < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX, &high)) {
        Py_ssize_t count = stepped_slice_length(Py_SIZE(container), &low, &high, by);
        if (!list && by == 1 && low == 0 && count == Py_SIZE(container)) {
            return Py_NewRef(container);
        }
        if (list) {
            return stepped_list(((PyListObject *)container)->ob_item, low, by, count, temporary);
        }
        PyObject *result = PyTuple_New(count);
        if (result == NULL) {
            return NULL;
        }
        PyObject **from = ((PyTupleObject *)container)->ob_item;
        for (Py_ssize_t i = 0, at = low; i < count; i++, at += by) {
            PyTuple_SET_ITEM(result, i, Py_NewRef(from[at]));
        }
        return result;
    }
    return sliced_by_object(container, start, stop, step);
}

PyObject *pyjit_slice_step(PyObject *container, PyObject *start, PyObject *stop, PyObject *step) {
    return stepped_slice_of(container, start, stop, step, 0);
}

/* A stepped slice whose one use is pyjit_store_temporary_slice, as pyjit_temporary_slice. */
PyObject *pyjit_temporary_slice_step(PyObject *container, PyObject *start, PyObject *stop, PyObject *step) {
    return stepped_slice_of(container, start, stop, step, 1);
}

PyObject *pyjit_build_slice(PyObject *start, PyObject *stop, PyObject *step_or_null) {
    return PySlice_New(start, stop, step_or_null);
}

/* container[start:stop] = value: a list or tuple into a list as list_ass_subscript assigns a slice
 * with step 1 (the list itself too), without the slice object; the rest through one. Another
 * iterable is made a sequence first, which may change the list before its bounds are adjusted. */
int pyjit_store_slice(PyObject *container, PyObject *start, PyObject *stop, PyObject *value) {
    Py_ssize_t low, high;
    if (PyList_CheckExact(container) && (PyList_CheckExact(value) || PyTuple_CheckExact(value))
            && slice_bound(start, PyList_GET_SIZE(container), 0, &low)
            && slice_bound(stop, PyList_GET_SIZE(container), PyList_GET_SIZE(container), &high)) {
        return PyList_SetSlice(container, low, high, value);
    }
    PyObject *slice = PySlice_New(start, stop, NULL);
    if (slice == NULL) {
        return -1;
    }
    int status = PyObject_SetItem(container, slice, value);
    Py_DECREF(slice);
    return status;
}

/* container[start:stop] = value, where nothing but this store uses the value
 * (dev.pyjit.ir.passes.StoreTemporarySlices): a list that compiled code holds the only reference
 * to (a slice just made, as in perm[:k + 1] = perm[k::-1]), stored into as many items of another
 * list, is stored as list_ass_slice stores it (the displaced items released after, last first),
 * without its generic steps, then released as its release after the store would release it and
 * kept as the spare of its length (keep_as_spare). Anything else is stored as pyjit_store_slice
 * stores it. */
int pyjit_store_temporary_slice(PyObject *container, PyObject *start, PyObject *stop, PyObject *value) {
    Py_ssize_t low, high;
    if (PyList_CheckExact(container) && PyList_CheckExact(value) && value != container && pyjit_referenced_once(value)
            && Py_SIZE(value) <= SPARE_LISTS && slice_bound(start, PyList_GET_SIZE(container), 0, &low)
            && slice_bound(stop, PyList_GET_SIZE(container), PyList_GET_SIZE(container), &high) && high - low == PyList_GET_SIZE(value)) {
        PyObject **items = ((PyListObject *)container)->ob_item + low, **stored = ((PyListObject *)value)->ob_item;
        PyObject *displaced[SPARE_LISTS];
        Py_ssize_t count = high - low;
        for (Py_ssize_t i = 0; i < count; i++) {
            displaced[i] = items[i];
            items[i] = Py_NewRef(stored[i]);
        }
        for (Py_ssize_t i = count - 1; i >= 0; i--) {
            Py_DECREF(displaced[i]);
        }
        keep_as_spare(value);
        return 0;
    }
    /* another container's __setitem__ may keep the value: an untracked temporary is tracked first */
    if (PyList_CheckExact(value) && !_PyObject_GC_IS_TRACKED(value)) {
        PyObject_GC_Track(value);
    }
    int status = pyjit_store_slice(container, start, stop, value);
    if (status == 0 && PyList_CheckExact(value) && pyjit_referenced_once(value)) {
        keep_as_spare(value);
    }
    return status;
}

/* Returns the n items as a tuple in source order; errors read like the interpreter's. A tuple of
 * the size unpacked is its own items, inline; anything else is unpacked into a new tuple. */
PyObject *pyjit_unpack_sequence(PyObject *seq, int n) {
    if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == n) {
        return Py_NewRef(seq);
    }
    return pyjit_slow_unpack_sequence(seq, n);
}

PYJIT_SLOW PyObject *pyjit_slow_unpack_sequence(PyObject *seq, int n) {
    PyObject **items = PyMem_Malloc(sizeof(PyObject *) * (n > 0 ? n : 1));
    if (items == NULL) {
        return PyErr_NoMemory();
    }
    /* The interpreter's helper fills the value stack downwards from sp. */
    if (_PyEval_UnpackIterable(PyThreadState_Get(), seq, n, -1, items + n) == 0) {
        PyMem_Free(items);
        return NULL;
    }
    PyObject *tuple = PyTuple_New(n);
    for (int i = 0; i < n; i++) {
        if (tuple != NULL) {
            PyTuple_SET_ITEM(tuple, i, items[n - 1 - i]);
        } else {
            Py_DECREF(items[i]);
        }
    }
    PyMem_Free(items);
    return tuple;
}

PyObject *pyjit_tuple_item(PyObject *tuple, int index) {
    return Py_NewRef(PyTuple_GET_ITEM(tuple, index));
}

PyObject *pyjit_get_iter(PyObject *iterable) {
    return PyObject_GetIter(iterable);
}

/* A small int is CPython's own immortal object, found in compiled code (a loop's counter, an index);
 * one of one digit comes off the kept ints where it can (recycled.h); the rest are made by the C API. */
PYJIT_SPECIALISED PyObject *pyjit_int_box(int64_t value) {
    if (value >= -_PY_NSMALLNEGINTS && value < _PY_NSMALLPOSINTS) {
        return (PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + value];
    }
    PyObject *reused = value > -(int64_t)PyLong_BASE && value < (int64_t)PyLong_BASE ? pyjit_reused_int(value) : NULL;
    return reused != NULL ? reused : PyLong_FromLongLong(value);
}

/* The object an unboxed number came from, if compiled code has it (a new reference), else a new box. */
PYJIT_SPECIALISED PyObject *pyjit_int_rebox(PyObject *object, int64_t value) {
    return object != NULL ? Py_NewRef(object) : pyjit_int_box(value);
}

PYJIT_SPECIALISED PyObject *pyjit_float_rebox(PyObject *object, double value) {
    return object != NULL ? Py_NewRef(object) : pyjit_float_box(value);
}

/* Compiled code's virtual locals (see dev.pyjit.ir.VirtualLocal) go to their slots where it leaves
 * (a deoptimisation, an exception) and, as copies, before code that may look at the frame runs (a
 * generic attribute access): at every such place every such local. So each place is one call, its
 * locals its arguments, not code per local (nbody's loop, ~150 exits of ~20 locals, took 0.65 s of
 * code generation with three calls per local, and 4.4 s with those calls inlined). The layout's
 * entries are slot << 2 | PYJIT_LOCAL_..., in the order the locals follow: an object, or an
 * unboxed number (a double or an int64) and its companion (a box known to hold it, or NULL). */

/* The next local of the arguments as an object: a number's companion or its box (NULL if boxing
 * failed, MemoryError set), an object as it is; a new reference if `copy`, else the one compiled
 * code held. */
static PyObject *next_local(PyThreadState *tstate, va_list *locals, int32_t entry, int copy) {
    PyObject *object;
    switch (entry & 3) {
    case PYJIT_LOCAL_DOUBLE: {
        double value = va_arg(*locals, double);
        object = va_arg(*locals, PyObject *);
        return object != NULL ? (copy ? Py_NewRef(object) : object) : pyjit_float_box_in(tstate, value);
    }
    case PYJIT_LOCAL_INT64: {
        int64_t value = va_arg(*locals, int64_t);
        object = va_arg(*locals, PyObject *);
        return object != NULL ? (copy ? Py_NewRef(object) : object) : pyjit_int_box(value);
    }
    default:
        object = va_arg(*locals, PyObject *);
        return copy ? Py_NewRef(object) : object;
    }
}

/* The kinds, for the lowering to read (a layout's entries are built in Java). */
__attribute__((used)) static const int pyjit_local_object = PYJIT_LOCAL_OBJECT;
__attribute__((used)) static const int pyjit_local_double = PYJIT_LOCAL_DOUBLE;
__attribute__((used)) static const int pyjit_local_int64 = PYJIT_LOCAL_INT64;

/* Where compiled code leaves: the slots take its references over; if boxing a number fails
 * (MemoryError is set) its slot keeps its older object. */
PYJIT_SLOW void pyjit_write_locals(PyThreadState *tstate, _PyInterpreterFrame *frame, const int32_t *layout, int count, ...) {
    va_list locals;
    va_start(locals, count);
    for (int i = 0; i < count; i++) {
        PyObject *object = next_local(tstate, &locals, layout[i], 0);
        if (object != NULL) {
            pyjit_store_local(frame, layout[i] >> 2, object);
        }
    }
    va_end(locals);
}

/* Before code that may look at the frame: a copy of each local in its slot (compiled code keeps
 * its own), and in written[i] what the slot then holds, for pyjit_frame_changed. -1 if boxing a
 * number failed (MemoryError set; the slots before it are written), else 0. */
PYJIT_SLOW int pyjit_sync_locals(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **written, const int32_t *layout,
                                 int count, ...) {
    va_list locals;
    va_start(locals, count);
    int status = 0;
    for (int i = 0; i < count; i++) {
        PyObject *object = next_local(tstate, &locals, layout[i], 1);
        if (object == NULL) {
            status = -1;
            break;
        }
        pyjit_store_local(frame, layout[i] >> 2, object);
        written[i] = pyjit_as_stored(object);
    }
    va_end(locals);
    return status;
}

/* After that code ran: whether it changed one of those slots (through frame.f_locals). */
PYJIT_SLOW int pyjit_frame_changed(_PyInterpreterFrame *frame, PyObject *const *written, const int32_t *layout, int count) {
    for (int i = 0; i < count; i++) {
        if (frame->localsplus[layout[i] >> 2] != written[i]) {
            return 1;
        }
    }
    return 0;
}

/* The value of an exact int, if it fits in 64 bits: 1 with *out set, else 0. */
PYJIT_SPECIALISED int pyjit_int_value(PyObject *object, int64_t *out) {
    PyLongObject *value = (PyLongObject *)object;
    if (_PyLong_IsCompact(value)) {
        *out = _PyLong_CompactValue(value);
        return 1;
    }
    int overflow;
    long long wide = PyLong_AsLongLongAndOverflow(object, &overflow);
    *out = wide;
    return overflow == 0;
}

/* Python's int arithmetic on 64-bit values (op is the NB_ operator): 1 with *out set, or 0 where
 * the result does not fit or the divisor is zero, for the interpreter to compute or raise. */
PYJIT_SPECIALISED int pyjit_int_arith(int op, int64_t a, int64_t b, int64_t *out) {
    switch (op) {
    case NB_ADD:
        return !__builtin_add_overflow(a, b, out);
    case NB_SUBTRACT:
        return !__builtin_sub_overflow(a, b, out);
    case NB_MULTIPLY:
        return !__builtin_mul_overflow(a, b, out);
    case NB_FLOOR_DIVIDE: {
        if (b == 0 || (a == INT64_MIN && b == -1)) {
            return 0;
        }
        int64_t quotient = a / b;
        *out = a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient;
        return 1;
    }
    case NB_REMAINDER: {
        if (b == 0) {
            return 0;
        }
        int64_t remainder = b == -1 ? 0 : a % b;
        *out = remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder;
        return 1;
    }
    case NB_AND:
        *out = a & b;
        return 1;
    case NB_OR:
        *out = a | b;
        return 1;
    case NB_XOR:
        *out = a ^ b;
        return 1;
    case NB_RSHIFT:
        /* a negative count raises (the interpreter says it); past 63 every bit is the sign */
        if (b < 0) {
            return 0;
        }
        *out = a >> (b > 63 ? 63 : b);
        return 1;
    case NB_LSHIFT: {
        /* a negative count raises; a shift that loses bits makes a big int: the interpreter's */
        if (b < 0 || b > 63) {
            return 0;
        }
        int64_t shifted = (int64_t)((uint64_t)a << b);
        *out = shifted;
        return (shifted >> b) == a;
    }
    default:
        return 0;
    }
}

/* Whether the iterator is of the type FOR_ITER_LIST, FOR_ITER_RANGE or FOR_ITER_TUPLE (the quickened opcode) expects;
 * for FOR_ITER itself (CacheHint.FOR_ITER_INERT), whether its next item runs no Python code. */
/* The first fields of builtins' zip and enumerate objects (Python/bltinmodule.c and
 * Objects/enumobject.c, CPython 3.13), which no header declares. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    PyObject *ittuple;
    PyObject *result;
    int strict;
} PyjitZip;

typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;
    PyObject *en_sit;
    PyObject *en_result;
} PyjitEnumerate;

/* An iterator over a list, tuple, range, str, bytes, bytearray, dict or set, an itertools.repeat
 * (random.choices loops over one: every call of its native code deoptimised), or one of the
 * itertools that take their items from tuples they made at their start (nqueens' permutations:
 * the generator looping over them deoptimised at each of its first 50 calls): its next item runs
 * no Python code. */
static inline int inert_leaf(PyObject *iterator) {
    PyTypeObject *type = Py_TYPE(iterator);
    if (type == &PyListIter_Type || type == &PyTupleIter_Type || type == &PyRangeIter_Type || type == &PyUnicodeIter_Type
            || type == pyjit_ascii_str_iterator_type || type == &PyListRevIter_Type || type == &PyDictIterKey_Type
            || type == &PyDictIterValue_Type || type == &PyDictIterItem_Type || type == &PySetIter_Type || type == pyjit_repeat_type
            || type == &PyBytesIter_Type || type == &PyByteArrayIter_Type) {
        return 1;
    }
    for (int i = 0; i < PYJIT_POOL_ITERATORS; i++) {
        if (type == pyjit_pool_iterator_types[i]) {
            return 1;
        }
    }
    return 0;
}

/* Whether the iterator's next item runs no Python code: a leaf, or a zip or enumerate over such (a
 * few levels deep). */
static int inert_iterator(PyObject *iterator, int depth) {
    if (inert_leaf(iterator)) {
        return 1;
    }
    if (depth == 0) {
        return 0;
    }
    if (Py_IS_TYPE(iterator, &PyEnum_Type)) {
        PyObject *inner = ((PyjitEnumerate *)iterator)->en_sit;
        return inert_leaf(inner) || inert_iterator(inner, depth - 1);
    }
    if (Py_IS_TYPE(iterator, &PyZip_Type)) {
        PyObject *iterators = ((PyjitZip *)iterator)->ittuple;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(iterators); i++) {
            PyObject *inner = PyTuple_GET_ITEM(iterators, i);
            if (!inert_leaf(inner) && !inert_iterator(inner, depth - 1)) {
                return 0;
            }
        }
        return 1;
    }
    return 0;
}

/* A zip or enumerate straight over leaves (lists, tuples, strs, dicts...), the commonest of the
 * inert iterators, and the one checked at every turn of its loop without a call. */
static inline int over_inert_leaves(PyObject *iterator) {
    if (Py_IS_TYPE(iterator, &PyZip_Type)) {
        PyObject *iterators = ((PyjitZip *)iterator)->ittuple;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(iterators); i++) {
            if (!inert_leaf(PyTuple_GET_ITEM(iterators, i))) {
                return 0;
            }
        }
        return 1;
    }
    return Py_IS_TYPE(iterator, &PyEnum_Type) && inert_leaf(((PyjitEnumerate *)iterator)->en_sit);
}

PYJIT_SPECIALISED int pyjit_is_iterator_of(PyObject *iterator, int quickened) {
    switch (quickened) {
    case FOR_ITER:
        return inert_leaf(iterator) || over_inert_leaves(iterator) || inert_iterator(iterator, 3);
    case FOR_ITER_LIST:
        return Py_IS_TYPE(iterator, &PyListIter_Type);
    case FOR_ITER_RANGE:
        return Py_IS_TYPE(iterator, &PyRangeIter_Type);
    case FOR_ITER_TUPLE:
        return Py_IS_TYPE(iterator, &PyTupleIter_Type);
    default:
        return 0;
    }
}

/* A list iterator's next item while it has one; NULL, with nothing changed, where it has none left
 * (the iterator's own next then ends it, as the interpreter does). */
static inline PyObject *list_iterator_item(PyObject *iterator) {
    _PyListIterObject *it = (_PyListIterObject *)iterator;
    PyListObject *seq = it->it_seq;
    if (seq != NULL && (size_t)it->it_index < (size_t)PyList_GET_SIZE(seq)) {
        return Py_NewRef(PyList_GET_ITEM(seq, it->it_index++));
    }
    return NULL;
}

static inline PyObject *next_of(PyObject *iterator) {
    PyObject *item = Py_IS_TYPE(iterator, &PyListIter_Type) ? list_iterator_item(iterator) : NULL;
    return item != NULL ? item : (*Py_TYPE(iterator)->tp_iternext)(iterator);
}

/* An iterator that gave no item ended the loop if all it raised was StopIteration: cleared, as
 * FOR_ITER clears it. */
static inline void clear_stop_iteration(void) {
    if (PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
    }
}

/* A result tuple zip or enumerate made again: the GC may have untracked it meanwhile (bpo-42536). */
static inline PyObject *recycled(PyObject *result) {
    if (!_PyObject_GC_IS_TRACKED(result)) {
        _PyObject_GC_TRACK(result);
    }
    return result;
}

/* zip's next item as zip_next makes it where it reuses its result tuple (nothing else holds it),
 * without a call for each list iterator it zips: `for x, y in zip(xs, ys)` over lists. NULL with
 * *answered set where the zip ended or raised; NULL with nothing consumed where zip_next would not
 * reuse the tuple (or would check strict=True). */
static PyObject *zip_next_reusing(PyjitZip *zip, int *answered) {
    PyObject *result = zip->result;
    if (zip->tuplesize == 0 || zip->strict || !pyjit_referenced_once(result)) {
        return NULL;
    }
    Py_INCREF(result);
    for (Py_ssize_t i = 0; i < zip->tuplesize; i++) {
        PyObject *item = next_of(PyTuple_GET_ITEM(zip->ittuple, i));
        if (item == NULL) {
            Py_DECREF(result);
            *answered = 1;
            return NULL;
        }
        PyObject *old = PyTuple_GET_ITEM(result, i);
        PyTuple_SET_ITEM(result, i, item);
        Py_DECREF(old);
    }
    return recycled(result);
}

/* enumerate's next item as enum_next makes it where it reuses its result tuple, without a call for
 * a list iterator: `for i, x in enumerate(xs)` over a list. NULL as zip_next_reusing's. */
static PyObject *enumerate_next_reusing(PyjitEnumerate *enumerate, int *answered) {
    PyObject *result = enumerate->en_result;
    if (enumerate->en_index == PY_SSIZE_T_MAX || !pyjit_referenced_once(result)) {
        return NULL;
    }
    PyObject *item = next_of(enumerate->en_sit);
    if (item == NULL) {
        *answered = 1;
        return NULL;
    }
    PyObject *index = pyjit_int_box(enumerate->en_index);
    if (index == NULL) {
        Py_DECREF(item);
        *answered = 1;
        return NULL;
    }
    enumerate->en_index++;
    if (!pyjit_referenced_once(result)) {
        /* the iterator's code took the tuple meanwhile (a next() of this enumerate): as enum_next,
         * which looks after it takes the item, a new one */
        PyObject *pair = pyjit_pair_tuple(index, item);
        *answered = pair == NULL;
        return pair;
    }
    Py_INCREF(result);
    PyObject *old_index = PyTuple_GET_ITEM(result, 0), *old_item = PyTuple_GET_ITEM(result, 1);
    PyTuple_SET_ITEM(result, 0, index);
    PyTuple_SET_ITEM(result, 1, item);
    Py_DECREF(old_index);
    Py_DECREF(old_item);
    return recycled(result);
}

/* A zip's or an enumerate's next item where it reuses its tuple; NULL with *answered set where it
 * ended (a StopIteration cleared: the loop ends) or raised; NULL with nothing consumed where it
 * would make a new tuple. */
static PYJIT_SPECIALISED PyObject *zip_or_enumerate_next(PyObject *iterator, int *answered) {
    PyObject *next = Py_IS_TYPE(iterator, &PyZip_Type) ? zip_next_reusing((PyjitZip *)iterator, answered)
                                                       : enumerate_next_reusing((PyjitEnumerate *)iterator, answered);
    if (next == NULL && *answered) {
        clear_stop_iteration();
    }
    return next;
}

/* As FOR_ITER_TUPLE and FOR_ITER_RANGE while items remain, and as zip and enumerate reusing their
 * tuples; a generator natively where it can be (its return value dropped, as FOR_ITER drops it;
 * tstate may be NULL); the iterator's own next otherwise (a list iterator's once its list is done). */
PYJIT_SLOW PyObject *pyjit_slow_for_iter(PyThreadState *tstate, PyObject *iterator) {
    if (Py_IS_TYPE(iterator, &PyGen_Type)) {
        PyObject *item;
        if (pyjit_resume_generator(tstate, iterator, &item) == PYGEN_RETURN) {
            Py_CLEAR(item);
        }
        return item;
    } else if (Py_IS_TYPE(iterator, &PyZip_Type) || Py_IS_TYPE(iterator, &PyEnum_Type)) {
        int answered = 0;
        PyObject *next = zip_or_enumerate_next(iterator, &answered);
        if (next != NULL || answered) {
            return next;
        }
    } else if (Py_IS_TYPE(iterator, &PyTupleIter_Type)) {
        _PyTupleIterObject *it = (_PyTupleIterObject *)iterator;
        PyTupleObject *seq = it->it_seq;
        if (seq != NULL && it->it_index < PyTuple_GET_SIZE(seq)) {
            return Py_NewRef(PyTuple_GET_ITEM(seq, it->it_index++));
        }
    } else if (Py_IS_TYPE(iterator, &PyRangeIter_Type)) {
        _PyRangeIterObject *range = (_PyRangeIterObject *)iterator;
        if (range->len > 0) {
            long value = range->start;
            range->start = value + range->step;
            range->len--;
            return PyLong_FromLong(value);
        }
    }
    PyObject *next = (*Py_TYPE(iterator)->tp_iternext)(iterator);
    if (next == NULL) {
        clear_stop_iteration();
    }
    return next;
}

/* A list's next item inline in compiled loops, the commonest; everything else in the runtime
 * library (inlined whole, zip's and enumerate's paths made the call too big to inline at all). */
PyObject *pyjit_for_iter(PyThreadState *tstate, PyObject *iterator) {
    PyObject *item = Py_IS_TYPE(iterator, &PyListIter_Type) ? list_iterator_item(iterator) : NULL;
    return item != NULL ? item : pyjit_slow_for_iter(tstate, iterator);
}

PyObject *pyjit_exhausted_iterator(void) {
    return Py_NewRef(pyjit_exhausted_iterator_object);
}

/* FOR_ITER where compiled code speculates that the next item runs no Python code
 * (CacheHint.FOR_ITER_INERT, checked by its guard): `for x, y in zip(xs, ys)` and
 * `for i, x in enumerate(xs)` over lists (strs, tuples, dicts...) take their next items inline, in
 * the loop, a list's without a call. */
PYJIT_SPECIALISED PyObject *pyjit_for_iter_inert(PyObject *iterator) {
    if (Py_IS_TYPE(iterator, &PyZip_Type) || Py_IS_TYPE(iterator, &PyEnum_Type)) {
        int answered = 0;
        PyObject *next = zip_or_enumerate_next(iterator, &answered);
        if (next != NULL || answered) {
            return next;
        }
    }
    return pyjit_slow_for_iter(NULL, iterator);
}

int pyjit_is_zip_of_two(PyObject *iterator) {
    return Py_IS_TYPE(iterator, &PyZip_Type) && ((PyjitZip *)iterator)->tuplesize == 2 && !((PyjitZip *)iterator)->strict;
}

int pyjit_is_enumerate(PyObject *iterator) {
    return Py_IS_TYPE(iterator, &PyEnum_Type) && ((PyjitEnumerate *)iterator)->en_index != PY_SSIZE_T_MAX;
}

/* Where compiled code takes a zip's pair apart at once (FOR_ITER_PAIR): a zip of two iterators, not
 * strict (a strict zip checks the lengths as it ends), whose next items run no Python code (as
 * pyjit_is_iterator_of's FOR_ITER case). */
PYJIT_SPECIALISED int pyjit_is_pair_iterator(PyObject *iterator) {
    return pyjit_is_zip_of_two(iterator) && (over_inert_leaves(iterator) || inert_iterator(iterator, 3));
}

/* FOR_ITER and UNPACK_SEQUENCE 2 over a zip of two (pyjit_is_zip_of_two; where
 * pyjit_is_pair_iterator did not accept it, its iterators' code runs), as zip_next takes its
 * items but without its tuple: the first item, the second in *second (new references); NULL and
 * *second NULL where an iterator ended (the first's item dropped, as zip_next drops it) or raised. */
PYJIT_SPECIALISED PyObject *pyjit_for_iter_pair(PyObject *iterator, PyObject **second) {
    PyObject *iterators = ((PyjitZip *)iterator)->ittuple;
    PyObject *first = next_of(PyTuple_GET_ITEM(iterators, 0));
    *second = first == NULL ? NULL : next_of(PyTuple_GET_ITEM(iterators, 1));
    if (*second == NULL) {
        Py_CLEAR(first);
        clear_stop_iteration();
    }
    return first;
}

/* Where compiled code takes an enumerate's index as a number (FOR_ITER_ENUMERATED): an enumerate
 * whose next item runs no Python code and whose index a Py_ssize_t holds still. */
PYJIT_SPECIALISED int pyjit_is_enumerate_iterator(PyObject *iterator) {
    return pyjit_is_enumerate(iterator) && (over_inert_leaves(iterator) || inert_iterator(iterator, 3));
}

PyObject *pyjit_pair_tuple(PyObject *first, PyObject *second) {
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        Py_DECREF(first);
        Py_DECREF(second);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, first);
    PyTuple_SET_ITEM(pair, 1, second);
    return pair;
}

PyObject *pyjit_enumerated_tuple(PyObject *iterator, PyObject *item) {
    PyObject *index = PyLong_FromSsize_t(((PyjitEnumerate *)iterator)->en_index - 1);
    if (index == NULL) {
        Py_DECREF(item);
        return NULL;
    }
    return pyjit_pair_tuple(index, item);
}

/* FOR_ITER and UNPACK_SEQUENCE 2 over an enumerate (pyjit_is_enumerate; where
 * pyjit_is_enumerate_iterator did not accept it, its iterator's code runs), as enum_next: the item (a new reference), the index moved on, for pyjit_enumerate_index to read;
 * NULL where the enumerate ended (StopIteration cleared) or raised. */
PYJIT_SPECIALISED PyObject *pyjit_for_iter_enumerated(PyObject *iterator) {
    PyjitEnumerate *enumerate = (PyjitEnumerate *)iterator;
    PyObject *item = next_of(enumerate->en_sit);
    if (item != NULL) {
        enumerate->en_index++;
    } else {
        clear_stop_iteration();
    }
    return item;
}

int64_t pyjit_enumerate_index(PyObject *iterator) {
    return ((PyjitEnumerate *)iterator)->en_index - 1;
}

int pyjit_range_iter_has_next(PyObject *range_iterator) {
    return ((_PyRangeIterObject *)range_iterator)->len > 0;
}

int64_t pyjit_range_iter_next(PyObject *range_iterator) {
    _PyRangeIterObject *range = (_PyRangeIterObject *)range_iterator;
    long value = range->start;
    /* the start after the last item may pass LONG_MAX: it wraps, as in the interpreter, unread */
    range->start = (long)((unsigned long)value + (unsigned long)range->step);
    range->len--;
    return value;
}

/* PyErr_Occurred without its look-up of the thread state (a call into the dynamic linker from
 * libpython): compiled code has it. */
int pyjit_error_occurred(PyThreadState *tstate) {
    return tstate->current_exception != NULL;
}

/* An exception class called without arguments; it must give an exception instance. */
static PyObject *instantiate(PyObject *exception_class) {
    PyObject *instance = PyObject_CallNoArgs(exception_class);
    if (instance != NULL && !PyExceptionInstance_Check(instance)) {
        PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                     exception_class, Py_TYPE(instance));
        Py_CLEAR(instance);
    }
    return instance;
}

/* As the interpreter's do_raise for RAISE_VARARGS with an argument: an exception class is
 * instantiated, a cause is instantiated, attached or (None) suppresses the context. */
int pyjit_raise(PyObject *exception, PyObject *cause) {
    return pyjit_slow_raise(exception, cause);
}

PYJIT_SLOW int pyjit_slow_raise(PyObject *exception, PyObject *cause) {
    PyObject *value = NULL;
    if (PyExceptionClass_Check(exception)) {
        value = instantiate(exception);
    } else if (PyExceptionInstance_Check(exception)) {
        value = Py_NewRef(exception);
    } else {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
    }
    if (value == NULL) {
        goto failed;
    }
    if (cause != NULL) {
        PyObject *fixed = NULL;
        if (PyExceptionClass_Check(cause)) {
            fixed = instantiate(cause);
            if (fixed == NULL) {
                goto failed;
            }
        } else if (PyExceptionInstance_Check(cause)) {
            fixed = Py_NewRef(cause);
        } else if (cause != Py_None) {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto failed;
        }
        PyException_SetCause(value, fixed);
    }
    PyErr_SetObject((PyObject *)Py_TYPE(value), value);
failed:
    Py_XDECREF(value);
    Py_DECREF(exception);
    Py_XDECREF(cause);
    return -1;
}

PyObject *pyjit_load_assertion_error(void) {
    return Py_NewRef(PyExc_AssertionError);
}

/* BEFORE_WITH and BEFORE_ASYNC_WITH: (bound exit, what entering returned), or an error worded as
 * the interpreter's. Takes the manager over and, as the interpreter, releases it before entering. */
static PyObject *enter_context(PyObject *manager, PyObject *enter_name, PyObject *exit_name, const char *protocol) {
    PyObject *enter = _PyObject_LookupSpecial(manager, enter_name);
    if (enter == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol", Py_TYPE(manager)->tp_name, protocol);
        }
        Py_DECREF(manager);
        return NULL;
    }
    PyObject *exit = _PyObject_LookupSpecial(manager, exit_name);
    if (exit == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol (missed %U method)",
                         Py_TYPE(manager)->tp_name, protocol, exit_name);
        }
        Py_DECREF(enter);
        Py_DECREF(manager);
        return NULL;
    }
    Py_DECREF(manager);
    PyObject *entered = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (entered == NULL) {
        Py_DECREF(exit);
        return NULL;
    }
    return pyjit_pair_tuple(exit, entered);
}

PyObject *pyjit_before_with(PyObject *manager) {
    return enter_context(manager, &_Py_ID(__enter__), &_Py_ID(__exit__), "context manager");
}

PyObject *pyjit_before_async_with(PyObject *manager) {
    return enter_context(manager, &_Py_ID(__aenter__), &_Py_ID(__aexit__), "asynchronous context manager");
}

/* SEND: as the interpreter's generic SEND (its SEND_GEN stands down under a frame evaluator). */
PyObject *pyjit_send(PyThreadState *tstate, PyObject *receiver, PyObject *sent, int *returned) {
    PyObject *result;
    if (Py_IsNone(sent) && Py_IS_TYPE(receiver, &PyGen_Type)) {
        PySendResult sent_to = pyjit_resume_generator(tstate, receiver, &result);
        *returned = sent_to == PYGEN_RETURN;
        return result;
    }
    if (Py_IsNone(sent) && PyIter_Check(receiver)) {
        result = Py_TYPE(receiver)->tp_iternext(receiver);
    } else {
        result = PyObject_CallMethodOneArg(receiver, &_Py_ID(send), sent);
    }
    *returned = 0;
    if (result == NULL) {
        if (_PyGen_FetchStopIterationValue(&result) != 0) {
            return NULL;
        }
        *returned = 1;
    }
    return result;
}

PyObject *pyjit_get_yield_from_iter(_PyInterpreterFrame *frame, PyObject *iterable) {
    if (PyCoro_CheckExact(iterable)) {
        if (!(code_of(frame)->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            PyErr_SetString(PyExc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
            return NULL;
        }
        return Py_NewRef(iterable);
    }
    if (PyGen_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return PyObject_GetIter(iterable);
}

/* Takes the iterable over, released as soon as the iterator is found, as in the interpreter. */
PyObject *pyjit_get_awaitable(int where, PyObject *iterable) {
    PyObject *iterator = _PyCoro_GetAwaitableIter(iterable);
    if (iterator == NULL) {
        _PyEval_FormatAwaitableError(PyThreadState_Get(), Py_TYPE(iterable), where);
    }
    Py_DECREF(iterable);
    if (iterator != NULL && PyCoro_CheckExact(iterator)) {
        PyObject *awaited = _PyGen_yf((PyGenObject *)iterator);
        if (awaited != NULL) {
            Py_DECREF(awaited);
            Py_DECREF(iterator);
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return iterator;
}

/* Takes the iterable over, released as soon as __aiter__ returned, as in the interpreter. */
PyObject *pyjit_get_aiter(PyObject *iterable) {
    PyTypeObject *type = Py_TYPE(iterable);
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s", type->tp_name);
        Py_DECREF(iterable);
        return NULL;
    }
    PyObject *iterator = getter(iterable);
    Py_DECREF(iterable);
    if (iterator == NULL) {
        return NULL;
    }
    if (Py_TYPE(iterator)->tp_as_async == NULL || Py_TYPE(iterator)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                     Py_TYPE(iterator)->tp_name);
        Py_DECREF(iterator);
        return NULL;
    }
    return iterator;
}

PyObject *pyjit_get_anext(PyObject *iterator) {
    PyTypeObject *type = Py_TYPE(iterator);
    if (PyAsyncGen_CheckExact(iterator)) {
        return type->tp_as_async->am_anext(iterator);
    }
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_anext : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s", type->tp_name);
        return NULL;
    }
    PyObject *next = getter(iterator);
    if (next == NULL) {
        return NULL;
    }
    PyObject *awaitable = _PyCoro_GetAwaitableIter(next);
    if (awaitable == NULL) {
        _PyErr_FormatFromCause(PyExc_TypeError, "'async for' received an invalid object from __anext__: %.100s", Py_TYPE(next)->tp_name);
    }
    Py_DECREF(next);
    return awaitable;
}

PyObject *pyjit_intrinsic_1(PyThreadState *tstate, int which, PyObject *value) {
    return _PyIntrinsics_UnaryFunctions[which].func(tstate, value);
}

PyObject *pyjit_intrinsic_2(PyThreadState *tstate, int which, PyObject *first, PyObject *second) {
    return _PyIntrinsics_BinaryFunctions[which].func(tstate, first, second);
}

PyObject *pyjit_load_local_and_clear(_PyInterpreterFrame *frame, int slot) {
    PyObject *value = frame->localsplus[slot];
    frame->localsplus[slot] = NULL;
    return value;
}

int pyjit_list_append(PyObject *list, PyObject *item) {
    return PyList_Append(list, item);
}

int pyjit_set_add(PyObject *set, PyObject *item) {
    return PySet_Add(set, item);
}

int pyjit_map_add(PyObject *dict, PyObject *key, PyObject *value) {
    return PyDict_SetItem(dict, key, value);
}

PyObject *pyjit_build_set(PyObject **items, int n) {
    PyObject *set = PySet_New(NULL);
    for (int i = 0; set != NULL && i < n; i++) {
        if (PySet_Add(set, items[i]) < 0) {
            Py_CLEAR(set);
        }
    }
    pyjit_release_all(items, n);
    return set;
}

PyObject *pyjit_convert_value(int kind, PyObject *value) {
    switch (kind) {
    case FVC_STR: return PyObject_Str(value);
    case FVC_REPR: return PyObject_Repr(value);
    default: return PyObject_ASCII(value);
    }
}

/* As FORMAT_WITH_SPEC: an exact str with an empty spec is itself. */
PyObject *pyjit_format_with_spec(PyObject *value, PyObject *spec) {
    return PyObject_Format(value, spec);
}

int pyjit_delete_local(_PyInterpreterFrame *frame, int slot) {
    PyObject *value = frame->localsplus[slot];
    if (value == NULL) {
        _PyEval_FormatExcCheckArg(PyThreadState_Get(), PyExc_UnboundLocalError,
                "cannot access local variable '%s' where it is not associated with a value",
                PyTuple_GetItem(code_of(frame)->co_localsplusnames, slot));
        return -1;
    }
    frame->localsplus[slot] = NULL;
    Py_DECREF(value);
    return 0;
}

int pyjit_delete_subscript(PyObject *container, PyObject *index) {
    return PyObject_DelItem(container, index);
}

int pyjit_make_cell(_PyInterpreterFrame *frame, int slot) {
    PyObject *initial = frame->localsplus[slot];
    PyObject *cell = PyCell_New(initial);
    if (cell == NULL) {
        return -1;
    }
    frame->localsplus[slot] = cell;
    Py_XDECREF(initial);
    return 0;
}

void pyjit_copy_free_vars(_PyInterpreterFrame *frame, int count) {
    PyObject *closure = ((PyFunctionObject *)frame->f_funcobj)->func_closure;
    int first = code_of(frame)->co_nlocalsplus - count;
    for (int i = 0; i < count; i++) {
        frame->localsplus[first + i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));
    }
}

PyObject *pyjit_load_deref(_PyInterpreterFrame *frame, int slot) {
    PyObject *value = PyCell_GetRef((PyCellObject *)frame->localsplus[slot]);
    if (value == NULL) {
        _PyEval_FormatExcUnbound(PyThreadState_Get(), code_of(frame), slot);
    }
    return value;
}

void pyjit_store_deref(_PyInterpreterFrame *frame, int slot, PyObject *value) {
    PyCellObject *cell = (PyCellObject *)frame->localsplus[slot];
    PyObject *old = cell->ob_ref;
    cell->ob_ref = value;
    Py_XDECREF(old);
}

/* As MAKE_FUNCTION: the function gets the code's version, so the interpreter can specialise calls to it. */
PyObject *pyjit_make_function(_PyInterpreterFrame *frame, PyObject *code) {
    PyFunctionObject *function = (PyFunctionObject *)PyFunction_New(code, frame->f_globals);
    if (function == NULL) {
        return NULL;
    }
    _PyFunction_SetVersion(function, ((PyCodeObject *)code)->co_version);
    return (PyObject *)function;
}

void pyjit_set_function_attribute(int flag, PyObject *function, PyObject *value) {
    PyFunctionObject *f = (PyFunctionObject *)function;
    PyObject **field;
    switch (flag) {
    case MAKE_FUNCTION_CLOSURE: field = &f->func_closure; break;
    case MAKE_FUNCTION_ANNOTATIONS: field = &f->func_annotations; break;
    case MAKE_FUNCTION_KWDEFAULTS: field = &f->func_kwdefaults; break;
    default: field = &f->func_defaults; break;
    }
    Py_XSETREF(*field, Py_NewRef(value));
}

void pyjit_incref(PyObject *o) { Py_INCREF(o); }

void pyjit_decref(PyObject *o) {
    pyjit_release(o);
}

void pyjit_xdecref(PyObject *o) {
    pyjit_release_if_any(o);
}

PYJIT_SLOW __attribute__((cold)) void pyjit_slow_xdecref(PyObject *o) {
    Py_XDECREF(o);
}

int pyjit_list_extend(PyObject *list, PyObject *iterable) {
    PyObject *none = _PyList_Extend((PyListObject *)list, iterable);
    if (none == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s", Py_TYPE(iterable)->tp_name);
        }
        return -1;
    }
    Py_DECREF(none);
    return 0;
}

/* ---- Module and class bodies: names in the frame's locals mapping (Python/bytecodes.c, LOAD_NAME and its kin). */

#define NAME_ERROR_MSG "name '%.200s' is not defined"

static PyObject *locals_of(_PyInterpreterFrame *frame, const char *no_locals, PyObject *name) {
    if (frame->f_locals == NULL) {
        if (name != NULL) {
            PyErr_Format(PyExc_SystemError, no_locals, name);
        } else {
            PyErr_SetString(PyExc_SystemError, no_locals);
        }
    }
    return frame->f_locals;
}

PyObject *pyjit_load_name(_PyInterpreterFrame *frame, int name_index) {
    PyObject *locals = locals_of(frame, "no locals found", NULL);
    if (locals == NULL) {
        return NULL;
    }
    PyObject *name = name_at(frame, name_index);
    PyObject *value;
    if (PyMapping_GetOptionalItem(locals, name, &value) < 0) {
        return NULL;
    }
    if (value == NULL && PyDict_GetItemRef(frame->f_globals, name, &value) < 0) {
        return NULL;
    }
    if (value == NULL && PyMapping_GetOptionalItem(frame->f_builtins, name, &value) < 0) {
        return NULL;
    }
    if (value == NULL) {
        _PyEval_FormatExcCheckArg(PyThreadState_Get(), PyExc_NameError, NAME_ERROR_MSG, name);
    }
    return value;
}

int pyjit_store_name(_PyInterpreterFrame *frame, int name_index, PyObject *value) {
    PyObject *name = name_at(frame, name_index);
    PyObject *locals = locals_of(frame, "no locals found when storing %R", name);
    if (locals == NULL) {
        return -1;
    }
    return PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, value) : PyObject_SetItem(locals, name, value);
}

int pyjit_delete_name(_PyInterpreterFrame *frame, int name_index) {
    PyObject *name = name_at(frame, name_index);
    PyObject *locals = locals_of(frame, "no locals when deleting %R", name);
    if (locals == NULL) {
        return -1;
    }
    if (PyObject_DelItem(locals, name) != 0) {
        _PyEval_FormatExcCheckArg(PyThreadState_Get(), PyExc_NameError, NAME_ERROR_MSG, name);
        return -1;
    }
    return 0;
}

PyObject *pyjit_load_locals(_PyInterpreterFrame *frame) {
    return Py_XNewRef(locals_of(frame, "no locals found", NULL));
}

PyObject *pyjit_load_from_dict_or_globals(_PyInterpreterFrame *frame, int name_index, PyObject *mapping) {
    PyObject *value;
    if (PyMapping_GetOptionalItem(mapping, name_at(frame, name_index), &value) < 0) {
        return NULL;
    }
    return value != NULL ? value : pyjit_load_global(frame, name_index);
}

PyObject *pyjit_load_from_dict_or_deref(_PyInterpreterFrame *frame, int slot, PyObject *mapping) {
    PyCodeObject *code = code_of(frame);
    PyObject *value;
    if (PyMapping_GetOptionalItem(mapping, PyTuple_GET_ITEM(code->co_localsplusnames, slot), &value) < 0) {
        return NULL;
    }
    if (value == NULL) {
        value = Py_XNewRef(PyCell_GET(frame->localsplus[slot]));
        if (value == NULL) {
            _PyEval_FormatExcUnbound(PyThreadState_Get(), code, slot);
        }
    }
    return value;
}

int pyjit_setup_annotations(_PyInterpreterFrame *frame) {
    PyObject *locals = locals_of(frame, "no locals found when setting up annotations", NULL);
    if (locals == NULL) {
        return -1;
    }
    PyObject *annotations;
    if (PyMapping_GetOptionalItem(locals, &_Py_ID(__annotations__), &annotations) < 0) {
        return -1;
    }
    if (annotations != NULL) {
        Py_DECREF(annotations);
        return 0;
    }
    annotations = PyDict_New();
    if (annotations == NULL) {
        return -1;
    }
    int status = PyObject_SetItem(locals, &_Py_ID(__annotations__), annotations);
    Py_DECREF(annotations);
    return status;
}

PyObject *pyjit_load_build_class(_PyInterpreterFrame *frame) {
    PyObject *build_class;
    if (PyMapping_GetOptionalItem(frame->f_builtins, &_Py_ID(__build_class__), &build_class) < 0) {
        return NULL;
    }
    if (build_class == NULL) {
        PyErr_SetString(PyExc_NameError, "__build_class__ not found");
    }
    return build_class;
}

int pyjit_delete_global(_PyInterpreterFrame *frame, int name_index) {
    PyObject *name = name_at(frame, name_index);
    int found = PyDict_Pop(frame->f_globals, name, NULL);
    if (found == 0) {
        _PyEval_FormatExcCheckArg(PyThreadState_Get(), PyExc_NameError, NAME_ERROR_MSG, name);
    }
    return found > 0 ? 0 : -1;
}

int pyjit_delete_attr(_PyInterpreterFrame *frame, int name_index, PyObject *owner) {
    return PyObject_DelAttr(owner, name_at(frame, name_index));
}

int pyjit_delete_deref(_PyInterpreterFrame *frame, int slot) {
    PyObject *cell = frame->localsplus[slot];
    PyObject *old = PyCell_GET(cell);
    if (old == NULL) {
        _PyEval_FormatExcUnbound(PyThreadState_Get(), code_of(frame), slot);
        return -1;
    }
    PyCell_SET(cell, NULL);
    Py_DECREF(old);
    return 0;
}

/* ---- import (ceval.c's import_name and import_from) */

PyObject *pyjit_import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, int name_index, PyObject *level, PyObject *fromlist) {
    PyObject *name = name_at(frame, name_index);
    PyObject *import;
    if (PyMapping_GetOptionalItem(frame->f_builtins, &_Py_ID(__import__), &import) < 0) {
        return NULL;
    }
    if (import == NULL) {
        PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = frame->f_locals == NULL ? Py_None : frame->f_locals;
    if (import == tstate->interp->imports.import_func) {
        Py_DECREF(import);
        int ilevel = PyLong_AsInt(level);
        if (ilevel == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return PyImport_ImportModuleLevelObject(name, frame->f_globals, locals, fromlist, ilevel);
    }
    PyObject *arguments[5] = {name, frame->f_globals, locals, fromlist, level};
    PyObject *module = PyObject_Vectorcall(import, arguments, 5, NULL);
    Py_DECREF(import);
    return module;
}

/* The spec's origin when it has a location and it is a str (moduleobject.c's _PyModuleSpec_GetFileOrigin). */
static int spec_file_origin(PyObject *spec, PyObject **origin) {
    PyObject *has_location;
    int found = PyObject_GetOptionalAttr(spec, &_Py_ID(has_location), &has_location);
    if (found <= 0) {
        return found;
    }
    found = PyObject_IsTrue(has_location);
    Py_DECREF(has_location);
    if (found <= 0) {
        return found;
    }
    PyObject *value;
    found = PyObject_GetOptionalAttr(spec, &_Py_ID(origin), &value);
    if (found <= 0) {
        return found;
    }
    if (!PyUnicode_Check(value)) {
        Py_DECREF(value);
        return 0;
    }
    *origin = value;
    return 1;
}

/* Whether the module at origin may shadow one of the same name later on the path: its directory
 * (a package's parent) is where the program started (moduleobject.c's _PyModule_IsPossiblyShadowing). */
static int possibly_shadowing(PyObject *origin) {
    const PyConfig *config = _Py_GetConfig();
    if (origin == NULL || config->safe_path || config->sys_path_0 == NULL) {
        return 0;
    }
    wchar_t root[MAXPATHLEN + 1];
    Py_ssize_t size = PyUnicode_AsWideChar(origin, root, MAXPATHLEN);
    if (size < 0) {
        return -1;
    }
    root[size] = L'\0';
    wchar_t *separator = wcsrchr(root, SEP);
    if (separator == NULL) {
        return 0;
    }
    if (wcscmp(separator + 1, L"__init__.py") == 0) {
        *separator = L'\0';
        separator = wcsrchr(root, SEP);
        if (separator == NULL) {
            return 0;
        }
    }
    *separator = L'\0';
    if (config->sys_path_0[0] != L'\0') {
        return wcscmp(config->sys_path_0, root) == 0;
    }
    /* sys.path[0] == "" stands for the current directory */
    char cwd[MAXPATHLEN];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    wchar_t *decoded = Py_DecodeLocale(cwd, NULL);
    if (decoded == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int same = wcscmp(decoded, root) == 0;
    PyMem_RawFree(decoded);
    return same;
}

/* ImportError(message, name=module, path=origin, name_from=name), as errors.c's _PyErr_SetImportErrorWithNameFrom. */
static void set_import_error(PyObject *message, PyObject *module, PyObject *origin, PyObject *name) {
    PyObject *keywords = Py_BuildValue("{sOsOsO}", "name", module != NULL ? module : Py_None,
                                       "path", origin != NULL ? origin : Py_None, "name_from", name);
    if (keywords == NULL) {
        return;
    }
    PyObject *error = PyObject_VectorcallDict(PyExc_ImportError, &message, 1, keywords);
    Py_DECREF(keywords);
    if (error != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(error), error);
        Py_DECREF(error);
    }
}

/* Why `from module import name` failed, worded as the interpreter's import_from words it. */
static PyObject *import_from_failed(PyObject *module, PyObject *name, PyObject *module_name) {
    PyObject *shown_name = module_name != NULL ? Py_NewRef(module_name) : PyUnicode_FromString("<unknown module name>");
    if (shown_name == NULL) {
        return NULL;
    }
    PyObject *spec = NULL, *origin = NULL, *message = NULL;
    if (PyObject_GetOptionalAttr(module, &_Py_ID(__spec__), &spec) < 0) {
        goto done;
    }
    if (spec == NULL) {
        message = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, shown_name);
        goto raise;
    }
    if (spec_file_origin(spec, &origin) < 0) {
        goto done;
    }
    int shadowing = possibly_shadowing(origin);
    if (shadowing < 0) {
        goto done;
    }
    int shadowing_stdlib = 0;
    if (shadowing) {
        PyObject *stdlib = PySys_GetObject("stdlib_module_names");
        if (stdlib != NULL && PyAnySet_Check(stdlib)) {
            shadowing_stdlib = PySet_Contains(stdlib, shown_name);
            if (shadowing_stdlib < 0) {
                goto done;
            }
        }
    }
    if (origin == NULL && PyModule_Check(module)) {
        /* no location in the spec: the module's __file__, if it has one, names it */
        origin = PyModule_GetFilenameObject(module);
        if (origin == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_SystemError)) {
                goto done;
            }
            PyErr_Clear();
        }
    }
    if (shadowing_stdlib) {
        message = PyUnicode_FromFormat("cannot import name %R from %R (consider renaming %R since it has the same name as the "
                                       "standard library module named %R and prevents importing that standard library module)",
                                       name, shown_name, origin, shown_name);
        goto raise;
    }
    PyObject *initializing_value = NULL;
    int initializing = PyObject_GetOptionalAttr(spec, &_Py_ID(_initializing), &initializing_value);
    if (initializing > 0) {
        initializing = PyObject_IsTrue(initializing_value);
        Py_DECREF(initializing_value);
    }
    if (initializing < 0) {
        goto done;
    }
    if (initializing && shadowing) {
        message = PyUnicode_FromFormat("cannot import name %R from %R (consider renaming %R if it has the same name as a library "
                                       "you intended to import)", name, shown_name, origin);
    } else if (initializing) {
        message = origin != NULL
            ? PyUnicode_FromFormat("cannot import name %R from partially initialized module %R "
                                   "(most likely due to a circular import) (%S)", name, shown_name, origin)
            : PyUnicode_FromFormat("cannot import name %R from partially initialized module %R "
                                   "(most likely due to a circular import)", name, shown_name);
    } else {
        message = origin != NULL
            ? PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, shown_name, origin)
            : PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, shown_name);
    }
raise:
    if (message != NULL) {
        set_import_error(message, module_name, origin, name);
        Py_DECREF(message);
    }
done:
    Py_XDECREF(origin);
    Py_XDECREF(spec);
    Py_DECREF(shown_name);
    return NULL;
}

PyObject *pyjit_import_from(_PyInterpreterFrame *frame, int name_index, PyObject *module) {
    PyObject *name = name_at(frame, name_index);
    PyObject *value;
    if (PyObject_GetOptionalAttr(module, name, &value) != 0) {
        return value;
    }
    /* a circular relative import may have put the submodule in sys.modules only */
    PyObject *module_name;
    if (PyObject_GetOptionalAttr(module, &_Py_ID(__name__), &module_name) < 0) {
        return NULL;
    }
    if (module_name == NULL || !PyUnicode_Check(module_name)) {
        Py_CLEAR(module_name);
        return import_from_failed(module, name, NULL);
    }
    PyObject *full_name = PyUnicode_FromFormat("%U.%U", module_name, name);
    if (full_name == NULL) {
        Py_DECREF(module_name);
        return NULL;
    }
    value = PyImport_GetModule(full_name);
    Py_DECREF(full_name);
    if (value == NULL && !PyErr_Occurred()) {
        value = import_from_failed(module, name, module_name);
    }
    Py_DECREF(module_name);
    return value;
}

/* ---- Calls with *args and **kwargs, and the displays that build their arguments */

/* Takes its operands over: an iterable given for *args is replaced by its tuple before the call,
 * as the interpreter does, and the rest is released after it. */
PyObject *pyjit_call_function_ex(PyObject *callable, PyObject *null, PyObject *arguments, PyObject *keywords) {
    (void)null;
    PyObject *result = NULL;
    if (!PyTuple_CheckExact(arguments)) {
        if (Py_TYPE(arguments)->tp_iter == NULL && !PySequence_Check(arguments)) {
            PyErr_Clear();
            PyObject *described = _PyObject_FunctionStr(callable);
            if (described != NULL) {
                PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s", described,
                             Py_TYPE(arguments)->tp_name);
                Py_DECREF(described);
            }
            goto release;
        }
        Py_SETREF(arguments, PySequence_Tuple(arguments));
        if (arguments == NULL) {
            goto release;
        }
    }
    result = PyObject_Call(callable, arguments, keywords);
release:
    Py_DECREF(callable);
    Py_XDECREF(arguments);
    Py_XDECREF(keywords);
    return result;
}

int pyjit_dict_merge(PyThreadState *tstate, PyObject *callable, PyObject *dict, PyObject *update) {
    if (_PyDict_MergeEx(dict, update, 2) < 0) {
        _PyEval_FormatKwargsError(tstate, callable, update);
        return -1;
    }
    return 0;
}

int pyjit_dict_update(PyObject *dict, PyObject *update) {
    if (PyDict_Update(dict, update) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(update)->tp_name);
        }
        return -1;
    }
    return 0;
}

int pyjit_set_update(PyObject *set, PyObject *iterable) {
    return _PySet_Update(set, iterable);
}

/* UNPACK_EX: the items in order, the starred part as a list, in a tuple. */
PyObject *pyjit_unpack_ex(PyThreadState *tstate, int counts, PyObject *sequence) {
    int before = counts & 0xFF, after = counts >> 8, total = before + 1 + after;
    PyObject *tuple = PyTuple_New(total);
    if (tuple == NULL) {
        return NULL;
    }
    PyObject **items = PyMem_Malloc(total * sizeof(PyObject *));
    if (items == NULL) {
        Py_DECREF(tuple);
        return PyErr_NoMemory();
    }
    /* it writes the first item at the top, the way the value stack grows */
    if (_PyEval_UnpackIterable(tstate, sequence, before, after, items + total) == 0) {
        PyMem_Free(items);
        Py_DECREF(tuple);
        return NULL;
    }
    for (int i = 0; i < total; i++) {
        PyTuple_SET_ITEM(tuple, i, items[total - 1 - i]);
    }
    PyMem_Free(items);
    return tuple;
}

/* ---- match */

PyObject *pyjit_match_class(PyThreadState *tstate, int positional, PyObject *subject, PyObject *type, PyObject *names) {
    PyObject *attributes = _PyEval_MatchClass(tstate, subject, type, positional, names);
    if (attributes == NULL && !PyErr_Occurred()) {
        return Py_NewRef(Py_None);
    }
    return attributes;
}

PyObject *pyjit_match_mapping(PyObject *subject) {
    return PyBool_FromLong(Py_TYPE(subject)->tp_flags & Py_TPFLAGS_MAPPING);
}

PyObject *pyjit_match_sequence(PyObject *subject) {
    return PyBool_FromLong(Py_TYPE(subject)->tp_flags & Py_TPFLAGS_SEQUENCE);
}

PyObject *pyjit_match_keys(PyThreadState *tstate, PyObject *subject, PyObject *keys) {
    return _PyEval_MatchKeys(tstate, subject, keys);
}

PyObject *pyjit_get_len(PyObject *object) {
    Py_ssize_t length = PyObject_Length(object);
    return length < 0 ? NULL : PyLong_FromSsize_t(length);
}
