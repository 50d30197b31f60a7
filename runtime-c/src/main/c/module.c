/*
 * _pyjit_rt: the extension module that hooks pyjit into CPython.
 *
 * A PEP 523 frame evaluator sees every frame CPython evaluates: calls from Python or C, frames
 * the interpreter pushes itself (__init__ from CALL_ALLOC_AND_ENTER_INIT, properties,
 * __getitem__: under an evaluator CPython's frame-pushing specialisations stand down), module
 * and class bodies run by import or exec. It counts fresh frames per code object (state in the
 * code object's co_extra slot, as Pyjion did) and, at the threshold, asks the compiler (a Python
 * callable implemented in Java; under the native launcher it attaches once the JVM the first
 * request started is up, see launch.c) for native code (a code object with a loop sooner: its
 * time is in the loop). While counting it records the exact types of the bound positional
 * parameters, so the compiler can specialise for them. A first compilation is quick
 * (tier 1) unless the code has a loop or was sampled hot; quick code entered optimise_after times
 * is compiled again, optimised (tier 2), and the frames after that run the new code. The compiler usually works on
 * a thread of its own: the frames stay the interpreter's until it publishes the native code.
 * Native code takes the evaluator's shape and owns the frame from then on; once its code object
 * dies, the next compile request hands its handle back to the compiler, which frees it. A
 * generator's frame enters native code each time it is resumed. Anything the compiler refused,
 * a new frame that only makes a generator, a frame thrown into, and any frame evaluated while a
 * tracer, profiler or other sys.monitoring tool is active goes to CPython's own evaluator.
 *
 * That is how hot code is found when a threshold is given (counted). By default it is sampled
 * instead, and no frame evaluator is installed: under one the interpreter cannot push the frames
 * of its Python calls in its own loop, nor specialise them, which costs code it runs a third of
 * its speed. A thread of the runtime asks every millisecond, through a pending call, for the frame
 * the program is running; a code object met there SAMPLES_TO_COMPILE times is asked for. Once it
 * has native code its functions are entered through a vectorcall of their own (pyjit_enter_function),
 * which pushes the frame and hands it to the same decision as the evaluator's: the function the
 * compiler was asked for at once, others as the sampler meets them, new ones as they are made.
 * A generator found hot is resumed natively where C code resumes it (generator_next). Coroutines
 * and code that runs once (modules, class bodies) are the interpreter's in that mode, and only
 * the main thread is sampled.
 */
#include "pyjit_rt.h"
#include "launch.h"
#include "osr.h"
#include "recycled.h"
#include "consumer.h"
#include "native_cache.h"
#include "cache_fill.h"
#include "known_callees.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include "opcode.h"
#include "internal/pycore_ceval.h"
#include "internal/pycore_interp.h"

/* At most this many frames whose arguments fail the native code's entry guards, before it is
 * compiled again for their types too. */
#define RESPECIALISE_AFTER 50

#define GENERIC_AFTER_DEOPTS 50

Py_ssize_t pyjit_code_extra_index = -1;
/* The compiler's hooks; NULL until the compiler is there (the native launcher starts it when a
 * function first gets hot, see launch.c). */
static PyObject *compile_hook;
static PyObject *exit_hook;
static int installed;
/* The evaluator steps aside while the launcher starts the compiler, and until the compiler's
 * first answer: the interpreter runs at its own speed meanwhile (a frame evaluator costs it its
 * inlined Python calls: fib's recursion under a do-nothing evaluator takes twice as long), and
 * the counts of the code objects wait where they are. The function that got hot first is asked
 * for when the compiler attaches (first_hot), so its compilation, LLVM's start with it, happens
 * while the evaluator is away. A compiler that failed to start leaves the program to the
 * interpreter for good. */
static int paused;
static PyObject *first_hot;
static int first_hot_tier;
/* It got hot in a long activation, which the sampler asks on-stack replacement for, if it lasts. */
static int first_hot_mid_loop;
static Py_ssize_t threshold;
/* Entries of quick code before it is compiled again, optimised; 0: every compilation is optimised. */
static Py_ssize_t optimise_after;
/* The threshold of a code object with a loop: its first frame, when that frame can wait for
 * the compiler; its second otherwise, since native code only runs from a frame's start. */
static Py_ssize_t loop_threshold;
static int compiling;
/* Hot code found by sampling rather than by counting frames in an evaluator (see above). */
static int sampling;
#define SAMPLES_TO_COMPILE 2
#define SAMPLE_INTERVAL_NS (1000 * 1000)
/* A sample is asked for once the thread has used most of a tick's processor time holding the GIL:
 * with all of it, the sleep's jitter would skip every other tick of a thread that has a processor
 * to itself. */
#define SAMPLE_PROCESSOR_NS (SAMPLE_INTERVAL_NS * 7 / 8)
static pthread_t sampler;
static volatile int sampler_running;
static volatile int sample_pending;
/* The thread state that runs the program, and the GIL it takes, for the sampler's ticks. */
static PyThreadState *sampled_thread;
static struct _gil_runtime_state *sampled_gil;
static clockid_t sampled_clock;
/* The pending call was asked for while the program's thread ran Python code, which then waited
 * with it pending, in C code or descheduled, with the GIL or without (see sample_ticks). */
static volatile int sample_stale;
/* Set in a forked child: it has no JVM threads, so it never calls the compiler. */
static int forked_child;
/* A forked child that may start a compiler of its own (pyjit_adopt_forked_child). */
static int adopted_child;
/* The process the runtime finishes in: the one it was installed in, or a child that adopted it. */
static pid_t finishing_process;
/* The evaluator stands down while a monitoring tool is active, and a thread watches for the
 * tools to be switched off (see pyjit_stand_down). */
static volatile int standing_down;
static volatile int watching;
/* PYJIT_OSR_EVERY_LOOP, for tests (with a threshold): every frame of code with a loop starts in
 * the interpreter and goes on natively from its first back edge, through on-stack replacement. */
static int osr_every_loop;
/* When native code first ran (CLOCK_REALTIME), for the stats. */
static struct timespec first_native_entry;
/* Requests that made a key, for the cache, the compiler or the filler (requests_made()). */
static long long requests_made;

/* Handles of native code whose code objects died since the last compile request: the request
 * hands them to the compiler. Code objects die with the GIL held, so the GIL guards the list. */
static long long *dead_handles;
static Py_ssize_t dead_count, dead_capacity;

static void release_state(void *extra) {
    CodeState *state = extra;
    /* CPython calls every index's function for a dying code object, also for the slots nobody
     * set: another user of co_extra (-X perf's trampolines, a debugger) gave the code its extras */
    if (state == NULL) {
        return;
    }
    if (state->native != NULL) {
        /* a call site may hold this code: another one made at its address must not look the same */
        pyjit_natives_changed();
    }
    pyjit_native_cache_unload(state->libraries);
    if (state->handle != 0 && !forked_child) {
        if (dead_count == dead_capacity) {
            Py_ssize_t capacity = dead_capacity == 0 ? 64 : 2 * dead_capacity;
            long long *grown = realloc(dead_handles, capacity * sizeof(long long));
            if (grown != NULL) {
                dead_handles = grown;
                dead_capacity = capacity;
            }
        }
        if (dead_count < dead_capacity) {
            dead_handles[dead_count++] = state->handle;
        }  /* else the native code stays: memory, not correctness */
    }
    pyjit_osr_release(state);
    Py_XDECREF(state->identity);
    Py_XDECREF(state->entry_key);
    Py_XDECREF(state->served_key);
    PyMem_Free(state);
}

static PyObject *take_dead_handles(void) {
    PyObject *tuple = PyTuple_New(dead_count);
    for (Py_ssize_t i = 0; tuple != NULL && i < dead_count; i++) {
        PyObject *handle = PyLong_FromLongLong(dead_handles[i]);
        if (handle == NULL) {
            Py_CLEAR(tuple);
            break;
        }
        PyTuple_SET_ITEM(tuple, i, handle);
    }
    return tuple;
}

/* The compiler took the first n handles; others may have died while it ran. */
static void forget_dead_handles(Py_ssize_t n) {
    memmove(dead_handles, dead_handles + n, (dead_count - n) * sizeof(long long));
    dead_count -= n;
}

/* co_code has its inline caches zeroed, so every JUMP_BACKWARD byte found at an even offset is one. */
static int has_loop(PyCodeObject *code) {
    PyObject *bytes = PyCode_GetCode(code);
    if (bytes == NULL) {
        PyErr_Clear();
        return 0;
    }
    const unsigned char *units = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int found = 0;
    for (Py_ssize_t i = 0; i < PyBytes_GET_SIZE(bytes); i += 2) {
        if (units[i] == JUMP_BACKWARD) {
            found = 1;
            break;
        }
    }
    Py_DECREF(bytes);
    return found;
}

/* Gives the code its state. A code with no extras yet gets a holder of pyjit's slots alone, as
 * PyUnstable_Code_SetExtra would make it had nobody asked for an index after pyjit: that function
 * sizes it for every index given out, and a dying code calls each index's free function, also for
 * the slots nobody set. A program that asks for an index of its own (test_code frees its extras
 * with a ctypes callback) would have had its function called for every code pyjit counts, the
 * last ones while the interpreter finalises, after ctypes has gone (a crash at exit). A code that
 * has extras already gets the state through that function, which grows them as it must. */
static int set_state(PyCodeObject *code, CodeState *state) {
    if (code->co_extra != NULL) {
        return PyUnstable_Code_SetExtra((PyObject *)code, pyjit_code_extra_index, state);
    }
    Py_ssize_t size = pyjit_code_extra_index + 1;
    PyjitCodeExtra *extra = PyMem_Calloc(1, sizeof(PyjitCodeExtra) + (size_t)(size - 1) * sizeof(void *));
    if (extra == NULL) {
        return -1;
    }
    extra->size = size;
    extra->slots[pyjit_code_extra_index] = state;
    code->co_extra = extra;
    return 0;
}

static CodeState *code_state(PyCodeObject *code) {
    void *extra = pyjit_code_state(code);
    if (extra == NULL) {
        CodeState *state = PyMem_Calloc(1, sizeof(CodeState));
        if (state == NULL || set_state(code, state) < 0) {
            PyMem_Free(state);
            PyErr_Clear();
            return NULL;
        }
        int loop = has_loop(code);
        state->has_loop = loop;
        /* a generator's frame counts each resumption, one turn of its loop: the loop is no reason
         * to compile it sooner */
        state->threshold = sampling ? SAMPLES_TO_COMPILE : loop && !pyjit_is_generator_like(code) ? loop_threshold : threshold;
        /* sampled hot, code is where the program spends its time: quick code, which calls a helper
         * for each instruction, ran such code (fib, richards) at half the interpreter's speed
         * until its optimised code came */
        state->first_tier = loop || sampling || optimise_after == 0 ? PYJIT_TIER_OPTIMISED : PYJIT_TIER_QUICK;
        extra = state;
    }
    return (CodeState *)extra;
}

static int profiled_parameters(PyCodeObject *code) {
    return code->co_argcount < PROFILED_ARGUMENTS ? code->co_argcount : PROFILED_ARGUMENTS;
}

/* The parameters are bound already (defaults and keywords included), so their types are known;
 * a sampled frame's may have been rebound since, or deleted. */
