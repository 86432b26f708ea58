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
#include <math.h>
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


/* ---- runs: the PDF reader's fast path (readers/pdf.py, _runs_py) in C ------------------
 *
 * The same loop as _runs_py, glyph for glyph and in the same double arithmetic, so that it
 * gives the same runs: a run is the glyphs of one text object that follow each other in
 * content order. Per text object it asks the caller (facts(i, key) -> (size, bold, upright,
 * unmapped)), so how size and boldness are judged stays in Python. None where the Python
 * loop gives up (turned text, glyphs of one object out of order).
 */
typedef unsigned long (FPDF_CALLCONV *get_unicode_f)(void *text_page, int index);
typedef int (FPDF_CALLCONV *get_text_f)(void *text_page, int start, int count,
                                        unsigned short *result);
typedef int (FPDF_CALLCONV *char_origin_f)(void *text_page, int index, double *x, double *y);

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t len, cap;
} ucs4_buf;

static int
buf_push(ucs4_buf *b, Py_UCS4 c)
{
    if (b->len == b->cap) {
        Py_ssize_t cap = b->cap ? 2 * b->cap : 256;
        Py_UCS4 *data = PyMem_Realloc(b->data, (size_t)cap * sizeof(Py_UCS4));
        if (!data) {
            PyErr_NoMemory();
            return -1;
        }
        b->data = data;
        b->cap = cap;
    }
    b->data[b->len++] = c;
    return 0;
}

static PyObject *
ucs4_str(const Py_UCS4 *data, Py_ssize_t len)
{
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, data, len);
}

/* The code points of the page as referatkit.readers.pdf._unicode gives them: GetText for
 * the page, GetUnicode per glyph where GetText cannot say (astral characters, the U+FFFE
 * pdfium writes for a line-end hyphen). */
static unsigned long *
page_codes(void *tp, int n, get_text_f get_text, get_unicode_f get_unicode)
{
    unsigned long *codes = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(unsigned long));
    unsigned short *units = PyMem_Malloc((size_t)(n + 1) * sizeof(unsigned short));
    if (!codes || !units) {
        PyMem_Free(codes);
        PyMem_Free(units);
        PyErr_NoMemory();
        return NULL;
    }
    memset(units, 0, (size_t)(n + 1) * sizeof(unsigned short));
    int written = get_text(tp, 0, n, units);
    int per_glyph = written != n + 1, has_fffe = 0;
    for (int i = 0; i < n && !per_glyph; i++) {
        if (units[i] >= 0xD800 && units[i] <= 0xDFFF)
            per_glyph = 1;
        if (units[i] == 0xFFFE)
            has_fffe = 1;
    }
    for (int i = 0; i < n; i++) {
        if (per_glyph || (has_fffe && units[i] == 0xFFFE))
            codes[i] = get_unicode(tp, i);
        else
            codes[i] = units[i];
    }
    PyMem_Free(units);
    return codes;
}

typedef struct {
    PyObject *run_cls;
    int open;  /* a run is open */
    unsigned long long key;
    double size, base, min_x0;
    int bold;
    double cx0;
    Py_ssize_t start;  /* where its body begins in the page buffer */
} open_run;

static int
close_run(PyObject *runs, ucs4_buf *body, open_run *o, int pending, int lead_ws,
          long visible, double max_x0, double cx1, double cy0, double cy1,
          Py_ssize_t first_at, Py_ssize_t first_len, double first_x0, double first_x1,
          Py_ssize_t last_at, Py_ssize_t last_len, double last_x0, double last_x1,
          double x1, double top, double bottom)
{
    PyObject *text = NULL, *first = NULL, *last = NULL, *run = NULL;
    int rc = -1;
    text = ucs4_str(body->data + o->start, body->len - o->start);
    if (!text)
        goto done;
    if (visible) {
        PyObject *ft = ucs4_str(body->data + first_at, first_len);
        if (!ft)
            goto done;
        first = Py_BuildValue("(Ndd)", ft, first_x0, first_x1);
        PyObject *lt = ucs4_str(body->data + last_at, last_len);
        if (!first || !lt) {
            Py_XDECREF(lt);
            goto done;
        }
        last = Py_BuildValue("(Ndd)", lt, last_x0, last_x1);
        if (!last)
            goto done;
    } else {
        first = Py_NewRef(Py_None);
        last = Py_NewRef(Py_None);
    }
    run = PyObject_CallFunction(o->run_cls, "KdOdOOOldd OO ddd dddd",
                                o->key, o->size, o->bold ? Py_True : Py_False, o->base, text,
                                lead_ws ? Py_True : Py_False,
                                (pending && visible > 0) ? Py_True : Py_False,
                                visible, o->min_x0, max_x0, first, last, x1, top, bottom,
                                o->cx0, cx1, cy0, cy1);
    if (!run || PyList_Append(runs, run) < 0)
        goto done;
    rc = 0;
done:
    Py_XDECREF(text);
    Py_XDECREF(first);
    Py_XDECREF(last);
    Py_XDECREF(run);
    o->open = 0;
    return rc;
}

