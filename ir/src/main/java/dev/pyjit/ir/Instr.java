package dev.pyjit.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An IR instruction: one record per kind. Immediates (slots, name and constant indices,
 * operators) are fields; SSA operands are {@link Value}s; an instruction that can raise has a
 * {@link FrameState}. Records are immutable: passes rewrite by building new ones.
 */
public sealed interface Instr {
    Op op();

    /** The value defined, or null. */
    Value result();

    List<Value> operands();

    /** Non-null exactly when {@code op().canRaise}. */
    FrameState state();

    /**
     * Where the interpreter resumes if this instruction's speculation fails, or null for an
     * instruction that speculates nothing (see {@link ResumeState}).
     */
    default ResumeState resume() {
        return null;
    }

    /** Whether compiled code checks an assumption here and, if it fails, resumes in the interpreter. */
    default boolean speculates() {
        return false;
    }

    /** The immediates as printed between angle brackets, or "" for none. */
    String immediates(Function function);

    Instr mapOperands(UnaryOperator<Value> map);

    /** This instruction with {@code locals} in its frame state and resume state, if it has them. */
    /** The instruction with each virtual local of its frame and resume states mapped. */
    default Instr mapVirtualLocals(UnaryOperator<VirtualLocal> f) {
        if ((state() == null || state().locals().isEmpty()) && (resume() == null || resume().locals().isEmpty())) {
            return this;
        }
        return InstrStates.rebuilt(this, state -> state.withLocals(state.locals().stream().map(f).toList()),
                resume -> resume.withLocals(resume.locals().stream().map(f).toList()));
    }

    default Instr withVirtualLocals(List<VirtualLocal> locals) {
        return InstrStates.withVirtualLocals(this, locals);
    }

    /** This instruction with {@code locals} as the known locals of its frame state ({@link FrameState#known}). */
    default Instr withKnownLocals(List<KnownLocal> locals) {
        return state() == null || state().known().equals(locals) ? this : InstrStates.rebuilt(this, state -> state.withKnown(locals), resume -> resume);
    }

    /**
     * This instruction with one reference to {@code value} fewer taken at each of its exits that
     * passes the value on or releases it (its error path, its hand-over to the interpreter): a pass
     * dropped an Incref before it and the Decref after it.
     */
    default Instr withBorrowed(Value value) {
        boolean raising = state() != null && state().owned().contains(value);
        boolean handing = speculates() && resume() != null && resume().handsOver(value);
        if (!raising && !handing) {
            return this;
        }
        return InstrStates.rebuilt(this, state -> raising ? state.withBorrowed(value) : state,
                resume -> handing ? resume.withBorrowed(value) : resume);
    }

    private static List<Value> map(List<Value> values, UnaryOperator<Value> f) {
        return values.stream().map(f).toList();
    }

    private static FrameState map(FrameState state, UnaryOperator<Value> f) {
        return state == null ? null : state.withReplaced(f);
    }

    private static ResumeState map(ResumeState resume, UnaryOperator<Value> f) {
        return resume == null ? null : resume.withReplaced(f);
    }

    record LoadConst(Value result, int index) implements Instr {
        public Op op() { return Op.LOAD_CONST; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.constantRepr(index); }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /**
     * A new reference to the value of a local. If inference gave it a narrower type than Object,
     * the loaded object's type is checked, and a mismatch hands the frame to the interpreter at
     * {@code resume} (a function built by hand may leave it null; lowering then refuses a narrower type).
     */
    /**
     * {@code orUnbound}: the slot may be unbound here, and an unbound slot reads as the runtime's
     * unbound float or int (as the load is typed; see PromoteLocals), which a write to the frame
     * makes unbound again.
     */
    record LoadLocal(Value result, int slot, ResumeState resume, boolean orUnbound) implements Instr {
        public LoadLocal(Value result, int slot) {
            this(result, slot, null, false);
        }
        public LoadLocal(Value result, int slot, ResumeState resume) {
            this(result, slot, resume, false);
        }
        public Op op() { return Op.LOAD_LOCAL; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.localName(slot) + (orUnbound ? ",or_unbound" : ""); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadLocal(result, slot, map(resume, f), orUnbound); }
        /** A type narrower than Object is checked (Bottom: never loaded, nothing to check). */
        public boolean speculates() { return !result.type().isBottom() && !Type.OBJECT.isSubtypeOf(result.type()); }
    }

    record LoadLocalChecked(Value result, int slot, FrameState state) implements Instr {
        public Op op() { return Op.LOAD_LOCAL_CHECKED; }
        public List<Value> operands() { return List.of(); }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadLocalChecked(result, slot, map(state, f)); }
    }

    /**
     * Stores into a local slot. Dropping the old value can run code (a {@code __del__}, the warning
     * about a coroutine never awaited) that reads the frame's line, so the store knows the offset of
     * its STORE_FAST; -1 in IR built by hand.
     */
    record StoreLocal(int slot, Value value, int offset) implements Instr {
        public StoreLocal(int slot, Value value) {
            this(slot, value, -1);
        }
        public Op op() { return Op.STORE_LOCAL; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new StoreLocal(slot, f.apply(value), offset); }
    }

