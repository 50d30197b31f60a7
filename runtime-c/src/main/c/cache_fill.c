/*
 * Filling the native code cache after the program (cache_fill.h).
 *
 * A short program ends before the compiler has answered most of its requests: the JVM takes about
 * 0.3 s to start, each optimised compilation tens of milliseconds, and at exit the requests not
 * started are dropped. So a second run would find little in the cache and start the JVM again.
 * Instead, at exit, every request whose answer the cache does not have is written to a spool file
 * in the cache's fill/ folder (marshalled: the code object, its quickened instructions, which
 * carry the interpreter's specialisations, and the request's types and key), and a filler is
 * started: the launcher again, detached from the program, which runs the compiler synchronously
 * on every spool of its own build it finds and writes the answers under the keys the program made
 * (a spool's name begins with its build's tag: the keys name the build, and code another build's
 * compiler made for them would call that build's runtime, which a program of this build has not).
 * One filler works at a time (a lock); it takes a spool by renaming it, so none is compiled twice. A forked
 * worker with a compiler of its own writes a spool for each request as it makes it (multiprocessing
 * ends its workers with os._exit, past every exit handler), and the launcher's process starts the
 * filler for them at its own exit.
 */
#include "cache_fill.h"
#include "launch.h"
#include "native_cache.h"
#include "pyjit_rt.h"

#include <dirent.h>
#include <fcntl.h>
#include <marshal.h>
#include <poll.h>
#include <sys/inotify.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal/pycore_code.h"

#define SPOOL_SUFFIX ".spool"
/* A spool a filler has taken; one left behind when no filler holds the lock is a filler's that died. */
#define TAKEN_SUFFIX ".taken"
/* A spool being written; one older than this was left by a process killed while it wrote. */
#define TEMPORARY_SUFFIX ".tmp"
#define ABANDONED_SECONDS 600
/* A spool bigger than this is not read (a request is a few kilobytes). */
#define MAX_SPOOL_BYTES (64L << 20)
/* Rounds of looking for new spools before a filler stops: others arrive while it works. */
#define FILL_ROUNDS 16
/* The digits of the build's identity that begin its spools' names. */
#define BUILD_TAG_DIGITS 16
/* How long a filler stays, once it has compiled every spool, to compile the spools of the programs
 * run next (PYJIT_SERVE_SECONDS): a program that finds it there gets its code in tens of
 * milliseconds from its already warm compiler, where a JVM of its own would take half a second
 * to make its first. */
#define SERVE_SECONDS 60
/* The file a filler serving this cache keeps in the fill folder, after its build's tag. */
#define SERVING_NAME "serving"

/* The launcher opened the cache with filling on: this process or its forked children spool. */
static int allowed;
/* This process spools what its compiler left at exit (the launcher's process). */
static int enabled;
/* This process spools each request as it makes it (a forked child with a compiler of its own,
 * which multiprocessing ends with os._exit: no exit of its runs pyjit_fill_at_exit). */
static int at_once;
/* The keys of the spools this process wrote at once: a loop sampled again and again asks again
 * and again. */
static PyObject *keys_spooled;
/* The requests of this run that went to the compiler: key -> (weak code, observed, locals, generic, header, callees). */
static PyObject *requests;
/* Entries whose code died are swept when the dict reaches this size (functions made and dropped by the thousand). */
static Py_ssize_t sweep_at = 256;

void pyjit_fill_enable(void) {
    allowed = enabled = 1;
}

void pyjit_fill_disable(void) {
    enabled = 0;
}

int pyjit_fill_at_exit_enabled(void) {
    return enabled;
}

void pyjit_fill_in_child(int adopted) {
    /* the parent's requests are the parent's to spool: its objects stay unreleased in this copy */
    requests = keys_spooled = NULL;
    enabled = 0;
    at_once = allowed && adopted;
}