static void observe(CodeState *state, _PyInterpreterFrame *frame, PyCodeObject *code) {
    for (int i = 0; i < profiled_parameters(code); i++) {
        if (frame->localsplus[i] != NULL) {
            state->observed[i] |= 1u << pyjit_type_code(frame->localsplus[i]);
        }
    }
}

static int address_of(PyObject *number, void *address) {
    *(void **)address = PyLong_AsVoidPtr(number);
    return !PyErr_Occurred();
}

/* The compiler's answer for one code object: native code of a tier (specialised for the argument
 * types in `expected`) or, with address 0, a refusal; a refused respecialisation or optimisation
 * keeps the code it had. With a loop header (a code unit, else -1) it is an on-stack replacement,
 * `expected` the types of all the locals. */
static int install_answer(CodeState *state, PyCodeObject *code, PyObject *answer) {
    void *address = NULL;
    PyObject *expected = NULL;
    long long handle = 0;
    int tier = 0, header = -1;
    state->queued = 0;
    if (!PyArg_ParseTuple(answer, "O&O!Lii", address_of, &address, &PyTuple_Type, &expected, &handle, &tier, &header)) {
        state->refused = 1;
        return -1;
    }
    if (handle != 0) {
        state->handle = handle;
    }
    if (header >= 0) {
        /* refused, it leaves the code as it was: its calls may still be compiled */
        return address == NULL ? 0 : pyjit_osr_install(state, code, (pyjit_native_entry)address, header, expected);
    }
    if (address == NULL) {
        state->refused = 1;
        return 0;
    }
    /* pyjit_as_expected reads these parameters' slots: never more than the code has */
    int count = (int)(PyTuple_GET_SIZE(expected) < profiled_parameters(code) ? PyTuple_GET_SIZE(expected) : profiled_parameters(code));
    for (int i = 0; i < count; i++) {
        long bits = PyLong_AsLong(PyTuple_GET_ITEM(expected, i));
        if (bits == -1 && PyErr_Occurred()) {
            state->refused = 1;
            return -1;
        }
        state->expected[i] = (unsigned short)bits;
    }
    state->expected_count = count;
    state->mismatches = 0;
    state->calls = 0;
    state->native = (pyjit_native_entry)address;
    state->wants_generic = 0;
    state->tier = tier;
    pyjit_natives_changed();
    return 0;
}

static PyObject *evaluate(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag);

vectorcallfunc pyjit_interpreted_vectorcall;
int pyjit_sampled_entry;
uint32_t pyjit_native_generation = 1;

void pyjit_natives_changed(void) {
    if (++pyjit_native_generation == 0) {
        pyjit_native_generation = 1;
    }
}

/* The vectorcall of a function whose code has native code, when hot code is sampled: the frame is
 * pushed with the arguments bound by CPython itself, as _PyFunction_Vectorcall does, and run as
 * the evaluator runs a frame. */
PyObject *pyjit_enter_function(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    PyFunctionObject *func = (PyFunctionObject *)callable;
    PyThreadState *tstate = PyThreadState_Get();
    size_t argcount = PyVectorcall_NARGS(nargsf);
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    _PyInterpreterFrame *frame;
    if (kwnames == NULL && (code->co_flags & (CO_OPTIMIZED | CO_VARARGS | CO_VARKEYWORDS)) == CO_OPTIMIZED
            && code->co_kwonlyargcount == 0 && (size_t)code->co_argcount == argcount
            && _PyThreadState_HasStackSpace(tstate, code->co_framesize)) {
        /* exactly the positional parameters: the frame pushed as CALL_PY_EXACT_ARGS pushes it,
         * with no binding to do (an interpreted loop's call of a native `f(a, b)`: 64-73 ns
         * through _PyEvalFramePushAndInit, 58-63 ns so; the interpreter's own call 50-52 ns) */
        frame = _PyFrame_PushUnchecked(tstate, (PyFunctionObject *)Py_NewRef(func), (int)argcount);
        for (size_t i = 0; i < argcount; i++) {
            frame->localsplus[i] = Py_NewRef(args[i]);
        }
    } else {
        PyObject *locals = (code->co_flags & CO_OPTIMIZED) ? NULL : func->func_globals;
        Py_ssize_t total = (Py_ssize_t)argcount + (kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames));
        /* the frame takes these over */
        Py_INCREF(func);
        Py_XINCREF(locals);
        for (Py_ssize_t i = 0; i < total; i++) {
            Py_INCREF(args[i]);
        }
        frame = _PyEvalFramePushAndInit(tstate, func, locals, args, argcount, kwnames);
        if (frame == NULL) {
            return NULL;
        }
    }
    /* straight in where the native code can take the frame, as compiled code's calls go
     * (closures' lambdas called by sorted(): 5% of the run was the evaluator's decision) */
    PyObject *result;
    pyjit_native_entered();
    return pyjit_run_natively(tstate, frame, &result) ? result : evaluate(tstate, frame, 0);
}

/* From now on calls of the function enter its native code. Its version goes to 0, or the
 * interpreter would keep pushing its frames in its own loop at the call sites it specialised; so
 * does its code's, which the functions made from it later take. Generators are resumed by the
 * interpreter, and a new generator's frame only makes it: theirs stay as they are. */
static void enter_natively(PyFunctionObject *func) {
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    if (func->vectorcall == pyjit_interpreted_vectorcall && !standing_down && !pyjit_is_generator_like(code)) {
        PyFunction_SetVectorcall(func, pyjit_enter_function);
        code->co_version = 0;
    }
}

/* A function made from code that has native code enters it from its first call. */
static int on_function_event(PyFunction_WatchEvent event, PyFunctionObject *func, PyObject *new_value) {
    (void)new_value;
    if (event == PyFunction_EVENT_CREATE) {
        CodeState *state = pyjit_code_state((PyCodeObject *)func->func_code);
        if (state != NULL && state->native != NULL) {
            enter_natively(func);
        }
    }
    return 0;
}

/* A monitoring tool sees the interpreter's own calls of Python functions: every function is
 * called the interpreter's way while one is active (the sampler switches them back later). */
static int interpreted_again(PyObject *object, void *unused) {
    (void)unused;
    if (PyFunction_Check(object) && ((PyFunctionObject *)object)->vectorcall == pyjit_enter_function) {
        ((PyFunctionObject *)object)->vectorcall = pyjit_interpreted_vectorcall;
    }
    return 1;
}

/* _PyFunction_Vectorcall, which libpython does not export: what a new function is called through. */
static vectorcallfunc find_interpreted_vectorcall(void) {
    PyCodeObject *code = PyCode_NewEmpty("<pyjit>", "probe", 0);
    PyObject *globals = code == NULL ? NULL : PyDict_New();
    PyObject *func = globals == NULL ? NULL : PyFunction_New((PyObject *)code, globals);
    vectorcallfunc found = func == NULL ? NULL : ((PyFunctionObject *)func)->vectorcall;
    Py_XDECREF(func);
    Py_XDECREF(globals);
    Py_XDECREF(code);
    return found;
}

static void request_compile(PyObject *func, PyCodeObject *code, CodeState *state, int tier, _PyInterpreterFrame *mid_frame, int header);
static void take_kept_code(PyObject *func, PyCodeObject *code, CodeState *state);
static int may_request(CodeState *state);

/* The frame object of one of the thread's frames near the innermost (a generator's caller), made
 * if it has none; NULL if it is not found. Borrowed: the frame holds it. */
static PyFrameObject *frame_object(_PyInterpreterFrame *frame) {
    PyFrameObject *object = PyEval_GetFrame();
    for (int depth = 0; object != NULL && object->f_frame != frame && depth < 8; depth++) {
        PyFrameObject *back = PyFrame_GetBack(object);
        Py_XDECREF(back);  /* the frame it was made for keeps it */
        object = back;
    }
    PyErr_Clear();
    return object != NULL && object->f_frame == frame ? object : NULL;
}

/* Whether the sampler met this activation of the code last time too: the frame object it made
 * for the activation then is still the frame's (an activation that ended took its own along).
 * Asked of frames the interpreter runs: it keeps their stack pointer to itself meanwhile
 * (stacktop -1), where compiled code leaves it in the frame. */
static int sampled_again(CodeState *state, _PyInterpreterFrame *frame) {
    if (frame->frame_obj != NULL && (void *)frame->frame_obj == state->sampled_activation) {
        return 1;
    }
    state->sampled_activation = frame_object(frame);
    return 0;
}

/* Code whose frames the sampler can bring to native code: a function's, or a generator's (see
 * generator_next); coroutines and asynchronous generators are resumed by send(). */
static int sampled_into_native(PyCodeObject *code) {
    return (code->co_flags & CO_OPTIMIZED) && !(code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR));
}

/* How often a request waiting for a filler serving the cache checks that the filler is still
 * there, in the code's samples. */
#define SERVED_CHECK_SAMPLES 64

/* The code a filler serving the cache made for the code's request, installed once the cache has
 * it; a refusal stands as the compiler's own would. */
static void take_served_answer(PyObject *func, PyCodeObject *code, CodeState *state) {
    PyObject *pending = PyErr_GetRaisedException();
    compiling = 1;
    PyObject *kept = pyjit_native_cache_load(state->served_key, &state->libraries);
    compiling = 0;
    if (kept != NULL) {
        Py_CLEAR(state->served_key);
        if (install_answer(state, code, kept) == 0 && sampling && state->native != NULL) {
            enter_natively((PyFunctionObject *)func);
        }
        Py_DECREF(kept);
    } else if (pyjit_native_cache_refused(state->served_key)) {
        Py_CLEAR(state->served_key);
        state->refused |= state->served_header < 0;
    } else if (state->samples % SERVED_CHECK_SAMPLES == 0 && !pyjit_fill_served()) {
        /* the filler stopped (killed, or its cache cleared) before it answered: asked again, the
         * program's own compiler takes the request */
        Py_CLEAR(state->served_key);
        state->osr_requested &= state->served_header < 0;
    }
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
}

/* The innermost frame of the program's from this one on (NULL: none). */
static _PyInterpreterFrame *program_frame(_PyInterpreterFrame *frame) {
    while (frame != NULL && frame->owner == FRAME_OWNED_BY_CSTACK) {
        frame = frame->previous;
    }
    return frame;
}

/* One sample counted for the frame's code object: the code of a function that runs once (a
 * module, a class body) and coroutines are left out. The code it counted for, else NULL. */
