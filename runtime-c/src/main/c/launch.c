/*
 * The native launcher's half inside the runtime: `pyjit run` without a JVM at start-up.
 *
 * pyjit_launch runs the program as python3.13 would (CPython parses its own options), with pyjit's
 * evaluator installed but no compiler: a program that never gets hot never loads the JVM, LLVM or
 * the compiler. When a function first gets hot the evaluator calls pyjit_start_compiler, which
 * creates the JVM on a thread of its own through JNI's invocation API; the compiler then loads
 * LLVM, takes the GIL for an instant and attaches itself (dev.pyjit.cli.embed.Attach, then
 * _pyjit_rt.attach). Meanwhile every frame keeps running in the interpreter. A program that ends
 * before the compiler takes the GIL does not wait for it. With --jit-sync the program waits for
 * the compiler before it starts; with statistics the compiler is started at once and waited for at
 * exit, since it writes them. The process keeps one libpython: the launcher loaded the bundled one
 * from JavaCPP's cache, where the JVM's bindings load the same file.
 */
#include "pyjit_rt.h"
#include "launch.h"
#include "native_cache.h"
#include "cache_fill.h"
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <jni.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* take_options' answer when the arguments are for the JVM's command line (help, usage errors,
 * dump, cache): the launcher hands them over. */
#define HAND_OVER (-1)

/* The launcher's first argument for `pyjit` that makes it a filler of the native code cache (cache_fill.c). */
#define FILL_ARGUMENT "--jit-fill-cache"
/* In a filler's environment: a run started it to compile for it (pyjit_launch_filler's DURING_RUN). */
#define FILLER_FOR_A_RUN "PYJIT_FILLER_FOR_A_RUN"
/* The filler's program: the spools, compiled by the compiler the launcher waits for (--jit-sync). */
static char *const FILL_PROGRAM[] = {"-I", "-S", "-c", "import _pyjit_rt; _pyjit_rt.fill_cache()"};

/* The signal the JVM suspends its threads with: a real-time signal programs hardly use. */
#define JVM_SUSPEND_SIGNAL "63"

/* CPython's recursion guard assumes a main thread's stack: the program runs on a thread with a
 * large one, as under the JVM. */
#define PYTHON_STACK_BYTES (1UL << 30)

/* The pyjit options of `pyjit run`, before the program (the JVM's RunCommand has the same). */
typedef struct {
    int jit;
    int synchronous;
    int no_cache;
    const char *threshold;  /* --threshold's digits, or NULL */
    const char *stats;      /* --jit-stats's target ("-": stderr), or NULL */
} RunOptions;

/* ATTACHING: LLVM loads, without the GIL; HANDING_OVER: the compiler takes the GIL to attach, and
 * the program's exit waits for it (a thread that asks for the GIL of an interpreter that is
 * finalising is ended by CPython, and this one runs Java frames) */
typedef enum { NOT_LAUNCHED, IDLE, STARTING, ATTACHING, HANDING_OVER, ATTACHED, FAILED, CLOSED } Phase;

static struct {
    Phase phase;
    int wait_at_exit;
    /* the program goes on while the compiler works (no --jit-sync) */
    int beside_program;
    pid_t process;
    /* PYJIT_DEBUG, read as the process starts: the JVM's thread never reads the environment the
     * program may be changing */
    int debug;
    const char *libjvm;
    int jvm_option_count;
    char **jvm_options;
    /* "-Dpyjit.build=..." for dev.pyjit.cli.embed.CacheKey, from PYJIT_BUILD, or NULL */
    char *build_property;
    /* "key=value" options for dev.pyjit.cli.embed.Attach */
    const char *attach_options[4];
    int attach_option_count;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} compiler = {.phase = NOT_LAUNCHED, .lock = PTHREAD_MUTEX_INITIALIZER, .changed = PTHREAD_COND_INITIALIZER};

static struct timespec launched;

/* What starting the launcher again takes: its own arguments up to the JVM options. */
static struct {
    char **argv;
    int argc;
} relaunch;

int pyjit_debugging(void) {
    return compiler.debug;
}

long long pyjit_launch_time(void) {
    return (long long)launched.tv_sec * 1000000000LL + launched.tv_nsec;
}

/* CPython's standard library folder, with its final slash; NULL until a launch. */
static char *standard_library;

int pyjit_is_library(PyCodeObject *code) {
    const char *file = PyUnicode_Check(code->co_filename) ? PyUnicode_AsUTF8(code->co_filename) : NULL;
    if (file == NULL) {
        PyErr_Clear();
        return 0;
    }
    return strncmp(file, "<frozen ", 8) == 0
           || (standard_library != NULL && strncmp(file, standard_library, strlen(standard_library)) == 0
               && strstr(file, "/site-packages/") == NULL);
}