static void sweep(void) {
    PyObject *dead = PyList_New(0);
    Py_ssize_t at = 0;
    PyObject *key, *request;
    while (dead != NULL && PyDict_Next(requests, &at, &key, &request)) {
        PyObject *code = NULL;
        if (PyWeakref_GetRef(PyTuple_GET_ITEM(request, 0), &code) == 0 && PyList_Append(dead, key) < 0) {
            Py_CLEAR(dead);
        }
        Py_XDECREF(code);
    }
    for (Py_ssize_t i = 0; dead != NULL && i < PyList_GET_SIZE(dead); i++) {
        PyDict_DelItem(requests, PyList_GET_ITEM(dead, i));
    }
    Py_XDECREF(dead);
    sweep_at = 2 * PyDict_GET_SIZE(requests) > 256 ? 2 * PyDict_GET_SIZE(requests) : 256;
}

/* The fill/ folder of the cache (malloc'ed), made if need be; NULL if it is not this user's alone. */
static char *fill_folder(void) {
    const char *directory = pyjit_native_cache_directory();
    char *folder = directory == NULL ? NULL : malloc(strlen(directory) + sizeof "/fill");
    if (folder == NULL) {
        return NULL;
    }
    sprintf(folder, "%s/fill", directory);
    pyjit_make_folders(folder);
    if (!pyjit_is_private_folder(directory) || !pyjit_is_private_folder(folder)) {
        free(folder);
        return NULL;
    }
    return folder;
}

/* The code's quickened instructions (a new bytes): marshal writes the plain ones, and the compiler
 * reads the interpreter's specialisations from these. */
static PyObject *quickened(PyObject *code) {
    return PyBytes_FromStringAndSize((const char *)_PyCode_CODE((PyCodeObject *)code), _PyCode_NBYTES((PyCodeObject *)code));
}

/* Puts a spool's quickened instructions back into the code object marshal made again (which is
 * never run); 0 if they do not fit it. */
static int restore(PyObject *code, PyObject *instructions) {
    if (!PyCode_Check(code) || !PyBytes_Check(instructions) || PyBytes_GET_SIZE(instructions) != _PyCode_NBYTES((PyCodeObject *)code)) {
        return 0;
    }
    memcpy(_PyCode_CODE((PyCodeObject *)code), PyBytes_AS_STRING(instructions), (size_t)PyBytes_GET_SIZE(instructions));
    return 1;
}

/* The callees for a spool, offset -> (code, quickened instructions), new, from the compile hook's
 * offset -> (code, identity): the inlined bodies are built from their specialisations too. */
static PyObject *spooled_callees(PyObject *callees) {
    PyObject *spooled = PyDict_New();
    Py_ssize_t at = 0;
    PyObject *offset, *known;
    while (spooled != NULL && PyDict_Next(callees, &at, &offset, &known)) {
        PyObject *code = PyTuple_GET_ITEM(known, 0);
        PyObject *instructions = quickened(code);
        PyObject *pair = instructions == NULL ? NULL : PyTuple_Pack(2, code, instructions);
        if (pair == NULL || PyDict_SetItem(spooled, offset, pair) < 0) {
            Py_CLEAR(spooled);
        }
        Py_XDECREF(pair);
        Py_XDECREF(instructions);
    }
    return spooled;
}

/* The callees of a spooled request as the compile hook takes them, offset -> (code, identity),
 * each code's instructions put back; new, or NULL if the spool's do not fit. */
static PyObject *restored_callees(PyObject *spooled) {
    PyObject *callees = PyDict_New();
    Py_ssize_t at = 0;
    PyObject *offset, *pair;
    while (callees != NULL && PyDict_Next(spooled, &at, &offset, &pair)) {
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 || !restore(PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1))) {
            Py_CLEAR(callees);
            break;
        }
        PyObject *identity = pyjit_code_identity((PyCodeObject *)PyTuple_GET_ITEM(pair, 0));
        PyObject *known = identity == NULL ? NULL : PyTuple_Pack(2, PyTuple_GET_ITEM(pair, 0), identity);
        if (known != NULL && PyDict_SetItem(callees, offset, known) < 0) {
            Py_CLEAR(callees);
        }
        Py_XDECREF(known);
    }
    return callees;
}

