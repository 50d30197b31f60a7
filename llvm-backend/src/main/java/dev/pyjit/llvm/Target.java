package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * The machines pyjit generates code for, named the way GNU target triples name them. The JIT
 * always uses the host; {@code pyjit dump --target} can show any of them.
 */
public enum Target {
    X86_64("x86_64-linux-gnu", "x86_64-unknown-linux-gnu"),
    AARCH64("aarch64-linux-gnu", "aarch64-unknown-linux-gnu");

    /** The name users write. */
    public final String displayName;
    final String triple;

    Target(String displayName, String triple) {
        this.displayName = displayName;
        this.triple = triple;
    }

    public static Target host() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64" -> AARCH64;
            default -> throw new LlvmError("pyjit generates no code for this machine (" + System.getProperty("os.arch") + ")");
        };
    }

    public static Target parse(String name) {
        for (Target target : values()) {
            if (target.displayName.equals(name)) {
                return target;
            }
        }
        return null;
    }

    void initialise() {
        switch (this) {
            case X86_64 -> {
                LLVMInitializeX86TargetInfo();
                LLVMInitializeX86Target();
                LLVMInitializeX86TargetMC();
                LLVMInitializeX86AsmPrinter();
            }
            case AARCH64 -> {
                LLVMInitializeAArch64TargetInfo();
                LLVMInitializeAArch64Target();
                LLVMInitializeAArch64TargetMC();
                LLVMInitializeAArch64AsmPrinter();
            }
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
