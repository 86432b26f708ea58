/* The per-glyph facts of a pdfium text page in one call: for each glyph its text object,
 * its loose box and whether pdfium generated it.
 *
 * Why this exists: the PDF reader's fast path needs two or three pdfium calls per glyph, and
 * through ctypes each call costs some 1-3 microseconds of argument conversion, against tens
 * of nanoseconds of pdfium's own work (a page of minutes has 1,500 glyphs or more). This
 * module makes the same calls from C and hands the results back as bytes.
 *
 * It is optional: the package builds it where a C compiler is at hand and reads with
 * ctypes where it is not (referatkit.readers.pdf._glyph_facts); both give the same values.
 * It does not link against pdfium: the caller passes the addresses of the three functions
 * of the pdfium library pypdfium2 has loaded, so it always calls the same library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* pdfium's FS_RECTF, and the signatures of public/fpdf_text.h with its calling convention
 * (FPDF_CALLCONV in public/fpdfview.h: __stdcall on Windows, which matters on 32-bit only). */
#if defined(_WIN32)
#define FPDF_CALLCONV __stdcall
#else
#define FPDF_CALLCONV
#endif
typedef struct { float left, top, right, bottom; } rect_f;
typedef int (FPDF_CALLCONV *is_generated_f)(void *text_page, int index);
typedef void *(FPDF_CALLCONV *text_object_f)(void *text_page, int index);
typedef int (FPDF_CALLCONV *loose_box_f)(void *text_page, int index, rect_f *rect);

static PyObject *
fetch(PyObject *self, PyObject *args)
{
    unsigned long long page, gen_fn, obj_fn, box_fn;
    int n;
    (void)self;
    if (!PyArg_ParseTuple(args, "KiKKK", &page, &n, &gen_fn, &obj_fn, &box_fn))
        return NULL;
    if (!page || !gen_fn || !obj_fn || !box_fn) {
        PyErr_SetString(PyExc_ValueError, "null text page or function address");
        return NULL;
    }
    if (n < 0)
        n = 0;
    PyObject *keys = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * 8);
    PyObject *boxes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * 16);
    PyObject *generated = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n);
    if (!keys || !boxes || !generated) {
        Py_XDECREF(keys);
        Py_XDECREF(boxes);
        Py_XDECREF(generated);
        return NULL;
    }
    void *tp = (void *)(uintptr_t)page;
    is_generated_f is_generated = (is_generated_f)(uintptr_t)gen_fn;
    text_object_f text_object = (text_object_f)(uintptr_t)obj_fn;
    loose_box_f loose_box = (loose_box_f)(uintptr_t)box_fn;
    uint64_t *k = (uint64_t *)PyBytes_AS_STRING(keys);
    float *b = (float *)PyBytes_AS_STRING(boxes);
    char *g = PyBytes_AS_STRING(generated);
    /* A box pdfium cannot give keeps the last one, as a ctypes rectangle reused from glyph
     * to glyph does. */
    rect_f r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < n; i++) {
        g[i] = is_generated(tp, i) ? 1 : 0;
        k[i] = (uint64_t)(uintptr_t)text_object(tp, i);
        loose_box(tp, i, &r);
        b[4 * i] = r.left;
        b[4 * i + 1] = r.top;
        b[4 * i + 2] = r.right;
        b[4 * i + 3] = r.bottom;
    }
    return Py_BuildValue("NNN", keys, boxes, generated);
}

static PyMethodDef methods[] = {
    {"fetch", fetch, METH_VARARGS,
     "fetch(text_page, n, is_generated, text_object, loose_box) -> (keys, boxes, generated)\n\n"
     "Per glyph: its text object's address (8 bytes, native order), its loose box as four "
     "floats (left, top, right, bottom) and 1 where pdfium generated it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_glyphs", "pdfium glyph facts in one call (optional speed-up)",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__glyphs(void)
{
    return PyModule_Create(&module);
}
