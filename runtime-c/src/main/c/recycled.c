/*
 * Objects that die recycled without CPython's thread-local lookups (recycled.h).
 */
#include "recycled.h"

#include "internal/pycore_interp.h"
#include "internal/pycore_freelist.h"

/* 32 KiB of pymalloc's 32-byte blocks at most */
#define KEPT_INTS 1024

PyObject *pyjit_free_ints;
int pyjit_free_int_count;
long long pyjit_reused_ints;
long long pyjit_recycled_floats;

static destructor cpython_int_dealloc;
static destructor cpython_float_dealloc;

/* An exact int of one digit is kept; anything else, a small int among them (CPython makes one
 * immortal again if a bad extension released it once too often), goes to CPython's deallocator. */
static void int_dealloc(PyObject *op) {
    PyLongObject *number = (PyLongObject *)op;
    if (Py_IS_TYPE(op, &PyLong_Type) && _PyLong_IsCompact(number) && pyjit_free_int_count < KEPT_INTS && pyjit_ints_reusable()) {
        Py_ssize_t value = _PyLong_CompactValue(number);
        if (value < -_PY_NSMALLNEGINTS || value >= _PY_NSMALLPOSINTS) {
            Py_SET_TYPE(op, (PyTypeObject *)pyjit_free_ints);
            pyjit_free_ints = op;
            pyjit_free_int_count++;
            return;
        }
    }
    cpython_int_dealloc(op);
}

/* As _PyFloat_ExactDealloc with the main interpreter's freelist named rather than looked up: a
 * full list, or one finalised (numfree -1), and a float subclass go to CPython's deallocator. */
static void float_dealloc(PyObject *op) {
    if (!Py_IS_TYPE(op, &PyFloat_Type) || !pyjit_float_onto_freelist(op)) {
        cpython_float_dealloc(op);
    }
}

void pyjit_recycle_dead_objects(void) {
    if (cpython_int_dealloc == NULL) {
        cpython_int_dealloc = PyLong_Type.tp_dealloc;
        PyLong_Type.tp_dealloc = int_dealloc;
        cpython_float_dealloc = PyFloat_Type.tp_dealloc;
        PyFloat_Type.tp_dealloc = float_dealloc;
    }
}
