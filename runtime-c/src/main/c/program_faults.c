/*
 * A fault signal the program sends itself goes to the program, as if there were no JVM.
 *
 * The JVM takes SIGSEGV, SIGBUS, SIGFPE and SIGILL for itself (safepoint polls, null checks in
 * compiled Java code), and hands one that is not its own to the handler the program installed
 * (its signal-chaining library, libjsig, records it). Where the program has none, the JVM takes
 * the signal for its own crash: it prints its fatal-error banner on standard output, writes
 * hs_err_pid<N>.log into the working directory and aborts. So a program that ends itself with such
 * a signal (faulthandler._sigsegv(), os.kill(os.getpid(), signal.SIGSEGV), a test suite crashing
 * its pool's workers on purpose) left a JVM report behind and ended by SIGABRT, where python3.13
 * dies by the signal it sent. A signal sent by a process (si_code <= 0: kill, tgkill, raise) is
 * never one of the JVM's own faults, so the handler installed here, in front of the JVM's, gives
 * those to the program's handler, or to the default action, and every other one to the JVM.
 */
#include "pyjit_rt.h"
#include "launch.h"
#include <dlfcn.h>
#include <signal.h>
#include <string.h>

static const int FAULT_SIGNALS[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
#define FAULT_SIGNAL_COUNT (sizeof FAULT_SIGNALS / sizeof FAULT_SIGNALS[0])

/* libc's own sigaction: libjsig's, which the process resolves, only records what the program asks
 * for once the JVM has its handler, and changes no handler. */
static int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);
/* libjsig's record of the program's handler for a signal (NULL: none, or no libjsig). */
static struct sigaction *(*program_action)(int);
/* The JVM's handler of each fault signal, by signal number. */
static struct sigaction jvm_actions[NSIG];

/* As if the JVM were not there: the program's handler runs, or the process ends by the signal
 * (raised again, it arrives once this handler returns and unblocks it). */
static void to_the_program(int sig, siginfo_t *info, void *context) {
    struct sigaction *program = program_action != NULL ? program_action(sig) : NULL;
    if (program != NULL && program->sa_handler == SIG_IGN) {
        return;
    }
    if (program == NULL || program->sa_handler == SIG_DFL) {
        struct sigaction default_action;
        memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        real_sigaction(sig, &default_action, NULL);
        raise(sig);
        return;
    }
    if (program->sa_flags & SA_SIGINFO) {
        program->sa_sigaction(sig, info, context);
    } else {
        program->sa_handler(sig);
    }
}

static void fault_handler(int sig, siginfo_t *info, void *context) {
    if (info->si_code <= 0) {
        to_the_program(sig, info, context);
    } else {
        jvm_actions[sig].sa_sigaction(sig, info, context);
    }
}

void pyjit_route_program_faults(void) {
    void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
    real_sigaction = libc == NULL ? NULL : (int (*)(int, const struct sigaction *, struct sigaction *))dlsym(libc, "sigaction");
    if (real_sigaction == NULL) {
        return;
    }
    program_action = (struct sigaction * (*)(int)) dlsym(RTLD_DEFAULT, "JVM_get_signal_action");
    for (size_t i = 0; i < FAULT_SIGNAL_COUNT; i++) {
        int sig = FAULT_SIGNALS[i];
        struct sigaction current;
        /* not the JVM's handler (nothing to stand in front of), or ours already (the runtime
         * imported again, by another interpreter): then it stays as it is */
        if (real_sigaction(sig, NULL, &current) != 0 || !(current.sa_flags & SA_SIGINFO) || current.sa_sigaction == fault_handler) {
            continue;
        }
        jvm_actions[sig] = current;
        struct sigaction ours = current;
        ours.sa_sigaction = fault_handler;
        real_sigaction(sig, &ours, NULL);
    }
}