/* A request as a spool keeps it: (key, code, quickened instructions, observed, locals, generic,
 * header, callees with their quickened instructions); new. */
static PyObject *spool_record(PyObject *key, PyObject *code, PyObject *observed, PyObject *locals, int generic, int header,
                              PyObject *callees) {
    PyObject *instructions = quickened(code);
    PyObject *spooled = instructions == NULL ? NULL : spooled_callees(callees);
    PyObject *record = spooled == NULL ? NULL
                       : Py_BuildValue("(OOOOOiiO)", key, code, instructions, observed, locals, generic, header, spooled);
    Py_XDECREF(spooled);
    Py_XDECREF(instructions);
    return record;
}

/* The requests whose answers the cache lacks, as records for a spool: (key, code, quickened
 * instructions, observed, locals, generic, header, callees with their quickened instructions). */
static PyObject *unanswered(void) {
    PyObject *records = PyList_New(0);
    Py_ssize_t at = 0;
    PyObject *key, *request;
    while (records != NULL && PyDict_Next(requests, &at, &key, &request)) {
        PyObject *code = NULL;
        if (PyWeakref_GetRef(PyTuple_GET_ITEM(request, 0), &code) <= 0) {
            continue;
        }
        CodeState *state = pyjit_code_state((PyCodeObject *)code);
        int header = (int)PyLong_AsLong(PyTuple_GET_ITEM(request, 4));
        /* refused, or the compiler failed: in the next run it is asked again, as now */
        int refused = state != NULL && state->refused && header < 0;
        if (!refused && !pyjit_native_cache_has(key)) {
            PyObject *record = spool_record(key, code, PyTuple_GET_ITEM(request, 1), PyTuple_GET_ITEM(request, 2),
                                            (int)PyLong_AsLong(PyTuple_GET_ITEM(request, 3)), header, PyTuple_GET_ITEM(request, 5));
            if (record == NULL || PyList_Append(records, record) < 0) {
                Py_CLEAR(records);
            }
            Py_XDECREF(record);
        }
        Py_DECREF(code);
    }
    return records;
}

static int ends_with(const char *name, const char *suffix) {
    size_t length = strlen(name), tail = strlen(suffix);
    return length > tail && strcmp(name + length - tail, suffix) == 0;
}

/* The tag this build's spools' names begin with: the start of its identity, then a dash. */
static const char *build_tag(void) {
    static char tag[BUILD_TAG_DIGITS + 2];
    const char *build = pyjit_native_cache_build();
    if (tag[0] == '\0' && build != NULL) {
        snprintf(tag, sizeof tag, "%.*s-", BUILD_TAG_DIGITS, build);
    }
    return tag;
}

static int ours(const char *spool) {
    return build_tag()[0] != '\0' && strncmp(spool, build_tag(), strlen(build_tag())) == 0;
}

/* Writes the records to the spool <build tag>NAME.spool in the fill folder, whole or not at all
 * (through a file of this process's own, renamed; a spool of the same name is replaced): whether
 * it did. */
static int write_spool(PyObject *records, const char *name) {
    PyObject *spool = build_tag()[0] == '\0' ? NULL : pyjit_marshal_unaudited(records, Py_MARSHAL_VERSION);
    char *folder = spool == NULL ? NULL : fill_folder();
    int written = 0;
    if (folder != NULL) {
        char *path = malloc(strlen(folder) + strlen(build_tag()) + strlen(name) + 16);
        if (path != NULL) {
            sprintf(path, "%s/%s%s" SPOOL_SUFFIX, folder, build_tag(), name);
            written = pyjit_write_through_rename(path, PyBytes_AS_STRING(spool), PyBytes_GET_SIZE(spool));
        }
        if (written && pyjit_debugging()) {
            Py_ssize_t count = PyList_GET_SIZE(records);
            fprintf(stderr, "pyjit: %zd request%s spooled for a cache filler\n", count, count == 1 ? "" : "s");
        }
        free(path);
        free(folder);
    }
    Py_XDECREF(spool);
    PyErr_Clear();
    return written;
}

