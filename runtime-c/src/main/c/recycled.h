/*
 * Objects that die recycled without CPython's thread-local lookups (recycled.c).
 *
 * Ints: CPython 3.13 keeps a freelist for floats but none for ints: every int past the small ones
 * that compiled code boxes (a loop's sum, an index past 256, a bit mask) is allocated by pymalloc
 * and freed again, which took about half of the time of an int-heavy recursive search (nqueens'
 * bit masks). Here an exact int of one digit that dies goes onto a list of pyjit's own, and
 * compiled code's boxes of one digit come off it. CPython 3.14 does the same for its compact ints.
 *
 * Floats: CPython finds its float freelist through the thread state, which from the shared
 * libpython is a call into the dynamic linker (__tls_get_addr) for every float that dies: 5-8% of
 * a program that makes and drops small vector objects of floats. Here a dying float goes onto the
 * main interpreter's freelist straight, the one compiled code's float boxes come off.
 *
 * Both lists are the main interpreter's: the objects are its pymalloc's. They are touched only
 * while no other interpreter exists (one with a GIL of its own could run beside it); the kept
 * ints not at all while tracemalloc or a reference tracer watches allocations (CPython's float
 * freelist is used whoever watches, as CPython itself does).
 */
#ifndef PYJIT_RECYCLED_H
#define PYJIT_RECYCLED_H

#include "pyjit_rt.h"
#include "internal/pycore_long.h"
#include "internal/pycore_runtime.h"

/* The kept ints, linked through ob_type as CPython's float freelist links its floats; how many. */
extern PyObject *pyjit_free_ints;
extern int pyjit_free_int_count;
/* How many boxes came off the list (the stats' reused_ints). */
extern long long pyjit_reused_ints;

/* Whether the main interpreter is the only one: the objects it frees are its allocator's. */
static inline int pyjit_main_interpreter_alone(void) {
    return _PyRuntime.interpreters.head == _PyRuntime.interpreters.main && _PyRuntime.interpreters.main->next == NULL;
}

/* Whether the kept ints may be touched now: the main interpreter is the only one, and nobody traces allocations. */
static inline int pyjit_ints_reusable(void) {
    return pyjit_main_interpreter_alone() && !_PyRuntime.tracemalloc.config.tracing && _PyRuntime.ref_tracer.tracer_func == NULL;
}

/* A new int of value, which is not a small int and fits one digit, off the list; NULL if the list
 * is empty or may not be touched. */
static inline PyObject *pyjit_reused_int(int64_t value) {
    PyObject *op = pyjit_free_ints;
    if (op == NULL || !pyjit_ints_reusable()) {
        return NULL;
    }
    pyjit_free_ints = (PyObject *)Py_TYPE(op);
    pyjit_free_int_count--;
    pyjit_reused_ints++;
    /* what _PyObject_Init does for an immortal type with nobody tracing references */
    Py_SET_TYPE(op, &PyLong_Type);
    op->ob_refcnt = 1;
    PyLongObject *number = (PyLongObject *)op;
    _PyLong_SetSignAndDigitCount(number, value < 0 ? -1 : 1, 1);
    number->long_value.ob_digit[0] = (digit)(value < 0 ? -value : value);
    return op;
}

/* How many floats died onto the freelist here (the stats' recycled_floats). */
extern long long pyjit_recycled_floats;

/* A dead float (of exactly float's type) onto the main interpreter's freelist, as
 * _PyFloat_ExactDealloc puts it on the freelist its thread state names: 1, or 0 where it goes to
 * CPython's deallocator (another interpreter exists, the list is full or finalised). */
static inline int pyjit_float_onto_freelist(PyObject *op) {
    if (!pyjit_main_interpreter_alone()) {
        return 0;
    }
    struct _Py_float_freelist *floats = &_PyRuntime.interpreters.main->object_state.freelists.floats;
    if (floats->numfree < 0 || floats->numfree >= PyFloat_MAXFREELIST) {
        return 0;
    }
    floats->numfree++;
    Py_SET_TYPE(op, (PyTypeObject *)floats->items);
    floats->items = (PyFloatObject *)op;
    pyjit_recycled_floats++;
    return 1;
}

/* Releases an exact float: one that dies goes onto the freelist here, without the deallocator's
 * indirect call (unless a reference tracer must see it die). */
static inline __attribute__((always_inline)) void pyjit_release_float(PyObject *op) {
    if (!pyjit_referenced_once(op) || _PyRuntime.ref_tracer.tracer_func != NULL) {
        pyjit_release(op);
        return;
    }
    op->ob_refcnt = 0;
    if (!pyjit_float_onto_freelist(op)) {
        _Py_Dealloc(op);
    }
}

/* Puts pyjit's deallocators of ints and floats in front of CPython's: called once, when the JIT is installed. */
void pyjit_recycle_dead_objects(void);

#endif
