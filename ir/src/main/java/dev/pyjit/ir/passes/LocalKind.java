package dev.pyjit.ir.passes;

/** Where a local's value is, at some point of the code ({@link PromoteLocals}). */
enum LocalKind {
    /** In the frame alone; compiled code does not know it. */
    FRAME,
    /** In the frame, and compiled code has it as a value. */
    KNOWN,
    /** Only compiled code has it (it owns a reference); the frame holds an older object. */
    VIRTUAL
}
