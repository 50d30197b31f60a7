package dev.pyjit.frontend;

/** The function uses something the compiler does not handle yet; it stays interpreted, with this reason. */
public final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason);
    }
}
