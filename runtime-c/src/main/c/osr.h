/* On-stack replacement (osr.c): a frame the interpreter runs goes on in native code at a loop header. */
#ifndef PYJIT_OSR_H
#define PYJIT_OSR_H
#include "pyjit_rt.h"

/* The code unit of the header of the innermost loop the frame is in; -1 if it is in none. */
int pyjit_osr_header(PyCodeObject *code, _PyInterpreterFrame *frame);
/* The type of each local slot of the frame, as dev.pyjit.ir.Type bits (NULL: Type.NULL). */
PyObject *pyjit_osr_local_types(PyCodeObject *code, _PyInterpreterFrame *frame);
/* Installs native code for the loop header at code unit `at`, entered when the locals hold the
 * types of `expected` (a tuple of Type bits); 0, or -1 with an exception set. */
int pyjit_osr_install(CodeState *state, PyCodeObject *code, pyjit_native_entry native, int at, PyObject *expected);
/* Frees what pyjit_osr_install kept in the state. */
void pyjit_osr_release(CodeState *state);
/* Watches the code object's back edges for on-stack replacement (with PYJIT_OSR_EVERY_LOOP, from
 * its first frame on); 0, or -1 with an exception set. */
int pyjit_osr_watch(PyCodeObject *code);
/* module.c: native code runs for the first time in this process, maybe (it keeps when, for the
 * stats); whether pyjit stands down for a monitoring tool; and, with PYJIT_OSR_EVERY_LOOP, a
 * synchronous request for on-stack replacement into the frame at the loop header `header`. */
void pyjit_native_entered(void);
int pyjit_standing_down(void);
void pyjit_osr_request(_PyInterpreterFrame *frame, int header);
/* module.c: asks for the frame's code again, generic, entered at the loop header `header` (1), as
 * code whose call entry kept failing its guards is asked for; 0 where it cannot be asked (generic
 * already, a request under way). Whether the answer to the code's last request is still to come
 * (compiled on the compiler's thread or by a cache filler). */
int pyjit_osr_ask_generic(_PyInterpreterFrame *frame, int header);
int pyjit_answer_awaited(CodeState *state);

#endif
