/*
 * pyjit-launch: the executable `pyjit run` starts. It loads the bundled libpython (globally, as
 * CPython's own executable has it) and the runtime extension beside this file, whose pyjit_launch
 * runs the program (launch.c). Whatever it cannot do (arguments for the JVM's command line, a
 * bundled Python that is gone) goes to the pyjit command again, told to take the JVM's way.
 *
 * argv: the pyjit command, CPython's home, libjvm.so, the number of JVM options, the JVM options,
 * then the arguments of `pyjit` itself.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RUNTIME "_pyjit_rt.cpython-313-x86_64-linux-gnu.so"
#define LIBPYTHON "/libpython3.13.so.1.0"

/* Runs the program through the extension's pyjit_launch, which ends the process; returns when
 * the bundled Python or the extension cannot be loaded, or the arguments are not for it. */
static void launch(int argc, char **argv) {
    static char runtime[PATH_MAX], libpython[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", runtime, sizeof runtime - sizeof RUNTIME - 1);
    runtime[length < 0 ? 0 : length] = '\0';
    char *slash = strrchr(runtime, '/');
    if (slash == NULL || snprintf(libpython, sizeof libpython, "%s" LIBPYTHON, argv[2]) >= (int)sizeof libpython) {
        return;
    }
    strcpy(slash + 1, RUNTIME);
    if (dlopen(libpython, RTLD_NOW | RTLD_GLOBAL) == NULL) {
        return;
    }
    void *extension = dlopen(runtime, RTLD_NOW | RTLD_GLOBAL);
    void (*run)(const char *, int, char **) = extension == NULL ? NULL : (void (*)(const char *, int, char **))dlsym(extension, "pyjit_launch");
    if (run != NULL) {
        run(runtime, argc, argv);
    }
}

int main(int argc, char **argv) {
    if (argc < 5 || atoi(argv[4]) < 0 || 5 + atoi(argv[4]) > argc) {
        fprintf(stderr, "pyjit-launch: started without its arguments; use the pyjit command\n");
        return 2;
    }
    launch(argc, argv);
    int jvm_options = atoi(argv[4]);
    char **forwarded = argv + 4 + jvm_options;
    forwarded[0] = argv[1];
    setenv("PYJIT_LAUNCH", "jvm", 1);
    execv(argv[1], forwarded);
    perror(argv[1]);
    return 127;
}