/* A text object's facts from pdfium directly, as referatkit.readers.pdf._FactsReader._read
 * computes them for an upright page (same calls, same double arithmetic): the facts spec is
 * (font_size, get_matrix, font_of, render_mode, has_map_error, bold_fonts, bold_of,
 * upright_tol_deg, fill_stroke_a, fill_stroke_b). Whether a font is bold stays in Python
 * (bold_of(font_address), remembered in bold_fonts per font); the rest is a few calls per
 * object that through ctypes cost more than pdfium's work. */
typedef double (FPDF_CALLCONV *font_size_f)(void *text_page, int index);
typedef struct { float a, b, c, d, e, f; } matrix_f;
typedef int (FPDF_CALLCONV *get_matrix_f)(void *text_page, int index, matrix_f *matrix);
typedef void *(FPDF_CALLCONV *font_of_f)(void *text_object);
typedef int (FPDF_CALLCONV *render_mode_f)(void *text_object);
typedef int (FPDF_CALLCONV *map_error_f)(void *text_page, int index);

typedef struct {
    font_size_f font_size;
    get_matrix_f get_matrix;
    font_of_f font_of;
    render_mode_f render_mode;
    map_error_f map_error;
    PyObject *bold_fonts, *bold_of; /* borrowed */
    double upright_tol;
    int fill_stroke_a, fill_stroke_b;
} facts_spec;

static int
parse_facts_spec(PyObject *spec, facts_spec *s)
{
    unsigned long long fs, gm, fo, rm, me;
    if (!PyArg_ParseTuple(spec, "KKKKKO!Odii;facts spec", &fs, &gm, &fo, &rm, &me,
                          &PyDict_Type, &s->bold_fonts, &s->bold_of, &s->upright_tol,
                          &s->fill_stroke_a, &s->fill_stroke_b))
        return -1;
    if (!fs || !gm || !fo || !rm || !me) {
        PyErr_SetString(PyExc_ValueError, "null function address in the facts spec");
        return -1;
    }
    s->font_size = (font_size_f)(uintptr_t)fs;
    s->get_matrix = (get_matrix_f)(uintptr_t)gm;
    s->font_of = (font_of_f)(uintptr_t)fo;
    s->render_mode = (render_mode_f)(uintptr_t)rm;
    s->map_error = (map_error_f)(uintptr_t)me;
    return 0;
}

/* Python's float % for a positive divisor (the sign of the result is the divisor's). */
static double
py_mod(double v, double w)
{
    double mod = fmod(v, w);
    if (mod) {
        if ((w < 0) != (mod < 0))
            mod += w;
    } else {
        mod = copysign(0.0, w);
    }
    return mod;
}

static int
native_facts(const facts_spec *s, void *tp, int i, unsigned long long key, double *size,
             int *bold, int *upright, int *unmapped)
{
    static const double rad_to_deg = 180.0 / 3.14159265358979323846; /* math.degrees */
    double sz = s->font_size(tp, i);
    int up = 1;
    matrix_f m;
    if (s->get_matrix(tp, i, &m)) {
        double h = hypot((double)m.c, (double)m.d);
        sz *= (h != 0.0) ? h : 1.0;
        double angle = rad_to_deg * atan2((double)m.b, (double)m.a);
        up = fabs(py_mod(angle + 180.0, 360.0) - 180.0) <= s->upright_tol;
    }
    int b = 0;
    if (key) {
        void *font = s->font_of((void *)(uintptr_t)key);
        if (font) {
            PyObject *k = PyLong_FromVoidPtr(font);
            if (!k)
                return -1;
            PyObject *v = PyDict_GetItemWithError(s->bold_fonts, k); /* borrowed */
            if (!v) {
                if (PyErr_Occurred()) {
                    Py_DECREF(k);
                    return -1;
                }
                PyObject *got = PyObject_CallOneArg(s->bold_of, k);
                if (!got || PyDict_SetItem(s->bold_fonts, k, got) < 0) {
                    Py_XDECREF(got);
                    Py_DECREF(k);
                    return -1;
                }
                b = PyObject_IsTrue(got);
                Py_DECREF(got);
            } else {
                b = PyObject_IsTrue(v);
            }
            Py_DECREF(k);
            if (b < 0)
                return -1;
        }
        int mode = s->render_mode((void *)(uintptr_t)key);
        if (mode == s->fill_stroke_a || mode == s->fill_stroke_b)
            b = 1;
    }
    *unmapped = s->map_error(tp, i) ? 1 : 0;
    /* round(size, 1) as Python rounds (correctly, to the nearest decimal) */
    PyObject *f = PyFloat_FromDouble(sz);
    if (!f)
        return -1;
    PyObject *r = PyObject_CallMethod(f, "__round__", "i", 1);
    Py_DECREF(f);
    if (!r)
        return -1;
    *size = PyFloat_AsDouble(r);
    Py_DECREF(r);
    if (*size == -1.0 && PyErr_Occurred())
        return -1;
    *bold = b;
    *upright = up;
    return 0;
}

