/*
 * The native code cache (native_cache.h). An entry is a file `<key>.so` in the folder named by
 * the key's first two digits:
 *
 *   pyjit-native-1\n
 *   <SHA-256 of the rest, in hex>\n
 *   key <key>\n symbol <entry symbol>\n tier <n>\n header <code unit, -1>\n
 *   expected <type bits,...>\n file <path>\n line <n>\n name <qualified name>\n
 *   \n
 *   <a shared library>
 *
 * The digest is checked before anything of the library is mapped, and the library is loaded
 * from a copy of the checked bytes in a folder only this process's user can write to, so what runs
 * is what was checked, whatever happens to the entry meanwhile. The cache directory must belong to this user and be writable by nobody else,
 * as the JVM's side (CodeCache) requires. Any failure means no entry: the compiler is asked.
 */
#define _GNU_SOURCE
#include "native_cache.h"
#include "pyjit_rt.h"
#include "internal/pycore_interp.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <marshal.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "pyjit-native-1\n"
/* An entry saying that the compiler refused the code (CodeCache.putRefusal): it is not asked again. */
#define REFUSED_SUFFIX ".refused"
/* The key of the loop entry a run asked for, under a key of the code alone (pyjit_native_cache_point). */
#define LOOP_SUFFIX ".loop"
/* A call entry whose native code kept failing its guards (pyjit_native_cache_mark_generic). */
#define GENERIC_SUFFIX ".generic"
#define DIGEST_HEX 64
/* An entry larger than this is not read: compiled functions are tens of kilobytes. */
#define MAX_ENTRY_BYTES (64 << 20)
/* The marshal format without references, whose bytes do not depend on reference counts. */
#define KEY_MARSHAL_VERSION 2

static char *directory;
static char *build;
static char *cpu;
static int cpu_known;
static long long hits;

/* What a loaded library counted, kept past its unloading for the statistics. */
typedef struct {
    char *file, *name;
    /* the bodies inlined into its calls, one name per line (see Lowering.inlinedSymbol) */
    char *inlined;
    int line, tier;
    PyObject *specialised;
    long long entries, deopts;
    /* the library's own counters while it is loaded */
    const long long *live_entries, *live_deopts;
} Loaded;

static Loaded *loaded;
static Py_ssize_t loaded_count, loaded_capacity;

struct PyjitLibrary {
    void *handle;
    Py_ssize_t record;
    PyjitLibrary *next;
};

void pyjit_native_cache_open(const char *build_identity) {
    if (build_identity == NULL || build_identity[0] == '\0') {
        return;
    }
    /* as CodeCache.defaultDirectory: the JVM's user.home is the account's home, not $HOME */
    const char *xdg = getenv("XDG_CACHE_HOME");
    struct passwd *account = xdg != NULL && xdg[0] != '\0' ? NULL : getpwuid(getuid());
    const char *base = xdg != NULL && xdg[0] != '\0' ? xdg : account != NULL ? account->pw_dir : NULL;
    const char *tail = xdg != NULL && xdg[0] != '\0' ? "/pyjit" : "/.cache/pyjit";
    directory = base == NULL ? NULL : malloc(strlen(base) + strlen(tail) + 1);
    if (directory != NULL) {
        strcpy(directory, base);
        strcat(directory, tail);
        build = strdup(build_identity);
    }
}

/* The CPU the code was generated for, as the kernel names it and its features (compiled code
 * uses the host's). NULL where /proc/cpuinfo cannot be read: no native cache then. */
static const char *cpu_identity(void) {
    if (cpu_known) {
        return cpu;
    }
    cpu_known = 1;
    FILE *info = fopen("/proc/cpuinfo", "r");
    if (info == NULL) {
        return NULL;
    }
    static const char *const fields[] = {"model name", "flags", "Features", "CPU implementer", "CPU part"};
    int seen[5] = {0};
    size_t length = 0;
    char *line = NULL;
    size_t capacity = 0;
    char *identity = calloc(1, 1);
    while (identity != NULL && getline(&line, &capacity, info) > 0) {
        for (int i = 0; i < 5; i++) {
            if (!seen[i] && strncmp(line, fields[i], strlen(fields[i])) == 0) {
                seen[i] = 1;
                size_t more = strlen(line);
                char *grown = realloc(identity, length + more + 1);
                if (grown == NULL) {
                    free(identity);
                    identity = NULL;
                    break;
                }
                identity = grown;
                memcpy(identity + length, line, more + 1);
                length += more;
            }
        }
    }
    free(line);
    fclose(info);
    cpu = identity != NULL && length > 0 ? identity : NULL;
    if (cpu == NULL) {
        free(identity);
    }
    return cpu;
}