    /**
     * The operand (its reference taken over), known from here on to be exactly of {@code type}:
     * the interpreter had specialised the instruction that uses it for that type. Compiled code
     * checks it, unless inference already knows it, and hands the frame to the interpreter at
     * {@code resume} if it is not.
     */
    record GuardType(Value result, Value value, Type type, ResumeState resume) implements Instr {
        public Op op() { return Op.GUARD_TYPE; }
        public List<Value> operands() { return List.of(value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return type.toString(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new GuardType(result, f.apply(value), type, map(resume, f)); }
        public boolean speculates() { return !value.type().isSubtypeOf(type); }
    }

    /**
     * Writes a {@link VirtualLocal}'s value to its slot, before anything that could look at the
     * frame: the slot's older object is released. Boxing an unboxed double can raise.
     */
    record FlushLocal(int slot, Value value, FrameState state) implements Instr {
        public Op op() { return Op.FLUSH_LOCAL; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(value); }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new FlushLocal(slot, f.apply(value), map(state, f)); }
    }

    /**
     * A global or builtin; {@code hint} says how the interpreter had specialised it (see {@link CacheHint}).
     * With a hint and a {@code resume} state it runs no Python code while virtual locals are
     * about (its state has some): where looking the name up could (globals or builtins that are not
     * plain dicts of str keys), the interpreter takes the frame over before the instruction.
     */
    record LoadGlobal(Value result, int nameIndex, CacheHint hint, FrameState state, ResumeState resume) implements Instr {
        public LoadGlobal(Value result, int nameIndex, FrameState state) {
            this(result, nameIndex, CacheHint.NONE, state, null);
        }
        public Op op() { return Op.LOAD_GLOBAL; }
        public List<Value> operands() { return List.of(); }
        public String immediates(Function fn) { return fn.name(nameIndex) + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadGlobal(result, nameIndex, hint, map(state, f), map(resume, f)); }
        public boolean speculates() { return runsNoCode() && !state.locals().isEmpty(); }
        /** Whether it keeps from running Python code: where there are no virtual locals, it has no need to. */
        public boolean runsNoCode() { return hint != CacheHint.NONE && resume != null; }
    }

    record StoreGlobal(int nameIndex, Value value, FrameState state) implements Instr {
        public Op op() { return Op.STORE_GLOBAL; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(value); }
        public String immediates(Function fn) { return fn.name(nameIndex); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new StoreGlobal(nameIndex, f.apply(value), map(state, f)); }
    }

    /**
     * {@code owner.name}. With a hint it runs no Python code on its fast path; if that misses, the
     * virtual locals are written to the frame first and the known ones held ({@link FrameState#known}),
     * and if the code that ran changed one of them, the interpreter takes the frame over
     * {@code after} it, with the attribute pushed.
     */
    record LoadAttr(Value result, Value owner, int nameIndex, CacheHint hint, FrameState state, ResumeState after) implements Instr {
        public LoadAttr(Value result, Value owner, int nameIndex, FrameState state) {
            this(result, owner, nameIndex, CacheHint.NONE, state, null);
        }
        public Op op() { return Op.LOAD_ATTR; }
        public List<Value> operands() { return List.of(owner); }
        public String immediates(Function fn) { return fn.name(nameIndex) + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadAttr(result, f.apply(owner), nameIndex, hint, map(state, f), map(after, f)); }
        public ResumeState resume() { return after; }
        public boolean speculates() { return after != null && hint != CacheHint.NONE && !(state.locals().isEmpty() && state.known().isEmpty()); }
    }

    /**
     * {@code owner.name} where the attribute is an exact float whose double alone is wanted
     * ({@link dev.pyjit.ir.passes.UnboxFloatsAtLoad}): the double is read out of the float where
     * the interpreter's cache or the site's shapes find it, no reference taken. Otherwise the
     * attribute is loaded the generic way; anything but an exact float hands the frame to the
     * interpreter {@code after} the load, the object pushed.
     */
    record LoadAttrFloat(Value result, Value owner, int nameIndex, CacheHint hint, FrameState state, ResumeState after) implements Instr {
        public Op op() { return Op.LOAD_ATTR_FLOAT; }
        public List<Value> operands() { return List.of(owner); }
        public String immediates(Function fn) { return fn.name(nameIndex) + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadAttrFloat(result, f.apply(owner), nameIndex, hint, map(state, f), map(after, f)); }
        public ResumeState resume() { return after; }
        public boolean speculates() { return true; }
    }

    /**
     * LOAD_ATTR's method form: the callable for {@code owner.name(...)}. When that is a function
     * found on the type, the result is the function itself and the {@link MethodSelf} that follows
     * gives the owner, so no bound method is made; otherwise the result is the attribute and
     * MethodSelf gives C NULL.
     */
    record LoadMethod(Value result, Value owner, int nameIndex, CacheHint hint, FrameState state) implements Instr {
        public Op op() { return Op.LOAD_METHOD; }
        public List<Value> operands() { return List.of(owner); }
        public String immediates(Function fn) { return fn.name(nameIndex) + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadMethod(result, f.apply(owner), nameIndex, hint, map(state, f)); }
    }

    /**
     * Where the interpreter specialised a LOAD_ATTR for a property (LOAD_ATTR_PROPERTY), or did and
     * took it back once the getter got native code of its own (the runtime names the getter), the load is
     * a call of the property's getter with the owner, which can have the getter's body inlined:
     * this is that callable. It is the getter of the property the owner's type has under the name,
     * as the site's shapes find it by type version, and otherwise a builtin whose call loads the
     * attribute the generic way. Runs no code; raises only where that builtin cannot be made.
     */
    record PropertyGetter(Value result, Value owner, int nameIndex, FrameState state) implements Instr {
        public Op op() { return Op.PROPERTY_GETTER; }
        public List<Value> operands() { return List.of(owner); }
        public String immediates(Function fn) { return fn.name(nameIndex); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new PropertyGetter(result, f.apply(owner), nameIndex, map(state, f)); }
    }

