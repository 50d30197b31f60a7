package dev.pyjit.frontend;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes CPython 3.13 bytecode: two-byte code units, EXTENDED_ARG prefixes folded into the
 * argument of the instruction they precede, inline cache units skipped (a cache where an
 * instruction starts is an unknown opcode), relative jumps resolved
 * to byte offsets (forward from the end of the caches; JUMP_BACKWARD and
 * JUMP_BACKWARD_NO_INTERRUPT count backwards).
 */
public final class Decoder {
    private Decoder() {}

    public static List<Instruction> decode(CodeObject code) {
        byte[] bytes = code.code();
        List<Instruction> instructions = new ArrayList<>();
        int offset = 0;
        int start = 0;
        int extended = 0;
        while (offset < bytes.length) {
            int number = bytes[offset] & 0xff;
            int argument = (bytes[offset + 1] & 0xff) | (extended << 8);
            Opcode opcode = Opcode.of(number);
            if (opcode == null) {
                throw new IllegalArgumentException("unknown opcode " + number + " at offset " + offset);
            }
            if (opcode == Opcode.CACHE) {
                // co_code shows an opcode CPython does not know as a cache (its deoptimisation table
                // maps it to 0); the interpreter raises SystemError there, so no code may run past it
                throw new IllegalArgumentException("unknown opcode " + (code.quickened()[offset] & 0xff) + " at offset " + offset);
            }
            if (opcode == Opcode.EXTENDED_ARG) {
                extended = argument;
                offset += 2;
                continue;
            }
            int next = offset + 2 + 2 * opcode.caches;
            int target = -1;
            if (opcode.relativeJump) {
                boolean backwards = opcode == Opcode.JUMP_BACKWARD || opcode == Opcode.JUMP_BACKWARD_NO_INTERRUPT;
                target = next + (backwards ? -2 * argument : 2 * argument);
            }
            instructions.add(new Instruction(start, offset, opcode, argument, code.lineAt(offset), target, next));
            extended = 0;
            offset = next;
            start = next;
        }
        return instructions;
    }
}
