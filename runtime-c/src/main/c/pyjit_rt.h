/*
 * The ABI between native code emitted by pyjit and the C runtime.
 *
 * Compiled code has the shape of a PEP 523 frame evaluator (pyjit_native_entry):
 * it receives a real CPython interpreter frame that the caller pushed with the
 * arguments bound, links it (pyjit_enter) and pops it (pyjit_leave), keeps the
 * locals in that frame's slots, and sets the frame's instruction pointer before
 * anything that can raise, so tracebacks, sys._getframe and deoptimisation see
 * exactly what the interpreter would show.
 *
 * Reference ownership: every PyObject* returned by a helper is a new reference
 * (NULL means an exception is set, except pyjit_for_iter, see there). Operands
 * are borrowed unless the helper's comment says it steals them. Lowering calls
 * them by name, with the types declared here (it reads them from the bitcode).
 */
#ifndef PYJIT_RT_H
#define PYJIT_RT_H

#ifndef Py_BUILD_CORE_MODULE
#define Py_BUILD_CORE_MODULE 1
#endif
#include <Python.h>
#include "internal/pycore_frame.h"
#include "internal/pycore_code.h"

/* Py_DECREF in the low half of the count, for all of the runtime's C code (the helpers compiled
 * into native code among it). Py_INCREF writes only that half (a 64-bit CPython 3.13), and
 * Py_DECREF's 64-bit load of the count cannot take its value from that store while it is in
 * flight: code that increfs an object and soon decrefs it stalls a dozen cycles there (a third of
 * a small method's time). A mortal object's high half is always 0 and an immortal one's low half
 * has its sign bit set, so the counts are the same. */
static inline __attribute__((always_inline)) void pyjit_release(PyObject *o) {
    uint32_t count = o->ob_refcnt_split[PY_BIG_ENDIAN];
    if ((int32_t)count < 0) {
        return;
    }
    o->ob_refcnt_split[PY_BIG_ENDIAN] = count - 1;
    if (count == 1) {
        _Py_Dealloc(o);
    }
}

static inline __attribute__((always_inline)) void pyjit_release_if_any(PyObject *o) {
    if (o != NULL) {
        pyjit_release(o);
    }
}

/* Whether nothing else references the object (Py_REFCNT(o) == 1), read from the half of the count
 * the increfs and decrefs write, for the same reason. */
static inline int pyjit_referenced_once(PyObject *o) {
    return o->ob_refcnt_split[PY_BIG_ENDIAN] == 1;
}

#undef Py_DECREF
#define Py_DECREF(op) pyjit_release(_PyObject_CAST(op))
#undef Py_XDECREF
#define Py_XDECREF(op) pyjit_release_if_any(_PyObject_CAST(op))

/* A C caller that consumes what a generator yields (consumer.h). */
typedef struct PyjitConsumer PyjitConsumer;

/* Compiled code's entry. consumer is NULL but where a C caller resumes a generator to consume what
 * it yields (pyjit_consume_generator): a yield then offers its value to it (pyjit_offer_to_consumer), and
 * where that takes it the generator goes on as if resumed with None, without suspending. */
typedef PyObject *(*pyjit_native_entry)(PyThreadState *tstate, _PyInterpreterFrame *frame, PyjitConsumer *consumer);

/* The tiers of native code, as dev.pyjit.llvm.Tier numbers them. */
#define PYJIT_TIER_QUICK 1
#define PYJIT_TIER_OPTIMISED 2

/* The C stack units CPython's evaluator charges a frame it runs (PY_EVAL_C_STACK_UNITS in ceval.c). */
#define PYJIT_C_STACK_UNITS 2
/* The 64-bit words of an attribute site's own cache (PyjitSite in helpers.c). */
#define PYJIT_SITE_WORDS 13
typedef struct PyjitSite PyjitSite;
/* The 64-bit words of a call site's own memory (PyjitCallSite in helpers.c). */
#define PYJIT_CALL_SITE_WORDS 12
typedef struct PyjitCallSite PyjitCallSite;

/* The sys.monitoring tool id pyjit takes (OPTIMIZER_ID) for the back edges of on-stack replacement. */
#define PYJIT_MONITORING_TOOL 5

/* A helper whose arguments compiled code passes as constants (an opcode, an operator): inlined
 * everywhere, the constants fold its dispatch away and only the fast path it selects remains. */
#define PYJIT_SPECIALISED __attribute__((always_inline))
/* A helper that compiled code calls in the runtime library, never inlined nor compiled into a
 * module: a slow path too large to compile again for each function. The JIT keeps only the
 * declaration of every helper named pyjit_slow_ (LlvmEmitter). */
#define PYJIT_SLOW __attribute__((noinline))

/* Frame lifetime. pyjit_enter counts the frame against both recursion limits, as the interpreter
 * does, and links it; if a limit is hit it pops the frame, sets RecursionError and returns -1.
 * A fresh frame (fresh != 0) moves past its RESUME; a resumed generator's keeps its place. */
int pyjit_enter(PyThreadState *tstate, _PyInterpreterFrame *frame, int fresh);
int pyjit_slow_enter(PyThreadState *tstate, _PyInterpreterFrame *frame, int fresh);
/* Unlinks and pops the frame. A NULL result adds this frame to the traceback first. */
PyObject *pyjit_leave(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *result, int returned_at);
void pyjit_set_ip(_PyInterpreterFrame *frame, int codeunit);
/* The interpreter's instrumentation version: it changes whenever a monitoring tool (sys.settrace,
 * sys.setprofile, sys.monitoring) is switched on or off. */
uintptr_t pyjit_instrumentation_version(PyThreadState *tstate);
/* Whether a sys.monitoring tool watches this code, globally or through local events. */
int pyjit_monitored(PyThreadState *tstate, PyCodeObject *code);
/* A monitoring tool is active: the frame evaluator gives way to CPython's until every tool is off
 * (see module.c). */