static PyCodeObject *count_sample(_PyInterpreterFrame *frame) {
    if (frame == NULL || !PyCode_Check(frame->f_executable) || !PyFunction_Check(frame->f_funcobj)) {
        return NULL;
    }
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    if (!sampled_into_native(code)) {
        return NULL;
    }
    CodeState *state = code_state(code);
    if (state == NULL || frame == state->osr_frame) {
        return NULL;
    }
    state->samples++;
    if (state->served_key != NULL) {
        take_served_answer(frame->f_funcobj, code, state);
    }
    if (state->native != NULL) {
        enter_natively((PyFunctionObject *)frame->f_funcobj);
    }
    int again = frame->owner == FRAME_OWNED_BY_THREAD && frame->stacktop < 0 && sampled_again(state, frame);
    /* without a loop an activation only moves forward: one met before at a later instruction is
     * another, whose frame object the freed one's memory holds (made by a traceback) */
    int further = (void *)frame->instr_ptr > state->sampled_instruction;
    state->sampled_instruction = frame->instr_ptr;
    int header = state->has_loop && again ? pyjit_osr_header(code, frame) : -1;
    if (header >= 0) {
        /* a long activation in a loop: its next call would not help it, on-stack replacement does
         * (compiled from the function's code, which must be the frame's) */
        if (!state->osr_requested && may_request(state) && PyFunction_GET_CODE(frame->f_funcobj) == (PyObject *)code) {
            request_compile(frame->f_funcobj, code, state, PYJIT_TIER_OPTIMISED, frame, header);
        }
    } else if (state->native == NULL && may_request(state) && (state->has_loop || !again || !further)) {
        /* code without a loop met twice in one activation spent it in a C call (a read, a sort, a
         * fork), which native code would not make faster: it counts once (a pool's parent read
         * /proc/self/maps for 2 ms of a busy machine's processor and started a JVM for it) */
        observe(state, frame, code);
        if (++state->calls >= state->threshold) {
            request_compile(frame->f_funcobj, code, state, state->first_tier, NULL, -1);
        } else if (state->calls == 1 && pyjit_native_cache_hits() > 0) {
            take_kept_code(frame->f_funcobj, code, state);
        }
    }
    return code;
}

/* How many frames of generators up from the innermost a sample counts for. */
#define GENERATOR_CALLERS 4
/* The processor time of the program's thread at the last sample taken. */
static long long last_sample_used;
static long long program_processor_time(void);

/* The pending call the sampler asks for: the frame the main thread runs, the innermost of the
 * program's, counts one sample. A generator's counts for the function it runs for too, which the
 * sampler would meet only between the generator's items where that function consumes them with a
 * builtin (sum(), any(), min()...): without native code of its own, such a call resumes the
 * generator once per item, where compiled code's call has the generator's code consume them
 * (pyjit_consume_generator; spectral_norm's mul_av, never sampled in a run, took 5.6 ms an
 * iteration where it took 3.6 compiled). */
static int take_sample(void *unused) {
    (void)unused;
    sample_pending = 0;
    if (!sampler_running || standing_down || forked_child || compiling || sample_stale) {
        return 0;
    }
    /* The sampler asks again as soon as a sample is taken, and CPython runs a pending call added
     * while it runs the pending calls in the same pass (or at the next instruction): a sample
     * after less than half a tick of processor time is the last one's twin, for the same stretch
     * of the program's time (a function without a loop counted twice in one long call of it). */
    long long used = program_processor_time();
    if (used - last_sample_used < SAMPLE_PROCESSOR_NS / 2) {
        return 0;
    }
    last_sample_used = used;
    _PyInterpreterFrame *frame = program_frame(PyThreadState_Get()->current_frame);
    PyCodeObject *code = count_sample(frame);
    for (int level = 0; code != NULL && (code->co_flags & CO_GENERATOR) && level < GENERATOR_CALLERS && !standing_down && !compiling; level++) {
        /* a recursive generator's own frames (yield from itself) are passed: its code counted once */
        do {
            frame = program_frame(frame->previous);
        } while (frame != NULL && frame->f_executable == (PyObject *)code);
        code = count_sample(frame);
    }
    return 0;
}

/* Whether the program's thread holds the GIL. One that waits in C code (on a lock, a read, a
 * poll) has let it go: a sample asked for then would be taken when the call returns, counted for
 * the function that made it, though it used no processor time (a pool's parent, waiting for its
 * workers, compiled Condition.wait and read_signed and started a JVM for them). */
static int program_holds_gil(void) {
    return _Py_atomic_load_int_relaxed(&sampled_gil->locked) == 1
        && _Py_atomic_load_ptr_relaxed(&sampled_gil->last_holder) == sampled_thread;
}

/* Processor time the program's thread has used, in ns: the sampler counts that rather than the
 * clock's time, which a busy machine stretches (descheduled holding the GIL, a pool's parent
 * found a function of 0.2 ms hot and started a JVM for it). */
static long long program_processor_time(void) {
    struct timespec used;
    return clock_gettime(sampled_clock, &used) == 0 ? (long long)used.tv_sec * 1000000000LL + used.tv_nsec : 0;
}

static long long monotonic_time(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/* The sampler's thread: a pending call each SAMPLE_INTERVAL_NS of processor time the program's
 * thread spends holding the GIL, one at a time. A pending call is taken at the thread's next
 * Python instruction, so one still pending while the thread waits, having let the GIL go or
 * keeping it (a C function called through ctypes.PyDLL, a thread descheduled), would count the
 * wait for the function that waited: it is dropped. It takes no signals: they are the program's. */
static void *sample_ticks(void *unused) {
    (void)unused;
    long long used = program_processor_time();
    long long next_sample = used + SAMPLE_PROCESSOR_NS;
    long long tick = monotonic_time();
    while (sampler_running) {
        struct timespec pause = {0, SAMPLE_INTERVAL_NS};
        nanosleep(&pause, NULL);
        if (!sampler_running) {
            break;
        }
        long long used_before = used, tick_before = tick;
        used = program_processor_time();
        tick = monotonic_time();
        int waited = (used - used_before) * 8 < tick - tick_before;
        if (!program_holds_gil()) {
            next_sample = used + SAMPLE_PROCESSOR_NS;  /* what it does without the GIL is not Python's */
            sample_stale |= sample_pending;
        } else if (sample_pending) {
            sample_stale |= waited;
        } else if (used >= next_sample) {
            next_sample = used + SAMPLE_PROCESSOR_NS;
            sample_stale = 0;
            sample_pending = 1;
            if (Py_AddPendingCall(take_sample, NULL) != 0) {
                sample_pending = 0;
            }
        }
    }
    return NULL;
}

/* Called on the program's thread. */
static int start_sampler(void) {
    sampled_thread = PyThreadState_Get();
    sampled_gil = sampled_thread->interp->ceval.gil;
    if (pthread_getcpuclockid(pthread_self(), &sampled_clock) != 0) {
        return 0;
    }
    last_sample_used = -SAMPLE_PROCESSOR_NS;  /* a forked child's clock starts again */
    sampler_running = 1;
    if (pyjit_start_thread(&sampler, NULL, sample_ticks, NULL) != 0) {
        sampler_running = 0;
    }
    return sampler_running;
}

static void stop_sampler(void) {
    if (sampler_running) {
        sampler_running = 0;
        pthread_join(sampler, NULL);  /* it takes no lock the GIL's holder could keep */
    }
}

/* A run that has loaded code from the native cache has run before, and the cache filler compiles
 * what it asks for after it ends (cache_fill.c). Starting the JVM for a function the earlier runs
 * did not find hot (sampling finds a few new ones each time) costs a short program more than the
 * function is worth: about 0.3 s of a core, which on two cores slows the program's own (deltablue:
 * 35% of the run's samples were the JVM starting). So a warm run starts the compiler only once it
 * has run this long; its requests until then are remembered for the filler (each entry once, see
 * call_left_to_filler). So does a run started while a filler works on the cache (the program
 * run again at once): the filler is about to write the code its compiler would make, and a JVM
 * starting beside the filler's on two cores made closures' second run 0.93 s against 0.36 s with
 * no JIT. So does a child forked while the compiler was idle (a pool's worker), from its fork: a
 * JVM in every short-lived worker (a pool of many, a new worker per task) would cost each its 0.3 s
 * and its memory; a worker that runs on has its own compiler a second in. */
#define WARM_RUN_PATIENCE_NS 1000000000LL

/* A first run (nothing loaded from the native cache, no filler at work) starts no JVM beside the
 * program either: its first hot function past its patience (FIRST_RUN_PATIENCE_NS) starts a filler
 * that serves the cache (cache_fill.c), and its requests wait for it until it serves, then go to
 * it. The program's process then never holds the JVM, LLVM and the compiler's memory (a first run
 * of deltablue peaked at 137 MiB, against 12 MiB with no JIT), nor shares its core with the JVM's
 * start and the compilations (nicer, in the filler's own scheduling group); the next runs find the
 * filler serving, its compiler warm. A filler that is gone (it could not start its JVM), or not
 * serving after this long, leaves the requests to the program's own compiler. */
#define FILLER_PATIENCE_NS 10000000000LL
/* A first run starts its filler only once it has run this long: until then its requests are
 * remembered for the filler its exit starts, as a warm run's are. A filler at work on the other
 * core slows the program's own by 10-15% on a 2-core machine (any busy process there does: a
 * --no-jit richards took 0.62-0.65 s alone, 0.68-0.93 s beside a spinning python3), and code it
 * makes for a program of half a second comes too late to pay that back. A longer program loses
 * this much of native code at most. Loops asked for on-stack replacement wait as long: a program's
 * main loop is one (the innermost frame while it runs C code), and waiting 0.2 s for them left
 * generators, closures and nbody 12-19% slower than with no JIT on a first run, against 2-5%. */
#define FIRST_RUN_PATIENCE_NS 500000000LL
/* A filler takes the fill lock a few milliseconds after it was started, as its launcher begins. */
#define FILLER_CLAIM_NS 500000000LL
/* How long the answer to "is the filler still coming?" stands: each asks the file system a few
 * times, and a waiting function asks at each of its samples. */
#define FILLER_CHECK_NS 20000000LL

static long long nanoseconds_since_launch(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec - pyjit_launch_time();
}

static long long monotonic_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/* When the filler requests wait for was started, or found starting (CLOCK_MONOTONIC; -1: none).
 * A forked child does not wait for its parent's: as before a first run started fillers, a worker
 * asks a filler that serves, or starts its own compiler a second after its fork
 * (WARM_RUN_PATIENCE_NS). */
static long long filler_awaited = -1;

/* Whether the awaited filler is still to be waited for: neither serving yet, nor gone, nor late. */
static int filler_coming(void) {
    static long long checked_at = -1;
    static int coming;
    long long now = monotonic_nanoseconds();
    if (checked_at < 0 || now - checked_at >= FILLER_CHECK_NS) {
        long long waited = now - filler_awaited;
        coming = waited < FILLER_PATIENCE_NS && (waited < FILLER_CLAIM_NS || pyjit_fill_at_work()) && !pyjit_fill_served();
        checked_at = now;
    }
    return coming;
}

/* Says once, with PYJIT_DEBUG, that this run's requests go to a cache filler: one it awaits (started
 * here, or another first run's coming up) or one already serving (a run started just after another
 * first run's filler came up is no less a first run). */
static void say_left_to_filler(PyCodeObject *hot, const char *filler) {
    static int said;
    if (!said && pyjit_debugging()) {
        said = 1;
        fprintf(stderr, "pyjit: leaving this run's compilations to a cache filler %lld ms after the launch: %s got hot, the filler %s\n",
                nanoseconds_since_launch() / 1000000, PyUnicode_AsUTF8(hot->co_qualname), filler);
        PyErr_Clear();
    }
}

/* Whether requests wait for a filler: the one its exit starts, in a run's first moments
 * (FIRST_RUN_PATIENCE_NS); one this run has left them to (a warm run, one run while a filler
 * works, a forked child); or one it started in place of its own JVM (or found starting, another
 * first run's), until that serves. */
static int warm_and_young(PyCodeObject *hot) {
    static int filler_busy = -1;  /* asked once, at the first request past the run's patience */
    if (!sampling) {
        return 0;
    }
    if (filler_busy < 0 && nanoseconds_since_launch() < FIRST_RUN_PATIENCE_NS && pyjit_fill_at_exit_enabled()) {
        return 1;  /* every run that leaves a filler behind waits this long, warm or first */
    }
    if (filler_busy < 0) {
        filler_busy = pyjit_fill_busy();
        if (!filler_busy && pyjit_native_cache_hits() == 0 && !adopted_child && pyjit_compiler_idle()) {
            /* one at work (another first run's, coming up) is waited for as one started here;
             * another build's, which never serves this one, costs a run its 10 s */
            if (pyjit_fill_at_work() || pyjit_fill_start_serving()) {
                filler_awaited = monotonic_nanoseconds();
                say_left_to_filler(hot, "awaited");
            }
        }
    }
    if (filler_awaited >= 0) {
        return filler_coming();
    }
    if (pyjit_native_cache_hits() == 0 && !filler_busy && !adopted_child) {
        return 0;
    }
    return nanoseconds_since_launch() < WARM_RUN_PATIENCE_NS;
}

/* Asks the Java compiler for native code: hook(func, observed argument types, handle, dead
 * handles, tier, generic, loop header, local types, native cache key, known callees), the loop
 * header and local types for on-stack replacement into mid_frame at the code unit `header` (-1
 * and () for code entered at calls), the callees as pyjit_known_callees finds them. It answers None when the code is being compiled on its own thread (publish()
 * brings the result), or at once with (address, argument types the code is specialised for,
 * handle, tier), address 0 meaning "leave it to the interpreter". It never raises; if it does anyway, the code
 * stays interpreted and the error is dropped. The program's own exception, if one is being
 * handled, is kept around the call. */
static void ask_compiler(PyObject *func, PyCodeObject *code, CodeState *state, int tier, int header, PyObject *observed, PyObject *locals,
                         PyObject *native_key, PyObject *callees) {
    if (compile_hook == NULL) {
        if (pyjit_compiler_idle() && pyjit_fill_serve(code, native_key, state->generic, header, observed, locals, callees)) {
            /* a filler serving the cache compiles it, its compiler warm: its answer is taken from
             * the cache as the code is sampled again (take_served_answer) */
            Py_XSETREF(state->served_key, Py_NewRef(native_key));
            state->served_header = header;
            state->osr_requested |= header >= 0;
            say_left_to_filler(code, "serving");
            return;
        }
        if (warm_and_young(code)) {
            state->call_left_to_filler |= header < 0;
            state->loop_left_to_filler |= header >= 0;
            return;
        }
        /* the code asks again at its next frame after the compiler attached */
        state->asked_before_attach = 1;
        if (!pyjit_is_library(code) && pyjit_start_compiler(code) && !paused) {
            paused = 1;
            first_hot = PyWeakref_NewRef(func, NULL);  /* weakly, as a queued request's (see publish) */
            PyErr_Clear();
            first_hot_tier = tier;
            first_hot_mid_loop = header >= 0;
            _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), NULL);
        }
        return;
    }
    PyObject *dead = take_dead_handles();
    state->osr_requested |= header >= 0;
    compiling = 1;
    sigset_t signals;
    pyjit_hold_program_signals(&signals);
    PyObject *answer = dead == NULL ? NULL
            : PyObject_CallFunction(compile_hook, "OOLOiiiOOOL", func, observed, state->handle, dead, tier, state->generic,
                                    header, locals, native_key != NULL ? native_key : Py_None, callees, (long long)(intptr_t)&state->samples);
    pthread_sigmask(SIG_SETMASK, &signals, NULL);
    compiling = 0;
    Py_XDECREF(dead);
    if (answer == Py_None) {
        state->queued = 1;
        if (sampling) {
            /* weakly: a function the program drops, or its globals at exit, must not wait for the compiler */
            Py_XSETREF(state->requester, PyWeakref_NewRef(func, NULL));
            PyErr_Clear();
        }
    } else if (answer == NULL || install_answer(state, code, answer) < 0) {
        /* a failed on-stack replacement leaves the code's calls to be compiled */
        state->refused |= header < 0;
    } else if (sampling && state->native != NULL) {
        enter_natively((PyFunctionObject *)func);
    }
    if (answer != NULL) {
        forget_dead_handles(PyTuple_GET_SIZE(dead));
    }
    Py_XDECREF(answer);
}

