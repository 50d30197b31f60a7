package dev.pyjit.ir;

/**
 * An SSA value: defined once, by an instruction or as a block parameter. Its type starts at
 * {@link Type#TOP} (or what the builder knows) and is narrowed by type inference.
 */
public final class Value {
    private final int id;
    private Type type;

    Value(int id, Type type) {
        this.id = id;
        this.type = type;
    }

    public int id() {
        return id;
    }

    public Type type() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    @Override
    public String toString() {
        return "v" + id;
    }
}
