/*
 * The native code cache: compiled code kept on disk as shared libraries, which the runtime loads
 * itself, with no JVM and no LLVM in the process. The JVM's compiler writes an entry for each
 * compilation the runtime asked for under a key the runtime made; a later run of the same program
 * finds it under the same key before it asks the compiler anything.
 */
#ifndef PYJIT_NATIVE_CACHE_H
#define PYJIT_NATIVE_CACHE_H

#include "pyjit_rt.h"

/* Opens the cache of the compiler whose build identity the launcher was given, in the directory
 * the JVM's cache uses ($XDG_CACHE_HOME/pyjit or ~/.cache/pyjit). Without a call, or with NULL or
 * an empty build, there is no native cache (a process the JVM started, --no-cache, PYJIT_CACHE=0). */
void pyjit_native_cache_open(const char *build);

/* The key of a compile request (a str of 64 hex digits, new), or NULL with no error set when
 * there is no native cache: a digest of the build, the CPU, the code object (marshalled), the
 * tier of the code kept, the generic flag, the loop header, the argument types the code would be
 * specialised for and the observed local types. */
PyObject *pyjit_native_cache_key(PyCodeObject *code, int tier, int generic, int header, PyObject *observed, PyObject *locals);

/* The header a loop key names: whichever loop a run sampled, with whatever local types. */
#define ANY_LOOP_HEADER (-2)

/* A key of the code's on-stack replacement in any loop (new, or NULL with no error set): the loop
 * and local types a run samples vary from run to run, so a run that misses its own key takes the
 * loop entry an earlier run asked for, which checks the types at its entry. */
PyObject *pyjit_native_cache_loop_key(PyCodeObject *code, int tier, int generic, PyObject *observed);

/* Records that the code's loop entry is the one of the key (the last run to ask wins). */
void pyjit_native_cache_point(PyObject *loop_key, PyObject *key);

/* The code of the key the loop key points to, loaded (as pyjit_native_cache_load). */
PyObject *pyjit_native_cache_load_pointed(PyObject *loop_key, PyjitLibrary **libraries);

/* Makes the folder and each folder on the way that is missing, private (0700), as the JVM's cache
 * makes them. */
void pyjit_make_folders(char *path);

/* Writes the file whole or not at all, through a file of this process's own renamed to the path
 * (which is replaced): whether it did. */
int pyjit_write_through_rename(const char *path, const char *bytes, Py_ssize_t size);

/* The code kept under the key, loaded: the answer the compiler would give (see install_answer),
 * new, its library added to the list *libraries; or NULL with no error set (no entry, a corrupt or
 * foreign one, one that does not load). */
PyObject *pyjit_native_cache_load(PyObject *key, PyjitLibrary **libraries);

/* Records that the native code of a call entry's key kept failing its guards (it went generic), so
 * that later runs ask for the generic code at once: the speculations it was made with came from
 * a profile that the program does not keep (ints early in a run, floats later). */
void pyjit_native_cache_mark_generic(PyObject *key);

/* Whether an earlier run marked the key's code as going generic. */
int pyjit_native_cache_went_generic(PyObject *key);

/* Whether the compiler refused the code of that key in an earlier run (it is not asked again). */
int pyjit_native_cache_refused(PyObject *key);

/* Whether the cache has an answer for the key: code, or the compiler's refusal. Not checked. */
int pyjit_native_cache_has(PyObject *key);

/* How many entries this process has loaded so far. */
long long pyjit_native_cache_hits(void);

/* The cache's folder and the compiler's build identity; NULL when there is no native cache. */
const char *pyjit_native_cache_directory(void);
const char *pyjit_native_cache_build(void);

/* Whether the folder exists, belongs to this user and nobody else can write to it. */
int pyjit_is_private_folder(const char *folder);

/* Unloads the libraries of a code object that died (its frames are gone), keeping their counts. */
void pyjit_native_cache_unload(PyjitLibrary *libraries);

/* PyMarshal_WriteObjectToString without the audit event a program's hooks would see. */
PyObject *pyjit_marshal_unaudited(PyObject *object, int version);

/* The SHA-256 (hex) of the code object's marshalled form, which is the same in every process for
 * the same code; NULL with an error set if it cannot be marshalled. */
PyObject *pyjit_code_digest(PyCodeObject *code);

/* For the statistics: (hits, [(file, line, name, tier, specialised type bits, entries, deopts), ...]). */
PyObject *pyjit_native_cache_report(void);

#endif
