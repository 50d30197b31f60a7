/*
 * The functions a function's calls reach, where the interpreter knows them (known_callees.h).
 *
 * A LOAD_ATTR the interpreter specialised as a method load (LOAD_ATTR_METHOD_WITH_VALUES or
 * _NO_DICT) has cached the version of the class it saw and the function it found there. That
 * cached function may have died since (a class patched), so it is not read: the class is found
 * again among the classes of the function's module by its version, which a class that changed no
 * longer has, and the method looked up in its MRO's dictionaries. A LOAD_ATTR it specialised as
 * LOAD_ATTR_PROPERTY, or did and then took back, reaches the getter of the property found so,
 * called with the owner as self: the only callee of a LOAD_ATTR that is not a method's load. A
 * LOAD_GLOBAL it specialised as LOAD_GLOBAL_MODULE, in its call form, found a global of the
 * module: the function bound to that name now. A method-form LOAD_ATTR right after such a
 * LOAD_GLOBAL of a class whose metaclass is type (Strength.weaker(a, b), which the interpreter
 * leaves generic) reaches what the class's MRO has under that name, called without a self: a
 * staticmethod's function, or a plain function.
 * Only str keys are looked up: no code runs.
 */
#include "known_callees.h"

#include "opcode.h"
#include "internal/pycore_code.h"

/* The class among the dict's values whose version is that, borrowed; NULL if none. */
static PyTypeObject *class_of_version(PyObject *globals, unsigned int version) {
    Py_ssize_t at = 0;
    PyObject *key, *value;
    while (PyDict_Next(globals, &at, &key, &value)) {
        if (PyType_Check(value) && ((PyTypeObject *)value)->tp_version_tag == version) {
            return (PyTypeObject *)value;
        }
    }
    return NULL;
}

/* The global the LOAD_GLOBAL names where it is a class whose metaclass is type (which has no
 * attribute of the name the LOAD_ATTR after it loads, to take precedence), borrowed; NULL if not. */
static PyTypeObject *global_class(PyObject *globals, PyObject *name, PyObject *attribute) {
    PyObject *value = PyDict_GetItemWithError(globals, name);
    return value != NULL && Py_IS_TYPE(value, &PyType_Type) && _PyType_Lookup(&PyType_Type, attribute) == NULL ? (PyTypeObject *)value : NULL;
}

/* What a call of the class's attribute reaches without a self: a staticmethod's function, a
 * plain function; new, or NULL. */
static PyObject *class_callable(PyTypeObject *type, PyObject *name) {
    PyObject *attribute = _PyType_Lookup(type, name);
    if (attribute != NULL && Py_IS_TYPE(attribute, &PyStaticMethod_Type)) {
        return PyObject_GetAttrString(attribute, "__func__");  /* a member of staticmethod's own: no code runs */
    }
    return Py_XNewRef(attribute);
}

/* A plain function's code, borrowed; NULL for anything else. */
static PyObject *code_of(PyObject *callable) {
    return callable != NULL && Py_IS_TYPE(callable, &PyFunction_Type) ? PyFunction_GET_CODE(callable) : NULL;
}

