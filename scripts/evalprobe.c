/* _evalprobe: the cheapest possible PEP 523 frame evaluator, for scripts/evaluator-price.
 *
 * install() makes every frame the interpreter evaluates go through probe_eval_frame, which
 * does nothing but call CPython's own _PyEval_EvalFrameDefault. What this costs is the price
 * of having any frame evaluator installed: with interp->eval_frame set, CPython 3.13 stops
 * inlining Python-to-Python calls (CALL_PY_EXACT_ARGS, CALL_BOUND_METHOD_EXACT_ARGS,
 * CALL_ALLOC_AND_ENTER_INIT, BINARY_SUBSCR_GETITEM, LOAD_ATTR_PROPERTY, FOR_ITER_GEN and
 * SEND_GEN deoptimise) and every call enters the evaluator through the C stack instead.
 *
 * Built by scripts/evaluator-price with -DPy_BUILD_CORE_MODULE and the internal headers; not
 * linked against libpython (python3.13 exports the symbols).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "pycore_ceval.h"   /* _PyEval_EvalFrameDefault */
#include "pycore_interp.h"

static PyObject *
probe_eval_frame(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag)
{
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

static PyObject *
probe_install(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), probe_eval_frame);
    Py_RETURN_NONE;
}

static PyObject *
probe_uninstall(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), _PyEval_EvalFrameDefault);
    Py_RETURN_NONE;
}

static PyObject *
probe_installed(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(_PyInterpreterState_GetEvalFrameFunc(PyInterpreterState_Get()) == probe_eval_frame);
}

static PyMethodDef probe_methods[] = {
    {"install", probe_install, METH_NOARGS, "Install the pass-through frame evaluator."},
    {"uninstall", probe_uninstall, METH_NOARGS, "Restore CPython's default frame evaluator."},
    {"installed", probe_installed, METH_NOARGS, "Whether the pass-through evaluator is installed."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef probe_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_evalprobe",
    .m_doc = "A PEP 523 frame evaluator that only calls _PyEval_EvalFrameDefault.",
    .m_size = -1,
    .m_methods = probe_methods,
};

PyMODINIT_FUNC
PyInit__evalprobe(void)
{
    return PyModule_Create(&probe_module);
}
