/*
 * Filling the native code cache after the program: the requests a run's compiler did not answer
 * before the program ended are compiled by a filler process of their own, detached from the
 * program, so that the next run finds their code in the cache (cache_fill.c).
 */
#ifndef PYJIT_CACHE_FILL_H
#define PYJIT_CACHE_FILL_H

#include "pyjit_rt.h"

/* Requests are remembered from now on (the launcher opened the native cache, PYJIT_CACHE_FILL is not 0). */
void pyjit_fill_enable(void);
/* This process spools nothing (multiprocessing's fork server); the children it forks may. */
void pyjit_fill_disable(void);
/* Whether this process spools at its exit what it asked for: a filler will compile it. */
int pyjit_fill_at_exit_enabled(void);
/* In a forked child: the filler is left to the launcher's process, and the requests the child had
 * are its parent's. A child with a compiler of its own (adopted) spools each request as it makes
 * it, since multiprocessing ends its workers with os._exit; the launcher's process starts a filler
 * for their spools at its exit. */
void pyjit_fill_in_child(int adopted);

/* A request that went to the compiler under that native cache key (NULL: none, nothing kept). */
void pyjit_fill_remember(PyCodeObject *code, PyObject *key, int generic, int header, PyObject *observed, PyObject *locals,
                         PyObject *callees);

/* Whether a filler of this build serves the cache now: it stayed after its work, with its compiler
 * warm, and compiles each spool as it arrives. */
int pyjit_fill_served(void);
/* A request for a filler serving the cache: spooled at once, whether it was (no filler serves the
 * cache, or the spool could not be written: the program's own compiler is to be asked). Its answer
 * comes into the native cache under the key. */
int pyjit_fill_serve(PyCodeObject *code, PyObject *key, int generic, int header, PyObject *observed, PyObject *locals,
                     PyObject *callees);

/* A first run (nothing in the cache for it) whose first function got hot: starts a filler that
 * serves the cache, in place of the JVM beside the program (module.c), unless the cache is not
 * filled, a filler would not serve (PYJIT_SERVE_SECONDS=0) or one is at work. Whether it started one. */
int pyjit_fill_start_serving(void);
/* Whether a filler holds the cache's fill lock: it works, serves, or is starting its JVM to. */
int pyjit_fill_at_work(void);

/* At exit, once the compiler has stopped: spools the requests whose answers the cache lacks, and
 * starts a filler for them and for any other spool waiting (its children's). */
void pyjit_fill_at_exit(void);

/* Whether a filler is at work on this cache now, or about to be: a spool waits or is being compiled. */
int pyjit_fill_busy(void);

/* The filler takes the cache's fill lock before it starts its JVM, without waiting: whether it has
 * it. A filler that has not ends at once: the one at work takes its spools. */
int pyjit_fill_claim(void);

/* The filler's work, with the compiler attached and synchronous (compile hook): every spool in
 * the cache's fill/ folder, under the lock pyjit_fill_claim took; then it serves the cache for a while
 * (PYJIT_SERVE_SECONDS, 60 by default; 0: not at all). */
PyObject *pyjit_fill_cache(PyObject *hook);

#endif
