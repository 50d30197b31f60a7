/*
 * The callees of a function's calls that the interpreter's inline caches name, for inlining
 * (known_callees.c).
 */
#ifndef PYJIT_KNOWN_CALLEES_H
#define PYJIT_KNOWN_CALLEES_H

#include "pyjit_rt.h"

/* A new dict: the bytecode offset of each LOAD_ATTR (method) or LOAD_GLOBAL (call form) whose
 * callee is known -> (that plain function's code object, its pyjit_code_identity, which inlined
 * calls match it by). Empty where none is known; NULL with an error set only if memory runs out.
 * Needs the GIL; runs no code. */
PyObject *pyjit_known_callees(PyObject *function);

#endif