/* The argument types observed at the code's entries, as the compiler and the cache key take them:
 * a new tuple, or NULL with an error set. */
static PyObject *observed_types(PyCodeObject *code, CodeState *state) {
    int profiled = profiled_parameters(code);
    PyObject *observed = PyTuple_New(profiled);
    for (int i = 0; observed != NULL && i < profiled; i++) {
        PyObject *bits = PyLong_FromLong(state->observed[i]);
        if (bits == NULL) {
            Py_CLEAR(observed);
            break;
        }
        PyTuple_SET_ITEM(observed, i, bits);
    }
    return observed;
}

/* Code an earlier run's compiler made, from the native cache, installed (and the function entered
 * natively from its next call where sampling). */
static void install_kept(PyObject *func, PyCodeObject *code, CodeState *state, PyObject *kept) {
    if (install_answer(state, code, kept) == 0 && sampling && state->native != NULL) {
        enter_natively((PyFunctionObject *)func);
    }
}

/* The native cache key of a request (new, or NULL with no error set). A call entry's first key is
 * kept (entry_key); where an earlier run marked it as going generic, the code is asked for generic
 * from now on, under the generic key: its speculations would fail again (raytrace's Vector.__sub__,
 * specialised for ints seen while the scene was built, deoptimised 50 times at every warm run, then
 * started the compiler for its generic code). */
static PyObject *request_key(PyCodeObject *code, CodeState *state, int header, PyObject *observed, PyObject *locals) {
    PyObject *key = pyjit_native_cache_key(code, PYJIT_TIER_OPTIMISED, state->generic, header, observed, locals);
    if (key == NULL || header >= 0 || state->generic) {
        return key;
    }
    if (state->entry_key == NULL) {
        state->entry_key = Py_NewRef(key);
    }
    if (!pyjit_native_cache_went_generic(key)) {
        return key;
    }
    state->generic = 1;
    Py_DECREF(key);
    return pyjit_native_cache_key(code, PYJIT_TIER_OPTIMISED, state->generic, header, observed, locals);
}

/* In a run that has already loaded code from the native cache (the program ran before), a function
 * the sampler meets for the first time takes its code from there at once rather than at its second
 * sample: a warm run of an object-oriented program has dozens of such functions, each a few percent
 * of its time, and waiting for each one's second sample left them interpreted for the first tenth
 * of the run (raytrace, deltablue). A miss asks nothing: the second sample asks as before. */
static void take_kept_code(PyObject *func, PyCodeObject *code, CodeState *state) {
    PyObject *pending = PyErr_GetRaisedException();
    PyObject *observed = observed_types(code, state);
    PyObject *locals = observed == NULL ? NULL : PyTuple_New(0);
    compiling = 1;
    PyObject *key = locals == NULL ? NULL : request_key(code, state, -1, observed, locals);
    PyObject *kept = key == NULL ? NULL : pyjit_native_cache_load(key, &state->libraries);
    compiling = 0;
    if (kept != NULL) {
        install_kept(func, code, state, kept);
    }
    Py_XDECREF(kept);
    Py_XDECREF(key);
    Py_XDECREF(locals);
    Py_XDECREF(observed);
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
}

static void request_compile(PyObject *func, PyCodeObject *code, CodeState *state, int tier, _PyInterpreterFrame *mid_frame, int header) {
    if ((header < 0 ? state->call_left_to_filler : state->loop_left_to_filler) && warm_and_young(code)) {
        return;  /* the same request, its key and callees made again, would be left to the filler again */
    }
    PyObject *pending = PyErr_GetRaisedException();
    PyObject *observed = observed_types(code, state);
    PyObject *locals = observed == NULL ? NULL : header < 0 ? PyTuple_New(0) : pyjit_osr_local_types(code, mid_frame);
    requests_made++;
    /* The native code cache keeps optimised code alone, under the key of the first request: quick
     * code runs slower than the interpreter, and a function that got hot enough to be optimised in
     * an earlier run will again. The first digest imports _sha2: its frames ask for nothing. */
    compiling = 1;
    PyObject *key = locals == NULL ? NULL : request_key(code, state, header, observed, locals);
    PyObject *kept = key == NULL ? NULL : pyjit_native_cache_load(key, &state->libraries);
    /* a loop's own key missed: the loop entry an earlier run asked for, caught in another loop */
    PyObject *loop_key = kept != NULL || key == NULL || header < 0 ? NULL
            : pyjit_native_cache_loop_key(code, PYJIT_TIER_OPTIMISED, state->generic, observed);
    if (loop_key != NULL && !pyjit_native_cache_refused(key)) {
        kept = pyjit_native_cache_load_pointed(loop_key, &state->libraries);
    }
    compiling = 0;
    if (kept != NULL) {
        /* the compiler made this code in an earlier run: no need for it now */
        state->osr_requested |= header >= 0;
        install_kept(func, code, state, kept);
        Py_DECREF(kept);
    } else if (key != NULL && pyjit_native_cache_refused(key)) {
        /* the compiler refused this code in an earlier run */
        state->refused |= header < 0;
        state->osr_requested |= header >= 0;
    } else if (locals != NULL) {
        compiling = 1;  /* the callees' identities are digests too */
        PyObject *callees = pyjit_known_callees(func);
        compiling = 0;
        if (callees != NULL) {
            if (loop_key != NULL) {
                pyjit_native_cache_point(loop_key, key);
            }
            pyjit_fill_remember(code, key, state->generic, header, observed, locals, callees);
            ask_compiler(func, code, state, tier, header, observed, locals, key, callees);
        }
        Py_XDECREF(callees);
    }
    Py_XDECREF(key);
    Py_XDECREF(loop_key);
    Py_XDECREF(observed);
    Py_XDECREF(locals);
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
}

/* The thread that runs the program, whose end ends the process (the launcher exits). */
static pthread_t program_thread;

static void on_fork_in_child(void) {
    /* A child forked from another thread ends, as CPython's does, when the last of its threads
     * ends: a sampler or a JVM of its own would keep it alive for ever, so it takes neither. */
    adopted_child = pthread_equal(pthread_self(), program_thread) && pyjit_adopt_forked_child();
    forked_child = !adopted_child;
    finishing_process = adopted_child ? getpid() : 0;
    pyjit_fill_in_child(adopted_child);
    filler_awaited = -1;
    watching = 0;  /* the watcher is not forked with the process: the audit hook alone remains */
    sampler_running = 0;  /* nor is the sampler (after_fork_in_child starts the child's own) */
    sample_pending = 0;
}

/* after_fork_in_child(): in a forked child, once CPython made the process its own. A child that
 * may start its own compiler samples its own hot code. */
static PyObject *after_fork_in_child(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    if (!forked_child && sampling) {
        start_sampler();
    }
    Py_RETURN_NONE;
}

/* lend_compiler(): this process (multiprocessing's fork server, which forks the workers and runs
 * none of the program's work) samples nothing and starts no compiler; the children it forks may. */
static PyObject *lend_compiler(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    stop_sampler();
    pyjit_fill_disable();
    pyjit_lend_compiler();
    Py_RETURN_NONE;
}

