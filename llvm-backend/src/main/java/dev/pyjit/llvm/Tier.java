package dev.pyjit.llvm;

/**
 * How much the code generator spends on a function. Most functions that reach a call threshold
 * run a few hundred times and are never called again, so they are compiled {@link #QUICK}ly:
 * fast instruction selection and register allocation, about a third of the optimising code
 * generator's time, for code that calls a helper per instruction (slower than CPython's own
 * interpreter). The runtime asks again, for {@link #OPTIMISED} code, once the quick code has been
 * entered often (PYJIT_OPTIMISE_AFTER); a function with a loop, whose time is in the loop, and a
 * function the sampler found hot (no threshold given) are optimised from their first compilation.
 *
 * <p>{@link #number()} is the tier as the runtime and the stats know it.
 */
public enum Tier {
    QUICK(1),
    OPTIMISED(2);

    private final int number;

    Tier(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The tier numbered {@code number}; anything but 1 is optimised. */
    public static Tier of(int number) {
        return number == 1 ? QUICK : OPTIMISED;
    }

    /** As the stats name it. */
    public String label() {
        return name().toLowerCase();
    }
}
