/*
 * Boxes for compiled code's ints, kept when they die (ints.c).
 *
 * CPython 3.13 keeps a freelist for floats but none for ints: every int past the small ones that
 * compiled code boxes (a loop's sum, an index past 256, a bit mask) is allocated by pymalloc and
 * freed again, which took about half of the time of an int-heavy recursive search (nqueens' bit
 * masks). Here an exact int of one digit that dies goes onto a list of pyjit's own, and compiled
 * code's boxes of one digit come off it. CPython 3.14 does the same for its compact ints.
 *
 * The list is the main interpreter's: the objects are its pymalloc's. It is touched only while
 * no other interpreter exists (one with a GIL of its own could run beside it), and not at all
 * while tracemalloc or a reference tracer watches allocations.
 */
#ifndef PYJIT_INTS_H
#define PYJIT_INTS_H

#include "pyjit_rt.h"
#include "internal/pycore_long.h"
#include "internal/pycore_runtime.h"

/* The kept ints, linked through ob_type as CPython's float freelist links its floats; how many. */
extern PyObject *pyjit_free_ints;
extern int pyjit_free_int_count;
/* How many boxes came off the list (the stats' reused_ints). */
extern long long pyjit_reused_ints;

/* Whether the kept ints may be touched now: the main interpreter is the only one, and nobody traces allocations. */
static inline int pyjit_ints_reusable(void) {
    return _PyRuntime.interpreters.head == _PyRuntime.interpreters.main && _PyRuntime.interpreters.main->next == NULL
           && !_PyRuntime.tracemalloc.config.tracing && _PyRuntime.ref_tracer.tracer_func == NULL;
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

/* Puts PyLong_Type's deallocator in front of CPython's: called once, when the JIT is installed. */
void pyjit_keep_dead_ints(void);

#endif