/* The interpreter's _sha2 module, loaded from its lib-dynload folder alone: not through
 * builtins.__import__, which the program may have replaced (and would see), nor by a search of
 * sys.path, which lists the program's own folder first (25 ms of the program's thread where that
 * folder held 1500 files) and would take a _sha2 of the program's. NULL with an error set. */
static PyObject *load_sha2(void) {
    PyObject *path = PySys_GetObject("path");  /* borrowed */
    PyObject *folders = PyList_New(0);
    for (Py_ssize_t i = 0; folders != NULL && path != NULL && PyList_Check(path) && i < PyList_GET_SIZE(path); i++) {
        PyObject *folder = PyList_GET_ITEM(path, i);
        const char *text = PyUnicode_Check(folder) ? PyUnicode_AsUTF8(folder) : NULL;
        size_t length = text == NULL ? 0 : strlen(text);
        if (text != NULL && length >= 12 && strcmp(text + length - 12, "/lib-dynload") == 0 && PyList_Append(folders, folder) < 0) {
            Py_CLEAR(folders);
        }
    }
    PyErr_Clear();
    PyObject *external = folders == NULL ? NULL : PyImport_ImportModule("_frozen_importlib_external");
    PyObject *finder = external == NULL ? NULL : PyObject_GetAttrString(external, "PathFinder");
    PyObject *spec = finder == NULL ? NULL : PyObject_CallMethod(finder, "find_spec", "sO", "_sha2", folders);
    PyObject *loader = spec == NULL || spec == Py_None ? NULL : PyObject_GetAttrString(spec, "loader");
    PyObject *module = loader == NULL ? NULL : PyObject_CallMethod(loader, "create_module", "O", spec);
    PyObject *done = module == NULL ? NULL : PyObject_CallMethod(loader, "exec_module", "O", module);
    if (done == NULL) {
        Py_CLEAR(module);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ImportError, "no _sha2 in the interpreter's lib-dynload folder");
        }
    }
    Py_XDECREF(done);
    Py_XDECREF(loader);
    Py_XDECREF(spec);
    Py_XDECREF(finder);
    Py_XDECREF(external);
    Py_XDECREF(folders);
    return module;
}

/* A new _sha2.sha256 object, or NULL with an error set. */
static PyObject *new_digest(void) {
    static PyObject *sha256;
    if (sha256 == NULL) {
        PyObject *module = load_sha2();
        sha256 = module == NULL ? NULL : PyObject_GetAttrString(module, "sha256");
        Py_XDECREF(module);
        if (sha256 == NULL) {
            return NULL;
        }
    }
    return PyObject_CallNoArgs(sha256);
}

static int digest_update(PyObject *digest, const char *bytes, Py_ssize_t length) {
    PyObject *view = PyMemoryView_FromMemory((char *)bytes, length, PyBUF_READ);
    PyObject *done = view == NULL ? NULL : PyObject_CallMethod(digest, "update", "O", view);
    Py_XDECREF(view);
    Py_XDECREF(done);
    return done == NULL ? -1 : 0;
}

static PyObject *hex_digest(const char *bytes, Py_ssize_t length) {
    PyObject *digest = new_digest();
    PyObject *hex = digest == NULL || digest_update(digest, bytes, length) < 0 ? NULL : PyObject_CallMethod(digest, "hexdigest", NULL);
    Py_XDECREF(digest);
    return hex;
}

/* What the compiler specialises code entered at calls for (FunctionCompiler.specialisation and
 * seenInts): each argument that was always an exact float ('f') or an exact int ('i'), anything
 * else ('o'), without trailing 'o's. The key names that rather than the types observed, which vary
 * from run to run with the frames sampled. */
static void specialisation(PyObject *observed, char *text) {
    Py_ssize_t count = PyTuple_GET_SIZE(observed) < PROFILED_ARGUMENTS ? PyTuple_GET_SIZE(observed) : PROFILED_ARGUMENTS;
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        long bits = PyLong_AsLong(PyTuple_GET_ITEM(observed, i));
        text[i] = bits == 1L << PYJIT_TYPE_FLOAT ? 'f' : bits == 1L << PYJIT_TYPE_INT ? 'i' : 'o';
        kept = text[i] != 'o' ? i + 1 : kept;
    }
    text[kept] = '\0';
}