    /**
     * LOAD_SUPER_ATTR: the attribute {@code super(cls, self).name} (the builtin super or whatever the
     * name {@code super} was bound to), with CPython's oparg: the name index above two flags, bit 1
     * the method form (a {@link MethodSelf} follows) and bit 2 whether super is called with its two
     * arguments.
     */
    record LoadSuperAttr(Value result, Value globalSuper, Value cls, Value self, int oparg, FrameState state) implements Instr {
        public Op op() { return Op.LOAD_SUPER_ATTR; }
        public List<Value> operands() { return List.of(globalSuper, cls, self); }
        public int nameIndex() { return oparg >> 2; }
        public boolean methodForm() { return (oparg & 1) != 0; }
        public String immediates(Function fn) { return fn.name(nameIndex()) + (methodForm() ? ",method" : "") + ((oparg & 2) != 0 ? ",two_args" : ""); }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new LoadSuperAttr(result, f.apply(globalSuper), f.apply(cls), f.apply(self), oparg, map(state, f));
        }
    }

    /** The self the {@link LoadMethod} or method-form {@link LoadSuperAttr} right before it found: its owner, or C NULL. */
    record MethodSelf(Value result, Value method) implements Instr {
        public Op op() { return Op.METHOD_SELF; }
        public List<Value> operands() { return List.of(method); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new MethodSelf(result, f.apply(method)); }
    }

    /** {@code owner.name = value}; with a hint, its slow path writes virtual locals as {@link LoadAttr}'s does. */
    record StoreAttr(Value owner, int nameIndex, Value value, CacheHint hint, FrameState state, ResumeState after) implements Instr {
        public StoreAttr(Value owner, int nameIndex, Value value, FrameState state) {
            this(owner, nameIndex, value, CacheHint.NONE, state, null);
        }
        public Op op() { return Op.STORE_ATTR; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(owner, value); }
        public String immediates(Function fn) { return fn.name(nameIndex) + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new StoreAttr(f.apply(owner), nameIndex, f.apply(value), hint, map(state, f), map(after, f));
        }
        public ResumeState resume() { return after; }
        public boolean speculates() { return after != null && hint != CacheHint.NONE && !(state.locals().isEmpty() && state.known().isEmpty()); }
    }

    /**
     * {@code owner.name = value} for a double: where the attribute holds an exact float that
     * nothing but the owner references, that float object takes the new value (no one can tell it
     * from a new one); otherwise the value is boxed and stored as {@link StoreAttr} stores it.
     */
    record StoreAttrFloat(Value owner, int nameIndex, Value value, CacheHint hint, FrameState state, ResumeState after) implements Instr {
        public Op op() { return Op.STORE_ATTR_FLOAT; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(owner, value); }
        public String immediates(Function fn) { return fn.name(nameIndex) + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new StoreAttrFloat(f.apply(owner), nameIndex, f.apply(value), hint, map(state, f), map(after, f));
        }
        public ResumeState resume() { return after; }
        public boolean speculates() { return after != null && hint != CacheHint.NONE && !(state.locals().isEmpty() && state.known().isEmpty()); }
    }

    record LoadNull(Value result) implements Instr {
        public Op op() { return Op.LOAD_NULL; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /**
     * An arithmetic operator. {@code resume} is this instruction with its operands on the stack:
     * where the interpreter takes over if compiled code that specialised it for ints finds them
     * too big for 64 bits. {@code hint}: {@link CacheHint#BINARY_OP_GENERIC} where the interpreter
     * left it unspecialised (it never specialises this operator), else NONE.
     */
    record BinaryOp(Value result, BinaryOperator operator, Value left, Value right, FrameState state, ResumeState resume,
                    CacheHint hint) implements Instr {
        public BinaryOp(Value result, BinaryOperator operator, Value left, Value right, FrameState state) {
            this(result, operator, left, right, state, null);
        }
        public BinaryOp(Value result, BinaryOperator operator, Value left, Value right, FrameState state, ResumeState resume) {
            this(result, operator, left, right, state, resume, CacheHint.NONE);
        }
        public Op op() { return Op.BINARY_OP; }
        public List<Value> operands() { return List.of(left, right); }
        public String immediates(Function fn) { return operator.name() + hint.suffix(); }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new BinaryOp(result, operator, f.apply(left), f.apply(right), map(state, f), map(resume, f), hint);
        }
    }

    /**
     * A unary operator. {@code resume} is this instruction with its operand on the stack: where the
     * interpreter takes over if compiled code that computes it on a 64-bit int finds the int too big.
     */
    record UnaryOp(Value result, UnaryKind kind, Value operand, FrameState state, ResumeState resume) implements Instr {
        public UnaryOp(Value result, UnaryKind kind, Value operand, FrameState state) {
            this(result, kind, operand, state, null);
        }
        public Op op() { return Op.UNARY_OP; }
        public List<Value> operands() { return List.of(operand); }
        public String immediates(Function fn) { return kind.name(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new UnaryOp(result, kind, f.apply(operand), map(state, f), map(resume, f)); }
    }

