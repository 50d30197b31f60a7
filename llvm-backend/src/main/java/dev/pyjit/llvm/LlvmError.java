package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;

/** An error reported by LLVM; {@link #check} turns an LLVMErrorRef into one and frees the message. */
public final class LlvmError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlvmError(String message) {
        super(message);
    }

    public static void check(LLVMErrorRef error, String what) {
        if (error != null && !error.isNull()) {
            BytePointer message = LLVMGetErrorMessage(error);
            String text = message.getString();
            LLVMDisposeErrorMessage(message);
            throw new LlvmError(what + ": " + text);
        }
    }
}
