package dev.pyjit.frontend;

/**
 * One decoded instruction.
 *
 * @param start      byte offset of its first code unit, an EXTENDED_ARG prefix if it has one (jumps land here)
 * @param offset     byte offset of the opcode itself (what the frame's instruction pointer shows)
 * @param argument   the full argument, EXTENDED_ARG prefixes folded in
 * @param jumpTarget byte offset a relative jump goes to, or -1
 * @param next       byte offset of the following instruction, past the inline caches
 */
public record Instruction(int start, int offset, Opcode opcode, int argument, int line, int jumpTarget, int next) {
    @Override
    public String toString() {
        return offset + " " + opcode + " " + argument + (jumpTarget >= 0 ? " -> " + jumpTarget : "");
    }
}
