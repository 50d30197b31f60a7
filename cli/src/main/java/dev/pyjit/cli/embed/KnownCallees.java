package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.frontend.Callee;
import dev.pyjit.frontend.CodeReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.cpython.PyObject;

/**
 * The functions a function's calls reach, where the interpreter knows them: the C runtime finds
 * them in the interpreter's inline caches with the GIL held at the compile request
 * ({@code known_callees.c}: a method load's class by its cached version among the module's
 * classes, a global function by its name), and hands them over as a dict of bytecode offsets to
 * code objects with the identities inlined calls match them by. Here each code object is read,
 * once however many calls reach it. The caller holds the GIL; no Python code runs.
 */
final class KnownCallees {
    private KnownCallees() {}

    /** The callees by the offset of the LOAD_ATTR or LOAD_GLOBAL that loads them; none for anything but a dict. */
    static Map<Integer, Callee> read(PyObject callees) {
        Map<Integer, Callee> found = new TreeMap<>();
        if (callees == null || PyType_IsSubtype(Py_TYPE(callees), PyDict_Type()) == 0) {
            return found;
        }
        PyObject items = PyDict_Items(callees);
        // by the code object's address: the dict keeps it alive meanwhile
        Map<Long, Callee> read = new HashMap<>();
        for (long i = 0; items != null && i < PyList_Size(items); i++) {
            PyObject item = PyList_GetItem(items, i);
            PyObject known = PyTuple_GetItem(item, 1);
            PyObject code = PyTuple_GetItem(known, 0);
            String identity = PyUnicode_AsUTF8(PyTuple_GetItem(known, 1)).getString(StandardCharsets.UTF_8);
            found.put((int) PyLong_AsLong(PyTuple_GetItem(item, 0)),
                    read.computeIfAbsent(code.address(), unused -> new Callee(CodeReader.read(code), identity)));
        }
        if (items != null) {
            Py_DecRef(items);
        }
        PyErr_Clear();
        return found;
    }
}