/* A spool of its own for one request (a child's, at once), named by its key: the same request of
 * another worker, or of another run whose filler never came, replaces it, so the spools waiting
 * never outnumber the requests. Whether the request is in a spool: written now, or by this process
 * before (a forked worker spools each request as it makes it, then hands it to a serving filler). */
static int spool_at_once(PyCodeObject *code, PyObject *key, int generic, int header, PyObject *observed, PyObject *locals,
                         PyObject *callees) {
    if (keys_spooled == NULL) {
        keys_spooled = PySet_New(NULL);
    }
    const char *name = PyUnicode_AsUTF8(key);  /* hexadecimal digits (native_cache.c) */
    int spooled = keys_spooled == NULL || name == NULL ? -1 : PySet_Contains(keys_spooled, key);
    if (spooled != 0) {
        return spooled > 0;  /* its spool waits for the filler, or the filler has compiled it */
    }
    PyObject *record = spool_record(key, (PyObject *)code, observed, locals, generic, header, callees);
    PyObject *records = record == NULL ? NULL : PyList_New(1);
    int written = records != NULL && (PyList_SET_ITEM(records, 0, Py_NewRef(record)), write_spool(records, name));
    if (written) {
        PySet_Add(keys_spooled, key);
    }
    Py_XDECREF(records);
    Py_XDECREF(record);
    return written;
}

static void untrack(PyObject *object) {
    if (object != NULL && PyObject_GC_IsTracked(object)) {
        PyObject_GC_UnTrack(object);
    }
}

void pyjit_fill_remember(PyCodeObject *code, PyObject *key, int generic, int header, PyObject *observed, PyObject *locals,
                         PyObject *callees) {
    if ((!enabled && !at_once) || key == NULL) {
        return;
    }
    PyObject *pending = PyErr_GetRaisedException();
    if (at_once) {
        spool_at_once(code, key, generic, header, observed, locals, callees);
        PyErr_Clear();
        PyErr_SetRaisedException(pending);
        return;
    }
    if (requests == NULL) {
        requests = PyDict_New();
    }
    PyObject *weak = requests == NULL ? NULL : PyWeakref_NewRef((PyObject *)code, NULL);
    PyObject *request = weak == NULL ? NULL : Py_BuildValue("(OOOiiO)", weak, observed, locals, generic, header, callees);
    if (request != NULL && PyDict_SetItem(requests, key, request) == 0) {
        /* out of the collector's sight, as the program's own objects are the only ones it shows
         * (test_descr counts gc.get_objects() around the first calls of a method): none of these
         * can be in a cycle (a weak reference without a callback, tuples of ints, a dict of
         * offsets to pairs of a code object and an int) */
        PyObject *made[] = {request, weak, observed, locals, callees};
        for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
            untrack(made[i]);
        }
        Py_ssize_t at = 0;
        PyObject *offset, *callee;
        while (callees != NULL && PyDict_Check(callees) && PyDict_Next(callees, &at, &offset, &callee)) {
            untrack(callee);
        }
    }
    Py_XDECREF(request);
    Py_XDECREF(weak);
    if (requests != NULL && PyDict_GET_SIZE(requests) >= sweep_at) {
        sweep();
    }
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
}

/* Whether the fill folder (NULL: none) has a spool (with OWN_ONLY: of this build), or with
 * TAKEN_TOO one a filler has taken. */
static int spool_in_folder(const char *folder, int own_only, int taken_too) {
    DIR *listing = folder == NULL ? NULL : opendir(folder);
    int found = 0;
    struct dirent *item;
    while (listing != NULL && !found && (item = readdir(listing)) != NULL) {
        found = (ends_with(item->d_name, SPOOL_SUFFIX) && (!own_only || ours(item->d_name)))
                || (taken_too && ends_with(item->d_name, TAKEN_SUFFIX));
    }
    if (listing != NULL) {
        closedir(listing);
    }
    return found;
}