const char *pyjit_compiler_phase(void) {
    static const char *const names[] = {"not launched", "idle", "starting", "attaching", "handing over", "attached", "failed", "closed"};
    pthread_mutex_lock(&compiler.lock);
    Phase phase = compiler.phase;
    pthread_mutex_unlock(&compiler.lock);
    return names[phase];
}

int pyjit_adopt_forked_child(void) {
    /* idle: no thread but the forking one ever took the lock */
    if (compiler.phase != IDLE) {
        return 0;
    }
    compiler.process = getpid();
    clock_gettime(CLOCK_REALTIME, &launched);  /* the child's patience counts from its fork (module.c) */
    return 1;
}

int pyjit_compiler_idle(void) {
    return compiler.phase == IDLE && getpid() == compiler.process;
}

void pyjit_lend_compiler(void) {
    compiler.process = 0;  /* no process's id: pyjit_start_compiler starts nothing here */
}

static long long milliseconds_since_launch(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return ((long long)now.tv_sec * 1000000000LL + now.tv_nsec - pyjit_launch_time()) / 1000000;
}

/* A closed compiler stays closed: the program is exiting (it may close while LLVM loads). */
static void enter_phase(Phase phase) {
    pthread_mutex_lock(&compiler.lock);
    int closed = compiler.phase == CLOSED;
    if (!closed) {
        compiler.phase = phase;
        pthread_cond_broadcast(&compiler.changed);
    }
    pthread_mutex_unlock(&compiler.lock);
    if (!closed && compiler.debug && (phase == ATTACHED || phase == FAILED)) {
        fprintf(stderr, "pyjit: the compiler %s %lld ms after the launch\n", phase == ATTACHED ? "attached" : "failed to attach",
                milliseconds_since_launch());
    }
}

/* The process ends here, with the program's status, in the launcher's process and in a forked
 * child alike: a JVM's threads may still run, and exit() would run its libraries' destructors
 * under them. */
static void end_process(int status) {
    fflush(NULL);
    _exit(status);
}

/* sys.exit() in a script or -c ends the process through exit() inside Py_RunMain: once the JVM is
 * starting, that too ends here. */
static void exit_now(int status, void *unused) {
    (void)unused;
    end_process(status);
}

/* exit() runs its handlers last registered first, and a library registers its static destructors
 * as it loads: registered again after the JVM's and LLVM's, exit_now runs before theirs, which
 * would run under the compiler's threads (LLVM's crashed a compilation under way at exit). */
static void exit_quickly_from_here(void) {
    on_exit(exit_now, NULL);
}

/* The program's thread takes the signals sent to the process, as python3's main thread does: a
 * signal delivered to another thread would not interrupt the call the program is blocked in. */
static void asynchronous_signals(sigset_t *asynchronous) {
    static const int synchronous[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS};
    sigfillset(asynchronous);
    for (size_t i = 0; i < sizeof synchronous / sizeof synchronous[0]; i++) {
        sigdelset(asynchronous, synchronous[i]);
    }
}

static void block_asynchronous_signals(void) {
    sigset_t asynchronous;
    asynchronous_signals(&asynchronous);
    pthread_sigmask(SIG_BLOCK, &asynchronous, NULL);
}

void pyjit_hold_program_signals(sigset_t *previous) {
    sigset_t asynchronous;
    asynchronous_signals(&asynchronous);
    pthread_sigmask(SIG_BLOCK, &asynchronous, previous);
}

int pyjit_start_thread(pthread_t *thread, const pthread_attr_t *attributes, void *(*run)(void *), void *argument) {
    sigset_t previous;
    pyjit_hold_program_signals(&previous);
    int failed = pthread_create(thread, attributes, run, argument);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return failed;
}