void pyjit_stand_down(PyThreadState *tstate);
/* Runs a frame compiled code pushed for a call, as the frame evaluator would (module.c). */
PyObject *pyjit_run_pushed(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* A pushed frame straight into its code's optimised native code: 1 and *result, or 0 (the frame
 * untouched) where that code cannot take it. */
int pyjit_run_natively(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **result);
/* How CPython calls its functions, and how a function whose native code is entered without a frame
 * evaluator is called (module.c); pyjit_sampled_entry: functions are entered that way now. */
extern vectorcallfunc pyjit_interpreted_vectorcall;
extern int pyjit_sampled_entry;
/* Moves on (never to 0) whenever any code's native code is installed, wanted generic or freed:
 * what a call site learnt of a code's state holds while it stays the same (module.c). */
extern uint32_t pyjit_native_generation;
void pyjit_natives_changed(void);
PyObject *pyjit_enter_function(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);
/* Counts a frame the native code handed to the interpreter to resume at that code unit, towards
 * compiling it again without speculation, and its line for the stats. */
void pyjit_deopted(_PyInterpreterFrame *frame, int resume_at);
/* Counts the line of a deoptimisation for the stats only (deopt_lines()). */
void pyjit_count_deopt_line(_PyInterpreterFrame *frame, int resume_at);
/* The interpreter's eval-breaker poll: -1 if a pending call (a signal handler) raised; 1 if a tool
 * watches this code and the instrumentation version changed since *seen_version (the frame must
 * go to the interpreter); else 0. Keeps *seen_version current. Local events set on this code
 * alone (sys.monitoring.set_local_events) do not change that version: a frame already running
 * natively then goes on without them. */
int pyjit_poll(PyThreadState *tstate, _PyInterpreterFrame *frame, uintptr_t *seen_version);
/* Whether pyjit_poll has anything to do: compiled code writes its virtual locals to the frame first. */
int pyjit_poll_due(PyThreadState *tstate, uintptr_t *seen_version);
int pyjit_is_iterator_of(PyObject *iterator, int quickened);
PyObject *pyjit_int_box(int64_t value);
PyObject *pyjit_int_rebox(PyObject *object, int64_t value);
PyObject *pyjit_float_rebox(PyObject *object, double value);
int pyjit_int_value(PyObject *object, int64_t *out);
int pyjit_int_arith(int op, int64_t a, int64_t b, int64_t *out);
PyObject *pyjit_load_attr_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised, PyjitSite *site);
PyObject *pyjit_load_attr_float_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised, PyjitSite *site);
int pyjit_store_attr_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value, int at, int specialised,
                          PyjitSite *site);
int pyjit_store_attr_inline(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value, int at, int specialised,
                          PyjitSite *site);

/* Speculation. The bit of dev.pyjit.ir.Type an object's type is: 0 None, 1 bool,
 * 2 int, 3 float, 4 str, 5 tuple, 6 list, 7 dict (exact types), 8 anything else. */
#define PYJIT_TYPE_INT 2
#define PYJIT_TYPE_FLOAT 3
/* The exact type of a type code from 1 to 7. */
static inline PyTypeObject *pyjit_exact_type(int code) {
    PyTypeObject *exact[] = {&PyBool_Type, &PyLong_Type, &PyFloat_Type, &PyUnicode_Type, &PyTuple_Type, &PyList_Type, &PyDict_Type};
    return exact[code - 1];
}

static inline int pyjit_type_code(PyObject *value) {
    if (value == Py_None) {
        return 0;
    }
    for (int code = 1; code <= 7; code++) {
        if (Py_IS_TYPE(value, pyjit_exact_type(code))) {
            return code;
        }
    }
    return 8;
}

/* What the runtime keeps for each code object (module.c), in its co_extra slot
 * pyjit_code_extra_index. Compiled code reads it where it calls compiled code (call_python). */
extern Py_ssize_t pyjit_code_extra_index;
/* Native code loaded from the native code cache (native_cache.c), a list. */
typedef struct PyjitLibrary PyjitLibrary;

