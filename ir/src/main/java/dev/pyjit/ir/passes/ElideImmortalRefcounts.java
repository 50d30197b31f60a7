package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;

/**
 * Drops Incref and Decref of values that are certainly None or a bool: CPython 3.13 makes those
 * objects immortal, so counting their references changes nothing (see {@link dev.pyjit.ir.Type#isRefcounted}).
 */
public final class ElideImmortalRefcounts implements Pass {
    @Override
    public String name() {
        return "elide-immortal-refcounts";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            block.instructions().removeIf(instruction -> instruction instanceof Instr.Refcount refcount
                    && !refcount.value().type().isRefcounted());
        }
    }
}