    /** Logical not of an exact bool (UNARY_NOT always follows TO_BOOL in 3.13). */
    record Not(Value result, Value operand) implements Instr {
        public Op op() { return Op.NOT; }
        public List<Value> operands() { return List.of(operand); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Not(result, f.apply(operand)); }
    }

    /** A comparison; {@code resume} as {@link BinaryOp}'s. */
    record Compare(Value result, CompareOperator operator, boolean toBool, Value left, Value right, FrameState state, ResumeState resume)
            implements Instr {
        public Compare(Value result, CompareOperator operator, boolean toBool, Value left, Value right, FrameState state) {
            this(result, operator, toBool, left, right, state, null);
        }
        public Op op() { return Op.COMPARE; }
        public List<Value> operands() { return List.of(left, right); }
        public String immediates(Function fn) { return operator.name() + (toBool ? ",bool" : ""); }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new Compare(result, operator, toBool, f.apply(left), f.apply(right), map(state, f), map(resume, f));
        }
    }

    record Is(Value result, Value left, Value right, boolean invert) implements Instr {
        public Op op() { return Op.IS; }
        public List<Value> operands() { return List.of(left, right); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return invert ? "not" : ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Is(result, f.apply(left), f.apply(right), invert); }
    }

    record Contains(Value result, Value item, Value container, boolean invert, FrameState state) implements Instr {
        public Op op() { return Op.CONTAINS; }
        public List<Value> operands() { return List.of(item, container); }
        public String immediates(Function fn) { return invert ? "not" : ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Contains(result, f.apply(item), f.apply(container), invert, map(state, f)); }
    }

    record ToBool(Value result, Value operand, FrameState state) implements Instr {
        public Op op() { return Op.TO_BOOL; }
        public List<Value> operands() { return List.of(operand); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new ToBool(result, f.apply(operand), map(state, f)); }
        /** Whether the operand is a builtin whose truth is its value or its length, so no __bool__ or __len__ runs. */
        public boolean runsNoCode() {
            Type type = operand.type();
            return !type.isBottom() && type.isSubtypeOf(Type.EXACT.union(Type.CDOUBLE).union(Type.CINT64));
        }
    }

    /**
     * callable(self?, *args) with the last len(kwnames) arguments passed by keyword; kwnamesConstant
     * is -1 for none. {@code resume} is the call with its operands on the stack: where the
     * interpreter takes over from a pass that made the call an intrinsic whose guard failed.
     * {@code inlined}: the callee's body compiled into the call, or null (see {@link Inlined}).
     * A call whose result is a machine number (a double, a 64-bit int) has a body that returns
     * one, and a call made instead unboxes its result: {@code resume} is then the call done with
     * its result pushed, where a result of another type (or an int past 64 bits) hands the frame
     * to the interpreter (see UnboxInlinedResults).
     */
    record Call(Value result, Value callable, Value selfOrNull, List<Value> arguments, int kwnamesConstant, FrameState state,
                ResumeState resume, Inlined inlined, Intrinsic intrinsic, ResumeState after) implements Instr {
        public Call(Value result, Value callable, Value selfOrNull, List<Value> arguments, int kwnamesConstant, FrameState state) {
            this(result, callable, selfOrNull, arguments, kwnamesConstant, state, null, null, null, null);
        }
        public Call(Value result, Value callable, Value selfOrNull, List<Value> arguments, int kwnamesConstant, FrameState state,
                    ResumeState resume) {
            this(result, callable, selfOrNull, arguments, kwnamesConstant, state, resume, null, null, null);
        }
        /**
         * The same call with the callee's body compiled into it; {@code after}, the call done with
         * its result pushed, is where the interpreter takes over if the call that is made instead
         * changed a local that compiled code keeps (see PromoteLocals).
         */
        public Call withInlined(Inlined body, ResumeState after) {
            return new Call(result, callable, selfOrNull, arguments, kwnamesConstant, state, resume, body, null, after);
        }
        /** The same call computed as {@code builtin} where it can be; {@code after} as for {@link #withInlined}. */
        public Call withIntrinsic(Intrinsic builtin, ResumeState after) {
            return new Call(result, callable, selfOrNull, arguments, kwnamesConstant, state, resume, null, builtin, after);
        }
        /** The same call taking its inlined body's number as {@code number}, resuming at {@code unexpected} where a call made instead returned no such number. */
        public Call withUnboxedResult(Value number, ResumeState unexpected) {
            return new Call(number, callable, selfOrNull, arguments, kwnamesConstant, state, unexpected, inlined, intrinsic, after);
        }
        public boolean speculates() { return result.type().isUnboxed(); }
        /** Whether a path of the call runs no Python code: an inlined body or an intrinsic. */
        public boolean mayRunNoCode() {
            return inlined != null || intrinsic != null;
        }
        public Op op() { return Op.CALL; }
        public List<Value> operands() {
            List<Value> all = new java.util.ArrayList<>(List.of(callable, selfOrNull));
            all.addAll(arguments);
            return all;
        }
        public String immediates(Function fn) {
            return arguments.size() + (kwnamesConstant < 0 ? "" : ",kw=" + fn.constantRepr(kwnamesConstant))
                    + (inlined == null ? "" : ",inlined=" + inlined.name()) + (intrinsic == null ? "" : ",intrinsic=" + intrinsic.pythonName());
        }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new Call(result, f.apply(callable), f.apply(selfOrNull), map(arguments, f), kwnamesConstant, map(state, f), map(resume, f),
                    inlined, intrinsic, map(after, f));
        }
    }

