/*
 * bin/pyjit: the pyjit command as a program of its own. The pyjit script (scripts/pyjit) finds
 * what a run needs (the build up to date, the java command, the launcher and its JVM options) and
 * writes it down before it starts the launcher; this program starts the launcher the same way
 * from what was written, without the script's shell (bash and the script cost 15-18 ms of each
 * start on this project's 2-core machine, against 28 ms for python3.13's whole run of an empty
 * program). Where anything the script checked may have changed, or nothing was written yet, the
 * script runs instead, told which command the user ran (PYJIT_COMMAND): it builds, checks and
 * writes again.
 *
 * The written launch (one item per line, paths without newlines):
 *   pyjit-launch 1
 *   the jar the build made (empty in a release, which is never rebuilt)
 *   the java command found on the PATH (empty in a release, which has its own)
 *   the launcher, CPython's home, libjvm.so, the compiler's build identity (PYJIT_BUILD)
 *   the signal-chaining library to preload (empty for none)
 *   the number of JVM options, then the options, -Dpyjit.launcher= without its value
 *   end
 * In a clone it is cli/target/pyjit.launch; in a release, whose folder may be read-only, it is
 * in the user's cache beside the class-data archive, named after the release's folder.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LAUNCHER_OPTION "-Dpyjit.launcher="
#define MAX_OPTIONS 64
#define MAX_LINE (PATH_MAX * 4)

static char root[PATH_MAX];
static char command[PATH_MAX];

/* The script, with the arguments as given, and why it runs (on stderr with PYJIT_DEBUG: a start
 * that is slower than it could be says why); returns only if it cannot be run. */
static void run_script(char **argv, const char *reason) {
    const char *debug = getenv("PYJIT_DEBUG");
    if (debug != NULL && debug[0] != '\0' && strcmp(debug, "0") != 0) {
        fprintf(stderr, "pyjit: the pyjit script runs: %s\n", reason);
    }
    char script[PATH_MAX];
    if (snprintf(script, sizeof script, "%s/scripts/pyjit", root) >= (int)sizeof script) {
        return;
    }
    setenv("PYJIT_COMMAND", command, 1);
    argv[0] = script;
    execv(script, argv);
    perror(script);
}

static int is_executable_file(const char *path) {
    struct stat status;
    return stat(path, &status) == 0 && S_ISREG(status.st_mode) && access(path, X_OK) == 0;
}

/* The first executable file of that name in the PATH's folders, named as a shell names it. */
static int first_on_path(const char *name, char *found) {
    const char *path = getenv("PATH");
    for (const char *entry = path; entry != NULL && *entry != '\0';) {
        const char *end = strchrnul(entry, ':');
        int length = (int)(end - entry);
        if (snprintf(found, PATH_MAX, "%.*s/%s", length, length == 0 ? "." : entry, name) < PATH_MAX && is_executable_file(found)) {
            return 1;
        }
        entry = *end == ':' ? end + 1 : NULL;
    }
    return 0;
}

/* The path the user ran this command by, absolute but with its links kept (a virtual
 * environment's bin/python is found from it, as CPython finds it from sys.executable): as the
 * shell gave it, else as the shell found it on the PATH (a name found nowhere, which only a program
 * that runs this one with a made-up argv[0] gives, is this program's own path). */
static int find_command(const char *name) {
    char found[PATH_MAX];
    if (strchr(name, '/') == NULL) {
        if (!first_on_path(name, found)) {
            return 0;
        }
        name = found;
    }
    if (name[0] == '/') {
        return snprintf(command, sizeof command, "%s", name) < (int)sizeof command;
    }
    /* the shell's working directory, as the script's $PWD names it (its links kept) */
    char cwd[PATH_MAX];
    const char *pwd = getenv("PWD");
    struct stat named, here;
    if (pwd == NULL || pwd[0] != '/' || stat(pwd, &named) != 0 || stat(".", &here) != 0
            || named.st_dev != here.st_dev || named.st_ino != here.st_ino) {
        if (getcwd(cwd, sizeof cwd) == NULL) {
            return 0;
        }
        pwd = cwd;
    }
    if (strncmp(name, "./", 2) == 0) {
        name += 2;
    }
    return snprintf(command, sizeof command, "%s/%s", pwd, name) < (int)sizeof command;
}

/* The project's folder: where this program's bin/ folder is, its links followed; for a copy in a
 * virtual environment made with --copies, the folder its pyvenv.cfg names as home's parent. */
