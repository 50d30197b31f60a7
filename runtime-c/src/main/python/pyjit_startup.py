"""pyjit's set-up between the interpreter's start and the user's program.

Run by the native launcher (launch.c) and by the JVM's own start (Bootstrap.java), loaded from
its file without entering sys.modules, so nothing of it is visible to the program. start() is
the one entry point.
"""
import os
import sys


def start(runtime_path, hook, exit_hook, threshold, synchronous, optimise_after, jit):
    """Sets the process up for the program; with jit, installs the frame evaluator of the runtime
    at runtime_path. hook and exit_hook are the compiler's (None while the compiler is not there
    yet: the runtime then starts it when a function first gets hot); exit_hook alone may be given
    without the JIT, for the statistics. Code with a loop is compiled at its first frame when the
    program waits for the compiler (synchronous), else at its second (see module.c), or at the
    frame PYJIT_LOOP_THRESHOLD says (never later than other code). Returns whether the JIT is on."""
    loop_threshold = int(os.environ.get('PYJIT_LOOP_THRESHOLD') or (1 if synchronous else 2))
    _undo_preload()
    _honour_venv()
    _filter_fork_warning()
    helper = _multiprocessing_helper()
    jit = jit and helper != 'resource_tracker'
    runtime = _install(runtime_path, hook, exit_hook, threshold, loop_threshold, optimise_after) if jit else None
    if runtime is not None and helper == 'forkserver':
        runtime.lend_compiler()
    if runtime is not None or exit_hook is not None:
        _register_exit(runtime, exit_hook)
    return runtime is not None


def _multiprocessing_helper():
    """Which process multiprocessing started this one as, with sys.executable, to serve the program:
    'forkserver', 'resource_tracker' or None. Neither runs any of the program's work. The resource
    tracker runs without the JIT; the fork server starts no compiler (a JVM there would be in every
    worker forked after, where its threads are not) and lends it to the workers it forks."""
    if sys.argv[:1] != ['-c']:
        return None
    for helper in ('forkserver', 'resource_tracker'):
        if any(f'from multiprocessing.{helper} import main' in arg for arg in sys.orig_argv[1:]):
            return helper
    return None


def _undo_preload():
    """The launcher preloads the JVM's signal-chaining library; the program's child processes must not inherit it."""
    preloaded = os.environ.pop('PYJIT_PRELOADED', None)
    if preloaded:
        rest = [p for p in os.environ.get('LD_PRELOAD', '').split(':') if p and p != preloaded]
        if rest:
            os.environ['LD_PRELOAD'] = ':'.join(rest)
        else:
            os.environ.pop('LD_PRELOAD', None)


def _honour_venv():
    venv = os.environ.get('VIRTUAL_ENV')
    if venv:
        packages = os.path.join(venv, 'lib', 'python3.13', 'site-packages')
        if os.path.isdir(packages):
            import site
            sys.prefix = sys.exec_prefix = venv
            site.addsitedir(packages)


def _filter_fork_warning():
    """os.fork() warns that a process with more than one thread may deadlock in the child. pyjit's
    own threads (the JVM's, the Python thread's parent) would make every fork warn; python3.13
    warns only when the program has started threads. So before each fork, while the program has
    none, a filter for that warning is put first; it cannot be taken out after the fork (the
    warning comes after the parent's fork hooks), so the next fork's hook takes it out before
    deciding again. Only forks give that warning."""
    import _thread
    installed = None

    def before_fork():
        nonlocal installed
        import warnings
        if installed is not None and installed in warnings.filters:
            warnings.filters.remove(installed)
            warnings._filters_mutated()
        installed = None
        if _thread._count() == 0:
            warnings.filterwarnings('ignore', message=r'This process \(pid=\d+\) is multi-threaded',
                                    category=DeprecationWarning)
            installed = warnings.filters[0]

    os.register_at_fork(before=before_fork)


def _install(runtime_path, hook, exit_hook, threshold, loop_threshold, optimise_after):
    # importlib.util's functions from the import system's own modules, as the launcher loads this
    # file (launch.c)
    import _frozen_importlib
    import _frozen_importlib_external
    spec = _frozen_importlib_external.spec_from_file_location('_pyjit_rt', runtime_path)
    runtime = _frozen_importlib.module_from_spec(spec)
    spec.loader.exec_module(runtime)
    sys.modules['_pyjit_rt'] = runtime
    runtime.install(hook, exit_hook, threshold, loop_threshold, optimise_after)
    os.register_at_fork(after_in_child=runtime.after_fork_in_child)
    return runtime


def _register_exit(runtime, exit_hook):
    """A forked child has no JVM: it must not call into Java, so only the first process finishes,
    unless the runtime says the child has a compiler of its own (its finish() knows)."""
    import atexit
    first_process = os.getpid()

    def finish():
        if runtime is not None:
            runtime.finish()
        elif os.getpid() == first_process:
            exit_hook()

    atexit.register(finish)