PyObject *pyjit_native_cache_key(PyCodeObject *code, int tier, int generic, int header, PyObject *observed, PyObject *locals) {
    /* the code's identity is the digest of its marshalled form, made once per code object */
    PyObject *identity = build == NULL || cpu_identity() == NULL ? NULL : pyjit_code_identity(code);
    if (identity == NULL) {
        return NULL;  /* an unmarshallable constant: no key, the compiler is asked as before */
    }
    PyObject *pending = PyErr_GetRaisedException();
    char specialised[PROFILED_ARGUMENTS + 1];
    specialisation(observed, specialised);
    PyObject *request = PyUnicode_FromFormat("tier %d generic %d header %d specialised '%s' locals %R code %U", tier, generic, header,
                                             specialised, locals, identity);
    PyObject *request_bytes = request == NULL ? NULL : PyUnicode_AsUTF8String(request);
    PyObject *digest = request_bytes == NULL ? NULL : new_digest();
    PyObject *key = NULL;
    if (digest != NULL && digest_update(digest, build, (Py_ssize_t)strlen(build) + 1) == 0
            && digest_update(digest, cpu, (Py_ssize_t)strlen(cpu) + 1) == 0
            && digest_update(digest, PyBytes_AS_STRING(request_bytes), PyBytes_GET_SIZE(request_bytes)) == 0) {
        key = PyObject_CallMethod(digest, "hexdigest", NULL);
    }
    Py_XDECREF(digest);
    Py_XDECREF(request_bytes);
    Py_XDECREF(request);
    PyErr_Clear();
    PyErr_SetRaisedException(pending);
    return key;
}

/* CPython raises the audit event marshal.dumps for every marshalling: the runtime's own (a cache
 * key, a spool for the filler) raise none, so that a program's audit hooks see the program's events
 * alone, as under python3.13 (test_audit counts them). Marshalling runs no Python code meanwhile. */
PyObject *pyjit_marshal_unaudited(PyObject *object, int version) {
    PyInterpreterState *interpreter = PyInterpreterState_Get();
    PyObject *hooks = interpreter->audit_hooks;
    interpreter->audit_hooks = NULL;
    PyObject *marshalled = PyMarshal_WriteObjectToString(object, version);
    interpreter->audit_hooks = hooks;
    return marshalled;
}

PyObject *pyjit_code_digest(PyCodeObject *code) {
    PyObject *marshalled = pyjit_marshal_unaudited((PyObject *)code, KEY_MARSHAL_VERSION);
    PyObject *digest = marshalled == NULL ? NULL : hex_digest(PyBytes_AS_STRING(marshalled), PyBytes_GET_SIZE(marshalled));
    Py_XDECREF(marshalled);
    return digest;
}

/* Whether the folder belongs to this user and nobody else can write to it. */
int pyjit_is_private_folder(const char *folder) {
    struct stat status;
    return stat(folder, &status) == 0 && S_ISDIR(status.st_mode) && status.st_uid == getuid() && (status.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

/* The whole file, malloc'ed, or NULL. */
static char *read_entry(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return NULL;
    }
    struct stat status;
    char *bytes = NULL;
    if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0 && status.st_size <= MAX_ENTRY_BYTES) {
        bytes = malloc((size_t)status.st_size);
        size_t done = 0;
        while (bytes != NULL && done < (size_t)status.st_size) {
            ssize_t got = read(fd, bytes + done, (size_t)status.st_size - done);
            if (got <= 0) {
                free(bytes);
                bytes = NULL;
            } else {
                done += (size_t)got;
            }
        }
        *size = done;
    }
    close(fd);
    return bytes;
}

typedef struct {
    const char *key, *symbol, *expected, *file, *name;
    int tier, header, line;
    const char *library;
    size_t library_size;
} Entry;

