/*
 * What a C caller that consumes a generator's items keeps, and the part of its consumption that
 * the generator's native code does itself at a yield (pyjit_offer_to_consumer in helpers.c; the
 * caller is pyjit_consume_generator in module.c).
 */
#ifndef PYJIT_CONSUMER_H
#define PYJIT_CONSUMER_H

#include "pyjit_rt.h"
#include "recycled.h"
#include "internal/pycore_long.h"

/* A C caller that consumes what a generator yields, as a builtin called on it does: sum() (what it
 * has added so far, as its C loop keeps it, Python/bltinmodule.c builtin_sum_impl: an exact int in
 * a word while every item is an int and nothing overflows, then an exact float with Neumaier's
 * compensation while every item is a float or an int of a word, then a Python object added to
 * with PyNumber_Add, never going back to an earlier mode), any(), all(), min() or max() (the
 * least or greatest item so far, the first of equals). */
typedef enum { PYJIT_SUM_INT, PYJIT_SUM_FLOAT, PYJIT_SUM_OBJECT, PYJIT_ANY, PYJIT_ALL, PYJIT_MIN, PYJIT_MAX } PyjitConsumerMode;
struct PyjitConsumer {
    PyjitConsumerMode mode;
    Py_ssize_t int_total;
    double float_total;
    double compensation;
    PyObject *total;  /* PYJIT_SUM_OBJECT's total, or min()'s and max()'s item so far (NULL: none yet), owned */
};

/* An item's truth where finding it and releasing the item run no code of Python's (None, a bool, an
 * exact int, float or str): 0 or 1; else -1. */
static inline int pyjit_plain_truth(PyObject *item) {
    PyTypeObject *type = Py_TYPE(item);
    if (type == &PyBool_Type) {
        return item == Py_True;
    }
    if (item == Py_None) {
        return 0;
    }
    if (type == &PyLong_Type) {
        return !_PyLong_IsZero((PyLongObject *)item);
    }
    if (type == &PyFloat_Type) {
        return PyFloat_AS_DOUBLE(item) != 0.0;
    }
    return type == &PyUnicode_Type ? PyUnicode_GET_LENGTH(item) != 0 : -1;
}

/* Whether any() goes on past an item of that truth (a false one) or all() does (a true one); a
 * truth of -1 (not plain) ends neither. */
static inline int pyjit_consumer_goes_on(PyjitConsumer *consumer, int truth) {
    return truth == (consumer->mode == PYJIT_ALL);
}

/* sum()'s float loop adding x, with Neumaier's compensation. */
static inline void pyjit_consumer_add_float(PyjitConsumer *sum, double x) {
    double t = sum->float_total + x;
    if (fabs(sum->float_total) >= fabs(x)) {
        sum->compensation += (sum->float_total - t) + x;
    } else {
        sum->compensation += (x - t) + sum->float_total;
    }
    sum->float_total = t;
}

/* sum()'s int or float loop adding an int that fits a word (PyLong_AsLongAndOverflow's): 1, or 0
 * where the int total would overflow (the generic loop takes the item then). */
static inline int pyjit_consumer_add_int(PyjitConsumer *sum, Py_ssize_t b) {
    if (sum->mode == PYJIT_SUM_FLOAT) {
        sum->float_total += (double)b;
    } else if (sum->int_total >= 0 ? b <= PY_SSIZE_T_MAX - sum->int_total : b >= PY_SSIZE_T_MIN - sum->int_total) {
        sum->int_total += b;
    } else {
        return 0;
    }
    return 1;
}

/* Consumes the item as the builtin would, where that runs no code but this and does not end the
 * builtin's loop (for sum(): an exact int, bool or float in the int or float mode; for any(), an
 * item pyjit_plain_truth finds false; for all(), one it finds true; for min() and max(), the first
 * item, and an exact float or int of a digit after one of the same type): 1, the item released or
 * kept; else 0, the item untouched. */