static PyObject *
runs(PyObject *self, PyObject *args)
{
    unsigned long long page, gen_fn, obj_fn, box_fn, text_fn, uni_fn, origin_fn;
    int n, centres;
    double left, top_edge, space_gap, tab_gap;
    PyObject *facts_fn, *mapping, *run_cls;
    (void)self;
    if (!PyArg_ParseTuple(args, "Ki(KKKKKK)OO!Opdddd", &page, &n, &gen_fn, &obj_fn, &box_fn,
                          &text_fn, &uni_fn, &origin_fn, &facts_fn, &PyDict_Type, &mapping,
                          &run_cls, &centres, &left, &top_edge, &space_gap, &tab_gap))
        return NULL;
    if (!page || !gen_fn || !obj_fn || !box_fn || !text_fn || !uni_fn || !origin_fn) {
        PyErr_SetString(PyExc_ValueError, "null text page or function address");
        return NULL;
    }
    /* facts: a callable (facts(i, key) -> (size, bold, upright, unmapped)), or a facts spec
     * tuple for native_facts, whose answers are remembered per text object as the
     * callable's are (an object's first glyph decides) */
    facts_spec spec;
    int native = PyTuple_Check(facts_fn);
    if (native && parse_facts_spec(facts_fn, &spec) < 0)
        return NULL;
    void *tp = (void *)(uintptr_t)page;
    is_generated_f is_generated = (is_generated_f)(uintptr_t)gen_fn;
    text_object_f text_object = (text_object_f)(uintptr_t)obj_fn;
    loose_box_f loose_box = (loose_box_f)(uintptr_t)box_fn;
    char_origin_f char_origin = (char_origin_f)(uintptr_t)origin_fn;
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    if (n <= 0)
        return Py_BuildValue("(Nii)", out, 0, 0);
    PyObject *seen = NULL; /* text object address -> (size, bold, upright, unmapped) */
    if (native && !(seen = PyDict_New())) {
        Py_DECREF(out);
        return NULL;
    }
    unsigned long *codes = page_codes(tp, n, (get_text_f)(uintptr_t)text_fn,
                                      (get_unicode_f)(uintptr_t)uni_fn);
    if (!codes) {
        Py_XDECREF(seen);
        Py_DECREF(out);
        return NULL;
    }
    const double inf = HUGE_VAL;
    ucs4_buf body = {NULL, 0, 0};
    open_run o;
    memset(&o, 0, sizeof o);
    o.run_cls = run_cls;
    long unmapped = 0, total_visible = 0;
    int have_facts = 0, f_unmapped = 0, f_upright = 0, f_bold = 0, gave_up = 0;
    unsigned long long fkey = 0, current = 0;
    int have_current = 0;
    double f_size = 0.0;
    /* the open run's state, as the locals of _runs_py */
    int pending = 0, lead_ws = 0;
    long r_visible = 0;
    double r_max_x0 = 0.0, r_cx1 = 0.0, r_last_x0 = 0.0, r_last_x1 = 0.0;
    double r_cy0 = inf, r_cy1 = -inf, r_x1 = -inf, r_top = inf, r_bottom = -inf;
    Py_ssize_t first_at = 0, first_len = 0, last_at = 0, last_len = 0;
    double first_x0 = 0.0, first_x1 = 0.0;
    double cx = 0.0, cy = 0.0, ox = 0.0, oy = 0.0;
    rect_f r;
    memset(&r, 0, sizeof r);
    Py_UCS4 one[1];
    PyObject *mapped = NULL;  /* a replacement string from mapping (borrowed) */
    for (int i = 0; i < n; i++) {
        unsigned long code = codes[i];
        /* every glyph's box, in order: a box pdfium cannot give keeps the last one */
        loose_box(tp, i, &r);
        if (code <= 32 && (code == 32 || code == 10 || code == 13) && is_generated(tp, i))
            continue;
        unsigned long long key = (unsigned long long)(uintptr_t)text_object(tp, i);
        if (!have_facts || key != fkey) {
            if (native) {
                PyObject *k = PyLong_FromUnsignedLongLong(key);
                if (!k)
                    goto fail;
                PyObject *known = PyDict_GetItemWithError(seen, k); /* borrowed */
                if (known) {
                    Py_DECREF(k);
                    if (!PyArg_ParseTuple(known, "dppp", &f_size, &f_bold, &f_upright,
                                          &f_unmapped))
                        goto fail;
                } else {
                    PyObject *t = NULL;
                    if (PyErr_Occurred()
                        || native_facts(&spec, tp, i, key, &f_size, &f_bold, &f_upright,
                                        &f_unmapped) < 0
                        || !(t = Py_BuildValue("(diii)", f_size, f_bold, f_upright,
                                               f_unmapped))
                        || PyDict_SetItem(seen, k, t) < 0) {
                        Py_XDECREF(t);
                        Py_DECREF(k);
                        goto fail;
                    }
                    Py_DECREF(t);
                    Py_DECREF(k);
                }
            } else {
                PyObject *f = PyObject_CallFunction(facts_fn, "iK", i, key);
                if (!f)
                    goto fail;
                int ok = PyArg_ParseTuple(f, "dppp", &f_size, &f_bold, &f_upright,
                                          &f_unmapped);
                Py_DECREF(f);
                if (!ok)
                    goto fail;
            }
            fkey = key;
            have_facts = 1;
        }
        const Py_UCS4 *text;
        Py_ssize_t text_len;
        int space;
        if (code == 0 || code >= 0xD800) {
            if (code == 0 || code == 0xFFFE || code == 0xFFFF || code <= 0xDFFF) {
                unmapped++;
                continue;
            }
            if (f_unmapped)
                unmapped++;
            if (code > 0x10FFFF) {
                PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
                goto fail;
            }
            PyObject *k = PyLong_FromUnsignedLong(code);
            if (!k)
                goto fail;
            mapped = PyDict_GetItemWithError(mapping, k);
            Py_DECREF(k);
            if (!mapped && PyErr_Occurred())
                goto fail;
            if (mapped) {
                if (!PyUnicode_Check(mapped)) {
                    PyErr_SetString(PyExc_TypeError, "mapping values must be str");
                    goto fail;
                }
                text_len = PyUnicode_GET_LENGTH(mapped);
                /* the replacement's code points go through one[] one at a time below */
                text = NULL;
            } else {
                one[0] = (Py_UCS4)code;
                text = one;
                text_len = 1;
            }
        } else {
            if (f_unmapped)
                unmapped++;
            if (code == 10 || code == 13)
                continue;
            one[0] = (code == 2 || code == 0xAD) ? (Py_UCS4)'-' : (Py_UCS4)code;
            text = one;
            text_len = 1;
            mapped = NULL;
        }
        if (!f_upright) {
            gave_up = 1;
            break;
        }
        double x0 = (double)r.left - left;
        double top = top_edge - (double)r.top;
        double x1 = (double)r.right - left;
        double bottom = top_edge - (double)r.bottom;
        if (centres) {
            cx = (x0 + x1) / 2;
            cy = (top + bottom) / 2;
        }
        if (!have_current || key != current) {
            if (o.open && close_run(out, &body, &o, pending, lead_ws, r_visible, r_max_x0,
                                    r_cx1, r_cy0, r_cy1, first_at, first_len, first_x0,
                                    first_x1, last_at, last_len, r_last_x0, r_last_x1, r_x1,
                                    r_top, r_bottom) < 0)
                goto fail;
            char_origin(tp, i, &ox, &oy);
            o.open = 1;
            o.key = key;
            o.size = f_size;
            o.bold = f_bold;
            o.base = top_edge - oy;
            o.min_x0 = x0;
            o.cx0 = cx;
            o.start = body.len;
            current = key;
            have_current = 1;
            pending = lead_ws = 0;
            r_visible = 0;
            r_cy0 = inf;
            r_cy1 = -inf;
            r_x1 = -inf;
            r_top = inf;
            r_bottom = -inf;
        } else if (x0 < r_max_x0) {
            gave_up = 1;
            break;
        }
        r_max_x0 = x0;
        if (centres) {
            r_cx1 = cx;
            if (cy < r_cy0)
                r_cy0 = cy;
            if (cy > r_cy1)
                r_cy1 = cy;
        }
        if (mapped) {
            space = text_len > 0;
            for (Py_ssize_t c = 0; c < text_len && space; c++)
                space = Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(mapped, c));
        } else {
            space = Py_UNICODE_ISSPACE(text[0]);
        }
        if (space) {
            if (r_visible)
                pending = 1;
            else
                lead_ws = 1;
            continue;
        }
        if (r_visible) {
            double gap = x0 - r_last_x1;
            if (pending || gap > space_gap) {
                /* _separator(gap, size, size, pending) */
                Py_UCS4 sep = 0;
                if (gap > space_gap) {
                    double em = o.size > 1.0 ? o.size : 1.0;
                    if (gap > tab_gap * em)
                        sep = '\t';
                    else if (pending || gap > space_gap * em)
                        sep = ' ';
                } else if (pending) {
                    sep = ' ';
                }
                if (sep && buf_push(&body, sep) < 0)
                    goto fail;
            }
        }
        Py_ssize_t at = body.len;
        for (Py_ssize_t c = 0; c < text_len; c++) {
            Py_UCS4 ch = mapped ? PyUnicode_READ_CHAR(mapped, c) : text[c];
            if (buf_push(&body, ch) < 0)
                goto fail;
        }
        if (!r_visible) {
            first_at = at;
            first_len = text_len;
            first_x0 = x0;
            first_x1 = x1;
        }
        r_visible++;
        total_visible++;
        last_at = at;
        last_len = text_len;
        r_last_x0 = x0;
        r_last_x1 = x1;
        pending = 0;
        if (x1 > r_x1)
            r_x1 = x1;
        if (top < r_top)
            r_top = top;
        if (bottom > r_bottom)
            r_bottom = bottom;
    }
    if (gave_up) {
        PyMem_Free(codes);
        PyMem_Free(body.data);
        Py_XDECREF(seen);
        Py_DECREF(out);
        Py_RETURN_NONE;
    }
    if (o.open && close_run(out, &body, &o, pending, lead_ws, r_visible, r_max_x0, r_cx1,
                            r_cy0, r_cy1, first_at, first_len, first_x0, first_x1, last_at,
                            last_len, r_last_x0, r_last_x1, r_x1, r_top, r_bottom) < 0)
        goto fail;
    PyMem_Free(codes);
    PyMem_Free(body.data);
    Py_XDECREF(seen);
    return Py_BuildValue("(Nll)", out, total_visible, unmapped);