static int find_root(void) {
    char self[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) {
        return 0;
    }
    self[length] = '\0';
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(self, '/');
        if (slash == NULL) {
            return 0;
        }
        *slash = '\0';
    }
    snprintf(root, sizeof root, "%s", self[0] == '\0' ? "/" : self);
    char probe[PATH_MAX];
    snprintf(probe, sizeof probe, "%s/scripts/pyjit", root);
    if (access(probe, F_OK) == 0) {
        return 1;
    }
    snprintf(probe, sizeof probe, "%s/pyvenv.cfg", root);
    FILE *config = fopen(probe, "r");
    if (config == NULL) {
        return 0;
    }
    char line[PATH_MAX + 16], home[PATH_MAX] = "";
    while (fgets(line, sizeof line, config) != NULL) {
        if (sscanf(line, "home = %4095[^\n]", home) == 1) {
            break;
        }
    }
    fclose(config);
    snprintf(probe, sizeof probe, "%s/..", home);
    return home[0] != '\0' && realpath(probe, root) != NULL;
}

static double modified(const struct stat *status) {
    return (double)status->st_mtim.tv_sec + (double)status->st_mtim.tv_nsec * 1e-9;
}

/* Whether visit answers yes for an entry of the folder, given its path ("." and ".." left out). */
static int any_entry(const char *folder, int (*visit)(const char *path, double time), double time) {
    DIR *directory = opendir(folder);
    if (directory == NULL) {
        return 0;
    }
    int found = 0;
    struct dirent *entry;
    while (!found && (entry = readdir(directory)) != NULL) {
        char path[PATH_MAX];
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0
                && snprintf(path, sizeof path, "%s/%s", folder, entry->d_name) < (int)sizeof path) {
            found = visit(path, time);
        }
    }
    closedir(directory);
    return found;
}

/* Whether the file, or a regular file under the folder, is newer than the time (the script's
 * test: a source newer than the jar, which it rebuilds). */
static int newer_file(const char *path, double time) {
    struct stat status;
    if (lstat(path, &status) != 0) {
        return 0;
    }
    if (S_ISDIR(status.st_mode)) {
        return any_entry(path, newer_file, time);
    }
    return (S_ISREG(status.st_mode) || (S_ISLNK(status.st_mode) && stat(path, &status) == 0 && S_ISREG(status.st_mode)))
        && modified(&status) > time;
}

/* Whether a module's pom.xml or a file of its src/main is newer than the time. */
static int newer_module_file(const char *module, double time) {
    char path[PATH_MAX];
    struct stat status;
    if (snprintf(path, sizeof path, "%s/pom.xml", module) < (int)sizeof path && stat(path, &status) == 0 && S_ISREG(status.st_mode)
            && modified(&status) > time) {
        return 1;
    }
    return snprintf(path, sizeof path, "%s/src/main", module) < (int)sizeof path && newer_file(path, time);
}

/* Whether a source or a pom.xml of the project is newer than the time. */
static int sources_newer_than(double time) {
    char path[PATH_MAX];
    struct stat status;
    snprintf(path, sizeof path, "%s/pom.xml", root);
    return (stat(path, &status) == 0 && modified(&status) > time) || any_entry(root, newer_module_file, time);
}

/* Whether the java command the script's shell finds on the PATH is the one it found. */
static int java_on_path_is(const char *recorded) {
    char found[PATH_MAX];
    return first_on_path("java", found) && strcmp(found, recorded) == 0;
}

static int release_launch_path(char *path, size_t size) {
    const char *cache = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char folder[PATH_MAX];
    if (cache != NULL && cache[0] != '\0') {
        snprintf(folder, sizeof folder, "%s/pyjit", cache);
    } else if (home != NULL) {
        snprintf(folder, sizeof folder, "%s/.cache/pyjit", home);
    } else {
        return 0;
    }
    char name[PATH_MAX];
    snprintf(name, sizeof name, "%s", root);
    for (char *c = name; *c != '\0'; c++) {
        if (*c == '/') {
            *c = '_';
        }
    }
    return snprintf(path, size, "%s/launch%s", folder, name) < (int)size;
}

/* One line of the written launch, without its newline; 0 at the end of the file or for a line
 * too long. */
static int read_line(FILE *file, char *line) {
    if (fgets(line, MAX_LINE, file) == NULL) {
        return 0;
    }
    size_t length = strlen(line);
    if (length == 0 || line[length - 1] != '\n') {
        return 0;
    }
    line[length - 1] = '\0';
    return 1;
}

struct launch {
    char jar[PATH_MAX], java[PATH_MAX], launcher[PATH_MAX], python_home[PATH_MAX], libjvm[PATH_MAX], build[PATH_MAX], preload[PATH_MAX];
    int option_count;
    char *options[MAX_OPTIONS];
};

/* The written launch, read whole (a file cut short, being written, or of another version reads
 * as none). */
