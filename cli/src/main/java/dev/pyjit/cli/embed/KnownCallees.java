package dev.pyjit.cli.embed;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.frontend.Callee;
import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.CodeReader;
import dev.pyjit.frontend.Decoder;
import dev.pyjit.frontend.Instruction;
import dev.pyjit.frontend.Opcode;
import dev.pyjit.ir.CacheHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.cpython.PyObject;
import org.bytedeco.cpython.PyTypeObject;
import org.bytedeco.javacpp.BytePointer;

/**
 * The functions a function's calls reach, where the interpreter knows them. A LOAD_ATTR it
 * specialised as a method load (LOAD_ATTR_METHOD_WITH_VALUES or _NO_DICT) has cached the version
 * of the class it saw and the function it found there. That cached function may have died since (a
 * class patched), so it is not read: the class is found again among the classes of the function's
 * module, by its version, which a class that changed no longer has, and the method looked up in its
 * MRO's dictionaries. A LOAD_GLOBAL it specialised as LOAD_GLOBAL_MODULE, in its call form, found a
 * global of the module: the function bound to that name now. No code runs. The caller holds the GIL.
 */
final class KnownCallees {
    /** In 3.13's LOAD_ATTR cache (_PyLoadMethodCache), after the counter: the type version's offset in bytes. */
    private static final int TYPE_VERSION_OFFSET = 4;

    private KnownCallees() {}

    /** The callees by the offset of the LOAD_ATTR or LOAD_GLOBAL that loads them; none where they are not found so. */
    static Map<Integer, Callee> find(PyObject function, CodeObject code) {
        Map<Integer, Callee> callees = new TreeMap<>();
        // a callee met at several calls is read once (by the function's address: the GIL keeps it alive)
        Map<Long, java.util.Optional<Callee>> read = new java.util.HashMap<>();
        PyObject globals = PyFunction_GetGlobals(function);
        List<PyTypeObject> classes = null;
        PyObject runtime = null;
        try {
            for (Instruction instruction : Decoder.decode(code)) {
                CacheHint hint = code.hintAt(instruction.offset());
                boolean method = instruction.opcode() == Opcode.LOAD_ATTR
                        && (hint == CacheHint.ATTR_METHOD_WITH_VALUES || hint == CacheHint.ATTR_METHOD_NO_DICT);
                boolean global = instruction.opcode() == Opcode.LOAD_GLOBAL && hint == CacheHint.GLOBAL_MODULE
                        && (instruction.argument() & 1) != 0;
                if (!method && !global) {
                    continue;
                }
                if (runtime == null) {
                    classes = classesOf(globals);
                    runtime = PyImport_ImportModule("_pyjit_rt");
                    if (runtime == null) {
                        PyErr_Clear();
                        return callees;
                    }
                }
                String name = code.names().get(instruction.argument() >> 1);
                PyObject found;
                if (method) {
                    int version = typeVersion(code.quickened(), instruction.offset());
                    found = version == 0 ? null : methodOf(classes, version, name);
                } else {
                    found = lookUp(globals, name);
                }
                PyObject reached = found;
                PyObject identities = runtime;
                Callee callee = found == null ? null
                        : read.computeIfAbsent(found.address(), unused -> java.util.Optional.ofNullable(callee(reached, identities))).orElse(null);
                if (callee != null) {
                    callees.put(instruction.offset(), callee);
                }
            }
        } finally {
            if (runtime != null) {
                Py_DecRef(runtime);
            }
        }
        return callees;
    }

    private static int typeVersion(byte[] quickened, int offset) {
        int at = offset + TYPE_VERSION_OFFSET;
        return quickened[at] & 0xff | (quickened[at + 1] & 0xff) << 8 | (quickened[at + 2] & 0xff) << 16 | (quickened[at + 3] & 0xff) << 24;
    }

    /** The classes among the module's globals (borrowed: the module keeps them while the GIL is held). */
    private static List<PyTypeObject> classesOf(PyObject globals) {
        List<PyTypeObject> classes = new ArrayList<>();
        if (globals == null || PyType_IsSubtype(Py_TYPE(globals), PyDict_Type()) == 0) {
            return classes;
        }
        PyObject values = PyDict_Values(globals);
        if (values == null) {
            PyErr_Clear();
            return classes;
        }
        for (long i = 0; i < PyList_Size(values); i++) {
            PyObject value = PyList_GetItem(values, i);
            if (PyType_Check(value) != 0) {
                classes.add(new PyTypeObject(value));
            }
        }
        Py_DecRef(values);  // the module's dict still holds each class
        return classes;
    }

    /** The attribute the class of that version has under the name, borrowed, or null. */
    private static PyObject methodOf(List<PyTypeObject> classes, int version, String name) {
        for (PyTypeObject type : classes) {
            if (type.tp_version_tag() == version) {
                return lookUp(type, name);
            }
        }
        return null;
    }

    /** The function's code and identity, or null for anything but a plain function. */
    private static Callee callee(PyObject function, PyObject runtime) {
        if (Py_TYPE(function).address() != PyFunction_Type().address()) {
            return null;
        }
        PyObject code = PyFunction_GetCode(function);
        PyObject identify = PyObject_GetAttrString(runtime, "code_identity");
        PyObject identity = identify == null ? null : PyObject_CallOneArg(identify, code);
        try {
            BytePointer text = identity == null ? null : PyUnicode_AsUTF8(identity);
            if (text == null || text.isNull()) {
                PyErr_Clear();  // no identity (None): nothing to match the call against
                return null;
            }
            return new Callee(CodeReader.read(code), text.getString());
        } finally {
            if (identity != null) {
                Py_DecRef(identity);
            }
            if (identify != null) {
                Py_DecRef(identify);
            }
        }
    }

    /** The attribute as the class's MRO defines it, borrowed, or null: dictionaries only, as _PyType_Lookup. */
    private static PyObject lookUp(PyTypeObject type, String name) {
        PyObject mro = type.tp_mro();
        if (mro == null || mro.isNull()) {
            return null;
        }
        for (long i = 0; i < PyTuple_Size(mro); i++) {
            PyObject found = lookUp(new PyTypeObject(PyTuple_GetItem(mro, i)).tp_dict(), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The dictionary's item under the name, borrowed, or null (a str key: no code runs). */
    private static PyObject lookUp(PyObject dict, String name) {
        if (dict == null || dict.isNull()) {
            return null;
        }
        PyObject key = PyUnicode_FromString(name);
        PyObject found = PyDict_GetItemWithError(dict, key);
        Py_DecRef(key);
        if (found == null || found.isNull()) {
            PyErr_Clear();
            return null;
        }
        return found;
    }
}