/* Splits the checked part of an entry into its fields (the lines are cut in place); 0 if malformed. */
static int parse_entry(char *text, size_t size, Entry *entry) {
    char *end = text + size;
    char *at = text;
    memset(entry, 0, sizeof *entry);
    entry->header = -2;
    while (at < end) {
        char *newline = memchr(at, '\n', (size_t)(end - at));
        if (newline == NULL) {
            return 0;
        }
        *newline = '\0';
        if (newline == at) {
            entry->library = newline + 1;
            entry->library_size = (size_t)(end - entry->library);
            break;
        }
        char *value = strchr(at, ' ');
        if (value == NULL) {
            return 0;
        }
        *value++ = '\0';
        if (strcmp(at, "key") == 0) {
            entry->key = value;
        } else if (strcmp(at, "symbol") == 0) {
            entry->symbol = value;
        } else if (strcmp(at, "tier") == 0) {
            entry->tier = atoi(value);
        } else if (strcmp(at, "header") == 0) {
            entry->header = atoi(value);
        } else if (strcmp(at, "expected") == 0) {
            entry->expected = value;
        } else if (strcmp(at, "file") == 0) {
            entry->file = value;
        } else if (strcmp(at, "line") == 0) {
            entry->line = atoi(value);
        } else if (strcmp(at, "name") == 0) {
            entry->name = value;
        }
        at = newline + 1;
    }
    return entry->key != NULL && entry->symbol != NULL && entry->expected != NULL && entry->file != NULL && entry->name != NULL
           && entry->library != NULL && entry->library_size > 0 && entry->header >= -1;
}

/* The type bits the code is specialised for, "1,4" -> (1, 4); NULL if malformed. */
static PyObject *expected_types(const char *text) {
    PyObject *list = PyList_New(0);
    const char *at = text;
    while (list != NULL && *at != '\0') {
        char *stop;
        long bits = strtol(at, &stop, 10);
        PyObject *number = stop == at ? NULL : PyLong_FromLong(bits);
        if (number == NULL || PyList_Append(list, number) < 0) {
            Py_XDECREF(number);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(number);
        at = *stop == ',' ? stop + 1 : stop;
        if (*stop != ',' && *stop != '\0') {
            Py_CLEAR(list);
        }
    }
    PyObject *tuple = list == NULL ? NULL : PyList_AsTuple(list);
    Py_XDECREF(list);
    return tuple;
}

/* The library, loaded from a copy of the checked bytes in a folder of this process's own (in
 * memory where /dev/shm is), gone again once loaded. Each copy has a name never used before in the
 * process: the dynamic loader takes a library whose name it has loaded already for that one. */
static void *load_library(const char *bytes, size_t size) {
    static unsigned long loads;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    char folder[64], path[96];
    snprintf(folder, sizeof folder, "%s/pyjit-XXXXXX", base);
    if (mkdtemp(folder) == NULL) {
        return NULL;
    }
    snprintf(path, sizeof path, "%s/%d-%lu.so", folder, (int)getpid(), ++loads);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0700);
    size_t done = 0;
    while (fd >= 0 && done < size) {
        ssize_t wrote = write(fd, bytes + done, size - done);
        if (wrote <= 0) {
            break;
        }
        done += (size_t)wrote;
    }
    void *handle = fd >= 0 && close(fd) == 0 && done == size ? dlopen(path, RTLD_NOW | RTLD_LOCAL) : NULL;
    unlink(path);
    rmdir(folder);
    return handle;
}

static Py_ssize_t remember(const Entry *entry, PyObject *expected, const long long *entries, const long long *deopts, const char *inlined) {
    if (loaded_count == loaded_capacity) {
        Py_ssize_t capacity = loaded_capacity == 0 ? 32 : 2 * loaded_capacity;
        Loaded *grown = realloc(loaded, (size_t)capacity * sizeof(Loaded));
        if (grown == NULL) {
            return -1;
        }
        loaded = grown;
        loaded_capacity = capacity;
    }
    Loaded *record = &loaded[loaded_count];
    *record = (Loaded){.file = strdup(entry->file), .name = strdup(entry->name), .inlined = strdup(inlined != NULL ? inlined : ""),
                       .line = entry->line, .tier = entry->tier, .specialised = Py_NewRef(expected), .live_entries = entries,
                       .live_deopts = deopts};
    return loaded_count++;
}

