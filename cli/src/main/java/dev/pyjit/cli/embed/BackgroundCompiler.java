package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.cpython.PyThreadState;
import org.bytedeco.javacpp.LongPointer;

/**
 * The compiler's own thread. The program never waits for a compilation: its functions stay
 * interpreted until their native code is published, which takes the GIL for an instant. Jobs run
 * one at a time, the hottest first ({@link HottestFirst}). LLVM's JIT is used from this thread alone.
 */
final class BackgroundCompiler {
    /**
     * A compilation (of the function {@code where}, whose code object's samples the runtime counts
     * in {@code samples}, null where it counts none), or a freeing of code ({@code where} null),
     * waiting for the thread.
     */
    record Job(FunctionCompiler.Where where, LongPointer samples, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }

        /**
         * How hot the job's code is now: the samples the runtime has taken of its frames so far, read
         * without the GIL (a count the program's thread increments; a stale one orders as well). The
         * queued job holds its code object, which holds the count. Freeing code comes first: it is quick.
         */
        long heat() {
            return where == null ? Long.MAX_VALUE : samples == null ? 0 : samples.get();
        }

        /** The runtime's count at the address {@code count} (0: none), as {@link #samples} reads it; the count is not this pointer's to free. */
        static LongPointer samplesAt(long count) {
            return count == 0 ? null : new LongPointer() {
                {
                    address = count;
                }
            };
        }
    }

    /**
     * The executor's queue: the hottest job first. Where hot code is sampled (the default), the
     * sampler goes on counting the frames of code whose compilation waits, which the interpreter
     * still runs: the code the program spends its time in gathers samples while the compiler is
     * busy, and code that was hot once, while modules were imported, gathers none. Taking the latest
     * request first had it backwards there: the hottest functions get hot first, and each later
     * request went before them (deltablue, run 2.4 s: the compiler was still at functions entered a
     * few hundred times when the program ended, with EqualityConstraint.execute, entered 15 million
     * times, waiting). Among equally hot jobs (all of them where frames are counted, with a threshold)
     * the latest goes first: the function that just got hot is the one the program runs now.
     */
    static final class HottestFirst extends LinkedBlockingDeque<Runnable> {
        @Override
        public boolean offer(Runnable job) {
            return offerFirst(job);
        }

        @Override
        public Runnable take() throws InterruptedException {
            return hottest(super.take());
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            Runnable taken = super.poll(timeout, unit);
            return taken == null ? null : hottest(taken);
        }

        /** The hottest of {@code taken} (the latest) and the jobs still waiting; the others wait on, in their order. */
        private Runnable hottest(Runnable taken) {
            Runnable hottest = taken;
            long heat = heatOf(taken);
            for (Runnable waiting : this) {
                long waitingHeat = heatOf(waiting);
                if (waitingHeat > heat) {
                    hottest = waiting;
                    heat = waitingHeat;
                }
            }
            if (hottest != taken && removeItself(hottest)) {
                offerFirst(taken);
                return hottest;
            }
            return taken;
        }

        /** Removes that very job (a record's equality would link its method handles in a JVM that has just started). */
        private boolean removeItself(Runnable job) {
            for (Iterator<Runnable> waiting = iterator(); waiting.hasNext();) {
                if (waiting.next() == job) {
                    waiting.remove();
                    return true;
                }
            }
            return false;
        }

        private static long heatOf(Runnable job) {
            return job instanceof Job queued ? queued.heat() : 0;
        }
    }

    /** How long the exit waits for the compilation under way; none takes nearly as long. */
    private static final long EXIT_WAIT_SECONDS = 30;

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new HottestFirst(), body -> {
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
    private PyObject publishFunction;
    /** Answers compiled but not yet published, the compiler thread's alone. */
    private final List<Unpublished> unpublished = new ArrayList<>();
    private long oldestUnpublished;

    private record Unpublished(PyObject code, Jit.Answer answer) {}

    /** How long an answer may wait for others to be published with it: about what one more GIL acquisition costs. */
    private static final long PUBLISH_AFTER_NANOS = 5_000_000;

    /** Queues a job (see {@link Job}); the caller holds the GIL. After {@link #close} nothing is queued any more. */
    void submit(FunctionCompiler.Where where, LongPointer samples, Runnable body) {
        if (closed) {
            return;
        }
        if (where != null) {
            waitingMax = Math.max(waitingMax, waiting.incrementAndGet());  // freeing code is no compilation to wait for
        }
        thread.execute(new Job(where, samples, () -> {
            if (where != null) {
                waiting.decrementAndGet();
            }
            try {
                body.run();
            } finally {
                publishIfDue();  // after every job: answers waiting for the next ones must not wait for ever
            }
        }));
    }

    int waitingMax() {
        return waitingMax;
    }

    /**
     * From the compiler's thread: {@code answer} is to be installed for {@code code} (a reference
     * the job owned). Answers are published together, holding the GIL once: taking it from this
     * thread can wait for the interpreter's switch interval (5 ms), which every answer would pay.
     */
    void publish(PyObject code, Jit.Answer answer) {
        if (unpublished.isEmpty()) {
            oldestUnpublished = System.nanoTime();
        }
        unpublished.add(new Unpublished(code, answer));
    }

    /** Publishes what is waiting when no compilation is left to do or the oldest answer has waited long enough. */
    private void publishIfDue() {
        if (unpublished.isEmpty() || closed
                || !thread.getQueue().isEmpty() && System.nanoTime() - oldestUnpublished < PUBLISH_AFTER_NANOS) {
            return;
        }
        int gil = PyGILState_Ensure();
        try {
            if (!closed) {
                if (publishFunction == null) {
                    PyObject runtime = PyImport_ImportModule("_pyjit_rt");
                    publishFunction = runtime == null ? null : PyObject_GetAttrString(runtime, "publish");
                    Py_XDECREF(runtime);
                }
                for (Unpublished waiting : unpublished) {
                    install(waiting.code(), waiting.answer());
                }
                unpublished.clear();
            }
        } finally {
            PyGILState_Release(gil);
        }
    }

    /** Calls the runtime's publish(code, answer); the GIL is held. */
    private void install(PyObject code, Jit.Answer answer) {
        PyObject arguments = PyTuple_New(2);
        PyTuple_SetItem(arguments, 0, code);  // the job's reference goes to the tuple
        PyTuple_SetItem(arguments, 1, answer.toPython());
        PyObject done = publishFunction == null ? null : PyObject_CallObject(publishFunction, arguments);
        Py_DecRef(arguments);
        if (done == null) {
            PyErr_Clear();
        } else {
            Py_DecRef(done);
        }
    }

    /**
     * At exit, with the GIL held: takes no more work and drops what has not started. With
     * {@code waitForJobUnderWay}, waits for the job under way with the GIL released (it may be
     * about to publish); else that job goes on, and finds {@link #closed} set if it ever gets the
     * GIL back. Returns the dropped jobs.
     */
    List<Job> close(boolean waitForJobUnderWay) {
        closed = true;
        List<Runnable> dropped = new ArrayList<>();
        thread.getQueue().drainTo(dropped);
        thread.shutdown();
        if (!waitForJobUnderWay) {
            return dropped.stream().map(Job.class::cast).toList();
        }
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
