package dev.pyjit.cli.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.LongPointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compiler's queue takes the job whose code has the most samples now; among equals, the latest. */
class HottestFirstTest {
    private final List<LongPointer> counts = new ArrayList<>();
    private final BackgroundCompiler.HottestFirst queue = new BackgroundCompiler.HottestFirst();

    @AfterEach
    void freeCounts() {
        counts.forEach(LongPointer::close);
    }

    /** A compilation job whose code has been sampled {@code samples} times so far, and its count. */
    private BackgroundCompiler.Job job(String name, long samples) {
        LongPointer count = new LongPointer(1).put(samples);
        counts.add(count);
        return new BackgroundCompiler.Job(new FunctionCompiler.Where("f.py", 1, name), BackgroundCompiler.Job.samplesAt(count.address()), () -> {});
    }

    private static String name(Runnable job) {
        return ((BackgroundCompiler.Job) job).where().name();
    }

    @Test
    void theHottestWaitingJobGoesFirst() throws InterruptedException {
        queue.offer(job("warm", 5));
        queue.offer(job("cool", 2));
        queue.offer(job("hottest", 9));
        queue.offer(job("latest", 2));
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            order.add(name(queue.take()));
        }
        assertEquals(List.of("hottest", "warm", "latest", "cool"), order);
    }

    @Test
    void samplesTakenWhileWaitingCount() throws InterruptedException {
        BackgroundCompiler.Job early = job("early", 2);
        queue.offer(early);
        queue.offer(job("later", 2));
        counts.get(0).put(40);  // the program went on running the early one
        assertSame(early, queue.take());
        assertEquals("later", name(queue.take()));
    }

    @Test
    void withoutSamplesTheLatestGoesFirst() throws InterruptedException {
        for (String name : List.of("a", "b", "c")) {
            queue.offer(new BackgroundCompiler.Job(new FunctionCompiler.Where("f.py", 1, name), BackgroundCompiler.Job.samplesAt(0), () -> {}));
        }
        assertEquals("c", name(queue.take()));
        assertEquals("b", name(queue.take()));
        assertEquals("a", name(queue.take()));
    }

    @Test
    void freeingCodeGoesBeforeAnyCompilation() throws InterruptedException {
        queue.offer(job("hot", 1000));
        BackgroundCompiler.Job freeing = new BackgroundCompiler.Job(null, null, () -> {});
        queue.offer(freeing);
        queue.offer(job("hotter", 2000));
        assertSame(freeing, queue.take());
        assertEquals("hotter", name(queue.take()));
    }
}