static int read_launch(const char *path, struct launch *launch, struct stat *written) {
    FILE *file = fopen(path, "r");
    if (file == NULL) {
        return 0;
    }
    int ok = 0;
    char *line = malloc(MAX_LINE);
    if (line != NULL && fstat(fileno(file), written) == 0 && read_line(file, line) && strcmp(line, "pyjit-launch 1") == 0) {
        char *targets[] = {launch->jar, launch->java, launch->launcher, launch->python_home, launch->libjvm, launch->build, launch->preload};
        ok = 1;
        for (size_t i = 0; ok && i < sizeof targets / sizeof targets[0]; i++) {
            ok = read_line(file, line) && strlen(line) < PATH_MAX;
            if (ok) {
                strcpy(targets[i], line);
            }
        }
        ok = ok && read_line(file, line) && (launch->option_count = atoi(line)) > 0 && launch->option_count <= MAX_OPTIONS;
        for (int i = 0; ok && i < launch->option_count; i++) {
            ok = read_line(file, line) && (launch->options[i] = strdup(line)) != NULL;
        }
        ok = ok && read_line(file, line) && strcmp(line, "end") == 0;
    }
    free(line);
    fclose(file);
    return ok;
}

/* What the script checked before it wrote the launch that no longer holds, or NULL. */
static const char *what_changed(const struct launch *launch, const struct stat *written) {
    if (!is_executable_file(launch->launcher)) {
        return "the launcher written down is gone";
    }
    if (launch->jar[0] == '\0') {
        return NULL;  /* a release, never rebuilt */
    }
    struct stat jar;
    if (stat(launch->jar, &jar) != 0 || modified(written) < modified(&jar)) {
        return "the build is newer than the launch written down";
    }
    if (!java_on_path_is(launch->java)) {
        return "the java command on the PATH is another";
    }
    return sources_newer_than(modified(&jar)) ? "a source is newer than the build" : NULL;
}

/* Starts the launcher as the script would have; returns why it cannot. */
static const char *launch_natively(int argc, char **argv) {
    char path[PATH_MAX];
    char java[PATH_MAX];
    snprintf(java, sizeof java, "%s/jre/bin/java", root);
    int release = is_executable_file(java);
    if (release ? !release_launch_path(path, sizeof path) : snprintf(path, sizeof path, "%s/cli/target/pyjit.launch", root) >= (int)sizeof path) {
        return "no place for a launch written down";
    }
    static struct launch launch;
    struct stat written;
    if (!read_launch(path, &launch, &written)) {
        return "no launch written down, or one cut short";
    }
    const char *changed = what_changed(&launch, &written);
    if (changed != NULL) {
        return changed;
    }
    char launcher_option[PATH_MAX + sizeof LAUNCHER_OPTION];
    snprintf(launcher_option, sizeof launcher_option, LAUNCHER_OPTION "%s", command);
    char count[16];
    snprintf(count, sizeof count, "%d", launch.option_count);
    char **arguments = calloc((size_t)(argc + launch.option_count + 6), sizeof(char *));
    if (arguments == NULL) {
        return "out of memory";
    }
    int n = 0;
    arguments[n++] = launch.launcher;
    arguments[n++] = command;
    arguments[n++] = launch.python_home;
    arguments[n++] = launch.libjvm;
    arguments[n++] = count;
    for (int i = 0; i < launch.option_count; i++) {
        arguments[n++] = strcmp(launch.options[i], LAUNCHER_OPTION) == 0 ? launcher_option : launch.options[i];
    }
    for (int i = 1; i < argc; i++) {
        arguments[n++] = argv[i];
    }
    arguments[n] = NULL;
    setenv("PYJIT_BUILD", launch.build, 1);
    if (launch.preload[0] != '\0') {
        const char *preloaded = getenv("LD_PRELOAD");
        char *value = NULL;  /* the user's own preloads kept whole, however long */
        if (asprintf(&value, preloaded != NULL && preloaded[0] != '\0' ? "%s:%s" : "%s", launch.preload, preloaded) < 0) {
            return "out of memory";
        }
        setenv("PYJIT_PRELOADED", launch.preload, 1);
        setenv("LD_PRELOAD", value, 1);
    }
    execv(launch.launcher, arguments);
    return "the launcher cannot be run";
}

int main(int argc, char **argv) {
    if (!find_root() || (!find_command(argv[0]) && realpath("/proc/self/exe", command) == NULL)) {
        fprintf(stderr, "pyjit: cannot find where pyjit is installed from %s\n", argv[0]);
        return 127;
    }
    const char *mode = getenv("PYJIT_LAUNCH");
    run_script(argv, mode == NULL || mode[0] == '\0' ? launch_natively(argc, argv) : "PYJIT_LAUNCH asks for the JVM's command line");
    return 127;
}
