package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.cpython.PyThreadState;

/**
 * The compiler's own thread. The program never waits for a compilation: its functions stay
 * interpreted until their native code is published, which takes the GIL for an instant. Jobs run
 * one at a time, in the order they were asked for; LLVM's JIT is used from this thread alone.
 */
final class BackgroundCompiler {
    /** A compilation (of the function {@code where}), or a freeing of code ({@code where} null), waiting for the thread. */
    record Job(FunctionCompiler.Where where, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    /** How long the exit waits for the compilation under way; none takes nearly as long. */
    private static final long EXIT_WAIT_SECONDS = 30;

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), body -> {
        Thread compiler = new Thread(body, "pyjit-compiler");
        compiler.setDaemon(true);
        return compiler;
    });
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile int waitingMax;
    /**
     * Set once the interpreter is shutting down, with the GIL held. A job reads it first without the
     * GIL, so that it never asks for the GIL once the program is ending (its code reference then
     * stays: the process is ending), and again with it, where the answer counts.
     */
    private volatile boolean closed;
    private PyObject publish;

    /** Queues a job; the caller holds the GIL. After {@link #close} nothing is queued any more. */
    void submit(FunctionCompiler.Where where, Runnable body) {
        if (closed) {
            return;
        }
        if (where == null) {
            thread.execute(new Job(null, body));  // freeing code is no compilation to wait for
            return;
        }
        waitingMax = Math.max(waitingMax, waiting.incrementAndGet());
        thread.execute(new Job(where, () -> {
            waiting.decrementAndGet();
            body.run();
        }));
    }

    int waitingMax() {
        return waitingMax;
    }

    /**
     * From the compiler's thread: installs {@code answer} for {@code code} (a reference the job
     * owned) through the runtime's publish(), holding the GIL for that instant.
     */
    void publish(PyObject code, Jit.Answer answer) {
        if (closed) {
            return;
        }
        int gil = PyGILState_Ensure();
        try {
            if (!closed) {
                if (publish == null) {
                    PyObject runtime = PyImport_ImportModule("_pyjit_rt");
                    publish = runtime == null ? null : PyObject_GetAttrString(runtime, "publish");
                    Py_XDECREF(runtime);
                }
                PyObject arguments = PyTuple_New(2);
                Py_IncRef(code);
                PyTuple_SetItem(arguments, 0, code);
                PyTuple_SetItem(arguments, 1, answer.toPython());
                PyObject done = publish == null ? null : PyObject_CallObject(publish, arguments);
                Py_DecRef(arguments);
                if (done == null) {
                    PyErr_Clear();
                } else {
                    Py_DecRef(done);
                }
            }
            Py_DecRef(code);
        } finally {
            PyGILState_Release(gil);
        }
    }

    /**
     * At exit, with the GIL held: takes no more work, drops what has not started and waits for the
     * job under way with the GIL released (it may be about to publish). Returns the dropped jobs.
     */
    List<Job> close() {
        closed = true;
        List<Runnable> dropped = new ArrayList<>();
        thread.getQueue().drainTo(dropped);
        thread.shutdown();
        PyThreadState saved = PyEval_SaveThread();
        try {
            thread.awaitTermination(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            PyEval_RestoreThread(saved);
        }
        return dropped.stream().map(Job.class::cast).toList();
    }
}