/* Under an evaluator every Python call nests on the C stack, where the interpreter's own calls
 * do not, so CPython's C recursion counter (Py_C_RECURSION_LIMIT units, two a frame) would stop a
 * recursion at a few thousand frames where the interpreter goes as deep as sys.setrecursionlimit
 * allows. Frames are bounded by the thread's real stack instead: each thread's lowest usable
 * address, with a reserve for the C code a frame calls. The bounds are kept by thread state in a
 * small table rather than in thread-local storage, whose every access from a loaded library is a
 * call; an entry whose stack does not hold the current frame (a thread state reused by a new
 * thread) is measured again. The GIL guards the table. */
PyjitStackBounds pyjit_stack_bounds[256];

PyObject *pyjit_builtin_len;
PyObject *pyjit_list_append_method;
PyObject *pyjit_list_pop_method;
PyObject *pyjit_list_insert_method;
PyObject *pyjit_dict_get_method;
PyObject *pyjit_object_setattr;
PyObject *pyjit_str_class_methods[PYJIT_STR_CLASSES];
PyObject *pyjit_str_startswith_method;
PyObject *pyjit_str_endswith_method;
PyObject *pyjit_builtin_isinstance;
PyObject *pyjit_builtin_abs;
PyObject *pyjit_builtin_ord;
PyObject *pyjit_builtin_chr;
PyObject *pyjit_builtin_min;
PyObject *pyjit_builtin_max;
PyObject *pyjit_builtin_sum;
PyObject *pyjit_builtin_any;
PyObject *pyjit_builtin_all;
PyFloatObject pyjit_unbound_float = {PyObject_HEAD_INIT(&PyFloat_Type) 0.0};
/* 0: the sign bits say zero, no digits */
PyLongObject pyjit_unbound_int = {PyObject_HEAD_INIT(&PyLong_Type) {1, {0}}};

static int measure_stack(PyjitStackBounds *bounds, PyThreadState *tstate) {
    pthread_attr_t attributes;
    void *low;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0) {
        return 0;
    }
    int found = pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
    if (found != 0) {
        return 0;
    }
    size_t reserve = size / 4 < (256u << 10) ? size / 4 : (256u << 10);
    bounds->tstate = tstate;
    bounds->low = low;
    bounds->high = (char *)low + size;
    bounds->floor = (char *)low + reserve;
    return 1;
}

static int stack_exhausted(PyThreadState *tstate) {
    char *here = __builtin_frame_address(0);
    PyjitStackBounds *bounds = &pyjit_stack_bounds[((uintptr_t)tstate >> 4) % 256];
    if ((bounds->tstate != tstate || here < bounds->low || here >= bounds->high) && !measure_stack(bounds, tstate)) {
        return 0;
    }
    return here < bounds->floor;
}

static int may_request(CodeState *state) {
    return !state->refused && !state->queued && !compiling && !forked_child && !(state->asked_before_attach && compile_hook == NULL)
           && state->served_key == NULL;
}

int pyjit_standing_down(void) {
    return standing_down;
}

void pyjit_osr_request(_PyInterpreterFrame *frame, int header) {
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    CodeState *state = code_state(code);
    if (osr_every_loop && state != NULL && !state->osr_requested && may_request(state) && PyFunction_Check(frame->f_funcobj)
            && PyFunction_GET_CODE(frame->f_funcobj) == (PyObject *)code) {
        request_compile(frame->f_funcobj, code, state, PYJIT_TIER_OPTIMISED, frame, header);
    }
}

int pyjit_answer_awaited(CodeState *state) {
    return state->queued || state->served_key != NULL;
}

void pyjit_native_entered(void) {
    if (first_native_entry.tv_sec == 0) {
        clock_gettime(CLOCK_REALTIME, &first_native_entry);
    }
}

static PyObject *enter_native(CodeState *state, PyThreadState *tstate, _PyInterpreterFrame *frame) {
    pyjit_native_entered();
    return state->native(tstate, frame, NULL);
}

/* While a tracer, profiler or other monitoring tool is active the evaluator stands down: under
 * any frame evaluator the interpreter calls Python functions and resumes generators the generic
 * way (it cannot push their frames in its own loop), and a tool sees that: C_RETURN and C_RAISE
 * events for Python callees, a RAISE for the StopIteration of every generator that returns into
 * SEND (a do-nothing evaluator fails 59 of test_monitoring's tests and 5 of test_sys_settrace's).
 * Frames run in the interpreter while a tool is active anyway. The evaluator comes back through a
 * pending call (stand_up, which checks with the GIL that every tool is off), queued by an audit
 * hook right after sys.settrace or sys.setprofile is called, or by a thread of its own that looks
 * every 50 ms while the evaluator is away (sys.monitoring.set_events raises no audit event). The
 * GIL guards standing_down, which the watcher only reads. */
static PyObject *evaluate(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag);

static int tools_active(PyInterpreterState *interp) {
    for (int event = 0; event < _PY_MONITORING_UNGROUPED_EVENTS; event++) {
        if (interp->monitors.tools[event]) {
            return 1;
        }
    }
    return 0;
}

/* Code whose native code kept failing its guards (wants_generic, or on-stack replacement code's
 * deopts in a row) is asked for once more, generic: its call entry (mid_frame NULL, header -1) at
 * its tier, or its entry at a loop header of that frame: whether it was asked. */
static int ask_for_generic(CodeState *state, PyObject *func, PyCodeObject *code, _PyInterpreterFrame *mid_frame, int header) {
    if (state->generic || !may_request(state)) {
        return 0;
    }
    if (state->entry_key != NULL) {
        /* frames call this: an exception being raised through them stays */
        PyObject *pending = PyErr_GetRaisedException();
        pyjit_native_cache_mark_generic(state->entry_key);
        PyErr_SetRaisedException(pending);
    }
    state->generic = 1;
    request_compile(func, code, state, mid_frame == NULL ? state->tier : PYJIT_TIER_OPTIMISED, mid_frame, header);
    return 1;
}

int pyjit_osr_ask_generic(_PyInterpreterFrame *frame, int header) {
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    CodeState *state = code_state(code);
    return state != NULL && PyFunction_Check(frame->f_funcobj) && PyFunction_GET_CODE(frame->f_funcobj) == (PyObject *)code
           && ask_for_generic(state, frame->f_funcobj, code, frame, header);
}

/* Generators when hot code is sampled: no evaluator is installed then, and the interpreter resumes
 * a generator in its own loop (FOR_ITER_GEN, SEND_GEN) or through the generator type's tp_iternext,
 * which is how C resumes one: sum(), max(), list(), str.join, and native code's for loops and
 * `yield from`. pyjit takes that slot: a generator whose code has native code is resumed there as
 * CPython's gen_send_ex2 resumes it in the interpreter (None pushed, the exception state chained,
 * the frame executing), and a return ends the iteration as gen_iternext ends it. That is all
 * native code needs: it links the frame itself and suspends it at a yield. Anything else (a
 * generator running or done, a tool watching, a stack near its end) is resumed as before. The
 * first version armed an evaluator for the one frame instead: its calls made the resumption of a
 * generator expression a third slower than the interpreter's. */
static iternextfunc interpreted_generator_next;

/* The generator's code state where native code can resume it, else NULL (and resumed the
 * interpreter's way). tstate may be NULL: C's callers do not have it, and it is found only once
 * the generator has native code. Where pyjit has not taken the generators' slot (the evaluator
 * resumes them), only a caller that knows it can resume one natively asks. */
static inline __attribute__((always_inline)) CodeState *resumable_by_caller(PyGenObject *gen, PyThreadState **tstate) {
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    CodeState *state = pyjit_code_state(code);
    if (state == NULL || state->native == NULL || gen->gi_frame_state >= FRAME_EXECUTING || standing_down) {
        return NULL;
    }
    if (*tstate == NULL) {
        *tstate = _PyThreadState_GET();
    }
    if (state->wants_generic) {
        ask_for_generic(state, frame->f_funcobj, code, NULL, -1);
        return NULL;
    }
    if (pyjit_monitored(*tstate, code)) {
        pyjit_stand_down(*tstate);
        return NULL;
    }
    return pyjit_stack_has_room(*tstate) || !stack_exhausted(*tstate) ? state : NULL;
}

/* The state resumable_by_caller finds where the generators' slot is pyjit's. */
static inline __attribute__((always_inline)) CodeState *resumable_natively(PyGenObject *gen, PyThreadState **tstate) {
    return interpreted_generator_next != NULL ? resumable_by_caller(gen, tstate) : NULL;
}

/* Runs a generator resumable_natively or resumable_by_caller accepted, as gen_send_ex2 resumes it with None (consumer:
 * see pyjit_native_entry). */
static PySendResult resume_natively(PyThreadState *tstate, PyGenObject *gen, CodeState *state, PyjitConsumer *consumer,
                                    PyObject **result) {
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
    _PyFrame_StackPush(frame, Py_NewRef(Py_None));
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    gen->gi_frame_state = FRAME_EXECUTING;
    tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
    pyjit_native_entered();
    *result = state->native(tstate, frame, consumer);
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS;
    return *result == NULL ? PYGEN_ERROR : FRAME_STATE_SUSPENDED(gen->gi_frame_state) ? PYGEN_NEXT : PYGEN_RETURN;
}

static PyObject *generator_next(PyObject *generator) {
    PyGenObject *gen = (PyGenObject *)generator;
    PyThreadState *tstate = NULL;
    CodeState *state = resumable_natively(gen, &tstate);
    if (state == NULL) {
        return interpreted_generator_next(generator);
    }
    PyObject *result;
    if (resume_natively(tstate, gen, state, NULL, &result) != PYGEN_RETURN) {
        return result;
    }
    if (result != Py_None) {
        _PyGen_SetStopIterationValue(result);
    }
    Py_DECREF(result);
    return NULL;
}

/* Compiled code's FOR_ITER and SEND on an exact generator, sent None: natively where it can, with
 * the thread compiled code has at hand (C's callers of generator_next look it up in thread-local
 * storage, through two calls in this library: a fifth of a chain of generator expressions' time);
 * a return gives its value without a StopIteration made and caught. */
PySendResult pyjit_resume_generator(PyThreadState *tstate, PyObject *generator, PyObject **result) {
    CodeState *state = resumable_natively((PyGenObject *)generator, &tstate);
    return state != NULL ? resume_natively(tstate, (PyGenObject *)generator, state, NULL, result) : PyIter_Send(generator, Py_None, result);
}

/* The float total with its compensation added, as sum() adds it when its float loop ends: not
 * where that would lose a negative zero's sign, or make an infinite or overflowed total a NaN. */
static double compensated(PyjitConsumer *sum) {
    return sum->compensation != 0.0 && Py_IS_FINITE(sum->compensation) ? sum->float_total + sum->compensation : sum->float_total;
}