/* The fill folder's lock, open (-1: none): a filler holds it while it works. */
static int open_lock(const char *folder) {
    char *path = malloc(strlen(folder) + sizeof "/lock");
    if (path == NULL) {
        return -1;
    }
    sprintf(path, "%s/lock", folder);
    int lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(path);
    return lock;
}

static int filler_at_work(const char *folder) {
    int lock = open_lock(folder);
    int held = lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0;
    if (lock >= 0) {
        close(lock);  /* and the lock with it, if this took it */
    }
    return held;
}

/* The fill folder's lock while this process is its filler (-1: it is not). */
static int claimed = -1;

/* Takes the fill folder's lock without waiting: whether this process has it now. */
static int claim(const char *folder) {
    int lock = open_lock(folder);
    if (lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0) {
        claimed = lock;
        return 1;
    }
    if (lock >= 0) {
        close(lock);
    }
    return 0;
}

int pyjit_fill_claim(void) {
    char *folder = fill_folder();
    int taken = folder != NULL && claim(folder);
    free(folder);
    return taken;
}

void pyjit_fill_at_exit(void) {
    if (!enabled) {
        return;
    }
    enabled = 0;  /* once */
    PyObject *pending = PyErr_GetRaisedException();
    PyObject *records = requests == NULL ? NULL : unanswered();
    char name[32];
    snprintf(name, sizeof name, "%d", (int)getpid());
    int spooled = records != NULL && PyList_GET_SIZE(records) > 0 && write_spool(records, name);
    char *folder = fill_folder();
    /* the spools of the children this process forked wait for a filler too; a filler at work
     * looks for spools again before it lets the lock go (pyjit_fill_cache) */
    if (folder != NULL && (spooled || spool_in_folder(folder, 1, 0)) && !filler_at_work(folder)) {
        pyjit_launch_filler(0);
    }
    free(folder);
    Py_XDECREF(records);
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
}

/* The names in the folder that end so, a list of str; NULL with an error set. */
static PyObject *names_ending(const char *folder, const char *suffix) {
    PyObject *names = PyList_New(0);
    DIR *listing = names == NULL ? NULL : opendir(folder);
    struct dirent *item;
    while (listing != NULL && (item = readdir(listing)) != NULL) {
        if (ends_with(item->d_name, suffix)) {
            PyObject *name = PyUnicode_DecodeFSDefault(item->d_name);
            if (name == NULL || PyList_Append(names, name) < 0) {
                Py_XDECREF(name);
                Py_CLEAR(names);
                break;
            }
            Py_DECREF(name);
        }
    }
    if (listing != NULL) {
        closedir(listing);
    }
    return names;
}

/* The records of a spool file, taken: renamed to *taken (malloc'ed), which the caller removes once
 * they are compiled; NULL if it is gone (another filler's) or unreadable. */
static PyObject *take_spool(const char *folder, const char *name, char **taken) {
    char *path = malloc(strlen(folder) + strlen(name) + 2);
    *taken = malloc(strlen(folder) + strlen(name) + sizeof TAKEN_SUFFIX + 1);
    PyObject *records = NULL;
    if (path != NULL && *taken != NULL) {
        sprintf(path, "%s/%s", folder, name);
        sprintf(*taken, "%s/%s" TAKEN_SUFFIX, folder, name);
        FILE *file = rename(path, *taken) == 0 ? fopen(*taken, "rbe") : NULL;
        struct stat status;
        if (file != NULL && fstat(fileno(file), &status) == 0 && status.st_size > 0 && status.st_size <= MAX_SPOOL_BYTES) {
            char *bytes = malloc((size_t)status.st_size);
            if (bytes != NULL && fread(bytes, 1, (size_t)status.st_size, file) == (size_t)status.st_size) {
                records = PyMarshal_ReadObjectFromString(bytes, status.st_size);
            }
            free(bytes);
        }
        if (file != NULL) {
            fclose(file);
        }
    }
    free(path);
    PyErr_Clear();
    if (records != NULL && !PyList_Check(records)) {
        Py_CLEAR(records);
    }
    return records;
}

