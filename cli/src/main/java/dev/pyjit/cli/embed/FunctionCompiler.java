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
import java.io.IOException;
import org.bytedeco.cpython.PyObject;

/** Compiles one live Python function to native code, or says why it cannot. */
final class FunctionCompiler {
    record Where(String file, int line, String name) {
        @Override
        public String toString() {
            return file + ":" + line + " " + name;
        }
    }

    record Result(Where where, long address, String reason) {
        static Result failed(Where where, String reason) {
            return new Result(where, 0, reason);
        }
    }

    private NativeJit backend;

    /** Bytecode to IR to native code; an unsupported construct is a refusal, not an error. */
    Result compile(PyObject function) throws IOException {
        Where where = describe(function);
        PyObject code = PyObject_GetAttrString(function, "__code__");
        CodeObject codeObject;
        try {
            codeObject = CodeReader.read(code);
        } finally {
            Py_DecRef(code);
        }
        Function ir;
        try {
            ir = IrBuilder.build(codeObject);
        } catch (Unsupported unsupported) {
            return Result.failed(where, unsupported.getMessage());
        }
        Verifier.verify(ir);
        Pipeline.run(ir, Pipeline.TYPING);
        Pipeline.run(ir, Pipeline.OPTIMISATION);
        if (backend == null) {
            backend = new NativeJit();
        }
        return new Result(where, backend.compile(ir), null);
    }

    static Where describe(PyObject function) {
        PyObject code = PyObject_GetAttrString(function, "__code__");
        String file = stringAttribute(code, "co_filename");
        String name = stringAttribute(function, "__qualname__");
        PyObject line = PyObject_GetAttrString(code, "co_firstlineno");
        int firstLine = (int) PyLong_AsLong(line);
        Py_DecRef(line);
        Py_DecRef(code);
        return new Where(file, firstLine, name);
    }

    static String stringAttribute(PyObject object, String attribute) {
        PyObject value = PyObject_GetAttrString(object, attribute);
        String text = PyUnicode_AsUTF8(value).getString(java.nio.charset.StandardCharsets.UTF_8);
        Py_DecRef(value);
        return text;
    }
}