/* Argument types are recorded for this many leading positional parameters. */
#define PROFILED_ARGUMENTS 8
typedef struct {
    /* Frames counted towards the next compilation: fresh frames while interpreted, then entries
     * of quick code. */
    Py_ssize_t calls;
    Py_ssize_t threshold;
    /* Samples the sampler took of the code's frames, before its compilation was asked for and
     * while it waits: the compiler's thread reads it (racily) to take the hottest waiting code first. */
    Py_ssize_t samples;
    /* The tier of the first compilation: optimised for code with a loop, else quick. */
    int first_tier;
    /* The installed native code and its tier; NULL and 0 while the frames are the interpreter's. */
    pyjit_native_entry native;
    int tier;
    /* The compiler asked for nothing more: it refused the code (or its respecialisation). */
    int refused;
    /* A compilation is under way on the compiler's thread; it ends with publish(). */
    int queued;
    /* The compiler's name for this code object's native code (0: none yet), handed back to it
     * when the code object dies, so that the memory of that code is freed. */
    long long handle;
    /* Per positional parameter, the union (as dev.pyjit.ir.Type bits) of the types it was bound to. */
    unsigned short observed[PROFILED_ARGUMENTS];
    /* The argument types the native code is specialised for (its entry guards), as Type bits. */
    unsigned short expected[PROFILED_ARGUMENTS];
    int expected_count;
    Py_ssize_t mismatches;
    /* Frames its native code handed to the interpreter when a speculation failed. After
     * GENERIC_AFTER_DEOPTS of them the code is compiled again without the interpreter's
     * specialisations of operand and iterator types (generic), once: the next frame asks for it.
     * Until that code is installed the frames run in the interpreter: a guard that failed 50
     * times in a row fails on (raytrace's Vector.__sub__ deoptimised 260,000 frames while its
     * generic code was being compiled, each slower than the interpreter's own). */
    Py_ssize_t deopts;
    int wants_generic;
    int generic;
    /* The native cache key of its call entry's first request or load, specialised (a str, or NULL):
     * marked when the code goes generic. */
    PyObject *entry_key;
    /* When hot code is sampled: a weak reference to the function a queued compilation was asked for, until publish(). */
    PyObject *requester;
    int has_loop;
    /* On-stack replacement, when hot code is sampled: native code that takes over a frame the
     * interpreter runs, at code unit osr_at (a loop header), when each local slot holds one of
     * the types of osr_expected (Type bits; NULL counts as dev.pyjit.ir.Type.NULL). Asked for
     * once (osr_requested), when one activation was sampled twice in a loop. osr_misses counts
     * entries refused or handed back before a return, osr_deopts the entries in a row that ended at
     * a failed speculation: after OSR_GENERIC_AFTER_DEOPTS of them the code is asked for again,
     * generic (osr.c), and until that is installed (osr_stale) the interpreter runs the loop. */
    pyjit_native_entry osr_native;
    int osr_at;
    unsigned short *osr_expected;
    int osr_expected_count;
    int osr_requested;
    int osr_misses;
    int osr_deopts;
    int osr_stale;
    /* The frame osr_native last began to run on the main thread, until it stops (NULL: none): the
     * sampler, which samples that thread, counts nothing for it. */
    _PyInterpreterFrame *osr_frame;
    /* The frame object of the activation sampled last, and where it was then: compared, never
     * dereferenced. */
    void *sampled_activation;
    void *sampled_instruction;
    /* The libraries its native codes came from when the native code cache had them. */
    PyjitLibrary *libraries;
    /* A warm run left its call entry, or the entry of a loop it runs, to the cache filler (see
     * WARM_RUN_PATIENCE_NS): it is not asked for again, at every sample, until the run is old
     * enough to start the compiler. (Asked again, a loop's request wrote its pointer file again at
     * each sample: 140 times in the first 0.2 s of a run.) */
    int call_left_to_filler;
    int loop_left_to_filler;
    /* Asked for while the compiler was starting (or after it failed to): not asked again, at every
     * sample, before it has attached. Each request makes its key, its callees' digests and its
     * filler record again: 200 of them while the JVM started cost a program's thread 30 ms. */
    int asked_before_attach;
    /* pyjit_code_identity's answer, once asked (a str). */
    PyObject *identity;
    /* The native cache key of a request a filler serving the cache was given (cache_fill.h), until
     * its answer is taken from the cache; served_header is the request's loop header (-1: calls). */
    PyObject *served_key;
    int served_header;
} CodeState;


/* co_extra's layout (the holder Objects/codeobject.c keeps private): a size, then the slots.
 * Read here directly: PyUnstable_Code_GetExtra would be a call in the middle of every call. */
typedef struct {
    Py_ssize_t size;
    void *slots[1];
} PyjitCodeExtra;

static inline CodeState *pyjit_code_state(PyCodeObject *code) {
    PyjitCodeExtra *extra = (PyjitCodeExtra *)code->co_extra;
    return extra != NULL && pyjit_code_extra_index >= 0 && pyjit_code_extra_index < extra->size
           ? (CodeState *)extra->slots[pyjit_code_extra_index] : NULL;
}

static inline int pyjit_is_generator_like(PyCodeObject *code) {
    return (code->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE)) != 0;
}

/* Whether the value is of one of the types the bits name: None or one exact type (a guard's, a float
 * argument's at every call) is one comparison. */
static inline int pyjit_of_types(unsigned bits, PyObject *value) {
    if (bits == 1) {
        return value == Py_None;
    }
    if ((bits & (bits - 1)) == 0 && bits < 1u << 8) {
        return Py_IS_TYPE(value, pyjit_exact_type(__builtin_ctz(bits)));
    }
    return (bits >> pyjit_type_code(value)) & 1;
}

/* Whether the frame's arguments are of the types its native code is specialised for. */
static inline int pyjit_as_expected(CodeState *state, _PyInterpreterFrame *frame) {
    for (int i = 0; i < state->expected_count; i++) {
        if (!pyjit_of_types(state->expected[i], frame->localsplus[i])) {
            return 0;
        }
    }
    return 1;
}

/* A thread's stack, by thread state (module.c): frames run only above `floor`. */
typedef struct {
    PyThreadState *tstate;
    char *low, *high, *floor;
} PyjitStackBounds;
extern PyjitStackBounds pyjit_stack_bounds[256];

/* Compiled code carries a float or int local around a loop unboxed even while it may still be
 * unbound (the loop computes it afresh each time round): these immortal numbers stand for
 * "unbound" there, and writing one to the frame unbinds the slot. The program never reads them:
 * Python reads a local that may be unbound with LOAD_FAST_CHECK, whose slots compiled code leaves
 * in the frame. One object each in the runtime (not in the helpers' bitcode, which every module
 * copies). */
extern PyFloatObject pyjit_unbound_float;
/* Builtins as the runtime found them when it started: compiled code computes their calls itself
 * (dev.pyjit.ir.Intrinsic). */