static JNIEnv *create_jvm(void) {
    void *library = dlopen(compiler.libjvm, RTLD_NOW | RTLD_GLOBAL);
    jint (*create)(JavaVM **, void **, void *) = library == NULL ? NULL : (jint(*)(JavaVM **, void **, void *))dlsym(library, "JNI_CreateJavaVM");
    if (create == NULL) {
        if (compiler.debug) {
            fprintf(stderr, "pyjit: cannot load the JVM (%s): %s\n", compiler.libjvm, dlerror());
        }
        return NULL;
    }
    JavaVMOption *options = calloc((size_t)compiler.jvm_option_count + 1, sizeof(JavaVMOption));
    int count = 0;
    for (; count < compiler.jvm_option_count; count++) {
        options[count].optionString = compiler.jvm_options[count];
    }
    if (compiler.build_property != NULL) {
        options[count++].optionString = compiler.build_property;
    }
    JavaVMInitArgs arguments = {.version = JNI_VERSION_10, .nOptions = count, .options = options, .ignoreUnrecognized = JNI_FALSE};
    JavaVM *vm;
    JNIEnv *env = NULL;
    jint created = create(&vm, (void **)&env, &arguments);
    free(options);
    if (created != JNI_OK) {
        if (compiler.debug) {
            fprintf(stderr, "pyjit: cannot start the JVM: error %d\n", (int)created);
        }
        return NULL;
    }
    pyjit_route_program_faults();
    if (compiler.debug) {
        fprintf(stderr, "pyjit: the JVM started %lld ms after the launch\n", milliseconds_since_launch());
    }
    return env;
}

/* A static method of dev.pyjit.cli.embed.Attach, or NULL. */
static jmethodID attach_method(JNIEnv *env, jclass attach, const char *name, const char *signature) {
    return attach == NULL ? NULL : (*env)->GetStaticMethodID(env, attach, name, signature);
}

/* Whether a call into Java threw: the exception is reported (PYJIT_DEBUG) and cleared. */
static int threw(JNIEnv *env) {
    if (!(*env)->ExceptionCheck(env)) {
        return 0;
    }
    if (compiler.debug) {
        (*env)->ExceptionDescribe(env);
    }
    (*env)->ExceptionClear(env);
    return 1;
}

/* Leaves ATTACHING for HANDING_OVER, unless the program has begun to exit: whether to go on. */
static int may_hand_over(void) {
    pthread_mutex_lock(&compiler.lock);
    int go_on = compiler.phase == ATTACHING;
    if (go_on) {
        compiler.phase = HANDING_OVER;
    }
    pthread_mutex_unlock(&compiler.lock);
    return go_on;
}

/* Attach.prepare(String[] options), then, unless the program is exiting, Attach.handOver(jit):
 * whether the compiler is attached. */
static int call_attach(JNIEnv *env) {
    jclass attach = (*env)->FindClass(env, "dev/pyjit/cli/embed/Attach");
    jmethodID prepare = attach_method(env, attach, "prepare", "([Ljava/lang/String;)Ldev/pyjit/cli/embed/Jit;");
    jmethodID hand_over = attach_method(env, attach, "handOver", "(Ldev/pyjit/cli/embed/Jit;)Z");
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray options = prepare == NULL || hand_over == NULL || string == NULL ? NULL
                           : (*env)->NewObjectArray(env, compiler.attach_option_count, string, NULL);
    for (int i = 0; options != NULL && i < compiler.attach_option_count; i++) {
        (*env)->SetObjectArrayElement(env, options, i, (*env)->NewStringUTF(env, compiler.attach_options[i]));
    }
    jobject jit = options == NULL ? NULL : (*env)->CallStaticObjectMethod(env, attach, prepare, options);
    if (threw(env) || jit == NULL || !may_hand_over()) {
        return 0;
    }
    jboolean attached = (*env)->CallStaticBooleanMethod(env, attach, hand_over, jit);
    return !threw(env) && attached == JNI_TRUE;
}

/* A compiler at work beside the program (not waited for) gives way to it on a busy core: this
 * thread, and every thread of the JVM, which inherit its niceness, runs ten steps nicer than the
 * program. On two cores the JVM's start (its own threads: class loading, its compiler of Java, its
 * collector) takes time from the program's thread; a first run, with an empty code cache, medians
 * of 5: nbody 0.432 -> 0.418 s, closures 0.461 -> 0.439 s, sudoku 0.604 -> 0.590 s (--no-jit
 * 0.392, 0.418, 0.574). A compilation still has the other core. */
static void yield_to_the_program(void) {
    id_t thread = (id_t)syscall(SYS_gettid);
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, thread);
    if (errno == 0) {
        setpriority(PRIO_PROCESS, thread, nice + 10 < 19 ? nice + 10 : 19);
    }
}

