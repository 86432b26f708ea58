"""The one build step pyproject.toml cannot state without an experimental table: the PDF
reader's optional C helper (src/referatkit/readers/_glyphs.c).

It is built where a C compiler and Python's headers are at hand and skipped with a warning
where they are not (``optional``); the reader then makes the same pdfium calls through
ctypes and gives the same text, about half as fast on the same pages.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("referatkit.readers._glyphs",
                             sources=["src/referatkit/readers/_glyphs.c"], optional=True)])