extern PyObject *pyjit_builtin_len;
extern PyObject *pyjit_builtin_isinstance;
extern PyObject *pyjit_builtin_abs;
extern PyObject *pyjit_builtin_min;
extern PyObject *pyjit_builtin_max;
extern PyObject *pyjit_builtin_sum;
extern PyObject *pyjit_builtin_any;
extern PyObject *pyjit_builtin_all;
extern PyObject *pyjit_builtin_ord;
extern PyObject *pyjit_builtin_chr;
/* list.append, list.pop, list.insert and dict.get, the method descriptors */
extern PyObject *pyjit_list_append_method;
extern PyObject *pyjit_list_pop_method;
extern PyObject *pyjit_list_insert_method;
extern PyObject *pyjit_dict_get_method;
/* object.__setattr__, the slot wrapper (a frozen dataclass's __init__ calls it for each field) */
extern PyObject *pyjit_object_setattr;
/* str.isspace, isdigit, isalpha and isalnum, the method descriptors, in that order */
enum { PYJIT_STR_ISSPACE, PYJIT_STR_ISDIGIT, PYJIT_STR_ISALPHA, PYJIT_STR_ISALNUM, PYJIT_STR_CLASSES };
extern PyObject *pyjit_str_class_methods[PYJIT_STR_CLASSES];
/* str.startswith and str.endswith, as the runtime found them. */
extern PyObject *pyjit_str_startswith_method;
extern PyObject *pyjit_str_endswith_method;
PyObject *pyjit_len_if_builtin(PyObject *callable, PyObject *argument);
PyObject *pyjit_isinstance_if_builtin(PyObject *callable, PyObject *object, PyObject *cls);
PyObject *pyjit_abs_if_builtin(PyObject *callable, PyObject *x);
PyObject *pyjit_min_if_builtin(PyObject *callable, PyObject *a, PyObject *b);
PyObject *pyjit_max_if_builtin(PyObject *callable, PyObject *a, PyObject *b);
PyObject *pyjit_ord_if_builtin(PyObject *callable, PyObject *c);
PyObject *pyjit_chr_if_builtin(PyObject *callable, PyObject *i);
PyObject *pyjit_list_append_if_builtin(PyObject *callable, PyObject *self, PyObject *item);
PyObject *pyjit_list_pop_if_builtin(PyObject *callable, PyObject *self);
PyObject *pyjit_list_pop_at_if_builtin(PyObject *callable, PyObject *self, PyObject *index);
PyObject *pyjit_list_insert_if_builtin(PyObject *callable, PyObject *self, PyObject *index, PyObject *item);
PyObject *pyjit_dict_get_if_builtin(PyObject *callable, PyObject *self, PyObject *key, PyObject *fallback);
PyObject *pyjit_dict_get_or_none_if_builtin(PyObject *callable, PyObject *self, PyObject *key);
PyObject *pyjit_isspace_if_builtin(PyObject *callable, PyObject *self);
PyObject *pyjit_isdigit_if_builtin(PyObject *callable, PyObject *self);
PyObject *pyjit_isalpha_if_builtin(PyObject *callable, PyObject *self);
PyObject *pyjit_isalnum_if_builtin(PyObject *callable, PyObject *self);
PyObject *pyjit_startswith_if_builtin(PyObject *callable, PyObject *self, PyObject *prefix);
PyObject *pyjit_endswith_if_builtin(PyObject *callable, PyObject *self, PyObject *suffix);
PyObject *pyjit_startswith_from_if_builtin(PyObject *callable, PyObject *self, PyObject *prefix, PyObject *start);
PyObject *pyjit_endswith_from_if_builtin(PyObject *callable, PyObject *self, PyObject *suffix, PyObject *start);
extern PyLongObject pyjit_unbound_int;
/* The type of an iterator over an ASCII str, which CPython does not export (the other str's is
 * PyUnicodeIter_Type): taken from such an iterator as the runtime loads. */
extern PyTypeObject *pyjit_ascii_str_iterator_type;
/* itertools.repeat, whose next item is the object it repeats: the type, kept as the runtime loads. */
extern PyTypeObject *pyjit_repeat_type;
/* itertools.permutations, combinations, combinations_with_replacement and product, which copy what
 * they are given into tuples as they are made and take their items from those: the types, kept as
 * the runtime loads. */
#define PYJIT_POOL_ITERATORS 4
extern PyTypeObject *pyjit_pool_iterator_types[PYJIT_POOL_ITERATORS];

/* Whether the calling C code runs on the part of the stack measured for tstate, above the
 * reserve: if not (or not measured yet), the evaluator decides. */
static inline int pyjit_stack_has_room(PyThreadState *tstate) {
    char *here = __builtin_frame_address(0);
    PyjitStackBounds *bounds = &pyjit_stack_bounds[((uintptr_t)tstate >> 4) % 256];
    return bounds->tstate == tstate && here >= bounds->floor && here < bounds->high;
}
/* Whether the object's type is one of the types in bits (a dev.pyjit.ir.Type). */
int pyjit_is_of(PyObject *value, int bits);
/* The object in a local slot, borrowed. */
PyObject *pyjit_local_borrow(_PyInterpreterFrame *frame, int slot);
void pyjit_hold_all(int count, ...);
int pyjit_rebound(_PyInterpreterFrame *frame, int count, ...);
int pyjit_local_holds_double(_PyInterpreterFrame *frame, int slot, double value);
int pyjit_local_holds_int64(_PyInterpreterFrame *frame, int slot, int64_t value);
/* A speculation failed: the interpreter takes the frame over at code unit
 * resume_at with this value stack (its references are stolen), runs the
 * function to its end and returns its result. */
PyObject *pyjit_deopt(_PyInterpreterFrame *frame, int resume_at, PyObject **stack, int depth);
/* Exceptions. pyjit_catch takes the raised exception for a handler, adding this frame to the
 * traceback (and telling a monitoring tool switched on since the frame entered native code: RAISE)
 * unless it is re-raised; pyjit_handled_while_watched tells such a tool that the handler at code
 * unit `handler` takes the exception (EXCEPTION_HANDLED) and answers 1, so that the interpreter
 * runs the handler, where the tool sees its lines; pyjit_last_instruction is the raising
 * instruction's code unit as an int, for handlers that push it. pyjit_leave_reraising leaves the
 * function without a traceback entry. Leaving with an exception tells such a tool PY_UNWIND. The
 * others are the handler instructions of the same name (RERAISE_HANDLED is a bare raise: 1 when
 * the exception being handled is raised again). */