static void *start_jvm(void *unused) {
    (void)unused;
    /* the JVM's threads inherit this thread's mask (pyjit_start_thread), and HotSpot unblocks in
     * each the signals it needs */
    /* HotSpot suspends threads with SIGUSR2 and takes it over from the program (-Xrs does not
     * cover it); it reads the signal to use from the environment as it starts, which the program's
     * os.environ, read before, never shows */
    setenv("_JAVA_SR_SIGNUM", JVM_SUSPEND_SIGNAL, 1);
    if (compiler.beside_program) {
        yield_to_the_program();
    }
    JNIEnv *env = create_jvm();
    unsetenv("_JAVA_SR_SIGNUM");
    if (env != NULL) {
        exit_quickly_from_here();
    }
    pthread_mutex_lock(&compiler.lock);
    int go_on = env != NULL && compiler.phase == STARTING;
    compiler.phase = go_on ? ATTACHING : compiler.phase == CLOSED ? CLOSED : FAILED;
    pthread_cond_broadcast(&compiler.changed);
    pthread_mutex_unlock(&compiler.lock);
    if (go_on) {
        int attached = call_attach(env);  /* LLVM loads first */
        exit_quickly_from_here();
        enter_phase(attached ? ATTACHED : FAILED);
    }
    /* the JVM stays, and this thread with it: the compiler's thread needs the JVM, and a thread
     * that created the JVM cannot detach from it */
    return NULL;
}

int pyjit_start_compiler(PyCodeObject *hot) {
    /* only the GIL's holder leaves IDLE */
    if (pyjit_compiler_idle()) {
        if (hot != NULL && compiler.debug) {
            PyObject *where = PyUnicode_FromFormat("%U (%U, line %d)", hot->co_qualname, hot->co_filename, hot->co_firstlineno);
            fprintf(stderr, "pyjit: starting the compiler %lld ms after the launch: %s got hot\n", milliseconds_since_launch(),
                    where == NULL ? "?" : PyUnicode_AsUTF8(where));
            Py_XDECREF(where);
            PyErr_Clear();
        }
        enter_phase(STARTING);
        /* exit() must not meet the JVM while it is being created: it crashed when the program ended early */
        exit_quickly_from_here();
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        if (pyjit_start_thread(&thread, &attributes, start_jvm, NULL) != 0) {
            enter_phase(FAILED);
        }
        pthread_attr_destroy(&attributes);
    }
    pthread_mutex_lock(&compiler.lock);
    int not_there = compiler.phase == STARTING || compiler.phase == ATTACHING || compiler.phase == HANDING_OVER
                    || compiler.phase == FAILED;
    pthread_mutex_unlock(&compiler.lock);
    return not_there;
}

/* Waits, without the GIL (attaching takes it), until the compiler is attached or failed. */
static void await_compiler(void) {
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&compiler.lock);
    while (compiler.phase == STARTING || compiler.phase == ATTACHING || compiler.phase == HANDING_OVER) {
        pthread_cond_wait(&compiler.changed, &compiler.lock);
    }
    pthread_mutex_unlock(&compiler.lock);
    Py_END_ALLOW_THREADS
}

void pyjit_close_compiler(void) {
    if (compiler.phase == NOT_LAUNCHED || getpid() != compiler.process) {
        return;
    }
    if (compiler.wait_at_exit) {
        pyjit_start_compiler(NULL);
        await_compiler();
    }
    pthread_mutex_lock(&compiler.lock);
    if (compiler.phase == IDLE || compiler.phase == STARTING || compiler.phase == ATTACHING) {
        compiler.phase = CLOSED;
    }
    int handing_over = compiler.phase == HANDING_OVER;
    pthread_mutex_unlock(&compiler.lock);
    if (handing_over) {
        await_compiler();
    }
}

/* The niceness of this process's session's scheduling group (autogroup). A user may change it
 * once in 100 ms on the whole machine (EAGAIN otherwise): two fillers starting together. */
static void set_group_niceness(int niceness) {
    for (int attempt = 0; attempt < 2; attempt++) {
        FILE *group = fopen("/proc/self/autogroup", "w");
        if (group == NULL) {
            return;
        }
        fprintf(group, "%d", niceness);
        if (fclose(group) == 0 || errno != EAGAIN) {
            return;
        }
        struct timespec pause = {.tv_sec = 0, .tv_nsec = 100000000};
        nanosleep(&pause, NULL);
    }
}

/* The program's environment for the filler, without pyjit's settings of a run, with the build
 * identity and the cache folder this process used (the native cache's folder is
 * $XDG_CACHE_HOME/pyjit), and with DURING_RUN the mark of a filler a run started to compile for
 * it (FILLER_FOR_A_RUN): one block, the settings it makes after the array, freed at once. */