fail:
    PyMem_Free(codes);
    PyMem_Free(body.data);
    Py_XDECREF(seen);
    Py_DECREF(out);
    return NULL;
}

/* The lines of a list of runs, as referatkit.readers.pdf._run_lines makes them (runs sorted
 * by baseline then left edge, a line per baseline within the tolerance, each line's runs
 * left to right with a space or tab where the gap says so): the same comparisons in the same
 * order and the same double arithmetic. None where _run_lines gives up (the glyph path
 * decides); NotImplemented where a coordinate is not a number (the Python function then,
 * whose sorting of NaN this does not imitate). */
typedef struct {
    PyObject *run;
    unsigned long long key;
    double size, base, min_x0, max_x0, x1, top, bottom;
    int bold, lead_ws, trail_ws;
    long visible;
    PyObject *body;              /* borrowed from run */
    PyObject *first_text, *last_text; /* borrowed from the run's tuples, or NULL */
    double first_x0, first_x1, last_x0, last_x1;
    Py_ssize_t order;
} run_in;

static PyObject *s_key, *s_size, *s_bold, *s_base, *s_body, *s_lead_ws, *s_trail_ws,
    *s_visible, *s_min_x0, *s_max_x0, *s_first, *s_last, *s_x1, *s_top, *s_bottom,
    *s_empty, *s_space, *s_tab;