    /** BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_MAP (keys and values alternate), BUILD_STRING: steal their items. */
    record Build(Value result, Op op, List<Value> items, FrameState state) implements Instr {
        public List<Value> operands() { return items; }
        public String immediates(Function fn) { return Integer.toString(op == Op.BUILD_MAP ? items.size() / 2 : items.size()); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Build(result, op, map(items, f), map(state, f)); }
    }

    /** BUILD_CONST_KEY_MAP: the last operand is the tuple of keys; steals all operands. */
    record BuildConstKeyMap(Value result, List<Value> values, Value keys, FrameState state) implements Instr {
        public Op op() { return Op.BUILD_CONST_KEY_MAP; }
        public List<Value> operands() {
            List<Value> all = new java.util.ArrayList<>(values);
            all.add(keys);
            return all;
        }
        public String immediates(Function fn) { return Integer.toString(values.size()); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new BuildConstKeyMap(result, map(values, f), f.apply(keys), map(state, f)); }
    }

    /**
     * The iterator's next item, or C NULL when it is exhausted. With a hint (the interpreter had
     * specialised the loop to a range, list or tuple iterator), the iterator's type is checked
     * first, and any other iterator hands the frame to the interpreter at {@code resume}: past the
     * check, getting the next item runs no Python code. With {@link CacheHint#FOR_ITER_INERT} (the
     * interpreter had left the FOR_ITER unspecialised) an iterator whose next item may run code
     * gives it the generic way instead, with the virtual locals in the frame; {@code next}, the
     * bytecode offset of the instruction after the FOR_ITER, is where the interpreter takes the
     * frame over with the item if that code changed a local (-1: unknown, the frame is handed over
     * at {@code resume}).
     */
    record ForIter(Value result, Value iterator, CacheHint hint, FrameState state, ResumeState resume, int next) implements Instr {
        public Op op() { return Op.FOR_ITER; }
        public List<Value> operands() { return List.of(iterator); }
        public String immediates(Function fn) { return hint == CacheHint.NONE ? "" : hint.name().toLowerCase(java.util.Locale.ROOT); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new ForIter(result, f.apply(iterator), hint, map(state, f), map(resume, f), next); }
        public boolean speculates() { return hint != CacheHint.NONE; }
        /** Whether an iterator other than the hint's gives its item the generic way, without a hand-over. */
        public boolean fallsBackToGeneric() { return hint == CacheHint.FOR_ITER_INERT && next >= 0; }
    }

    /**
     * A zip's next pair, unpacked (see {@link Op#FOR_ITER_PAIR}); the result is its first item. A
     * zip of two whose iterators may run code takes its items as {@link ForIter#fallsBackToGeneric}
     * does, where {@code next} (the offset after the FOR_ITER) is known; anything else hands the
     * frame over at {@code resume}.
     */
    record ForIterPair(Value result, Value iterator, FrameState state, ResumeState resume, int next) implements Instr {
        public Op op() { return Op.FOR_ITER_PAIR; }
        public List<Value> operands() { return List.of(iterator); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new ForIterPair(result, f.apply(iterator), map(state, f), map(resume, f), next); }
        public boolean speculates() { return true; }
        public boolean fallsBackToGeneric() { return next >= 0; }
    }

    /** The second item of the {@link ForIterPair} right before it, whose result is {@code pair}. */
    record PairSecond(Value result, Value pair) implements Instr {
        public Op op() { return Op.PAIR_SECOND; }
        public List<Value> operands() { return List.of(pair); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new PairSecond(result, f.apply(pair)); }
    }

    /**
     * An enumerate's next item, its index left in the enumerate (see {@link Op#FOR_ITER_ENUMERATED}).
     * An enumerate of an iterator that may run code takes its item as {@link ForIterPair} does.
     */
    record ForIterEnumerated(Value result, Value iterator, FrameState state, ResumeState resume, int next) implements Instr {
        public Op op() { return Op.FOR_ITER_ENUMERATED; }
        public List<Value> operands() { return List.of(iterator); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new ForIterEnumerated(result, f.apply(iterator), map(state, f), map(resume, f), next); }
        public boolean speculates() { return true; }
        public boolean fallsBackToGeneric() { return next >= 0; }
    }

    /** The index of the item the enumerate {@code iterator} gave last ({@link ForIterEnumerated}), a 64-bit value. */
    record EnumerateIndex(Value result, Value iterator) implements Instr {
        public Op op() { return Op.ENUMERATE_INDEX; }
        public List<Value> operands() { return List.of(iterator); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new EnumerateIndex(result, f.apply(iterator)); }
    }

    /** Single-operand operations that can raise: FORMAT_SIMPLE, GET_ITER, MAKE_FUNCTION. */
    record Unary(Value result, Op op, Value operand, FrameState state) implements Instr {
        public List<Value> operands() { return List.of(operand); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Unary(result, op, f.apply(operand), map(state, f)); }
    }

