package dev.pyjit.cli.embed;

import dev.pyjit.llvm.LlvmError;
import dev.pyjit.llvm.NativeJit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The native code of each live code object, under the handle the runtime keeps in that code
 * object's state and hands back when it dies. Used by the one thread that compiles.
 */
final class NativeCodes {
    private record Owner(FunctionCompiler.Where where, List<NativeJit.NativeCode> codes) {}

    private final Map<Long, Owner> owners = new HashMap<>();
    private long nextHandle = 1;

    /** Adds a compilation of the code object known as {@code handle} (0: not known yet) and returns its handle. */
    long add(long handle, FunctionCompiler.Where where, NativeJit.NativeCode code) {
        long owner = handle != 0 ? handle : nextHandle++;
        owners.computeIfAbsent(owner, unused -> new Owner(where, new ArrayList<>())).codes().add(code);
        return owner;
    }

    /**
     * The code objects of these handles died, so no frame can run their native code any more:
     * its counters go to the stats, its memory back to the system.
     */
    void release(long[] handles, FunctionCompiler compiler, JitStats stats) {
        for (long handle : handles) {
            Owner owner = owners.remove(handle);
            if (owner == null) {
                continue;
            }
            for (NativeJit.NativeCode code : owner.codes()) {
                stats.retire(owner.where(), code);
                try {
                    compiler.release(code);
                } catch (LlvmError leaked) {
                    // that code's memory stays; the others are still freed, and no compilation fails for it
                }
            }
        }
    }
}