static char **filler_environment(const char *directory, int during_run) {
    extern char **environ;
    const char *build = pyjit_native_cache_build();
    int count = 0;
    while (environ[count] != NULL) {
        count++;
    }
    size_t array = sizeof(char *) * ((size_t)count + 4);
    size_t build_size = strlen(build) + sizeof "PYJIT_BUILD=", cache_size = strlen(directory) + sizeof "XDG_CACHE_HOME=";
    char **environment = malloc(array + build_size + cache_size);
    if (environment == NULL) {
        return NULL;
    }
    int kept = 0;
    for (int i = 0; i < count; i++) {
        /* how long the filler serves the cache is the user's setting, not the run's */
        if ((strncmp(environ[i], "PYJIT_", 6) != 0 || strncmp(environ[i], "PYJIT_SERVE_SECONDS=", 20) == 0)
                && strncmp(environ[i], "XDG_CACHE_HOME=", 15) != 0) {
            environment[kept++] = environ[i];
        }
    }
    char *build_setting = (char *)environment + array, *cache_setting = build_setting + build_size;
    sprintf(build_setting, "PYJIT_BUILD=%s", build);
    sprintf(cache_setting, "XDG_CACHE_HOME=%s", directory);
    *strrchr(cache_setting, '/') = '\0';
    environment[kept++] = build_setting;
    environment[kept++] = cache_setting;
    if (during_run) {
        environment[kept++] = FILLER_FOR_A_RUN "=1";
    }
    environment[kept] = NULL;
    return environment;
}

static int spawn(const char *path, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attributes, char **argv,
                 char **environment) {
    pid_t child;
    return posix_spawn(&child, path, actions, attributes, argv, environment) == 0;
}

/* Spawned by a child of this process that ends at once, so that the process started is no child
 * of the program's: the program's os.wait() would reap it, and a SIGCHLD handler of its own
 * would hear of it long after. The go-between only spawns and exits (the file actions and the
 * attributes were made here, before the fork); it is reaped here at once. A program that ignores
 * SIGCHLD has its children reaped for it (ECHILD): the spawn is taken to have worked, as the
 * filler's lock will tell (module.c). */