static inline __attribute__((always_inline)) int pyjit_consumer_take(PyjitConsumer *consumer, PyObject *item) {
    switch (consumer->mode) {
    case PYJIT_MIN:
    case PYJIT_MAX: {
        PyObject *best = consumer->total;
        int better;
        if (best == NULL) {
            consumer->total = item;
            return 1;
        }
        if (PyFloat_CheckExact(item) && PyFloat_CheckExact(best)) {
            double x = PyFloat_AS_DOUBLE(item), y = PyFloat_AS_DOUBLE(best);
            better = consumer->mode == PYJIT_MAX ? x > y : x < y;
        } else if (PyLong_CheckExact(item) && PyLong_CheckExact(best) && _PyLong_IsCompact((PyLongObject *)item)
                   && _PyLong_IsCompact((PyLongObject *)best)) {
            Py_ssize_t x = _PyLong_CompactValue((PyLongObject *)item), y = _PyLong_CompactValue((PyLongObject *)best);
            better = consumer->mode == PYJIT_MAX ? x > y : x < y;
        } else {
            return 0;
        }
        if (better) {
            consumer->total = item;
            pyjit_release(best);
        } else {
            pyjit_release(item);
        }
        return 1;
    }
    case PYJIT_ANY:
    case PYJIT_ALL:
        if (!pyjit_consumer_goes_on(consumer, pyjit_plain_truth(item))) {
            return 0;
        }
        pyjit_release(item);
        return 1;
    case PYJIT_SUM_OBJECT:
        return 0;
    default:
        break;
    }
    if (consumer->mode == PYJIT_SUM_FLOAT && PyFloat_CheckExact(item)) {
        pyjit_consumer_add_float(consumer, PyFloat_AS_DOUBLE(item));
        pyjit_release_float(item);
        return 1;
    }
    if (!(PyLong_CheckExact(item) || PyBool_Check(item)) || !_PyLong_IsCompact((PyLongObject *)item)
            || !pyjit_consumer_add_int(consumer, _PyLong_CompactValue((PyLongObject *)item))) {
        return 0;
    }
    pyjit_release(item);
    return 1;
}

/* A float the generator's code holds unboxed, consumed where pyjit_consumer_take would consume it
 * boxed and keep nothing of it (sum()'s float mode, any(), all(), an item of min() or max() no
 * better than a float best so far, by the comparison the builtin makes of two floats, which a
 * NaN never wins): 1, else 0 and it is to be boxed and offered (the int mode's switch to
 * floats, a new best). */
static inline __attribute__((always_inline)) int pyjit_consumer_take_float(PyjitConsumer *consumer, double x) {
    PyObject *best = consumer->total;
    switch (consumer->mode) {
    case PYJIT_SUM_FLOAT:
        pyjit_consumer_add_float(consumer, x);
        return 1;
    case PYJIT_ANY:
    case PYJIT_ALL:
        return pyjit_consumer_goes_on(consumer, x != 0.0);
    case PYJIT_MIN:
        return best != NULL && PyFloat_CheckExact(best) && !(x < PyFloat_AS_DOUBLE(best));
    case PYJIT_MAX:
        return best != NULL && PyFloat_CheckExact(best) && !(x > PyFloat_AS_DOUBLE(best));
    default:
        return 0;
    }
}

/* The same for an int of 64 bits, which sum() adds in C in either mode however many digits it
 * has, and min() and max() compare exactly with an int best of a digit. */
static inline __attribute__((always_inline)) int pyjit_consumer_take_int(PyjitConsumer *consumer, int64_t b) {
    PyObject *best = consumer->total;
    switch (consumer->mode) {
    case PYJIT_SUM_INT:
    case PYJIT_SUM_FLOAT:
        return pyjit_consumer_add_int(consumer, b);
    case PYJIT_ANY:
    case PYJIT_ALL:
        return pyjit_consumer_goes_on(consumer, b != 0);
    case PYJIT_MIN:
    case PYJIT_MAX: {
        if (best == NULL || !PyLong_CheckExact(best) || !_PyLong_IsCompact((PyLongObject *)best)) {
            return 0;
        }
        Py_ssize_t y = _PyLong_CompactValue((PyLongObject *)best);
        return consumer->mode == PYJIT_MAX ? b <= y : b >= y;
    }
    default:
        return 0;
    }
}

#endif