static long long now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Compiles one spooled request, unless the cache has its answer by now. The code object is the
 * spool's, made again by marshal, with the program's quickened instructions put back in place:
 * the compiler reads the interpreter's specialisations from them. It is never run. Each
 * compilation is logged with its time (the log is the filler's stderr, with PYJIT_DEBUG): what a
 * program run beside the filler waited for. */
static int fill_one(PyObject *record, PyObject *hook) {
    PyObject *key, *code, *instructions, *observed, *locals, *spooled;
    int generic, header;
    if (!PyArg_ParseTuple(record, "UO!SO!O!iiO!", &key, &PyCode_Type, &code, &instructions, &PyTuple_Type, &observed, &PyTuple_Type,
                          &locals, &generic, &header, &PyDict_Type, &spooled)
            || pyjit_native_cache_has(key) || !restore(code, instructions)) {
        PyErr_Clear();
        return 0;
    }
    long long started = now_ms();
    PyObject *callees = restored_callees(spooled);
    PyObject *globals = callees == NULL ? NULL : PyDict_New();
    PyObject *function = globals == NULL ? NULL : PyFunction_New(code, globals);
    PyObject *dead = function == NULL ? NULL : PyTuple_New(0);
    PyObject *answer = dead == NULL ? NULL
                       : PyObject_CallFunction(hook, "OOLOiiiOOOL", function, observed, 0LL, dead, PYJIT_TIER_OPTIMISED, generic, header, locals, key,
                                               callees, 0LL);
    int compiled = answer != NULL && PyTuple_Check(answer) && PyTuple_GET_SIZE(answer) > 0
                   && PyLong_AsVoidPtr(PyTuple_GET_ITEM(answer, 0)) != NULL;
    PyErr_Clear();
    PyObject *where = PyUnicode_FromFormat("%U (%U, line %d)", ((PyCodeObject *)code)->co_qualname, ((PyCodeObject *)code)->co_filename,
                                           ((PyCodeObject *)code)->co_firstlineno);
    const char *text = where == NULL ? NULL : PyUnicode_AsUTF8(where);
    fprintf(stderr, "pyjit: cache filler: %s %s in %lld ms\n", compiled ? "compiled" : "left to the interpreter", text == NULL ? "?" : text,
            now_ms() - started);
    Py_XDECREF(where);
    Py_XDECREF(answer);
    Py_XDECREF(dead);
    Py_XDECREF(function);
    Py_XDECREF(globals);
    Py_XDECREF(callees);
    PyErr_Clear();
    return compiled;
}

int pyjit_fill_busy(void) {
    /* a spool is there from the program's exit until its filler has compiled it (another build's
     * filler competes for the cores too) */
    char *folder = fill_folder();
    int busy = spool_in_folder(folder, 0, 1);
    free(folder);
    return busy;
}

/* Removes the files of the folder that end so and are at least that old (with FOREIGN_ONLY: those
 * of other builds): what a filler or a writer killed at work left, or a build no longer run. */
static void remove_stale(const char *folder, const char *suffix, long seconds, int foreign_only) {
    PyObject *stale = names_ending(folder, suffix);
    time_t now = time(NULL);
    for (Py_ssize_t i = 0; stale != NULL && i < PyList_GET_SIZE(stale); i++) {
        const char *name = PyUnicode_AsUTF8(PyList_GET_ITEM(stale, i));
        char *path = name == NULL || (foreign_only && ours(name)) ? NULL : malloc(strlen(folder) + strlen(name) + 2);
        struct stat status;
        if (path != NULL) {
            sprintf(path, "%s/%s", folder, name);
            if (seconds == 0 || (stat(path, &status) == 0 && now - status.st_mtime >= seconds)) {
                unlink(path);
            }
        }
        free(path);
    }
    Py_XDECREF(stale);
    PyErr_Clear();
}

/* The spools' names, oldest first: a program serves its requests in the order its functions got
 * hot, the hottest first. A new list; NULL with an error set. */
static PyObject *spools_by_age(const char *folder) {
    PyObject *names = names_ending(folder, SPOOL_SUFFIX);
    PyObject *aged = names == NULL ? NULL : PyList_New(0);
    for (Py_ssize_t i = 0; aged != NULL && i < PyList_GET_SIZE(names); i++) {
        PyObject *name = PyList_GET_ITEM(names, i);
        PyObject *path = PyUnicode_FromFormat("%s/%U", folder, name);
        struct stat status;
        if (path != NULL && stat(PyUnicode_AsUTF8(path), &status) == 0) {
            PyObject *pair = Py_BuildValue("(LO)", (long long)status.st_mtim.tv_sec * 1000000000LL + status.st_mtim.tv_nsec, name);
            if (pair == NULL || PyList_Append(aged, pair) < 0) {
                Py_CLEAR(aged);
            }
            Py_XDECREF(pair);
        }
        Py_XDECREF(path);
    }
    Py_XDECREF(names);
    if (aged != NULL && PyList_Sort(aged) < 0) {
        Py_CLEAR(aged);
    }
    return aged;
}

/* Compiles every spool of this build in the folder, oldest first: how many there were. */
static Py_ssize_t fill_round(const char *folder, PyObject *hook, Py_ssize_t *requests, Py_ssize_t *compiled) {
    PyObject *spools = spools_by_age(folder);
    Py_ssize_t count = spools == NULL ? 0 : PyList_GET_SIZE(spools), own = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        const char *name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(PyList_GET_ITEM(spools, i), 1));
        if (name == NULL || !ours(name)) {
            continue;
        }
        own++;
        char *taken = NULL;
        PyObject *records = take_spool(folder, name, &taken);
        for (Py_ssize_t j = 0; records != NULL && j < PyList_GET_SIZE(records); j++) {
            (*requests)++;
            *compiled += PyTuple_Check(PyList_GET_ITEM(records, j)) && fill_one(PyList_GET_ITEM(records, j), hook);
        }
        Py_XDECREF(records);
        /* gone only now: while a spool or a taken one is there, its filler is at work */
        if (taken != NULL) {
            unlink(taken);
        }
        free(taken);
    }
    Py_XDECREF(spools);
    PyErr_Clear();
    return own;
}