static int
intern_names(void)
{
    if (s_key)
        return 0;
#define NAME(var, str) if (!(var = PyUnicode_InternFromString(str))) return -1;
    NAME(s_key, "key") NAME(s_size, "size") NAME(s_bold, "bold") NAME(s_base, "base")
    NAME(s_body, "body") NAME(s_lead_ws, "lead_ws") NAME(s_trail_ws, "trail_ws")
    NAME(s_visible, "visible") NAME(s_min_x0, "min_x0") NAME(s_max_x0, "max_x0")
    NAME(s_first, "first") NAME(s_last, "last") NAME(s_x1, "x1") NAME(s_top, "top")
    NAME(s_bottom, "bottom") NAME(s_empty, "")
    NAME(s_space, " ") NAME(s_tab, "\t")
#undef NAME
    return 0;
}

/* attribute helpers: -1 with an exception set on failure */
static int
get_double(PyObject *o, PyObject *name, double *out)
{
    PyObject *v = PyObject_GetAttr(o, name);
    if (!v)
        return -1;
    *out = PyFloat_AsDouble(v);
    Py_DECREF(v);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static int
get_truth(PyObject *o, PyObject *name, int *out)
{
    PyObject *v = PyObject_GetAttr(o, name);
    if (!v)
        return -1;
    *out = PyObject_IsTrue(v);
    Py_DECREF(v);
    return *out < 0 ? -1 : 0;
}

/* (text, x0, x1) of a run's first or last glyph; text NULL for None. The run keeps the
 * tuple alive, so the text is borrowed. */
static int
get_glyph(PyObject *o, PyObject *name, PyObject **text, double *x0, double *x1)
{
    PyObject *v = PyObject_GetAttr(o, name);
    if (!v)
        return -1;
    *text = NULL;
    if (v != Py_None) {
        if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 3) {
            Py_DECREF(v);
            PyErr_SetString(PyExc_TypeError, "a run's first/last must be (text, x0, x1)");
            return -1;
        }
        *text = PyTuple_GET_ITEM(v, 0);
        *x0 = PyFloat_AsDouble(PyTuple_GET_ITEM(v, 1));
        *x1 = PyFloat_AsDouble(PyTuple_GET_ITEM(v, 2));
    }
    Py_DECREF(v);
    return PyErr_Occurred() ? -1 : 0;
}