static int spawn_orphan(const char *path, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attributes, char **argv,
                        char **environment) {
    /* no signal reaches the go-between: the program's handlers (Python's writes to its wakeup
     * file) are not its; the filler's mask is the attributes' */
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t between = fork();
    if (between == 0) {
        _exit(spawn(path, actions, attributes, argv, environment) ? 0 : 1);
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    int status = 0;
    int reaped;
    while ((reaped = between > 0 ? waitpid(between, &status, 0) : -1) < 0 && errno == EINTR) {
    }
    return between > 0 && (reaped < 0 ? errno == ECHILD : WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int pyjit_launch_filler(int during_run) {
    /* absolute: the filler works from / (a buffer of its own: the runtime is linked without the C
     * library's symbol versions, and the oldest realpath allocates none) */
    char directory[PATH_MAX], launcher[PATH_MAX];
    const char *cache = pyjit_native_cache_directory();
    ssize_t length = readlink("/proc/self/exe", launcher, sizeof launcher - 1);
    if (relaunch.argv == NULL || cache == NULL || realpath(cache, directory) == NULL || getpid() != compiler.process || length <= 0) {
        return 0;
    }
    launcher[length] = '\0';
    char **argv = malloc(sizeof(char *) * ((size_t)relaunch.argc + 2));
    char **environment = argv == NULL ? NULL : filler_environment(directory, during_run);
    char *log = environment == NULL ? NULL : malloc(strlen(directory) + sizeof "/fill/log");
    if (log == NULL) {
        free(argv);
        free(environment);
        return 0;
    }
    memcpy(argv, relaunch.argv, sizeof(char *) * (size_t)relaunch.argc);
    argv[relaunch.argc] = FILL_ARGUMENT;
    argv[relaunch.argc + 1] = NULL;
    sprintf(log, "%s/fill/log", directory);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, compiler.debug ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0600);
    /* nothing of the program's stays open in the filler: a pipe its parent reads would wait for
     * it, and its working directory could not be unmounted */
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    posix_spawn_file_actions_addchdir_np(&actions, "/");
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    static const int reset[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGXFSZ};
    for (size_t i = 0; i < sizeof reset / sizeof reset[0]; i++) {
        sigaddset(&defaults, reset[i]);
    }
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    /* its own session: the terminal's ^C and hang-up are the program's, not the filler's */
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int started = during_run ? spawn_orphan(launcher, &actions, &attributes, argv, environment)
                             : spawn(launcher, &actions, &attributes, argv, environment);
    if (!started && compiler.debug) {
        fprintf(stderr, "pyjit: cannot start the cache filler\n");
    }
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    free(environment);
    free(argv);
    free(log);
    return started;
}

static int is_set(const char *flag) {
    return flag != NULL && *flag != '\0' && strcmp(flag, "0") != 0;
}

/* Digits that make an int (the JVM's command line answers anything else). */
static int is_count(const char *text) {
    if (*text == '\0' || strlen(text) > 9) {
        return 0;
    }
    for (; *text != '\0'; text++) {
        if (*text < '0' || *text > '9') {
            return 0;
        }
    }
    return 1;
}

/* A count from the environment as JitOptions reads it: malformed or absent gives the default. */
static long count_from(const char *text, long byDefault) {
    if (text == NULL) {
        return byDefault;
    }
    char *end;
    long value = strtol(text, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\n') {
        end++;
    }
    if (end == text || *end != '\0') {
        return byDefault;
    }
    return value < 0 ? 0 : value;
}

/*
 * Takes pyjit's own options out of the arguments (after an optional `run`), up to the program:
 * `-c`, `-m`, `-` or the first word that is no option (ProgramSplit in the JVM's command line
 * splits them the same way). CPython's one-letter options stay where they are, for CPython to
 * parse. Returns the index of the first argument CPython gets (pyjit's options are removed from
 * args in place, *count updated), or HAND_OVER for anything the JVM's command line
 * answers: help, a version, a subcommand, an option that is neither pyjit's nor CPython's.
 */
static int take_options(char **args, int *count, RunOptions *options) {
    static const char *const flags = "uBEsSIOqbv", *const with_value = "XW", *const program = "cm";
    int i = 0;
    if (*count > 0 && (strcmp(args[0], "dump") == 0 || strcmp(args[0], "cache") == 0 || strcmp(args[0], "help") == 0)) {
        return HAND_OVER;
    }
    if (*count > 0 && strcmp(args[0], "run") == 0) {
        i = 1;
    }
    int first = i;
    int kept = i;
    while (i < *count) {
        char *arg = args[i];
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            break;
        }
        if (arg[1] == '-') {
            if (strcmp(arg, "--no-jit") == 0) {
                options->jit = 0;
            } else if (strcmp(arg, "--jit-sync") == 0) {
                options->synchronous = 1;
            } else if (strcmp(arg, "--no-cache") == 0) {
                options->no_cache = 1;
            } else if (strcmp(arg, "--jit-stats") == 0) {
                options->stats = "-";
            } else if (strncmp(arg, "--jit-stats=", 12) == 0 && arg[12] != '\0') {
                options->stats = arg + 12;
            } else if (strncmp(arg, "--threshold=", 12) == 0 && is_count(arg + 12)) {
                options->threshold = arg + 12;
            } else if (strcmp(arg, "--threshold") == 0 && i + 1 < *count && is_count(args[i + 1])) {
                options->threshold = args[++i];
            } else {
                return HAND_OVER;
            }
            i++;
            continue;
        }
        int ends_options = 0, takes_next = 0;
        for (const char *letter = arg + 1; *letter != '\0'; letter++) {
            if (strchr(program, *letter) != NULL) {
                ends_options = 1;
                break;
            }
            if (strchr(with_value, *letter) != NULL) {
                takes_next = letter[1] == '\0';
                break;
            }
            if (strchr(flags, *letter) == NULL) {
                return HAND_OVER;
            }
        }
        if (ends_options) {
            break;
        }
        args[kept++] = arg;
        i++;
        if (takes_next) {
            if (i >= *count) {
                return HAND_OVER;
            }
            args[kept++] = args[i++];
        }
    }
    while (i < *count) {
        args[kept++] = args[i++];
    }
    *count = kept;
    return first;
}

static int exit_status(PyStatus status) {
    if (!PyStatus_Exception(status)) {
        return -1;
    }
    if (PyStatus_IsExit(status)) {
        return status.exitcode;
    }
    Py_ExitStatusException(status);
    return 1;
}

typedef struct {
    int argc;
    char **argv;
    const char *home;
    const char *runtime;
    const char *startup;
    RunOptions options;
    long threshold, optimise_after;
} Program;

/* importlib.util's functions from the import system's own modules, already loaded: importing
 * importlib.util took 3-7 ms of each start and showed the program modules python3.13 has not loaded */
static const char STARTUP[] =
    "import _frozen_importlib, _frozen_importlib_external\n"
    "spec = _frozen_importlib_external.spec_from_file_location('pyjit_startup', startup_path)\n"
    "startup = _frozen_importlib.module_from_spec(spec)\n"
    "spec.loader.exec_module(startup)\n"
    "jit = startup.start(runtime_path, None, None, threshold, synchronous, optimise_after, jit)\n";

static int set_item(PyObject *globals, const char *name, PyObject *value) {
    int failed = value == NULL || PyDict_SetItemString(globals, name, value) < 0;
    Py_XDECREF(value);
    return failed;
}

static void start_up(Program *program) {
    PyObject *globals = PyDict_New();
    PyObject *result = NULL;
    if (globals != NULL && PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) == 0
            && !set_item(globals, "startup_path", PyUnicode_DecodeFSDefault(program->startup))
            && !set_item(globals, "runtime_path", PyUnicode_DecodeFSDefault(program->runtime))
            && !set_item(globals, "threshold", PyLong_FromLong(program->threshold))
            && !set_item(globals, "synchronous", PyBool_FromLong(program->options.synchronous))
            && !set_item(globals, "optimise_after", PyLong_FromLong(program->optimise_after))
            && !set_item(globals, "jit", PyBool_FromLong(program->options.jit))) {
        result = PyRun_String(STARTUP, Py_file_input, globals, globals);
    }
    if (result == NULL) {
        fprintf(stderr, "pyjit: start-up failed; running without the JIT\n");
        PyErr_Print();
        compiler.phase = NOT_LAUNCHED;
    } else if (PyDict_GetItemString(globals, "jit") != Py_True) {
        compiler.phase = NOT_LAUNCHED;  /* the start-up left the JIT out (see its start()) */
    }
    Py_XDECREF(result);
    Py_XDECREF(globals);
}