/* The path of the file that says a filler of this build serves the folder (malloc'ed). */
static char *serving_path(const char *folder) {
    char *path = malloc(strlen(folder) + strlen(build_tag()) + sizeof SERVING_NAME + 1);
    if (path != NULL) {
        sprintf(path, "%s/%s" SERVING_NAME, folder, build_tag());
    }
    return path;
}

static long serve_seconds(void) {
    const char *setting = getenv("PYJIT_SERVE_SECONDS");
    if (setting == NULL || *setting == '\0') {
        return SERVE_SECONDS;
    }
    char *end;
    long seconds = strtol(setting, &end, 10);
    return *end == '\0' && seconds >= 0 ? seconds : SERVE_SECONDS;
}

/* Reads the watch's events, which only said that something arrived. */
static void drain(int watch) {
    char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    while (read(watch, events, sizeof events) > 0) {
    }
}

/* The filler holds the lock on and waits, without the GIL, for the spools programs of its build
 * write while it serves them (pyjit_fill_serve), woken as each is renamed into the folder, and
 * compiles each as it arrives. It stops after serve_seconds() without one, or within a second of
 * its serving file going (a cache removed or cleared: the removal of the folder itself did not
 * wake a watch on it on this machine's ext4). */
static Py_ssize_t serve(const char *folder, PyObject *hook, const char *serving) {
    long seconds = serve_seconds();
    int watch = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (watch < 0 || inotify_add_watch(watch, folder, IN_MOVED_TO) < 0) {
        if (watch >= 0) {
            close(watch);
        }
        return 0;
    }
    Py_ssize_t requests = 0, compiled = 0;
    long long until = now_ms() + seconds * 1000;
    for (long long now = now_ms(); now < until; now = now_ms()) {
        struct pollfd waiting = {.fd = watch, .events = POLLIN};
        int ready;
        Py_BEGIN_ALLOW_THREADS
        ready = poll(&waiting, 1, until - now < 1000 ? (int)(until - now) : 1000);
        Py_END_ALLOW_THREADS
        if (ready > 0) {
            drain(watch);
        }
        if (access(serving, F_OK) != 0) {
            break;
        }
        if (fill_round(folder, hook, &requests, &compiled) > 0) {
            until = now_ms() + seconds * 1000;
        }
    }
    close(watch);
    fprintf(stderr, "pyjit: cache filler: served %zd of %zd request%s\n", compiled, requests, requests == 1 ? "" : "s");
    return requests;
}

