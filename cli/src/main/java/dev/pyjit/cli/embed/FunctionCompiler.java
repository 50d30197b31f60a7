package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

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

    Result compile(PyObject function) {
        return Result.failed(describe(function), "compiler not connected yet");
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
        String text = PyUnicode_AsUTF8(value).getString();
        Py_DecRef(value);
        return text;
    }
}