PyObject *pyjit_known_callees(PyObject *function) {
    PyObject *callees = PyDict_New();
    PyObject *globals = PyFunction_Check(function) ? PyFunction_GET_GLOBALS(function) : NULL;
    if (callees == NULL || globals == NULL || !PyDict_Check(globals)) {
        return callees;
    }
    PyCodeObject *code = (PyCodeObject *)PyFunction_GET_CODE(function);
    /* co_code has the caches zeroed (CACHE): it tells the instructions from their caches, which
     * the quickened instructions beside it carry */
    PyObject *plain = PyCode_GetCode(code);
    if (plain == NULL) {
        Py_DECREF(callees);
        return NULL;
    }
    const unsigned char *units = (const unsigned char *)PyBytes_AS_STRING(plain);
    _Py_CODEUNIT *quickened = _PyCode_CODE(code);
    Py_ssize_t count = PyBytes_GET_SIZE(plain) / 2;
    int oparg = 0;
    for (Py_ssize_t i = 0; i < count && callees != NULL; i++) {
        int opcode = units[2 * i];
        if (opcode == CACHE) {
            continue;
        }
        oparg = oparg << 8 | units[2 * i + 1];
        if (opcode == EXTENDED_ARG) {
            continue;
        }
        int specialised = quickened[i].op.code;
        PyObject *name = (oparg >> 1) < PyTuple_GET_SIZE(code->co_names) ? PyTuple_GET_ITEM(code->co_names, oparg >> 1) : NULL;
        PyObject *callee = NULL, *reached = NULL;
        Py_ssize_t loaded_at = i;  /* the instruction that loads the callable */
        /* a getter's own native code clears its function version (PyFunction_SetVectorcall), without which
         * the interpreter takes its LOAD_ATTR_PROPERTY back to LOAD_ATTR and cannot specialise it again;
         * the cache still has the version of the class it found the property on, and the getter, which
         * is only compared (a cache left by another specialisation holds something else there) */
        int property = (oparg & 1) == 0 && (specialised == LOAD_ATTR_PROPERTY || specialised == LOAD_ATTR);
        if (name != NULL && opcode == LOAD_ATTR
                && (specialised == LOAD_ATTR_METHOD_WITH_VALUES || specialised == LOAD_ATTR_METHOD_NO_DICT || property)) {
            _PyLoadMethodCache *cache = (_PyLoadMethodCache *)&quickened[i + 1];
            unsigned int version = read_u32(cache->type_version);
            PyTypeObject *type = version == 0 ? NULL : class_of_version(globals, version);
            PyObject *found = type == NULL ? NULL : _PyType_Lookup(type, name);
            /* a property's load is a call of its getter with the owner */
            PyObject *getter = property ? pyjit_property_fget(found) : NULL;
            callee = code_of(!property ? found : getter != NULL && read_obj(cache->descr) == getter ? getter : NULL);
        } else if (name != NULL && opcode == LOAD_GLOBAL && specialised == LOAD_GLOBAL_MODULE && (oparg & 1) != 0) {
            callee = code_of(PyDict_GetItemWithError(globals, name));
        } else if (name != NULL && opcode == LOAD_GLOBAL && specialised == LOAD_GLOBAL_MODULE) {
            /* the method-form LOAD_ATTR right after it, past its caches, loads the callable */
            Py_ssize_t next = i + 1;
            while (next < count && units[2 * next] == CACHE) {
                next++;
            }
            int method_form = next < count && units[2 * next] == LOAD_ATTR && (units[2 * next + 1] & 1) != 0;
            PyObject *attribute = method_form && (units[2 * next + 1] >> 1) < PyTuple_GET_SIZE(code->co_names)
                ? PyTuple_GET_ITEM(code->co_names, units[2 * next + 1] >> 1) : NULL;
            PyTypeObject *owner = attribute == NULL ? NULL : global_class(globals, name, attribute);
            reached = owner == NULL ? NULL : class_callable(owner, attribute);
            callee = code_of(reached);
            loaded_at = next;
        }
        /* borrowed, memoised in the callee's state; none for code that cannot be marshalled */
        PyObject *identity = callee == NULL ? NULL : pyjit_code_identity((PyCodeObject *)callee);
        PyObject *offset = identity == NULL ? NULL : PyLong_FromSsize_t(2 * loaded_at);
        PyObject *known = offset == NULL ? NULL : PyTuple_Pack(2, callee, identity);
        if (known != NULL && PyDict_SetItem(callees, offset, known) < 0) {
            Py_CLEAR(callees);
        }
        Py_XDECREF(known);
        Py_XDECREF(offset);
        Py_XDECREF(reached);
        PyErr_Clear();
        oparg = 0;
    }
    Py_DECREF(plain);
    return callees;
}