int pyjit_fill_served(void) {
    char *folder = allowed ? fill_folder() : NULL;
    char *serving = folder == NULL ? NULL : serving_path(folder);
    int served = serving != NULL && access(serving, F_OK) == 0 && filler_at_work(folder);
    free(serving);
    free(folder);
    return served;
}

int pyjit_fill_start_serving(void) {
    /* a filler that would not serve (PYJIT_SERVE_SECONDS=0) ends before the program has spooled anything */
    char *folder = enabled && serve_seconds() > 0 ? fill_folder() : NULL;
    int started = folder != NULL && !filler_at_work(folder) && pyjit_launch_filler(1);
    free(folder);
    return started;
}

int pyjit_fill_at_work(void) {
    char *folder = allowed ? fill_folder() : NULL;
    int at_work = folder != NULL && filler_at_work(folder);
    free(folder);
    return at_work;
}

int pyjit_fill_serve(PyCodeObject *code, PyObject *key, int generic, int header, PyObject *observed, PyObject *locals, PyObject *callees) {
    PyObject *pending = PyErr_GetRaisedException();
    int spooled = key != NULL && pyjit_fill_served() && spool_at_once(code, key, generic, header, observed, locals, callees);
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
    return spooled;
}

/* One turn of the filler with the lock: every spool, then serving the cache. How many requests it read. */
static Py_ssize_t fill_and_serve(const char *folder, PyObject *hook) {
    Py_ssize_t requests = 0, compiled = 0;
    /* made before the first spool is taken, so that nothing is written to the folder once the last
     * one is gone (whoever waited for that may be removing the cache): programs run meanwhile are
     * served from now on */
    char *serving = serve_seconds() > 0 ? serving_path(folder) : NULL;
    int marker = serving == NULL ? -1 : open(serving, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (marker >= 0) {
        close(marker);
    }
    remove_stale(folder, TAKEN_SUFFIX, 0, 0);
    /* only the lock's holder serves: another build's file is a killed filler's */
    remove_stale(folder, SERVING_NAME, 0, 1);
    remove_stale(folder, TEMPORARY_SUFFIX, ABANDONED_SECONDS, 0);
    remove_stale(folder, SPOOL_SUFFIX, ABANDONED_SECONDS, 1);
    for (int round = 0; round < FILL_ROUNDS && fill_round(folder, hook, &requests, &compiled) > 0; round++) {
    }
    PyErr_Clear();
    /* the filler's stderr is a log in the fill folder with PYJIT_DEBUG, else nowhere */
    fprintf(stderr, "pyjit: cache filler: %zd of %zd request%s compiled\n", compiled, requests, requests == 1 ? "" : "s");
    if (marker >= 0) {
        requests += serve(folder, hook, serving);
        unlink(serving);
    }
    free(serving);
    return requests;
}

PyObject *pyjit_fill_cache(PyObject *hook) {
    char *folder = hook == NULL || claimed < 0 ? NULL : fill_folder();
    if (folder == NULL) {
        Py_RETURN_NONE;
    }
    /* A filler started while this one holds the lock ends at once (pyjit_fill_claim), and a program
     * that finds the lock held at its exit starts none: both leave their spools to this one, which
     * therefore looks for spools once more after it lets the lock go (unless it could read none:
     * a spool it cannot take would keep it for ever). */
    Py_ssize_t read;
    do {
        read = fill_and_serve(folder, hook);
        close(claimed);
        claimed = -1;
    } while (read > 0 && spool_in_folder(folder, 1, 0) && claim(folder));
    free(folder);
    Py_RETURN_NONE;
}