static PyObject *load_checked(const char *key, char *rest, size_t size, PyjitLibrary **libraries) {
    Entry entry;
    if (!parse_entry(rest, size, &entry) || strcmp(entry.key, key) != 0) {
        return NULL;
    }
    PyObject *expected = expected_types(entry.expected);
    if (expected == NULL) {
        return NULL;
    }
    size_t symbol_length = strlen(entry.symbol);
    char *counter = malloc(symbol_length + sizeof "_inlined");
    void *handle = counter == NULL ? NULL : load_library(entry.library, entry.library_size);
    void *address = handle == NULL ? NULL : dlsym(handle, entry.symbol);
    const long long *entries = NULL, *deopts = NULL;
    const char *inlined = NULL;
    if (address != NULL) {
        memcpy(counter, entry.symbol, symbol_length);
        strcpy(counter + symbol_length, "_entries");
        entries = dlsym(handle, counter);
        strcpy(counter + symbol_length, "_deopts");
        deopts = dlsym(handle, counter);
        strcpy(counter + symbol_length, "_inlined");
        inlined = dlsym(handle, counter);
    }
    free(counter);
    PyjitLibrary *kept = entries == NULL || deopts == NULL ? NULL : malloc(sizeof(PyjitLibrary));
    Py_ssize_t record = kept == NULL ? -1 : remember(&entry, expected, entries, deopts, inlined);
    PyObject *answer = record < 0 ? NULL : Py_BuildValue("(NOLii)", PyLong_FromVoidPtr(address), expected, 0LL, entry.tier, entry.header);
    Py_DECREF(expected);
    if (answer == NULL) {
        free(kept);
        if (handle != NULL) {
            dlclose(handle);
        }
        return NULL;
    }
    kept->handle = handle;
    kept->record = record;
    kept->next = *libraries;
    *libraries = kept;
    return answer;
}

/* The path of the key's entry with that suffix (malloc'ed), or NULL: a malformed key, or folders
 * that are not this user's alone. */
static char *entry_path(PyObject *key, const char *suffix) {
    const char *hex = directory == NULL ? NULL : PyUnicode_AsUTF8(key);
    if (hex == NULL || strlen(hex) != DIGEST_HEX) {
        PyErr_Clear();
        return NULL;
    }
    size_t length = strlen(directory);
    char *path = malloc(length + DIGEST_HEX + strlen(suffix) + sizeof "/xx/");
    if (path == NULL) {
        return NULL;
    }
    sprintf(path, "%s/%.2s", directory, hex);
    if (!pyjit_is_private_folder(directory) || !pyjit_is_private_folder(path)) {
        free(path);
        return NULL;
    }
    sprintf(path + length + 3, "/%s%s", hex, suffix);
    return path;
}

static int entry_exists(PyObject *key, const char *suffix) {
    char *path = entry_path(key, suffix);
    int exists = path != NULL && access(path, F_OK) == 0;
    free(path);
    return exists;
}

void pyjit_make_folders(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
    mkdir(path, 0700);
}

int pyjit_write_through_rename(const char *path, const char *bytes, Py_ssize_t size) {
    char *temporary = malloc(strlen(path) + 32);
    if (temporary == NULL) {
        return 0;
    }
    sprintf(temporary, "%s.%d.tmp", path, (int)getpid());
    unlink(temporary);
    int fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    Py_ssize_t done = 0;
    while (fd >= 0 && done < size) {
        ssize_t wrote = write(fd, bytes + done, (size_t)(size - done));
        if (wrote <= 0) {
            break;
        }
        done += wrote;
    }
    int written = fd >= 0 && close(fd) == 0 && done == size && rename(temporary, path) == 0;
    if (!written) {
        unlink(temporary);
    }
    free(temporary);
    return written;
}

PyObject *pyjit_native_cache_loop_key(PyCodeObject *code, int tier, int generic, PyObject *observed) {
    return pyjit_native_cache_key(code, tier, generic, ANY_LOOP_HEADER, observed, Py_None);
}

/* Writes the text as the key's entry of that suffix, through a rename. */
static void write_entry(PyObject *key, const char *suffix, const char *text) {
    const char *hex = PyUnicode_AsUTF8(key);
    if (hex != NULL && directory != NULL && strlen(hex) == DIGEST_HEX) {
        /* the cache may have no entry yet, nor one in the folder of the key's first two digits */
        char *folder = malloc(strlen(directory) + sizeof "/xx");
        if (folder != NULL) {
            sprintf(folder, "%s/%.2s", directory, hex);
            pyjit_make_folders(folder);
            free(folder);
        }
        char *path = entry_path(key, suffix);
        if (path != NULL) {
            pyjit_write_through_rename(path, text, (Py_ssize_t)strlen(text));
        }
        free(path);
    }
    PyErr_Clear();
}