static int
read_run(PyObject *run, run_in *r)
{
    PyObject *v;
    r->run = run;
    if (!(v = PyObject_GetAttr(run, s_key)))
        return -1;
    r->key = PyLong_AsUnsignedLongLong(v); /* a text object's address, as runs() gave it */
    Py_DECREF(v);
    if (r->key == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    if (!(v = PyObject_GetAttr(run, s_visible)))
        return -1;
    r->visible = PyLong_AsLong(v);
    Py_DECREF(v);
    if (r->visible == -1 && PyErr_Occurred())
        return -1;
    if (!(v = PyObject_GetAttr(run, s_body)))
        return -1;
    r->body = v;
    Py_DECREF(v); /* the run holds it */
    if (get_double(run, s_size, &r->size) < 0 || get_double(run, s_base, &r->base) < 0
        || get_double(run, s_min_x0, &r->min_x0) < 0 || get_double(run, s_max_x0, &r->max_x0) < 0
        || get_double(run, s_x1, &r->x1) < 0 || get_double(run, s_top, &r->top) < 0
        || get_double(run, s_bottom, &r->bottom) < 0 || get_truth(run, s_bold, &r->bold) < 0
        || get_truth(run, s_lead_ws, &r->lead_ws) < 0
        || get_truth(run, s_trail_ws, &r->trail_ws) < 0
        || get_glyph(run, s_first, &r->first_text, &r->first_x0, &r->first_x1) < 0
        || get_glyph(run, s_last, &r->last_text, &r->last_x0, &r->last_x1) < 0)
        return -1;
    return 0;
}

static int
has_nan(const run_in *r)
{
    return isnan(r->size) || isnan(r->base) || isnan(r->min_x0) || isnan(r->max_x0)
        || isnan(r->x1) || isnan(r->top) || isnan(r->bottom) || isnan(r->first_x0)
        || isnan(r->first_x1) || isnan(r->last_x0) || isnan(r->last_x1);
}

/* sort(key=min_x0) and sorted(key=(base, min_x0)): stable through the original order */
static int
by_x0(const void *pa, const void *pb)
{
    const run_in *a = *(run_in *const *)pa, *b = *(run_in *const *)pb;
    if (a->min_x0 != b->min_x0)
        return a->min_x0 < b->min_x0 ? -1 : 1;
    return a->order < b->order ? -1 : (a->order > b->order);
}

static int
by_base_x0(const void *pa, const void *pb)
{
    const run_in *a = *(run_in *const *)pa, *b = *(run_in *const *)pb;
    if (a->base != b->base)
        return a->base < b->base ? -1 : 1;
    return by_x0(pa, pb);
}

typedef struct {
    PyObject *line_cls;
    double space_gap, tab_gap, dup_overlap;
} line_spec;

/* _separator */
static PyObject *
separator(double gap, double size, double prev_size, int pending, const line_spec *sp)
{
    if (gap > sp->space_gap) {
        double em = size > prev_size ? size : prev_size;
        em = em > 1.0 ? em : 1.0;
        if (gap > sp->tab_gap * em)
            return s_tab;
        if (pending || gap > sp->space_gap * em)
            return s_space;
        return s_empty;
    }
    return pending ? s_space : s_empty;
}

/* _run_line: 1 with *line set (or NULL: no visible glyph), 0 where it gives up, -1 error */
static int
one_line(run_in **g, Py_ssize_t n, const line_spec *sp, PyObject **line, double *line_top)
{
    *line = NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        g[i]->order = i; /* the group's order before this sort */
    qsort(g, (size_t)n, sizeof *g, by_x0);
    for (Py_ssize_t i = 0; i + 1 < n; i++)
        if (g[i + 1]->min_x0 <= g[i]->max_x0)
            return 0;
    PyObject *parts = PyList_New(0);
    if (!parts)
        return -1;
    double *sizes = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(double));
    long *counts = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(long));
    if (!sizes || !counts) {
        PyMem_Free(sizes);
        PyMem_Free(counts);
        Py_DECREF(parts);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n_sizes = 0;
    run_in *prev = NULL;
    int pending = 0, bold = 1, rc = -1;
    const double inf = HUGE_VAL;
    double x0 = inf, top = inf, x1 = -inf, bottom = -inf;
    for (Py_ssize_t i = 0; i < n; i++) {
        run_in *r = g[i];
        if (!r->visible) {
            pending = pending || prev != NULL;
            continue;
        }
        if (!r->first_text || !r->last_text) {
            PyErr_SetString(PyExc_ValueError, "a run with visible glyphs has first and last");
            goto done;
        }
        if (prev) {
            double fx0 = r->first_x0, px0 = prev->last_x0, px1 = prev->last_x1;
            int same = PyObject_RichCompareBool(r->first_text, prev->last_text, Py_EQ);
            if (same < 0)
                goto done;
            double w = px1 - px0;
            if (same && r->key != prev->key && px1 - fx0 > sp->dup_overlap * (0.1 > w ? 0.1 : w)) {
                rc = 0;
                goto done;
            }
            PyObject *sep = separator(fx0 - px1, r->size, prev->size, pending || r->lead_ws, sp);
            if (sep != s_empty && PyList_Append(parts, sep) < 0)
                goto done;
        }
        if (PyList_Append(parts, r->body) < 0)
            goto done;
        Py_ssize_t k = 0;
        while (k < n_sizes && sizes[k] != r->size)
            k++;
        if (k == n_sizes) {
            sizes[n_sizes] = r->size;
            counts[n_sizes++] = 0;
        }
        counts[k] += r->visible;
        bold = bold && r->bold;
        prev = r;
        pending = r->trail_ws;
        if (r->first_x0 < x0)
            x0 = r->first_x0;
        if (r->x1 > x1)
            x1 = r->x1;
        if (r->top < top)
            top = r->top;
        if (r->bottom > bottom)
            bottom = r->bottom;
    }
    if (!prev) {
        rc = 1;
        goto done;
    }
    Py_ssize_t best = 0;
    for (Py_ssize_t k = 1; k < n_sizes; k++)
        if (counts[k] > counts[best])
            best = k;
    PyObject *text = PyUnicode_Join(s_empty, parts);
    if (!text)
        goto done;
    PyObject *kw = Py_BuildValue("{sNsdsdsdsdsdsO}", "text", text, "x0", x0, "x1", x1, "top", top,
                                 "bottom", bottom, "size", sizes[best], "bold",
                                 bold ? Py_True : Py_False);
    if (!kw)
        goto done;
    PyObject *empty = PyTuple_New(0);
    if (empty) {
        *line = PyObject_Call(sp->line_cls, empty, kw);
        Py_DECREF(empty);
    }
    Py_DECREF(kw);
    *line_top = top;
    rc = *line ? 1 : -1;
done:
    PyMem_Free(sizes);
    PyMem_Free(counts);
    Py_DECREF(parts);
    return rc;
}