/* The item added as builtin sum() adds it (it is taken over): 0, or -1 with an exception set. */
static int summation_add(PyjitConsumer *sum, PyObject *item) {
    if (pyjit_consumer_take(sum, item)) {
        return 0;
    }
    /* the ints of more than a digit that sum() still adds in C */
    if (sum->mode == PYJIT_SUM_INT && (PyLong_CheckExact(item) || PyBool_Check(item))) {
        int overflow;
        Py_ssize_t b = PyLong_AsLongAndOverflow(item, &overflow);
        if (!overflow && (sum->int_total >= 0 ? b <= PY_SSIZE_T_MAX - sum->int_total : b >= PY_SSIZE_T_MIN - sum->int_total)) {
            sum->int_total += b;
            Py_DECREF(item);
            return 0;
        }
    } else if (sum->mode == PYJIT_SUM_FLOAT && PyLong_Check(item)) {
        int overflow;
        long value = PyLong_AsLongAndOverflow(item, &overflow);
        if (!overflow) {
            sum->float_total += (double)value;
            Py_DECREF(item);
            return 0;
        }
    }
    PyObject *total = sum->total;
    if (sum->mode == PYJIT_SUM_INT) {
        total = PyLong_FromSsize_t(sum->int_total);
    } else if (sum->mode == PYJIT_SUM_FLOAT) {
        total = PyFloat_FromDouble(compensated(sum));
    }
    PyObject *added = total == NULL ? NULL : PyNumber_Add(total, item);
    Py_XDECREF(total);
    Py_DECREF(item);
    sum->total = added;
    /* as sum()'s loops: an int that overflowed a word, or any other item, leaves the int loop for
     * the float loop if the total is a float now, else for the generic one; the float loop leaves
     * for the generic one */
    if (added != NULL && sum->mode == PYJIT_SUM_INT && PyFloat_CheckExact(added)) {
        sum->mode = PYJIT_SUM_FLOAT;
        sum->float_total = PyFloat_AS_DOUBLE(added);
        sum->compensation = 0.0;
        Py_CLEAR(sum->total);
    } else {
        sum->mode = PYJIT_SUM_OBJECT;
    }
    return added == NULL ? -1 : 0;
}

/* The item consumed as the builtin consumes it (it is taken over): 0 to go on, 1 where any() or
 * all() has its answer, -1 with an exception set. */
static int consume(PyjitConsumer *consumer, PyObject *item) {
    if (consumer->mode == PYJIT_MIN || consumer->mode == PYJIT_MAX) {
        if (pyjit_consumer_take(consumer, item)) {
            return 0;
        }
        /* as min_max compares: the new item first, its previous best replaced only by a better one */
        int better = PyObject_RichCompareBool(item, consumer->total, consumer->mode == PYJIT_MAX ? Py_GT : Py_LT);
        if (better > 0) {
            Py_SETREF(consumer->total, item);
        } else {
            Py_DECREF(item);
        }
        return better < 0 ? -1 : 0;
    }
    if (consumer->mode != PYJIT_ANY && consumer->mode != PYJIT_ALL) {
        return summation_add(consumer, item);
    }
    int truth = PyObject_IsTrue(item);
    Py_DECREF(item);
    return truth < 0 ? -1 : truth == (consumer->mode == PYJIT_ANY);
}

/* The builtin's result where the generator gave it its answer (answered) or ran out. */
static PyObject *consumed(PyjitConsumer *consumer, int answered) {
    switch (consumer->mode) {
    case PYJIT_MIN:
    case PYJIT_MAX:
        if (consumer->total == NULL) {
            /* no item: the builtin itself raises, in its words */
            PyObject *nothing = PyTuple_New(0);
            PyObject *raised = nothing == NULL ? NULL
                             : PyObject_CallOneArg(consumer->mode == PYJIT_MAX ? pyjit_builtin_max : pyjit_builtin_min, nothing);
            Py_XDECREF(nothing);
            return raised;
        }
        return consumer->total;
    case PYJIT_ANY:
        return Py_NewRef(answered ? Py_True : Py_False);
    case PYJIT_ALL:
        return Py_NewRef(answered ? Py_False : Py_True);
    case PYJIT_SUM_INT:
        return PyLong_FromSsize_t(consumer->int_total);
    case PYJIT_SUM_FLOAT:
        return PyFloat_FromDouble(compensated(consumer));
    default:
        return consumer->total;
    }
}

/* Optimised code only: the quick tier's resumptions are counted towards optimising it, by the
 * evaluator or generator_next. */
static inline CodeState *consumable_natively(PyGenObject *gen, PyThreadState *tstate) {
    CodeState *state = resumable_by_caller(gen, &tstate);
    return state != NULL && state->tier == PYJIT_TIER_OPTIMISED ? state : NULL;
}

/* sum(), any(), all(), min() or max() of a generator, one call of its native code where it yields nothing the
 * builtin would not consume in C and go on: the generator protocol's round trip per item (its
 * resumption, suspension, and the item's boxing for a float) was two thirds of a
 * `sum(f(i, j) * u[j] for j in range(n))`. Each item the code does not consume itself it yields,
 * and it is consumed here; a generator that cannot be resumed natively (a tool watching, its code
 * wanting generic code) is resumed as the builtin resumes it. any() and all() leave the generator
 * suspended at the item that answered, as they do. */
int pyjit_consume_generator(PyThreadState *tstate, PyObject *callable, PyObject *generator, PyObject **result) {
    static PyObject **const builtins[] = {&pyjit_builtin_sum, &pyjit_builtin_any, &pyjit_builtin_all, &pyjit_builtin_min, &pyjit_builtin_max};
    static const PyjitConsumerMode modes[] = {PYJIT_SUM_INT, PYJIT_ANY, PYJIT_ALL, PYJIT_MIN, PYJIT_MAX};
    size_t which = 0;
    while (which < sizeof modes / sizeof modes[0] && callable != *builtins[which]) {
        which++;
    }
    CodeState *state = which < sizeof modes / sizeof modes[0] && PyGen_CheckExact(generator)
                     ? consumable_natively((PyGenObject *)generator, tstate) : NULL;
    if (state == NULL) {
        return 0;
    }
    PyjitConsumer consumer = {.mode = modes[which]};
    for (;; state = consumable_natively((PyGenObject *)generator, tstate)) {
        PyObject *item;
        PySendResult sent;
        if (state != NULL) {
            sent = resume_natively(tstate, (PyGenObject *)generator, state, &consumer, &item);
        } else {
            item = PyIter_Next(generator);
            sent = item != NULL ? PYGEN_NEXT : PyErr_Occurred() ? PYGEN_ERROR : PYGEN_RETURN;
        }
        int answered = 0;
        if (sent == PYGEN_NEXT) {
            answered = consume(&consumer, item);
            if (answered == 0) {
                continue;
            }
        } else if (sent == PYGEN_RETURN) {
            /* what a generator returns, the builtins never see (gen_iternext drops it) */
            Py_XDECREF(item);
        }
        if (sent == PYGEN_ERROR || answered < 0) {
            Py_XDECREF(consumer.total);
            *result = NULL;
        } else {
            *result = consumed(&consumer, answered);
        }
        return 1;
    }
}

static void resume_generators_natively(void) {
    interpreted_generator_next = PyGen_Type.tp_iternext;
    PyGen_Type.tp_iternext = generator_next;
}

static int stand_up(void *unused) {
    (void)unused;
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (standing_down && !tools_active(interp)) {
        standing_down = 0;
        pyjit_sampled_entry = sampling;
        if (!paused && !sampling) {
            _PyInterpreterState_SetEvalFrameFunc(interp, evaluate);
        }
    }
    return 0;
}

static void *watch_tools(void *unused) {
    (void)unused;
    PyInterpreterState *interp = PyInterpreterState_Main();
    do {
        while (standing_down) {
            struct timespec pause = {0, 50 * 1000 * 1000};
            nanosleep(&pause, NULL);
            /* a racy read of bytes the GIL's holder writes: stand_up reads them again with the GIL */
            if (standing_down && !tools_active(interp)) {
                Py_AddPendingCall(stand_up, NULL);
            }
        }
        watching = 0;
        /* stood down again before `watching` was cleared: no other watcher was started for it
         * (two at once would only queue stand_up twice) */
    } while (standing_down && (watching = 1));
    return NULL;
}

/* The tool calls the audit hook before the change: the pending call runs after it. */
static int on_audit(const char *event, PyObject *arguments, void *unused) {
    (void)arguments;
    (void)unused;
    if (standing_down && (strcmp(event, "sys.settrace") == 0 || strcmp(event, "sys.setprofile") == 0)) {
        Py_AddPendingCall(stand_up, NULL);
    }
    return 0;
}

void pyjit_stand_down(PyThreadState *tstate) {
    if (standing_down || !tools_active(tstate->interp)) {
        return;
    }
    standing_down = 1;
    pyjit_sampled_entry = 0;
    _PyInterpreterState_SetEvalFrameFunc(tstate->interp, NULL);
    if (sampling) {
        PyUnstable_GC_VisitObjects(interpreted_again, NULL);
    }
    if (!watching) {
        pthread_t watcher;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&attributes, 64 * 1024);
        watching = pyjit_start_thread(&watcher, &attributes, watch_tools, NULL) == 0;
        pthread_attr_destroy(&attributes);
    }
}

/* A frame compiled code can run: a fresh one, or a generator's resumed (not thrown into: throw()
 * and close() unwind in the interpreter). A generator's fresh frame only makes the generator
 * (RETURN_GENERATOR), so the interpreter runs it; it and every resumption count as calls. */
