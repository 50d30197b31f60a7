package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.CodeReader;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Verifier;
import dev.pyjit.ir.passes.GuardArguments;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.llvm.NativeJit;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cpython.PyObject;

/**
 * Compiles one live Python function to native code, or says why it cannot. It never throws: an
 * unsupported construct is a refusal, and a failure of the compiler itself is one too, carrying
 * the exception for {@code PYJIT_DEBUG}.
 */
final class FunctionCompiler {
    record Where(String file, int line, String name) {
        static final Where UNKNOWN = new Where("?", 0, "?");

        @Override
        public String toString() {
            return file + ":" + line + " " + name;
        }
    }

    /**
     * No native code means the function stays interpreted, for {@code reason}. {@code specialisedFor}
     * is the argument types the native code assumes (guarded on entry), empty for generic code.
     */
    record Result(Where where, NativeJit.NativeCode code, List<Type> specialisedFor, String reason, Throwable failure) {
        static Result refused(Where where, String reason) {
            return new Result(where, null, List.of(), reason, null);
        }

        /** The address of the native entry point, 0 if there is none. */
        long address() {
            return code == null ? 0 : code.entry();
        }
    }

    private NativeJit backend;

    /** Compiles {@code function}, specialised where {@code observed} (argument types seen so far) makes it pay. */
    Result compile(PyObject function, List<Type> observed) {
        Where where = Where.UNKNOWN;
        try {
            CodeObject code = read(function);
            where = new Where(code.fileName(), code.firstLine(), code.qualifiedName());
            Function ir = IrBuilder.build(code);
            List<Type> specialisedFor = specialisation(observed);
            GuardArguments.insert(ir, specialisedFor);
            Verifier.verify(ir);
            Pipeline.run(ir, Pipeline.TYPING);
            Pipeline.run(ir, Pipeline.OPTIMISATION);
            if (backend == null) {
                backend = new NativeJit();
            }
            return new Result(where, backend.compile(ir), specialisedFor, null, null);
        } catch (Unsupported unsupported) {
            return Result.refused(where, unsupported.getMessage());
        } catch (Exception | LinkageError failure) {
            return new Result(where, null, List.of(), "compiler error: " + failure, failure);
        }
    }

    /**
     * Guards only arguments that were always exact floats: that is the type the passes have
     * specialised code for (SpecialiseFloatArithmetic), and a guard that fails sends the whole call
     * to the interpreter, so guarding anything else would cost without paying. Trailing
     * arguments without a guard are left out.
     */
    static List<Type> specialisation(List<Type> observed) {
        List<Type> types = new ArrayList<>();
        for (Type type : observed) {
            types.add(type.equals(Type.FLOAT) ? Type.FLOAT : Type.OBJECT);
        }
        while (!types.isEmpty() && types.get(types.size() - 1).equals(Type.OBJECT)) {
            types.remove(types.size() - 1);
        }
        return types;
    }

    private static CodeObject read(PyObject function) {
        PyObject code = PyObject_GetAttrString(function, "__code__");
        if (code == null) {
            throw new IllegalStateException("the function has no __code__");
        }
        try {
            return CodeReader.read(code);
        } finally {
            Py_DecRef(code);
        }
    }
}
