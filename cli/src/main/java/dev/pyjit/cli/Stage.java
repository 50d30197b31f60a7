package dev.pyjit.cli;

/** The stages of the pipeline that {@code pyjit dump} shows, in pipeline order. */
enum Stage {
    bytecode, ir, typed, opt, llvm, llvm_opt, asm;

    static Stage parse(String text) {
        for (Stage stage : values()) {
            if (stage.toString().equals(text)) {
                return stage;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name().replace('_', '-');
    }
}
