/*
 * Boxes for compiled code's ints, kept when they die (ints.h).
 */
#include "ints.h"

#include "internal/pycore_interp.h"

/* 32 KiB of pymalloc's 32-byte blocks at most */
#define KEPT_INTS 1024

PyObject *pyjit_free_ints;
int pyjit_free_int_count;
long long pyjit_reused_ints;

static destructor cpython_int_dealloc;

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

void pyjit_keep_dead_ints(void) {
    if (cpython_int_dealloc == NULL) {
        cpython_int_dealloc = PyLong_Type.tp_dealloc;
        PyLong_Type.tp_dealloc = int_dealloc;
    }
}