PyObject *pyjit_catch(PyThreadState *tstate, _PyInterpreterFrame *frame, int traceback);
int pyjit_handled_while_watched(PyThreadState *tstate, _PyInterpreterFrame *frame, int handler, PyObject *exception);
PyObject *pyjit_last_instruction(_PyInterpreterFrame *frame);
PyObject *pyjit_leave_reraising(PyThreadState *tstate, _PyInterpreterFrame *frame);
PyObject *pyjit_push_exc_info(PyThreadState *tstate, PyObject *exception);
void pyjit_pop_except(PyThreadState *tstate, PyObject *previous);
PyObject *pyjit_check_exc_match(PyThreadState *tstate, PyObject *exception, PyObject *type);
PyObject *pyjit_check_eg_match(PyThreadState *tstate, PyObject *exception, PyObject *type);
PyObject *pyjit_with_except_start(PyObject *exit, PyObject *lasti, PyObject *previous, PyObject *exception);
int pyjit_reraise(_PyInterpreterFrame *frame, PyObject *lasti, PyObject *exception);
int pyjit_reraise_handled(void);
PyObject *pyjit_cleanup_throw(PyObject *iterator, PyObject *last_sent, PyObject *exception);
int pyjit_end_async_for(PyObject *awaitable, PyObject *exception);
/* On-stack replacement: native code entered by module.c's back-edge callback runs a frame the
 * interpreter runs, and leaves it to that interpreter: these replace pyjit_leave, pyjit_deopt,
 * pyjit_leave_reraising and pyjit_resume_elsewhere there. Each returns NULL with an exception set
 * (the interpreter adds the frame's traceback entry, at the instruction frame->instr_ptr names),
 * or Py_None, borrowed: the interpreter goes on at frame->instr_ptr with the frame's value stack.
 * A return goes on at the RETURN_CONST or RETURN_VALUE compiled code reached, a re-raise at
 * a RERAISE no handler covers; pyjit_osr_stop says where the last of them to go on stopped. */