static PyObject *run(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    if (throwflag || !PyCode_Check(code) || !PyFunction_Check(frame->f_funcobj)) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    if (pyjit_monitored(tstate, code)) {
        pyjit_stand_down(tstate);
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    int fresh = frame->instr_ptr == _PyCode_CODE(code);
    int resumed = !fresh && frame->owner == FRAME_OWNED_BY_GENERATOR;
    if (!fresh && !resumed) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    CodeState *state = code_state(code);
    if (state == NULL) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    if (osr_every_loop && state->has_loop && !pyjit_is_generator_like(code)) {
        if (pyjit_osr_watch(code) < 0) {
            PyErr_Clear();
        }
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    if (state->wants_generic) {
        ask_for_generic(state, frame->f_funcobj, code, NULL, -1);
    }
    if (state->native == NULL && may_request(state) && !sampling) {
        if (fresh) {
            observe(state, frame, code);  /* a resumed frame's parameters may be unbound */
        }
        if (++state->calls >= state->threshold) {
            request_compile(frame->f_funcobj, code, state, state->first_tier, NULL, -1);
        }
    } else if (state->tier == PYJIT_TIER_QUICK && ++state->calls >= optimise_after && may_request(state)) {
        request_compile(frame->f_funcobj, code, state, PYJIT_TIER_OPTIMISED, NULL, -1);
    }
    if (state->native == NULL || state->wants_generic || (fresh && pyjit_is_generator_like(code))) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    /* A generator's code is compiled for any arguments: its frames resume with whatever its locals hold. */
    if (resumed || pyjit_as_expected(state, frame)) {
        return enter_native(state, tstate, frame);
    }
    /* Arguments that keep failing the entry guards mean the specialisation was wrong for this
     * program: record their types and compile the code again, for them too, after as many such
     * frames as it took to compile it (at most RESPECIALISE_AFTER). */
    if (may_request(state)) {
        observe(state, frame, code);
        if (++state->mismatches >= (state->threshold < RESPECIALISE_AFTER && !sampling ? state->threshold : RESPECIALISE_AFTER)) {
            request_compile(frame->f_funcobj, code, state, state->tier, NULL, -1);
            if (pyjit_as_expected(state, frame)) {
                return enter_native(state, tstate, frame);
            }
        }
    }
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

/* The frame evaluator: runs the frame within the thread's stack, as run() decides. */
static PyObject *evaluate(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    if (stack_exhausted(tstate)) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        _PyEval_FrameClearAndPop(tstate, frame);
        return NULL;
    }
    /* This frame is paid for by the stack check: the C recursion counter stays for C recursion. */
    tstate->c_recursion_remaining += PYJIT_C_STACK_UNITS;
    PyObject *result = run(tstate, frame, throwflag);
    tstate->c_recursion_remaining -= PYJIT_C_STACK_UNITS;
    return result;
}

/* A frame compiled code pushed for a call and could not run straight in the callee's native code
 * (see call_python): the evaluator decides, as for the interpreter's calls. */
PyObject *pyjit_run_pushed(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    return pyjit_sampled_entry ? evaluate(tstate, frame, 0) : tstate->interp->eval_frame(tstate, frame, 0);
}

/* Where native code handed frames to the interpreter, for the stats: (file, first line, qualified
 * name) -> {line: count}. Names, not code objects, so that code that died is still reported and
 * is not kept alive. A deopt costs a run of the interpreter; this costs a few lookups. */
static PyObject *deopt_lines;

void pyjit_count_deopt_line(_PyInterpreterFrame *frame, int resume_at) {
    if (!PyCode_Check(frame->f_executable)) {
        return;
    }
    PyObject *pending = PyErr_GetRaisedException();
    PyCodeObject *code = (PyCodeObject *)frame->f_executable;
    if (deopt_lines == NULL) {
        deopt_lines = PyDict_New();
    }
    PyObject *key = deopt_lines == NULL ? NULL : Py_BuildValue("(OiO)", code->co_filename, code->co_firstlineno, code->co_qualname);
    if (key != NULL) {
        /* a tuple of strs and an int: out of the collector's sight, so that none of this is (as
         * the filler's requests are not, cache_fill.c) */
        PyObject_GC_UnTrack(key);
    }
    PyObject *lines = NULL, *count = NULL;
    if (key != NULL && PyDict_GetItemRef(deopt_lines, key, &lines) == 0) {
        lines = PyDict_New();
        if (lines != NULL && PyDict_SetItem(deopt_lines, key, lines) < 0) {
            Py_CLEAR(lines);
        }
    }
    PyObject *line = lines == NULL ? NULL : PyLong_FromLong(PyCode_Addr2Line(code, resume_at * (int)sizeof(_Py_CODEUNIT)));
    if (line != NULL && PyDict_GetItemRef(lines, line, &count) >= 0) {
        PyObject *more = PyLong_FromLongLong((count == NULL ? 0 : PyLong_AsLongLong(count)) + 1);
        if (more != NULL) {
            PyDict_SetItem(lines, line, more);
        }
        Py_XDECREF(more);
    }
    Py_XDECREF(count);
    Py_XDECREF(line);
    Py_XDECREF(lines);
    Py_XDECREF(key);
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
}

/* deopt_lines(): [(file, first line, qualified name, line, count), ...], where native code handed
 * frames to the interpreter. */
static PyObject *deopt_lines_report(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    PyObject *report = PyList_New(0);
    Py_ssize_t at = 0, within;
    PyObject *key, *lines, *line, *count;
    while (report != NULL && deopt_lines != NULL && PyDict_Next(deopt_lines, &at, &key, &lines)) {
        for (within = 0; report != NULL && PyDict_Next(lines, &within, &line, &count);) {
            PyObject *item = Py_BuildValue("(OOOOO)", PyTuple_GET_ITEM(key, 0), PyTuple_GET_ITEM(key, 1), PyTuple_GET_ITEM(key, 2), line, count);
            if (item == NULL || PyList_Append(report, item) < 0) {
                Py_CLEAR(report);
            }
            Py_XDECREF(item);
        }
    }
    return report;
}

/* Native code handed a frame to the interpreter, to resume at that code unit (see pyjit_deopt). */
void pyjit_deopted(_PyInterpreterFrame *frame, int resume_at) {
    pyjit_count_deopt_line(frame, resume_at);
    CodeState *state = installed && PyCode_Check(frame->f_executable) ? pyjit_code_state((PyCodeObject *)frame->f_executable) : NULL;
    if (state != NULL && ++state->deopts >= GENERIC_AFTER_DEOPTS && !state->generic) {
        state->wants_generic = 1;
        pyjit_natives_changed();
    }
}

/* Blocks of CPython's arena allocator (obmalloc's arenas, the frames' data stack chunks) that
 * were freed, kept for the next allocation of their size. CPython maps and unmaps them as it
 * goes: a recursion going back and forth over a data stack chunk's end does so at each crossing,
 * and once the JVM's threads run in the process every unmapping interrupts the other cores to
 * flush their TLBs (a parser that recursed that way spent 6% of its time there). Used with the
 * GIL held, as the arena allocator is. */
#define KEPT_BLOCKS 32
#define KEPT_BYTES (4u << 20)
static PyObjectArenaAllocator system_arenas;
static struct { void *block; size_t size; } kept_blocks[KEPT_BLOCKS];
static int kept_count;
static size_t kept_bytes;

static void *arena_alloc(void *unused, size_t size) {
    (void)unused;
    for (int i = 0; i < kept_count; i++) {
        if (kept_blocks[i].size == size) {
            void *block = kept_blocks[i].block;
            kept_blocks[i] = kept_blocks[--kept_count];
            kept_bytes -= size;
            return block;
        }
    }
    return system_arenas.alloc(system_arenas.ctx, size);
}

static void arena_free(void *unused, void *block, size_t size) {
    (void)unused;
    if (kept_count < KEPT_BLOCKS && kept_bytes + size <= KEPT_BYTES) {
        kept_blocks[kept_count].block = block;
        kept_blocks[kept_count++].size = size;
        kept_bytes += size;
        return;
    }
    system_arenas.free(system_arenas.ctx, block, size);
}

static void keep_freed_arenas(void) {
    PyObject_GetArenaAllocator(&system_arenas);
    PyObjectArenaAllocator keeping = {NULL, arena_alloc, arena_free};
    PyObject_SetArenaAllocator(&keeping);
}

/* install(hook, exit_hook, threshold, loop_threshold, optimise_after): with a threshold, every
 * frame evaluated from now on goes through the evaluator; with a negative one (none given), hot
 * code is sampled. The hooks may be None: attach() brings them later. */
static PyObject *install(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *hook, *on_exit;
    Py_ssize_t n, loop_n, optimise_n;
    if (!PyArg_ParseTuple(args, "OOnnn:install", &hook, &on_exit, &n, &loop_n, &optimise_n)) {
        return NULL;
    }
    if (installed) {
        PyErr_SetString(PyExc_RuntimeError, "pyjit hook already installed");
        return NULL;
    }
    pyjit_code_extra_index = PyUnstable_Eval_RequestCodeExtraIndex(release_state);
    if (pyjit_code_extra_index < 0) {
        return NULL;
    }
    pyjit_interpreted_vectorcall = find_interpreted_vectorcall();
    if (pyjit_interpreted_vectorcall == NULL) {
        return NULL;
    }
    sampling = n < 0;
    if (sampling && (PyFunction_AddWatcher(on_function_event) < 0 || !start_sampler())) {
        PyErr_SetString(PyExc_RuntimeError, "pyjit could not start its sampler");
        return NULL;
    }
    if (sampling) {
        resume_generators_natively();
    }
    pyjit_sampled_entry = sampling;
    keep_freed_arenas();
    pyjit_recycle_dead_objects();
    installed = 1;
    compile_hook = hook == Py_None ? NULL : Py_NewRef(hook);
    exit_hook = on_exit == Py_None ? NULL : Py_NewRef(on_exit);
    threshold = n < 1 ? 1 : n;
    loop_threshold = loop_n < 1 ? 1 : loop_n < threshold ? loop_n : threshold;
    optimise_after = optimise_n < 0 ? 0 : optimise_n;
    const char *every_loop = getenv("PYJIT_OSR_EVERY_LOOP");
    osr_every_loop = !sampling && every_loop != NULL && strcmp(every_loop, "") != 0 && strcmp(every_loop, "0") != 0;
    finishing_process = getpid();
    program_thread = pthread_self();
    pthread_atfork(NULL, NULL, on_fork_in_child);
    if (PySys_AddAuditHook(on_audit, NULL) < 0) {
        PyErr_Clear();  /* only the watcher brings the evaluator back after a tracer then */
    }
    if (!sampling) {
        _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), evaluate);
    }
    Py_RETURN_NONE;
}

static void resume_evaluator(void) {
    paused = 0;
    if (!standing_down && !sampling) {
        _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), evaluate);
    }
}

/* attach(hook, exit_hook): the compiler, started after the program, takes over (from its own
 * thread, holding the GIL). */
static PyObject *attach(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *hook, *on_exit;
    if (!PyArg_ParseTuple(args, "OO:attach", &hook, &on_exit)) {
        return NULL;
    }
    if (!installed || compile_hook != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "pyjit's evaluator is not waiting for a compiler");
        return NULL;
    }
    compile_hook = Py_NewRef(hook);
    exit_hook = Py_NewRef(on_exit);
    PyObject *hot = NULL;
    if (first_hot != NULL && PyWeakref_GetRef(first_hot, &hot) < 0) {
        PyErr_Clear();
    }
    Py_CLEAR(first_hot);
    /* a long activation is asked on-stack replacement for by the sampler, if it still runs */
    CodeState *state = hot == NULL || first_hot_mid_loop ? NULL : code_state((PyCodeObject *)PyFunction_GET_CODE(hot));
    if (state != NULL && may_request(state)) {
        request_compile(hot, (PyCodeObject *)PyFunction_GET_CODE(hot), state, first_hot_tier, NULL, -1);
    }
    Py_XDECREF(hot);
    if (state == NULL || !state->queued) {
        resume_evaluator();
    }
    Py_RETURN_NONE;
}

/* finish(): at exit, once the program's own exit handlers ran. A compiler still starting is not
 * waited for, unless the statistics need it; the compiler's exit hook stops its thread. */
static PyObject *finish(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    if (getpid() != finishing_process) {
        Py_RETURN_NONE;  /* a forked child's compiler and hooks are its parent's, whose JVM is not here */
    }
    stop_sampler();
    pyjit_close_compiler();
    PyObject *done = exit_hook == NULL ? Py_NewRef(Py_None) : PyObject_CallNoArgs(exit_hook);
    /* after the compiler's thread stopped: what it did not answer goes to a filler */
    pyjit_fill_at_exit();
    return done;
}

/* fill_cache(): the filler's program (cache_fill.c), with the compiler attached. */
static PyObject *fill_cache(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return pyjit_fill_cache(compile_hook);
}

PyObject *pyjit_code_identity(PyCodeObject *code) {
    CodeState *state = code_state(code);
    if (state == NULL) {
        return NULL;
    }
    if (state->identity == NULL) {
        PyObject *pending = PyErr_GetRaisedException();
        state->identity = pyjit_code_digest(code);
        PyErr_Clear();  /* an unmarshallable constant: no identity, nothing inlined */
        PyErr_SetRaisedException(pending);
    }
    return state->identity;
}

static CodeState *state_of(PyObject *code) {
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_TypeError, "a code object is required");
        return NULL;
    }
    CodeState *state = code_state((PyCodeObject *)code);
    if (state == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no pyjit state for this code object");
    }
    return state;
}

