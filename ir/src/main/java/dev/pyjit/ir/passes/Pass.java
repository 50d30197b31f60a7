package dev.pyjit.ir.passes;

import dev.pyjit.ir.Function;

/** One transformation or analysis of a function, run in order by {@link Pipeline}. */
public interface Pass {
    String name();

    void run(Function function);
}