typedef enum { PYJIT_OSR_HANDED_BACK, PYJIT_OSR_DEOPTED, PYJIT_OSR_ENDED } PyjitOsrStop;
extern PyjitOsrStop pyjit_osr_stop;
/* Whether a handler of the code's exception table takes exceptions raised at code unit `unit` (osr.c). */
int pyjit_handled_at(PyCodeObject *code, int unit);
PyObject *pyjit_osr_leave(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *result, int returned_at);
PyObject *pyjit_osr_deopt(_PyInterpreterFrame *frame, int resume_at, PyObject **stack, int depth);
PyObject *pyjit_osr_leave_reraising(PyThreadState *tstate, _PyInterpreterFrame *frame);
PyObject *pyjit_osr_resume_elsewhere(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* Generators. A resumed frame's code unit: where it was suspended. */
int pyjit_resume_point(_PyInterpreterFrame *frame);
/* Item i (bottom first) of the value stack a resumed frame holds. */
PyObject *pyjit_resumed_item(_PyInterpreterFrame *frame, int i);
/* Compiled code has taken the resumed frame's value stack over (pyjit_resumed_item). */
void pyjit_take_resumed_stack(_PyInterpreterFrame *frame);
/* A linked frame resumed where compiled code has no entry (inside a handler): the interpreter runs it. */
PyObject *pyjit_resume_elsewhere(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* YIELD_VALUE: suspends the generator's frame with this value stack (its references are stolen),
 * to go on at code unit resume_at, and returns the value, as the interpreter does. */
PyObject *pyjit_yield(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *value, int resume_at, int oparg,
                      PyObject **stack, int depth);
/* Module and class bodies, imports, calls with * and **, their displays, star unpacking and match:
 * each as the interpreter's instruction of that name (names by index in co_names, cells by slot). */
PyObject *pyjit_load_name(_PyInterpreterFrame *frame, int name_index);
int pyjit_store_name(_PyInterpreterFrame *frame, int name_index, PyObject *value);
int pyjit_delete_name(_PyInterpreterFrame *frame, int name_index);
PyObject *pyjit_load_locals(_PyInterpreterFrame *frame);
PyObject *pyjit_load_from_dict_or_globals(_PyInterpreterFrame *frame, int name_index, PyObject *mapping);
PyObject *pyjit_load_from_dict_or_deref(_PyInterpreterFrame *frame, int slot, PyObject *mapping);
int pyjit_setup_annotations(_PyInterpreterFrame *frame);
PyObject *pyjit_load_build_class(_PyInterpreterFrame *frame);
int pyjit_delete_global(_PyInterpreterFrame *frame, int name_index);
int pyjit_delete_attr(_PyInterpreterFrame *frame, int name_index, PyObject *owner);
int pyjit_delete_deref(_PyInterpreterFrame *frame, int slot);
PyObject *pyjit_import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, int name_index, PyObject *level, PyObject *fromlist);
PyObject *pyjit_import_from(_PyInterpreterFrame *frame, int name_index, PyObject *module);
/* keywords: the dict, or NULL for none; takes its operands over */
PyObject *pyjit_call_function_ex(PyObject *callable, PyObject *null, PyObject *arguments, PyObject *keywords);
int pyjit_dict_merge(PyThreadState *tstate, PyObject *callable, PyObject *dict, PyObject *update);
int pyjit_dict_update(PyObject *dict, PyObject *update);
int pyjit_set_update(PyObject *set, PyObject *iterable);
/* counts: UNPACK_EX's oparg; the result is the tuple of the items in order */
PyObject *pyjit_unpack_ex(PyThreadState *tstate, int counts, PyObject *sequence);
PyObject *pyjit_match_class(PyThreadState *tstate, int positional, PyObject *subject, PyObject *type, PyObject *names);
PyObject *pyjit_match_mapping(PyObject *subject);
PyObject *pyjit_match_sequence(PyObject *subject);
PyObject *pyjit_match_keys(PyThreadState *tstate, PyObject *subject, PyObject *keys);
PyObject *pyjit_get_len(PyObject *object);
/* Py_XDECREF of each item. */
void pyjit_release_all(PyObject **items, int n);
double pyjit_float_value(PyObject *exact_float);
PyObject *pyjit_float_box(double value);
PyObject *pyjit_float_box_in(PyThreadState *tstate, double value);
int pyjit_store_subscript_float(PyThreadState *tstate, PyObject *container, PyObject *index, double value);
void pyjit_float_division_by_zero(void);
/* Py_True or Py_False (immortal). */
PyObject *pyjit_bool(int value);

PyObject *pyjit_load_const(_PyInterpreterFrame *frame, int index);
PyObject *pyjit_load_local(_PyInterpreterFrame *frame, int slot);
PyObject *pyjit_load_local_checked(_PyInterpreterFrame *frame, int slot);
/* Steals value. */
void pyjit_store_local(_PyInterpreterFrame *frame, int slot, PyObject *value);
/* Virtual locals written to the frame, one call per place (helpers.c): where compiled code leaves,
 * and around code that may look at the frame. A layout entry is slot << 2 | how the local comes. */
enum { PYJIT_LOCAL_OBJECT = 0, PYJIT_LOCAL_DOUBLE = 1, PYJIT_LOCAL_INT64 = 2 };
void pyjit_write_locals(PyThreadState *tstate, _PyInterpreterFrame *frame, const int32_t *layout, int count, ...);
int pyjit_sync_locals(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **written, const int32_t *layout, int count, ...);
int pyjit_frame_changed(_PyInterpreterFrame *frame, PyObject *const *written, const int32_t *layout, int count);
PyObject *pyjit_load_global(_PyInterpreterFrame *frame, int name_index);
int pyjit_store_global(_PyInterpreterFrame *frame, int name_index, PyObject *value);
PyObject *pyjit_load_attr(_PyInterpreterFrame *frame, PyObject *owner, int name_index);
int pyjit_store_attr(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value);
/* The same through the interpreter's inline cache of the instruction at code unit `at`, when it is
 * still specialised as `specialised` (a quickened opcode; -1 for none, which folds the cache away);
 * the generic path otherwise. */
PyObject *pyjit_load_global_cached(_PyInterpreterFrame *frame, int name_index, int at, int specialised);
int pyjit_is_math_function(PyObject *callable, const char *name, PyCFunction *known);
int pyjit_slow_learn_math_function(PyObject *callable, const char *name, PyCFunction *known);
PyObject *pyjit_slow_site_attribute(PyjitSite *site, PyObject *owner, PyObject *name, int use, int *method);
/* The slow halves of pyjit_poll, pyjit_leave (with an exception), pyjit_deopt and pyjit_raise. */
int pyjit_slow_poll(PyThreadState *tstate, _PyInterpreterFrame *frame, uintptr_t *seen_version);
PyObject *pyjit_slow_leave_raising(PyThreadState *tstate, _PyInterpreterFrame *frame, int raised);
PyObject *pyjit_slow_deopt(_PyInterpreterFrame *frame, int resume_at, PyObject **stack, int depth);
int pyjit_slow_raise(PyObject *exception, PyObject *cause);
PyObject **pyjit_slow_site_slot(PyjitSite *site, PyObject *owner, PyObject *name);
/* The code object's identity (module.c): the digest of its marshalled form, which a compiled call
 * into which its body was inlined matches against the function it reaches. Borrowed (the code's
 * state keeps it), or NULL with no error set if the code has none. */
PyObject *pyjit_code_identity(PyCodeObject *code);
/* An inlined call's check of the function it reaches, past its cached code: whether `code` has
 * `identity`; if it has, the site's first word keeps it (a reference of its own, so that no other
 * code object made at the same address later matches), else its second word (borrowed). */
int pyjit_slow_inline_match(PyObject **site, PyCodeObject *code, const char *identity);
/* Inlined calls (helpers.c): the check a call makes before it runs the body inlined into it, the
 * frame the body runs on, what a body that stops does; and how many times bodies ran (module.c). */
int pyjit_inline_enter(PyThreadState *tstate, PyObject *callable, PyObject *self, int method, PyObject **site, const char *identity);
void pyjit_inline_frame(_PyInterpreterFrame *frame, PyObject *callable, PyObject **arguments, int count);
void pyjit_inline_abandon(void);
extern long long pyjit_inlined_entries;
extern long long pyjit_intrinsic_results;
/* Instances compiled code's calls of plain classes made in place (construct in helpers.c). */
extern long long pyjit_constructed_in_place;
/* Items generators' native code handed to sum(), any(), all(), min() or max() instead of yielding them (pyjit_offer_to_consumer). */
extern long long pyjit_consumed_items;
extern long long pyjit_consumed_unboxed;
/* A load of a property as a call (the IR's PropertyGetter): what the call is to call with the
 * owner alone, new; NULL with an exception set. In the runtime library alone: the loaders it
 * makes point at its own code, which no module's freeing may take away. */
PyObject *pyjit_slow_property_getter(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyjitSite *site);
/* Objects/descrobject.c's property, whose layout is checked against the type's size before its
 * getter is read. */
typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;
} PyjitProperty;
/* The getter of an object that is exactly a property (borrowed), or NULL. */
static inline PyObject *pyjit_property_fget(PyObject *descriptor) {
    return descriptor != NULL && Py_IS_TYPE(descriptor, &PyProperty_Type) && PyProperty_Type.tp_basicsize == sizeof(PyjitProperty)
           ? ((PyjitProperty *)descriptor)->prop_get : NULL;
}
int pyjit_slow_store_by_site(PyjitSite *site, PyObject *owner, PyObject *name, PyObject *value);
int pyjit_math_argument(PyObject *argument, double *out);
int pyjit_store_attr_float(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value, int at, int specialised,
                           PyjitSite *site);
