package dev.pyjit.ir;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one compilation's time goes: each {@link #lap} charges the time since the previous lap (or
 * since the clock was made) to a named stage. The stats add these up per stage, so a slow
 * compiler shows which stage to cut; within the IR passes' stage, each pass's own time is
 * {@linkplain #chargePass charged} to it as well.
 */
public final class StageClock {
    private final Map<String, Long> nanosByStage = new LinkedHashMap<>();
    private final Map<String, Long> nanosByPass = new LinkedHashMap<>();
    private long last = System.nanoTime();

    public void lap(String stage) {
        long now = System.nanoTime();
        nanosByStage.merge(stage, now - last, Long::sum);
        last = now;
    }

    /** Time from the last lap until now belongs to no stage (a wait in a queue, say). */
    public void skip() {
        last = System.nanoTime();
    }

    /** Charges {@code nanos} to the IR pass of that name, leaving the stages' laps as they are. */
    public void chargePass(String pass, long nanos) {
        nanosByPass.merge(pass, nanos, Long::sum);
    }

    /** The IR passes in the order they first ran, with their nanoseconds. */
    public Map<String, Long> nanosByPass() {
        return new LinkedHashMap<>(nanosByPass);
    }

    /** The stages in the order they first ran, with their nanoseconds. */
    public Map<String, Long> nanosByStage() {
        return new LinkedHashMap<>(nanosByStage);
    }

    public long totalNanos() {
        return nanosByStage.values().stream().mapToLong(Long::longValue).sum();
    }
}