typedef struct {
    PyObject *line;
    double top;
    Py_ssize_t order;
} line_out;

static int
by_top(const void *pa, const void *pb)
{
    const line_out *a = pa, *b = pb;
    if (a->top != b->top)
        return a->top < b->top ? -1 : 1;
    return a->order < b->order ? -1 : (a->order > b->order);
}

static PyObject *
lines(PyObject *self, PyObject *args)
{
    PyObject *seq, *result = NULL;
    double tol;
    line_spec sp;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOdddd", &seq, &sp.line_cls, &tol, &sp.space_gap, &sp.tab_gap,
                          &sp.dup_overlap))
        return NULL;
    if (intern_names() < 0)
        return NULL;
    PyObject *fast = PySequence_Fast(seq, "runs must be a sequence");
    if (!fast)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (n == 0) {
        Py_DECREF(fast);
        return PyList_New(0);
    }
    run_in *runs = PyMem_Calloc((size_t)n, sizeof(run_in));
    run_in **sorted_runs = PyMem_Calloc((size_t)n, sizeof(run_in *));
    run_in **group = PyMem_Calloc((size_t)n, sizeof(run_in *));
    line_out *outs = PyMem_Calloc((size_t)n, sizeof(line_out));
    Py_ssize_t n_out = 0;
    if (!runs || !sorted_runs || !group || !outs) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (read_run(PySequence_Fast_GET_ITEM(fast, i), &runs[i]) < 0)
            goto done;
        if (has_nan(&runs[i])) {
            result = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        runs[i].order = i;
        sorted_runs[i] = &runs[i];
    }
    qsort(sorted_runs, (size_t)n, sizeof *sorted_runs, by_base_x0);
    /* group by baseline, as _run_lines: the group's runs are sorted_runs[g0:k] */
    Py_ssize_t k = 0, g0 = 0;
    run_in *ref = NULL;
    int have_group = 0;
    for (;;) {
        int flush = (k >= n);
        int joins = 0;
        Py_ssize_t level = 0;
        if (!flush) {
            level = 1;
            while (k + level < n && sorted_runs[k + level]->base == sorted_runs[k]->base)
                level++;
            if (ref == NULL) {
                joins = 0;
            } else {
                int seen_true = 0, seen_false = 0;
                for (Py_ssize_t j = k; j < k + level; j++) {
                    run_in *r = sorted_runs[j];
                    double m = r->size;
                    if (ref->size > m)
                        m = ref->size;
                    if (1.0 > m)
                        m = 1.0;
                    if (r->base - ref->base <= tol * m)
                        seen_true = 1;
                    else
                        seen_false = 1;
                }
                if (seen_true && seen_false) {
                    result = Py_NewRef(Py_None);
                    goto done;
                }
                joins = seen_true;
            }
        }
        if (flush || (have_group && !joins)) {
            /* the group so far is a line */
            if (have_group) {
                Py_ssize_t gn = k - g0;
                for (Py_ssize_t j = 0; j < gn; j++)
                    group[j] = sorted_runs[g0 + j];
                PyObject *line;
                double line_top = 0.0;
                int got = one_line(group, gn, &sp, &line, &line_top);
                if (got < 0)
                    goto done;
                if (got == 0) {
                    result = Py_NewRef(Py_None);
                    goto done;
                }
                if (line) {
                    outs[n_out].line = line;
                    outs[n_out].top = line_top;
                    outs[n_out].order = n_out;
                    n_out++;
                }
            }
            if (flush)
                break;
            g0 = k;
            ref = sorted_runs[k];
            have_group = 1;
        } else if (!have_group) {
            g0 = k;
            ref = sorted_runs[k];
            have_group = 1;
        }
        k += level;
    }
    qsort(outs, (size_t)n_out, sizeof *outs, by_top);
    result = PyList_New(n_out);
    if (!result)
        goto done;
    for (Py_ssize_t i = 0; i < n_out; i++) {
        PyList_SET_ITEM(result, i, outs[i].line);
        outs[i].line = NULL;
    }