/* publish(code, (address, expected, handle, tier, loop header)): the compiler's thread, holding the GIL,
 * installs the answer to a request that returned None. Frames evaluated from now on run the new
 * code. */
static PyObject *publish(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *code, *answer;
    if (!PyArg_ParseTuple(args, "OO!:publish", &code, &PyTuple_Type, &answer)) {
        return NULL;
    }
    CodeState *state = state_of(code);
    int installed_answer = state != NULL && install_answer(state, (PyCodeObject *)code, answer) == 0;
    PyObject *requester = NULL;
    if (state != NULL && state->requester != NULL && PyWeakref_GetRef(state->requester, &requester) > 0) {
        /* the function that got hot enters the new code from its next call */
        if (state->native != NULL) {
            enter_natively((PyFunctionObject *)requester);
        }
        Py_DECREF(requester);
    }
    if (state != NULL) {
        Py_CLEAR(state->requester);
    }
    if (paused && compile_hook != NULL) {
        resume_evaluator();  /* the compiler's first answer (see first_hot) */
    }
    if (!installed_answer) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* is_compiled(code): whether frames of this code object now enter native code. */
static PyObject *is_compiled(PyObject *module, PyObject *code) {
    (void)module;
    CodeState *state = state_of(code);
    if (state == NULL) {
        return NULL;
    }
    return PyBool_FromLong(state->native != NULL);
}

/* samples(code): for tests and tools, as is_compiled(). */
static PyObject *samples_of(PyObject *module, PyObject *code) {
    (void)module;
    CodeState *state = state_of(code);
    return state == NULL ? NULL : PyLong_FromSsize_t(state->samples);
}

long long pyjit_inlined_entries;
long long pyjit_intrinsic_results;
long long pyjit_constructed_in_place;
long long pyjit_consumed_items;
long long pyjit_consumed_unboxed;

/* counts(): what compiled code and the runtime counted as they ran, by the stats' names: bodies
 * inlined into calls that ran in their place, calls of builtins compiled code computed itself, ints
 * boxed in objects kept when other ints died, dead floats put on the freelist straight (recycled.h),
 * instances compiled code's calls of their classes allocated and initialised without type.__call__,
 * items generators' native code handed to sum(), any(), all(), min() or max() instead of yielding them,
 * and of those the numbers handed over before they were boxed. */
static PyObject *counts(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return Py_BuildValue("{s:L,s:L,s:L,s:L,s:L,s:L,s:L}", "inlined_entries", pyjit_inlined_entries, "intrinsic_results", pyjit_intrinsic_results,
                         "reused_ints", pyjit_reused_ints, "recycled_floats", pyjit_recycled_floats,
                         "constructed_in_place", pyjit_constructed_in_place, "consumed_items", pyjit_consumed_items,
                         "consumed_unboxed", pyjit_consumed_unboxed);
}

/* first_native_entry(): when native code first ran, in nanoseconds since the epoch; 0 if never. */
static PyObject *first_native_entry_time(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyLong_FromLongLong((long long)first_native_entry.tv_sec * 1000000000LL + first_native_entry.tv_nsec);
}

/* requests_made(): how many times the runtime asked for a function's code, from the cache, the
 * compiler or the filler. */
static PyObject *requests_made_so_far(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyLong_FromLongLong(requests_made);
}

/* compiler_phase(): where the native launcher's compiler is (see launch.h). */
static PyObject *compiler_phase(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyUnicode_FromString(pyjit_compiler_phase());
}

/* native_cache(): (hits, [(file, line, name, tier, specialised type bits, entries, deopts), ...])
 * of the code loaded from the native code cache. */
static PyObject *native_cache(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return pyjit_native_cache_report();
}

/* launched_at(): when the native launcher started the process (ns since the epoch), 0 if it did not. */
static PyObject *launched_at(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyLong_FromLongLong(pyjit_launch_time());
}

static PyMethodDef methods[] = {
    {"install", install, METH_VARARGS,
     "install(hook, exit_hook, threshold, loop_threshold, optimise_after): count frames through pyjit's evaluator, or sample hot code (threshold < 0)."},
    {"attach", attach, METH_VARARGS, "attach(hook, exit_hook): the compiler started after the program takes over."},
    {"deopt_lines", deopt_lines_report, METH_NOARGS, "deopt_lines(): [(file, first line, qualified name, line, count), ...] of native code's deoptimisations."},
    {"counts", counts, METH_NOARGS, "counts(): what compiled code and the runtime counted as they ran, a dict by the stats' names."},
    {"lend_compiler", lend_compiler, METH_NOARGS, "lend_compiler(): no compiler in this process, only in the children it forks."},
    {"after_fork_in_child", after_fork_in_child, METH_NOARGS, "after_fork_in_child(): the child's own sampler, where it may compile."},
    {"finish", finish, METH_NOARGS, "finish(): at exit, stop the compiler and write its statistics."},
    {"fill_cache", fill_cache, METH_NOARGS, "fill_cache(): compile the native code cache's spooled requests (the filler's program)."},
    {"publish", publish, METH_VARARGS, "publish(code, (address, expected, handle, tier, loop header)): install compiled code."},
    {"is_compiled", is_compiled, METH_O, "is_compiled(code): whether the code object runs natively now."},
    {"samples", samples_of, METH_O, "samples(code): how many of the sampler's samples counted for the code object."},
    {"first_native_entry", first_native_entry_time, METH_NOARGS, "When native code first ran (ns since the epoch), 0 if never."},
    {"requests_made", requests_made_so_far, METH_NOARGS, "How many times the runtime asked for a function's code (cache, compiler or filler)."},
    {"compiler_phase", compiler_phase, METH_NOARGS, "Where the native launcher's compiler is: idle, starting, attached, ..."},
    {"native_cache", native_cache, METH_NOARGS, "(hits, [(file, line, name, tier, types, entries, deopts), ...]) of the native code cache."},
    {"launched_at", launched_at, METH_NOARGS, "When the native launcher started the process (ns since the epoch), 0 if it did not."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_pyjit_rt", "pyjit's runtime hook into CPython.", -1, methods,
};

PyTypeObject *pyjit_ascii_str_iterator_type;
PyTypeObject *pyjit_repeat_type;

PyTypeObject *pyjit_pool_iterator_types[PYJIT_POOL_ITERATORS];
PyObject *pyjit_exhausted_iterator_object;

/* The type itertools.NAME, a new reference; NULL if it is not a type. */
static PyTypeObject *itertools_type(PyObject *itertools, const char *name) {
    PyObject *type = PyObject_GetAttrString(itertools, name);
    if (type != NULL && !PyType_Check(type)) {
        Py_CLEAR(type);
    }
    return (PyTypeObject *)type;
}

PyMODINIT_FUNC PyInit__pyjit_rt(void) {
    static const char *const pool_iterators[PYJIT_POOL_ITERATORS] = {"permutations", "combinations", "combinations_with_replacement", "product"};
    PyObject *text = PyUnicode_FromString("a");
    PyObject *iterator = text == NULL ? NULL : PyObject_GetIter(text);
    PyObject *itertools = iterator == NULL ? NULL : PyImport_ImportModule("itertools");
    PyTypeObject *repeat = itertools == NULL ? NULL : itertools_type(itertools, "repeat");
    int ready = repeat != NULL;
    for (int i = 0; ready && i < PYJIT_POOL_ITERATORS; i++) {
        /* kept for good, as repeat */
        pyjit_pool_iterator_types[i] = itertools_type(itertools, pool_iterators[i]);
        ready = pyjit_pool_iterator_types[i] != NULL;
    }
    if (ready) {
        /* over empty bytes: it has nothing left, and never will (kept for good); the interpreter
         * has no FOR_ITER specialised for its type, which a hand-over could leave in the code
         * instead of the loop's own (a tuple iterator's, say), for later compilations to speculate on */
        PyObject *nothing = PyBytes_FromStringAndSize("", 0);
        pyjit_exhausted_iterator_object = nothing == NULL ? NULL : PyObject_GetIter(nothing);
        Py_XDECREF(nothing);
        ready = pyjit_exhausted_iterator_object != NULL;
    }
    if (!ready) {
        Py_XDECREF(repeat);
        Py_XDECREF(itertools);
        Py_XDECREF(iterator);
        Py_XDECREF(text);
        return NULL;
    }
    pyjit_ascii_str_iterator_type = Py_TYPE(iterator);
    pyjit_repeat_type = repeat;  /* kept for good */
    Py_DECREF(itertools);
    Py_DECREF(iterator);
    Py_DECREF(text);
    PyObject *builtins = PyImport_ImportModule("builtins");
    /* the callables compiled code computes the calls of (dev.pyjit.ir.Intrinsic), kept for good */
    const struct {
        PyObject **kept;
        PyObject *owner;
        const char *name;
    } intrinsics[] = {
        {&pyjit_builtin_len, builtins, "len"},
        {&pyjit_builtin_isinstance, builtins, "isinstance"},
        {&pyjit_builtin_abs, builtins, "abs"},
        {&pyjit_builtin_min, builtins, "min"},
        {&pyjit_builtin_max, builtins, "max"},
        {&pyjit_builtin_sum, builtins, "sum"},
        {&pyjit_builtin_any, builtins, "any"},
        {&pyjit_builtin_all, builtins, "all"},
        {&pyjit_builtin_ord, builtins, "ord"},
        {&pyjit_builtin_chr, builtins, "chr"},
        {&pyjit_list_append_method, (PyObject *)&PyList_Type, "append"},
        {&pyjit_list_pop_method, (PyObject *)&PyList_Type, "pop"},
        {&pyjit_list_insert_method, (PyObject *)&PyList_Type, "insert"},
        {&pyjit_dict_get_method, (PyObject *)&PyDict_Type, "get"},
        {&pyjit_object_setattr, (PyObject *)&PyBaseObject_Type, "__setattr__"},
        {&pyjit_str_class_methods[PYJIT_STR_ISSPACE], (PyObject *)&PyUnicode_Type, "isspace"},
        {&pyjit_str_class_methods[PYJIT_STR_ISDIGIT], (PyObject *)&PyUnicode_Type, "isdigit"},
        {&pyjit_str_class_methods[PYJIT_STR_ISALPHA], (PyObject *)&PyUnicode_Type, "isalpha"},
        {&pyjit_str_class_methods[PYJIT_STR_ISALNUM], (PyObject *)&PyUnicode_Type, "isalnum"},
        {&pyjit_str_startswith_method, (PyObject *)&PyUnicode_Type, "startswith"},
        {&pyjit_str_endswith_method, (PyObject *)&PyUnicode_Type, "endswith"},
    };
    int found = builtins != NULL;
    for (size_t i = 0; found && i < sizeof intrinsics / sizeof intrinsics[0]; i++) {
        *intrinsics[i].kept = PyObject_GetAttrString(intrinsics[i].owner, intrinsics[i].name);
        found = *intrinsics[i].kept != NULL;
    }
    Py_XDECREF(builtins);
    if (!found) {
        return NULL;
    }
    if (pyjit_launch_time() == 0) {
        /* a process the JVM started, which has its signal handlers already (the launcher's
         * process routes the program's faults once it has created the JVM) */
        pyjit_route_program_faults();
    }
    return PyModule_Create(&module_def);
}
