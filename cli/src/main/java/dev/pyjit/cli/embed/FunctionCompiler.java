package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.CodeReader;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Verifier;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.llvm.NativeJit;
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

    /** An address of 0 means the function stays interpreted, for {@code reason}. */
    record Result(Where where, long address, String reason, Throwable failure) {
        static Result refused(Where where, String reason) {
            return new Result(where, 0, reason, null);
        }
    }

    private NativeJit backend;

    Result compile(PyObject function) {
        Where where = Where.UNKNOWN;
        try {
            CodeObject code = read(function);
            where = new Where(code.fileName(), code.firstLine(), code.qualifiedName());
            Function ir = IrBuilder.build(code);
            Verifier.verify(ir);
            Pipeline.run(ir, Pipeline.TYPING);
            Pipeline.run(ir, Pipeline.OPTIMISATION);
            if (backend == null) {
                backend = new NativeJit();
            }
            return new Result(where, backend.compile(ir), null, null);
        } catch (Unsupported unsupported) {
            return Result.refused(where, unsupported.getMessage());
        } catch (Exception | LinkageError failure) {
            return new Result(where, 0, "compiler error: " + failure, failure);
        }
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