void pyjit_native_cache_point(PyObject *loop_key, PyObject *key) {
    const char *hex = PyUnicode_AsUTF8(key);
    if (hex != NULL) {
        write_entry(loop_key, LOOP_SUFFIX, hex);
    }
    PyErr_Clear();
}

void pyjit_native_cache_mark_generic(PyObject *key) {
    write_entry(key, GENERIC_SUFFIX, "generic\n");
}

int pyjit_native_cache_went_generic(PyObject *key) {
    return entry_exists(key, GENERIC_SUFFIX);
}

PyObject *pyjit_native_cache_load_pointed(PyObject *loop_key, PyjitLibrary **libraries) {
    char *path = entry_path(loop_key, LOOP_SUFFIX);
    size_t size = 0;
    char *hex = path == NULL ? NULL : read_entry(path, &size);
    PyObject *key = hex == NULL || size != DIGEST_HEX ? NULL : PyUnicode_FromStringAndSize(hex, DIGEST_HEX);
    PyObject *answer = key == NULL ? NULL : pyjit_native_cache_load(key, libraries);
    Py_XDECREF(key);
    free(hex);
    free(path);
    PyErr_Clear();
    return answer;
}

int pyjit_native_cache_refused(PyObject *key) {
    return entry_exists(key, REFUSED_SUFFIX);
}

int pyjit_native_cache_has(PyObject *key) {
    return entry_exists(key, ".so") || entry_exists(key, REFUSED_SUFFIX);
}

long long pyjit_native_cache_hits(void) {
    return hits;
}

const char *pyjit_native_cache_directory(void) {
    return directory;
}

const char *pyjit_native_cache_build(void) {
    return build;
}

PyObject *pyjit_native_cache_load(PyObject *key, PyjitLibrary **libraries) {
    char *path = entry_path(key, ".so");
    if (path == NULL) {
        return NULL;
    }
    const char *hex = PyUnicode_AsUTF8(key);
    size_t size = 0;
    char *bytes = read_entry(path, &size);
    PyObject *answer = NULL;
    size_t head = sizeof MAGIC - 1 + DIGEST_HEX + 1;
    if (bytes != NULL && size > head && memcmp(bytes, MAGIC, sizeof MAGIC - 1) == 0 && bytes[head - 1] == '\n') {
        PyObject *pending = PyErr_GetRaisedException();
        PyObject *digest = hex_digest(bytes + head, (Py_ssize_t)(size - head));
        const char *digest_text = digest == NULL ? NULL : PyUnicode_AsUTF8(digest);
        if (digest_text != NULL && memcmp(digest_text, bytes + sizeof MAGIC - 1, DIGEST_HEX) == 0) {
            answer = load_checked(hex, bytes + head, size - head, libraries);
        }
        Py_XDECREF(digest);
        PyErr_Clear();
        PyErr_SetRaisedException(pending);
    }
    if (answer != NULL) {
        hits++;
        utimensat(AT_FDCWD, path, NULL, 0);  /* least recently used goes first when the cache is trimmed */
    }
    free(bytes);
    free(path);
    return answer;
}

void pyjit_native_cache_unload(PyjitLibrary *libraries) {
    while (libraries != NULL) {
        PyjitLibrary *next = libraries->next;
        Loaded *record = &loaded[libraries->record];
        record->entries += *record->live_entries;
        record->deopts += *record->live_deopts;
        record->live_entries = record->live_deopts = NULL;
        dlclose(libraries->handle);
        free(libraries);
        libraries = next;
    }
}

PyObject *pyjit_native_cache_report(void) {
    PyObject *functions = PyList_New(0);
    for (Py_ssize_t i = 0; functions != NULL && i < loaded_count; i++) {
        Loaded *record = &loaded[i];
        long long entries = record->entries + (record->live_entries != NULL ? *record->live_entries : 0);
        long long deopts = record->deopts + (record->live_deopts != NULL ? *record->live_deopts : 0);
        PyObject *item = Py_BuildValue("(sisiOLLs)", record->file, record->line, record->name, record->tier, record->specialised, entries,
                                       deopts, record->inlined);
        if (item == NULL || PyList_Append(functions, item) < 0) {
            Py_CLEAR(functions);
        }
        Py_XDECREF(item);
    }
    return functions == NULL ? NULL : Py_BuildValue("(LN)", hits, functions);
}