done:
    if (outs)
        for (Py_ssize_t i = 0; i < n_out; i++)
            Py_XDECREF(outs[i].line);
    PyMem_Free(outs);
    PyMem_Free(group);
    PyMem_Free(sorted_runs);
    PyMem_Free(runs);
    Py_DECREF(fast);
    return result;
}

/* public/fpdf_edit.h: a page's objects and their types. */
typedef int (FPDF_CALLCONV *count_objects_f)(void *page);
typedef void *(FPDF_CALLCONV *get_object_f)(void *page, int index);
typedef int (FPDF_CALLCONV *object_type_f)(void *object);

/* The addresses of a page's objects of the given types, in page order: the table finder
 * looks at paths and forms only, and a page of minutes is mostly text objects, each two
 * ctypes calls to pass over. */
static PyObject *
objects(PyObject *self, PyObject *args)
{
    unsigned long long page, count_fn, get_fn, type_fn;
    int type_a, type_b;
    (void)self;
    if (!PyArg_ParseTuple(args, "K(KKK)ii", &page, &count_fn, &get_fn, &type_fn, &type_a,
                          &type_b))
        return NULL;
    if (!page || !count_fn || !get_fn || !type_fn) {
        PyErr_SetString(PyExc_ValueError, "null page or function address");
        return NULL;
    }
    void *pg = (void *)(uintptr_t)page;
    get_object_f get_object = (get_object_f)(uintptr_t)get_fn;
    object_type_f object_type = (object_type_f)(uintptr_t)type_fn;
    int n = ((count_objects_f)(uintptr_t)count_fn)(pg);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    for (int i = 0; i < n; i++) {
        void *obj = get_object(pg, i);
        if (!obj)
            continue;
        int kind = object_type(obj);
        if (kind != type_a && kind != type_b)
            continue;
        PyObject *address = PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)obj);
        if (!address || PyList_Append(out, address) < 0) {
            Py_XDECREF(address);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(address);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"fetch", fetch, METH_VARARGS,
     "fetch(text_page, n, is_generated, text_object, loose_box) -> (keys, boxes, generated)\n\n"
     "Per glyph: its text object's address (8 bytes, native order), its loose box as four "
     "floats (left, top, right, bottom) and 1 where pdfium generated it."},
    {"runs", runs, METH_VARARGS,
     "runs(text_page, n, (is_generated, text_object, loose_box, get_text, get_unicode,\n"
     "     char_origin), facts, mapping, run_class, centres, left, top, space_gap_em,\n"
     "     tab_gap_em) -> (runs, visible, unmapped) | None\n\n"
     "The PDF reader's fast path over one text page (see readers/pdf.py, _runs_py). facts:\n"
     "facts(i, key) -> (size, bold, upright, unmapped), or the tuple (font_size, get_matrix,\n"
     "font_of, render_mode, has_map_error, bold_fonts, bold_of, upright_tol_deg,\n"
     "fill_stroke_a, fill_stroke_b) for the facts computed here (FACTS_API)."},
    {"lines", lines, METH_VARARGS,
     "lines(runs, line_class, baseline_tol_em, space_gap_em, tab_gap_em, duplicate_overlap)\n"
     "-> [line] | None | NotImplemented\n\n"
     "The lines of the runs as readers/pdf.py's _run_lines makes them."},
    {"objects", objects, METH_VARARGS,
     "objects(page, (count_objects, get_object, object_type), type_a, type_b) -> [address]\n\n"
     "The page's objects of either type, in page order (the table finder's paths and forms)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_glyphs", "pdfium glyph facts in one call (optional speed-up)",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__glyphs(void)
{
    PyObject *m = PyModule_Create(&module);
    /* runs() takes a facts spec tuple (a helper built before answers AttributeError) */
    if (m && PyModule_AddIntConstant(m, "FACTS_API", 1) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