static int run_python(Program *program) {
    PyPreConfig preconfig;
    PyPreConfig_InitPythonConfig(&preconfig);
    /* pre-initialised from the command line, as python3.13 is: -X dev, -X utf8, -E and -I act there */
    int refused = exit_status(Py_PreInitializeFromBytesArgs(&preconfig, program->argc, program->argv));
    if (refused >= 0) {
        return refused;
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    PyStatus status = PyConfig_SetBytesString(&config, &config.home, program->home);
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetBytesString(&config, &config.executable, program->argv[0]);
    }
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetBytesArgv(&config, program->argc, program->argv);
    }
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    refused = exit_status(status);
    if (refused >= 0) {
        return refused;
    }
    start_up(program);
    if (program->options.synchronous || compiler.wait_at_exit) {
        pyjit_start_compiler(NULL);
    }
    if (program->options.synchronous) {
        await_compiler();
    }
    return Py_RunMain();
}

static void *python_thread(void *program) {
    end_process(run_python(program));
    return NULL;
}

static char *sibling(const char *file, const char *name) {
    const char *slash = strrchr(file, '/');
    size_t folder = slash == NULL ? 0 : (size_t)(slash - file + 1);
    char *path = malloc(folder + strlen(name) + 1);
    memcpy(path, file, folder);
    strcpy(path + folder, name);
    return path;
}

/* "key=value", for an option whose value may be as long as a path. */
static char *attach_option(const char *key, const char *value) {
    char *option = malloc(strlen(key) + strlen(value) + 2);
    sprintf(option, "%s=%s", key, value);
    return option;
}

/*
 * runtime: this extension's file (beside it: pyjit_startup.py). argv, as the launcher checked it:
 * the launcher, the pyjit command (sys.executable), CPython's home, libjvm.so, the number of JVM
 * options, the JVM options, then the arguments of `pyjit` itself. Runs the program and ends the
 * process with its status; returns only when the arguments are the JVM's command line's.
 */