int pyjit_store_attr_float_fast(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value, int at, int specialised,
                                PyjitSite *site);
int pyjit_store_attr_float_generic(_PyInterpreterFrame *frame, PyObject *owner, int name_index, double value);
int pyjit_load_global_quiet(_PyInterpreterFrame *frame, int name_index, int at, int specialised, PyObject **value);
PyObject *pyjit_load_attr_cached(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised, PyjitSite *site);
int pyjit_store_attr_cached(_PyInterpreterFrame *frame, PyObject *owner, int name_index, PyObject *value, int at, int specialised,
                            PyjitSite *site);
/* LOAD_SUPER_ATTR: super(cls, self).name; in the method form (self_out not NULL) *self_out gets a
 * new reference to self when the attribute is a method to call with it, else NULL. */
PyObject *pyjit_load_super_attr(_PyInterpreterFrame *frame, PyObject *global_super, PyObject *cls, PyObject *self, int oparg,
                                PyObject **self_out);
/* LOAD_ATTR's method form: the callable, and in *self a new reference to the owner when the
 * callable is a function found on its type that wants it as self, else NULL. */
PyObject *pyjit_load_method(_PyInterpreterFrame *frame, PyObject *owner, int name_index, int at, int specialised, PyjitSite *site,
                            PyObject **self);

PyObject *pyjit_binary_op(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs);
PyObject *pyjit_binary_op_numbers_inline(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs);
PyObject *pyjit_binary_op_exact_numbers_inline(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs);
PyObject *pyjit_binary_op_exact(PyThreadState *tstate, int op, PyObject *lhs, PyObject *rhs);
PyObject *pyjit_compare(int oparg, PyObject *lhs, PyObject *rhs);
PyObject *pyjit_compare_exact(int oparg, PyObject *lhs, PyObject *rhs);
PyObject *pyjit_is(PyObject *lhs, PyObject *rhs, int invert);
PyObject *pyjit_contains(PyObject *item, PyObject *container, int invert);
PyObject *pyjit_unary(int kind, PyObject *operand);
PyObject *pyjit_not(PyObject *exact_bool);
PyObject *pyjit_to_bool(PyObject *value);
PyObject *pyjit_int_truth(PyObject *exact_int);
PyObject *pyjit_sized_truth(PyObject *exact_list_or_tuple);
PyObject *pyjit_str_truth(PyObject *exact_str);
PyObject *pyjit_dict_truth(PyObject *exact_dict);
int pyjit_is_true(PyObject *exact_bool);
int pyjit_is_none(PyObject *value);

/* Steals the callable, self (or NULL) and the arguments at args[1..nargs]; args[0] is spare. The
 * site is the call's own memory (PyjitCallSite in helpers.c). */
PyObject *pyjit_slow_call(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *callable, PyObject *self_or_null,
                          PyObject **args, int nargs, int kwnames_const, PyjitCallSite *site);
/* Steal their items. */
PyObject *pyjit_build_tuple(PyObject **items, int n);
PyObject *pyjit_build_list(PyObject **items, int n);
PyObject *pyjit_build_map(PyObject **keys_and_values, int n);
PyObject *pyjit_build_const_key_map(PyObject **values, int n, PyObject *keys);
PyObject *pyjit_build_string(PyObject **pieces, int n);
PyObject *pyjit_format_simple(PyObject *value);
int pyjit_list_extend(PyObject *list, PyObject *iterable);

PyObject *pyjit_subscript(PyObject *container, PyObject *index);
int pyjit_store_subscript(PyObject *container, PyObject *index, PyObject *value);
/* The same with a 64-bit index into an exact list or tuple (dev.pyjit.ir.passes.IndexWithMachineInts). */
PyObject *pyjit_item_at(PyObject *container, int64_t index, int tuple);
int pyjit_store_item_at(PyObject *list, int64_t index, PyObject *value);
int pyjit_store_item_at_float(PyThreadState *tstate, PyObject *list, int64_t index, double value);
PyObject *pyjit_slow_item_at(PyObject *container, int64_t index);
int pyjit_slow_store_item_at(PyObject *list, int64_t index, PyObject *value);
int pyjit_slow_store_item_at_float(PyThreadState *tstate, PyObject *list, int64_t index, double value);
PyObject *pyjit_slice(PyObject *container, PyObject *start, PyObject *stop);
PyObject *pyjit_slice_step(PyObject *container, PyObject *start, PyObject *stop, PyObject *step);
PyObject *pyjit_temporary_slice(PyObject *container, PyObject *start, PyObject *stop);
PyObject *pyjit_temporary_slice_step(PyObject *container, PyObject *start, PyObject *stop, PyObject *step);
PyObject *pyjit_build_slice(PyObject *start, PyObject *stop, PyObject *step_or_null);
int pyjit_store_slice(PyObject *container, PyObject *start, PyObject *stop, PyObject *value);
int pyjit_store_temporary_slice(PyObject *container, PyObject *start, PyObject *stop, PyObject *value);
PyObject *pyjit_unpack_sequence(PyObject *seq, int n);
PyObject *pyjit_slow_unpack_sequence(PyObject *seq, int n);
PyObject *pyjit_tuple_item(PyObject *tuple, int index);

PyObject *pyjit_get_iter(PyObject *iterable);
/* The next item; NULL with no exception set when the iterator is exhausted. */
PyObject *pyjit_for_iter(PyThreadState *tstate, PyObject *iterator);
PyObject *pyjit_slow_for_iter(PyThreadState *tstate, PyObject *iterator);
PyObject *pyjit_for_iter_inert(PyObject *iterator);
/* A new reference to an iterator with nothing left: a hand-over at a FOR_ITER whose iterator
 * compiled code found exhausted gives the interpreter this one in its place, and it leaves the
 * loop there. */
