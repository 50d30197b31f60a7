/*
 * The compiler as the evaluator (module.c) sees it when the native launcher (launch.c) started the
 * program: not there until a function first gets hot. In a process the JVM started (pyjit dump,
 * the JVM's own `pyjit run`), these do nothing.
 */
#ifndef PYJIT_LAUNCH_H
#define PYJIT_LAUNCH_H

#include <pthread.h>
#include <signal.h>

/* pthread_create for the runtime's own threads: the new thread blocks the signals sent to the
 * process, which are the program's thread's to take (a thread made by the program's thread
 * would inherit its mask, and could take a ^C that should have interrupted the program). */
int pyjit_start_thread(pthread_t *thread, const pthread_attr_t *attributes, void *(*run)(void *), void *argument);
/* Blocks the signals sent to the process in this thread, its mask before in *previous (restored
 * with pthread_sigmask): around the program's thread's calls into the JVM, whose threads made
 * meanwhile inherit the mask (Java's process reaper, made at the first linker run of a
 * synchronous compilation, took test_signal's SIGINT now and then). */
void pyjit_hold_program_signals(sigset_t *previous);

/* Starts the JVM that compiles, on a thread of its own, unless it was started already; its
 * compiler calls _pyjit_rt.attach once it is ready. hot: the code that asked for it (NULL: the
 * start of the program), which PYJIT_DEBUG reports. Whether the compiler is not there: on its
 * way (started now or before, not yet attached), or failed to start and never coming. Called with
 * the GIL held. */
int pyjit_start_compiler(PyCodeObject *hot);

/* Whether the code is CPython's standard library (frozen start-up modules such as importlib and os
 * included, site-packages not): it gets warm in any program that imports, so it does not start
 * the compiler; the program's own code does. Needs the GIL. */
int pyjit_is_library(PyCodeObject *code);

/* In a forked child, as it starts: whether the child may start a compiler of its own. A JVM's
 * threads are not forked with the process, so only the child of a process whose compiler is still
 * idle may (multiprocessing's workers, forked as a pool starts); the child is then the launcher's
 * process. */
int pyjit_adopt_forked_child(void);

/* Whether this process may start a compiler and has not: a filler serving the cache may compile
 * for it instead (cache_fill.h). */
int pyjit_compiler_idle(void);

/* This process starts no compiler, while the children it forks may start theirs. */
void pyjit_lend_compiler(void);

/* At exit, with the GIL held: a compiler still starting will never attach, unless the statistics
 * need it (then it is waited for); one attaching right now is waited for. */
void pyjit_close_compiler(void);

/* Where the launcher's compiler is: "not launched" (a process the JVM started, or --no-jit), "idle"
 * (not needed yet), "starting", "attaching", "attached", "failed" or "closed". */
const char *pyjit_compiler_phase(void);

/* Whether PYJIT_DEBUG asks for reports on stderr (the launcher's process). */
int pyjit_debugging(void);

/* When the launcher started the process, in nanoseconds since the epoch; 0 in a process the JVM started. */
long long pyjit_launch_time(void);

/* Once the JVM has its handlers: a fault signal the program sends itself (raise, kill) goes to the
 * program's handler or ends the process, as without the JVM (program_faults.c). */
void pyjit_route_program_faults(void);

/* Starts a filler for the native code cache's spools (cache_fill.c): this launcher again, in a
 * session of its own, its standard streams on /dev/null (PYJIT_DEBUG: errors to fill/log), at the
 * lowest priority, with the build identity and the cache folder this process used. Only from the
 * launcher's own process. DURING_RUN: the program goes on, the filler compiles for it (nicer than
 * the program by 5 only), and the filler is not its child. Whether it was started. */
int pyjit_launch_filler(int during_run);

#endif
