package dev.pyjit.frontend;

import static org.bytedeco.cpython.global.python.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.javacpp.BytePointer;

/**
 * Copies a live CPython code object into a {@link CodeObject}, through the public attributes
 * that the {@code dis} module reads too. The caller holds the GIL.
 */
public final class CodeReader {
    private CodeReader() {}

    public static CodeObject read(PyObject code) {
        List<String> cells = strings(code, "co_cellvars");
        List<String> frees = strings(code, "co_freevars");
        return new CodeObject(string(code, "co_name"), string(code, "co_qualname"), string(code, "co_filename"),
                integer(code, "co_firstlineno"), integer(code, "co_argcount"), integer(code, "co_posonlyargcount"),
                integer(code, "co_kwonlyargcount"), integer(code, "co_flags"), bytes(code, "co_code"),
                constants(code), strings(code, "co_names"), localsPlusNames(code), cells.size(), frees.size(),
                bytes(code, "co_exceptiontable"), lines(code), bytes(code, "_co_code_adaptive"));
    }

    /**
     * The names of the frame's localsplus slots, in order. Not co_varnames + co_cellvars +
     * co_freevars: a parameter that a closure captures is a cell in its own slot, listed in both.
     */
    private static List<String> localsPlusNames(PyObject code) {
        PyObject method = attribute(code, "_varname_from_oparg");
        List<String> names = new ArrayList<>();
        for (int slot = 0; ; slot++) {
            PyObject index = PyLong_FromLong(slot);
            PyObject name = PyObject_CallOneArg(method, index);
            Py_DecRef(index);
            if (name == null) {
                PyErr_Clear();
                break;
            }
            names.add(PyUnicode_AsUTF8(name).getString(java.nio.charset.StandardCharsets.UTF_8));
            Py_DecRef(name);
        }
        Py_DecRef(method);
        return names;
    }

    private static List<CodeObject.Constant> constants(PyObject code) {
        PyObject tuple = attribute(code, "co_consts");
        List<CodeObject.Constant> constants = new ArrayList<>();
        for (long i = 0; i < PyTuple_Size(tuple); i++) {
            PyObject value = PyTuple_GetItem(tuple, i);
            CodeObject.ConstantKind kind = kindOf(value);
            CodeObject nested = kind == CodeObject.ConstantKind.CODE ? read(value) : null;
            double floatValue = kind == CodeObject.ConstantKind.FLOAT ? PyFloat_AsDouble(value) : 0;
            constants.add(new CodeObject.Constant(kind, repr(value), nested, floatValue));
        }
        Py_DecRef(tuple);
        return constants;
    }

    private static CodeObject.ConstantKind kindOf(PyObject value) {
        String type = typeName(value);
        return switch (type) {
            case "NoneType" -> CodeObject.ConstantKind.NONE;
            case "bool" -> CodeObject.ConstantKind.BOOL;
            case "int" -> CodeObject.ConstantKind.INT;
            case "float" -> CodeObject.ConstantKind.FLOAT;
            case "complex" -> CodeObject.ConstantKind.COMPLEX;
            case "str" -> CodeObject.ConstantKind.STR;
            case "bytes" -> CodeObject.ConstantKind.BYTES;
            case "tuple" -> CodeObject.ConstantKind.TUPLE;
            case "frozenset" -> CodeObject.ConstantKind.FROZENSET;
            case "ellipsis" -> CodeObject.ConstantKind.ELLIPSIS;
            case "code" -> CodeObject.ConstantKind.CODE;
            default -> CodeObject.ConstantKind.OTHER;
        };
    }

    private static List<CodeObject.LineRange> lines(PyObject code) {
        PyObject iterator = PyObject_CallMethod(code, "co_lines", null);
        List<CodeObject.LineRange> ranges = new ArrayList<>();
        PyObject item;
        while ((item = PyIter_Next(iterator)) != null) {
            PyObject line = PyTuple_GetItem(item, 2);
            ranges.add(new CodeObject.LineRange((int) PyLong_AsLong(PyTuple_GetItem(item, 0)),
                    (int) PyLong_AsLong(PyTuple_GetItem(item, 1)), line.address() == NONE_ADDRESS ? -1 : (int) PyLong_AsLong(line)));
            Py_DecRef(item);
        }
        Py_DecRef(iterator);
        return ranges;
    }

    private static final long NONE_ADDRESS = _Py_NoneStruct().address();

    private static PyObject attribute(PyObject object, String name) {
        PyObject value = PyObject_GetAttrString(object, name);
        if (value == null) {
            PyErr_Clear();
            throw new IllegalStateException("code object has no " + name);
        }
        return value;
    }

    private static String string(PyObject object, String name) {
        PyObject value = attribute(object, name);
        String text = PyUnicode_AsUTF8(value).getString(java.nio.charset.StandardCharsets.UTF_8);
        Py_DecRef(value);
        return text;
    }

    private static int integer(PyObject object, String name) {
        PyObject value = attribute(object, name);
        int n = (int) PyLong_AsLong(value);
        Py_DecRef(value);
        return n;
    }

    private static byte[] bytes(PyObject object, String name) {
        PyObject value = attribute(object, name);
        byte[] data = new byte[(int) PyBytes_Size(value)];
        new BytePointer(PyBytes_AsString(value)).get(data);
        Py_DecRef(value);
        return data;
    }

    private static List<String> strings(PyObject object, String name) {
        PyObject tuple = attribute(object, name);
        List<String> result = new ArrayList<>();
        for (long i = 0; i < PyTuple_Size(tuple); i++) {
            result.add(PyUnicode_AsUTF8(PyTuple_GetItem(tuple, i)).getString(java.nio.charset.StandardCharsets.UTF_8));
        }
        Py_DecRef(tuple);
        return result;
    }

    private static String typeName(PyObject value) {
        PyObject type = PyObject_Type(value);
        String name = string(type, "__name__");
        Py_DecRef(type);
        return name;
    }

    private static String repr(PyObject value) {
        PyObject text = PyObject_Repr(value);
        if (text == null) {
            PyErr_Clear();
            return "<unrepresentable>";
        }
        String result = PyUnicode_AsUTF8(text).getString(java.nio.charset.StandardCharsets.UTF_8);
        Py_DecRef(text);
        return result;
    }
}