    /**
     * Operations without a result: LIST_EXTEND list iterable, STORE_SUBSCRIPT container index value,
     * STORE_SLICE and STORE_TEMPORARY_SLICE container start stop value, LIST_APPEND list item, SET_ADD set item, MAP_ADD dict
     * key value, DELETE_SUBSCRIPT container index, RAISE exception cause-or-NULL.
     */
    record Effect(Op op, List<Value> operands, FrameState state) implements Instr {
        public Value result() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Effect(op, map(operands, f), map(state, f)); }
    }

    /**
     * SUBSCRIPT container index, SLICE and TEMPORARY_SLICE container start stop [step], BUILD_SLICE start stop [step],
     * FORMAT_WITH_SPEC value spec, LOAD_ASSERTION_ERROR.
     */
    record Access(Value result, Op op, List<Value> operands, FrameState state) implements Instr {
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Access(result, op, map(operands, f), map(state, f)); }
    }

    /**
     * {@code container[index] = value} for a double: where the container is a list whose item
     * there is an exact float that nothing but the list references, that float object takes the
     * new value; otherwise the value is boxed and stored as STORE_SUBSCRIPT stores it.
     */
    record StoreSubscriptFloat(Value container, Value index, Value value, FrameState state) implements Instr {
        public Op op() { return Op.STORE_SUBSCRIPT_FLOAT; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(container, index, value); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) {
            return new StoreSubscriptFloat(f.apply(container), f.apply(index), f.apply(value), map(state, f));
        }
    }

    /** The sequence as a tuple of exactly count items (ValueError otherwise, as the interpreter says it). */
    record UnpackSequence(Value result, Value sequence, int count, FrameState state) implements Instr {
        public Op op() { return Op.UNPACK_SEQUENCE; }
        public List<Value> operands() { return List.of(sequence); }
        public String immediates(Function fn) { return Integer.toString(count); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new UnpackSequence(result, f.apply(sequence), count, map(state, f)); }
    }

    record TupleItem(Value result, Value tuple, int index) implements Instr {
        public Op op() { return Op.TUPLE_ITEM; }
        public List<Value> operands() { return List.of(tuple); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return Integer.toString(index); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new TupleItem(result, f.apply(tuple), index); }
    }

    /**
     * Where the interpreter polls its eval breaker (function entry, a loop's back edge, after a
     * call): lets signal handlers and other threads run, raising what a handler raises. It also
     * checks that no tracer, profiler or other sys.monitoring tool was switched on for this code
     * while it ran; if one was, the interpreter takes the frame over at {@code resume}, so the tool
     * sees the rest of the call. Handlers could rebind a local compiled code borrows from the
     * frame: see {@link FrameState#known}.
     */
    record CheckEvalBreaker(FrameState state, ResumeState resume) implements Instr {
        public Op op() { return Op.CHECK_EVAL_BREAKER; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new CheckEvalBreaker(map(state, f), map(resume, f)); }
        public boolean speculates() { return true; }
    }

    /** The local in {@code slot}, or C NULL if it has none; the slot is left empty. */
    record LoadLocalAndClear(Value result, int slot) implements Instr {
        public Op op() { return Op.LOAD_LOCAL_AND_CLEAR; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    record DeleteLocal(int slot, FrameState state) implements Instr {
        public Op op() { return Op.DELETE_LOCAL; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(); }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new DeleteLocal(slot, map(state, f)); }
    }

    /** MAKE_CELL, COPY_FREE_VARS (count), LOAD_DEREF and STORE_DEREF: an operation on a slot, or on the last {@code slot} slots. */
    record Cell(Value result, Op op, int slot, List<Value> operands, FrameState state) implements Instr {
        public String immediates(Function fn) { return op == Op.COPY_FREE_VARS ? Integer.toString(slot) : fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Cell(result, op, slot, map(operands, f), map(state, f)); }
    }

    /** SET_FUNCTION_ATTRIBUTE: sets the attribute {@code flag} names on the function to the value. */
    record SetFunctionAttribute(int flag, Value function, Value value) implements Instr {
        public Op op() { return Op.SET_FUNCTION_ATTRIBUTE; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(function, value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return Integer.toString(flag); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new SetFunctionAttribute(flag, f.apply(function), f.apply(value)); }
    }

    /** CONVERT_VALUE: {@code kind} 1 is str(), 2 repr(), 3 ascii(). */
    record ConvertValue(Value result, int kind, Value operand, FrameState state) implements Instr {
        public Op op() { return Op.CONVERT_VALUE; }
        public List<Value> operands() { return List.of(operand); }
        public String immediates(Function fn) { return Integer.toString(kind); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new ConvertValue(result, kind, f.apply(operand), map(state, f)); }
    }

    /**
     * An operation the C runtime does in one call, with its operands and, where the bytecode's
     * argument matters, that argument (-1 if none); printed as a name for the kinds in {@link #NAMED}.
     * What the call is given and how it reports an error is the lowering's table.
     */
    record Helper(Value result, Op op, int argument, List<Value> operands, FrameState state) implements Instr {
        public static final java.util.Set<Op> NAMED = java.util.EnumSet.of(Op.LOAD_NAME, Op.STORE_NAME, Op.DELETE_NAME,
                Op.LOAD_FROM_DICT_OR_GLOBALS, Op.DELETE_GLOBAL, Op.DELETE_ATTR, Op.IMPORT_NAME, Op.IMPORT_FROM);
        /** Kinds whose argument is a local slot. */
        public static final java.util.Set<Op> SLOTTED = java.util.EnumSet.of(Op.LOAD_FROM_DICT_OR_DEREF, Op.DELETE_DEREF);
        public Helper {
            operands = List.copyOf(operands);
        }
        public String immediates(Function fn) {
            return argument < 0 ? "" : NAMED.contains(op) ? fn.name(argument) : SLOTTED.contains(op) ? fn.localName(argument) : Integer.toString(argument);
        }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Helper(result, op, argument, map(operands, f), map(state, f)); }
    }

    /** SEND: the receiver stays on the stack; the value sent is released after the call. */
    record Send(Value result, Value receiver, Value sent, FrameState state) implements Instr {
        public Op op() { return Op.SEND; }
        public List<Value> operands() { return List.of(receiver, sent); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Send(result, f.apply(receiver), f.apply(sent), map(state, f)); }
    }

    /** Whether the {@link Send} earlier in the block found its receiver returning (an exact bool). */
    record SendReturned(Value result, Value send) implements Instr {
        public Op op() { return Op.SEND_RETURNED; }
        public List<Value> operands() { return List.of(send); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new SendReturned(result, f.apply(send)); }
    }

    /** The item at {@code index} (bottom first) of the value stack a resumed generator's frame holds. */
    record ResumedStackItem(Value result, int index) implements Instr {
        public Op op() { return Op.RESUMED_STACK_ITEM; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return Integer.toString(index); }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /** INCREF or DECREF of an object reference. */
    record Refcount(Op op, Value value) implements Instr {
        public Value result() { return null; }
        public List<Value> operands() { return List.of(value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Refcount(op, f.apply(value)); }
    }

    /**
     * Unless the argument in {@code slot} has the exact {@code type}, the interpreter runs the call
     * from its first instruction (see {@link Op#GUARD_ARGUMENT}).
     */
    record GuardArgument(int slot, Type type) implements Instr {
        private static final ResumeState AT_ENTRY = new ResumeState(0, List.of(), List.of());
        public GuardArgument {
            if (!type.isExact()) {
                throw new IllegalArgumentException("a guard checks one exact type, not " + type);
            }
        }
        public Op op() { return Op.GUARD_ARGUMENT; }
        public Value result() { return null; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.localName(slot) + "," + type; }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
        public ResumeState resume() { return AT_ENTRY; }
        public boolean speculates() { return true; }
    }

    record UnboxFloat(Value result, Value value) implements Instr {
        public Op op() { return Op.UNBOX_FLOAT; }
        public List<Value> operands() { return List.of(value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new UnboxFloat(result, f.apply(value)); }
    }

    /** The double of float constant {@code index} (printed as the constant's repr). */
    record FloatConstant(Value result, int index, double value) implements Instr {
        public Op op() { return Op.FLOAT_CONSTANT; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.constantRepr(index); }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /** The double of the float in a local; anything else there hands the frame to the interpreter at {@code resume}. */
    record LoadLocalFloat(Value result, int slot, ResumeState resume) implements Instr {
        public Op op() { return Op.LOAD_LOCAL_FLOAT; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new LoadLocalFloat(result, slot, map(resume, f)); }
        public boolean speculates() { return true; }
    }

    record BoxFloat(Value result, Value value, FrameState state) implements Instr {
        public Op op() { return Op.BOX_FLOAT; }
        public List<Value> operands() { return List.of(value); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new BoxFloat(result, f.apply(value), map(state, f)); }
    }

    /**
     * Arithmetic on unboxed doubles: ADD, SUBTRACT, MULTIPLY ({@link Op#FLOAT_ARITH}, no state) or
     * TRUE_DIVIDE ({@link Op#FLOAT_DIVIDE}, which can raise and so has a state).
     */
    record FloatArith(Value result, BinaryOperator operator, Value left, Value right, FrameState state) implements Instr {
        public FloatArith {
            if (!FLOAT_OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("no unboxed float " + operator);
            }
        }
        public static final java.util.Set<BinaryOperator> FLOAT_OPERATORS =
                java.util.EnumSet.of(BinaryOperator.ADD, BinaryOperator.SUBTRACT, BinaryOperator.MULTIPLY, BinaryOperator.TRUE_DIVIDE);
        /** Only division can raise (a zero divisor). */
        public static boolean canRaise(BinaryOperator operator) { return operator == BinaryOperator.TRUE_DIVIDE; }
        public Op op() { return canRaise(operator) ? Op.FLOAT_DIVIDE : Op.FLOAT_ARITH; }
        public List<Value> operands() { return List.of(left, right); }
        public String immediates(Function fn) { return operator.name(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new FloatArith(result, operator, f.apply(left), f.apply(right), map(state, f)); }
    }

    record FloatCompare(Value result, CompareOperator operator, Value left, Value right) implements Instr {
        public Op op() { return Op.FLOAT_COMPARE; }
        public List<Value> operands() { return List.of(left, right); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return operator.name(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new FloatCompare(result, operator, f.apply(left), f.apply(right)); }
    }

    /** The 64-bit value of an exact int; one that does not fit hands the frame to the interpreter at {@code resume}. */
    record UnboxInt(Value result, Value value, ResumeState resume) implements Instr {
        public Op op() { return Op.UNBOX_INT; }
        public List<Value> operands() { return List.of(value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new UnboxInt(result, f.apply(value), map(resume, f)); }
        public boolean speculates() { return true; }
    }

    /**
     * The 64-bit value or the double (as the result's type says) of the argument in slot
     * {@code slot} of a body compiled into its calls ({@link Inlined}): the call unboxes it before
     * the body runs, and makes the call instead where the argument is no exact int of 64 bits or
     * exact float (see {@link dev.pyjit.ir.passes.UnboxArguments}).
     */
    record Argument(Value result, int slot) implements Instr {
        public Op op() { return Op.ARGUMENT; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return fn.localName(slot); }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /** The 64-bit value of int constant {@code index}. */
    record IntConstant(Value result, int index, long value) implements Instr {
        /** A number the compiler needs that is none of the code's constants (printed as itself). */
        public static final int MADE = -1;
        public Op op() { return Op.INT_CONSTANT; }
        public List<Value> operands() { return List.of(); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return index == MADE ? Long.toString(value) : fn.constantRepr(index); }
        public Instr mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /** A new int object for a 64-bit value (MemoryError can raise). */
    record BoxInt(Value result, Value value, FrameState state) implements Instr {
        public Op op() { return Op.BOX_INT; }
        public List<Value> operands() { return List.of(value); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new BoxInt(result, f.apply(value), map(state, f)); }
    }

    /**
     * Python's int arithmetic on 64-bit values: +, -, *, // and % (floor division and a remainder
     * with the divisor's sign), &, |, ^, << and >> (arithmetic, as on Python's unbounded ints). A result
     * beyond 64 bits, a zero divisor or a negative shift count hands the frame to the interpreter
     * at {@code resume}, which computes it with big ints or raises.
     */
    record IntArith(Value result, BinaryOperator operator, Value left, Value right, ResumeState resume) implements Instr {
        public static final java.util.Set<BinaryOperator> INT_OPERATORS = java.util.EnumSet.of(BinaryOperator.ADD,
                BinaryOperator.SUBTRACT, BinaryOperator.MULTIPLY, BinaryOperator.FLOOR_DIVIDE, BinaryOperator.REMAINDER,
                BinaryOperator.AND, BinaryOperator.OR, BinaryOperator.XOR, BinaryOperator.LSHIFT, BinaryOperator.RSHIFT);
        public IntArith {
            if (!INT_OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("no unboxed int " + operator);
            }
        }
        public Op op() { return Op.INT_ARITH; }
        public List<Value> operands() { return List.of(left, right); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return operator.name(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new IntArith(result, operator, f.apply(left), f.apply(right), map(resume, f)); }
        public boolean speculates() { return true; }
    }

    record IntCompare(Value result, CompareOperator operator, Value left, Value right) implements Instr {
        public Op op() { return Op.INT_COMPARE; }
        public List<Value> operands() { return List.of(left, right); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return operator.name(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new IntCompare(result, operator, f.apply(left), f.apply(right)); }
    }

    /**
     * The double nearest an unboxed int: CPython's float arithmetic converts an int operand so
     * (correctly rounded, ties to even, which is what the machine's conversion does).
     */
    record IntToFloat(Value result, Value value) implements Instr {
        public Op op() { return Op.INT_TO_FLOAT; }
        public List<Value> operands() { return List.of(value); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new IntToFloat(result, f.apply(value)); }
    }

    /**
     * {@code callable(argument)} where the callable is the math module's {@code function} and the
     * argument a double: computed here, with no call. If the callable is something else, or the
     * result is one CPython raises an error for (a NaN from a number, an infinity from a finite
     * number), the interpreter takes the frame over at {@code resume}, before the call.
     */
    record CallMath(Value result, MathFunction function, Value callable, Value argument, ResumeState resume) implements Instr {
        public Op op() { return Op.CALL_MATH; }
        public List<Value> operands() { return List.of(callable, argument); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return function.pythonName(); }
        public Instr mapOperands(UnaryOperator<Value> f) { return new CallMath(result, function, f.apply(callable), f.apply(argument), map(resume, f)); }
        public boolean speculates() { return true; }
    }

    /**
     * FOR_ITER of a loop the interpreter had specialised to a range iterator, first half: whether
     * the iterator has another item. If it is not a range iterator, the interpreter takes the frame
     * over at {@code resume}, the FOR_ITER.
     */
    record RangeIterHasNext(Value result, Value iterator, ResumeState resume) implements Instr {
        public Op op() { return Op.RANGE_ITER_HAS_NEXT; }
        public List<Value> operands() { return List.of(iterator); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new RangeIterHasNext(result, f.apply(iterator), map(resume, f)); }
        public boolean speculates() { return true; }
    }

    /**
     * FOR_ITER on a range iterator, second half, where {@link RangeIterHasNext} said it has an
     * item: the item as a 64-bit value (a range iterator's items are C longs), the iterator moved on.
     */
    record RangeIterNext(Value result, Value iterator) implements Instr {
        public Op op() { return Op.RANGE_ITER_NEXT; }
        public List<Value> operands() { return List.of(iterator); }
        public FrameState state() { return null; }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new RangeIterNext(result, f.apply(iterator)); }
    }

    /**
     * The object an unboxed number stands for: {@code object}, borrowed, if it is not NULL (a
     * constant or argument keeps its identity), else a new box of {@code number}.
     */
    record Rebox(Value result, Value object, Value number, FrameState state) implements Instr {
        public Op op() { return Op.REBOX; }
        public List<Value> operands() { return List.of(object, number); }
        public String immediates(Function fn) { return ""; }
        public Instr mapOperands(UnaryOperator<Value> f) { return new Rebox(result, f.apply(object), f.apply(number), map(state, f)); }
    }
}