PyObject *pyjit_exhausted_iterator(void);
extern PyObject *pyjit_exhausted_iterator_object;
int pyjit_is_pair_iterator(PyObject *iterator);
PyObject *pyjit_for_iter_pair(PyObject *iterator, PyObject **second);
int pyjit_is_enumerate_iterator(PyObject *iterator);
/* A zip of two, not strict; an enumerate whose index has room: whatever iterators they are over. */
int pyjit_is_zip_of_two(PyObject *iterator);
int pyjit_is_enumerate(PyObject *iterator);
/* The tuple FOR_ITER would have pushed for a zip's pair or an enumerate's item taken apart, for a
 * hand-over after it (it takes the items; NULL, them released, if it cannot be made). */
PyObject *pyjit_pair_tuple(PyObject *first, PyObject *second);
PyObject *pyjit_enumerated_tuple(PyObject *iterator, PyObject *item);
PyObject *pyjit_for_iter_enumerated(PyObject *iterator);
int64_t pyjit_enumerate_index(PyObject *iterator);
/* FOR_ITER_RANGE in two halves, on an iterator known to be a range iterator: whether it has an
 * item, and (only then) the item, the iterator moved on. */
int pyjit_range_iter_has_next(PyObject *range_iterator);
int64_t pyjit_range_iter_next(PyObject *range_iterator);
int pyjit_error_occurred(PyThreadState *tstate);

/* RAISE_VARARGS 1 or 2: steals both (cause may be NULL); always returns -1 with the exception set. */
int pyjit_raise(PyObject *exception, PyObject *cause);
PyObject *pyjit_load_assertion_error(void);
/* BEFORE_WITH: the tuple (bound __exit__, result of __enter__()); takes the manager over. */
PyObject *pyjit_before_with(PyObject *manager);
PyObject *pyjit_before_async_with(PyObject *manager);
/* SEND: the receiver's next item, or with *returned set, the value it returned. */
PyObject *pyjit_send(PyThreadState *tstate, PyObject *receiver, PyObject *sent, int *returned);
/* An exact generator resumed with None, natively where its code has native code (module.c;
 * tstate may be NULL): PYGEN_NEXT and what it yielded, PYGEN_RETURN and what it returned, or PYGEN_ERROR. */
PySendResult pyjit_resume_generator(PyThreadState *tstate, PyObject *generator, PyObject **result);
/* sum(generator), any, all, min or max of it, callable being that builtin, as it computes it,
 * for an exact generator that can be resumed natively (module.c): its native code consumes the
 * items it yields itself, without suspending, while the builtin would consume them in C and go on.
 * 1 and *result the builtin's result (NULL: an exception is set); 0 where it does not apply
 * (nothing done). */
int pyjit_consume_generator(PyThreadState *tstate, PyObject *callable, PyObject *generator, PyObject **result);
/* A yield's offer of its value to the consuming caller (NULL: none): pyjit_consumer_take (consumer.h). */
int pyjit_offer_to_consumer(PyjitConsumer *consumer, PyObject *value);
/* The offer of a value the code holds unboxed, before it is boxed to be yielded: 1 where the
 * consumer took it without the object (pyjit_consumer_take_float and _int, consumer.h). */
int pyjit_offer_float_to_consumer(PyjitConsumer *consumer, double value);
int pyjit_offer_int_to_consumer(PyjitConsumer *consumer, int64_t value);
/* None, for the value a yield whose value its consuming caller took resumes with. */
PyObject *pyjit_none(void);
/* GET_YIELD_FROM_ITER, GET_AWAITABLE (where: its oparg), GET_AITER, GET_ANEXT, CALL_INTRINSIC_1 and _2. */
PyObject *pyjit_get_yield_from_iter(_PyInterpreterFrame *frame, PyObject *iterable);
PyObject *pyjit_get_awaitable(int where, PyObject *iterable);
PyObject *pyjit_get_aiter(PyObject *iterable);
PyObject *pyjit_get_anext(PyObject *iterator);
PyObject *pyjit_intrinsic_1(PyThreadState *tstate, int which, PyObject *value);
PyObject *pyjit_intrinsic_2(PyThreadState *tstate, int which, PyObject *first, PyObject *second);
PyObject *pyjit_load_local_and_clear(_PyInterpreterFrame *frame, int slot);
int pyjit_list_append(PyObject *list, PyObject *item);
int pyjit_set_add(PyObject *set, PyObject *item);
int pyjit_map_add(PyObject *dict, PyObject *key, PyObject *value);
/* Steals its items. */
PyObject *pyjit_build_set(PyObject **items, int n);
PyObject *pyjit_convert_value(int kind, PyObject *value);
PyObject *pyjit_format_with_spec(PyObject *value, PyObject *spec);
int pyjit_delete_local(_PyInterpreterFrame *frame, int slot);
int pyjit_delete_subscript(PyObject *container, PyObject *index);

int pyjit_make_cell(_PyInterpreterFrame *frame, int slot);
void pyjit_copy_free_vars(_PyInterpreterFrame *frame, int count);
PyObject *pyjit_load_deref(_PyInterpreterFrame *frame, int slot);
/* Steals value. */
void pyjit_store_deref(_PyInterpreterFrame *frame, int slot, PyObject *value);
PyObject *pyjit_make_function(_PyInterpreterFrame *frame, PyObject *code);
/* Borrows both: the function takes its own reference to the value. */
void pyjit_set_function_attribute(int flag, PyObject *function, PyObject *value);

void pyjit_incref(PyObject *o);
void pyjit_decref(PyObject *o);
void pyjit_xdecref(PyObject *o);
/* The same, never inlined and cold: compiled code's releases on paths rarely taken. */
void pyjit_slow_xdecref(PyObject *o);

#endif