void pyjit_launch(const char *runtime, int argc, char **argv) {
    clock_gettime(CLOCK_REALTIME, &launched);
    int jvm_options = atoi(argv[4]);
    /* a copy: the launcher hands the arguments on untouched if they are not for it */
    int count = argc - 5 - jvm_options;
    int filler = count == 1 && strcmp(argv[5 + jvm_options], FILL_ARGUMENT) == 0;
    if (filler) {
        /* the lowest priority, for the filler's threads and the JVM's, which inherit it; and for
         * its session's scheduling group (autogroup), without which a niceness orders only the
         * session's own threads: a program run again while the filler worked got 0.41 s of CPU
         * in 0.61-0.68 s. A filler a run started to compile for it is nicer by 5 only: two
         * first runs that kept both cores busy had their code from it 1.3-1.4 s after their
         * start, 6.4-13 s at 10 (a JVM of each's own, at 10 within the program's group: 7 s), and
         * it took nothing a single program's run could measure (raytrace and nqueens, first runs,
         * fastest of 5: 0.59-0.60 s at 0, 5, 10 and 19 alike). Relative to the program's own:
         * a niced program's filler may not lower its niceness. */
        int for_a_run = getenv(FILLER_FOR_A_RUN) != NULL;
        unsetenv(FILLER_FOR_A_RUN);
        errno = 0;
        int niceness = for_a_run ? nice(5) : (setpriority(PRIO_PROCESS, 0, 19), 19);
        set_group_niceness(errno != 0 ? 19 : niceness);
        count = (int)(sizeof FILL_PROGRAM / sizeof FILL_PROGRAM[0]);
    }
    char **args = malloc(sizeof(char *) * ((size_t)count + 1));
    memcpy(args, filler ? FILL_PROGRAM : argv + 5 + jvm_options, sizeof(char *) * (size_t)count);
    RunOptions options = {.jit = 1, .synchronous = filler};
    int first = take_options(args, &count, &options);
    /* scripts/pyjit names the compiler's build for the native code cache; the program's own child
     * processes do not inherit it */
    char *build = getenv("PYJIT_BUILD") != NULL ? strdup(getenv("PYJIT_BUILD")) : NULL;
    unsetenv("PYJIT_BUILD");
    int stats = options.stats != NULL || is_set(getenv("PYJIT_STATS"));
    /* statistics without the JIT are the JVM's to write */
    if (first == HAND_OVER || (!options.jit && stats)) {
        return;
    }
    options.synchronous |= is_set(getenv("PYJIT_SYNC"));
    /* CPython's argv: the pyjit command in argv[0]'s place, then CPython's options and the program */
    char **python_argv = malloc(sizeof(char *) * (size_t)(count - first + 1));
    python_argv[0] = argv[1];
    memcpy(python_argv + 1, args + first, sizeof(char *) * (size_t)(count - first));
    Program program = {
        .argc = count - first + 1,
        .argv = python_argv,
        .home = argv[2],
        .runtime = runtime,
        .startup = sibling(runtime, "pyjit_startup.py"),
        .options = options,
        /* the defaults and the parsing of JitOptions */
        /* no threshold: hot code is sampled (module.c) */
        .threshold = count_from(options.threshold != NULL ? options.threshold : getenv("PYJIT_THRESHOLD"), -1),
        .optimise_after = count_from(getenv("PYJIT_OPTIMISE_AFTER"), 1000),
    };
    if (options.jit) {
        standard_library = malloc(strlen(argv[2]) + sizeof "/lib/python3.13/");
        strcpy(standard_library, argv[2]);
        strcat(standard_library, "/lib/python3.13/");
        compiler.phase = IDLE;
        compiler.process = getpid();
        compiler.debug = is_set(getenv("PYJIT_DEBUG"));
        compiler.wait_at_exit = stats;
        compiler.beside_program = !options.synchronous;
        compiler.libjvm = argv[3];
        compiler.jvm_option_count = jvm_options;
        compiler.jvm_options = argv + 5;
        if (build != NULL && build[0] != '\0') {
            compiler.build_property = malloc(strlen(build) + sizeof "-Dpyjit.build=");
            sprintf(compiler.build_property, "-Dpyjit.build=%s", build);
        }
        if (options.threshold != NULL) {
            compiler.attach_options[compiler.attach_option_count++] = attach_option("threshold", options.threshold);
        }
        if (options.stats != NULL) {
            compiler.attach_options[compiler.attach_option_count++] = attach_option("stats", options.stats);
        }
        if (options.synchronous) {
            compiler.attach_options[compiler.attach_option_count++] = "sync";
        }
        if (options.no_cache) {
            compiler.attach_options[compiler.attach_option_count++] = "no-cache";
        }
        /* as JitOptions: no cache with --no-cache, PYJIT_CACHE=0 or an IR dump; and none where perf
         * is to learn every compiled function's name (PerfMap: the JVM links what it announces) */
        const char *cache = getenv("PYJIT_CACHE"), *ir_dump = getenv("PYJIT_DUMP_IR");
        if (!options.no_cache && (cache == NULL || strcmp(cache, "0") != 0) && (ir_dump == NULL || ir_dump[0] == '\0')
                && !is_set(getenv("PYJIT_PERF_MAP"))) {
            pyjit_native_cache_open(build);
            const char *fill = getenv("PYJIT_CACHE_FILL");
            if (!filler && pyjit_native_cache_directory() != NULL && (fill == NULL || strcmp(fill, "0") != 0)) {
                relaunch.argv = argv;
                relaunch.argc = 5 + jvm_options;
                pyjit_fill_enable();
            }
        }
        if (filler && !pyjit_fill_claim()) {
            /* before its JVM: each program that ends while one is at work may start a filler */
            fprintf(stderr, "pyjit: cache filler: another filler is at work\n");
            exit(0);
        }
    }
    pthread_t python;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, PYTHON_STACK_BYTES);
    if (pthread_create(&python, &attributes, python_thread, &program) != 0) {
        end_process(run_python(&program));
    }
    block_asynchronous_signals();
    pthread_join(python, NULL);  /* never returns: the program's thread ends the process */
}
