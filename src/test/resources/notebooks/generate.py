#!/usr/bin/python3
"""Writes nbci's round-trip corpus with Jupyter's own library (python3-nbformat), so the
files are byte-for-byte what Jupyter saves. Run with /usr/bin/python3 from this folder;
the .ipynb files are committed, this script documents how they were made."""
import base64
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

PY = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
INFO = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
        "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3", "version": "3.11.2"}
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2265d"
    "2d0000000049454e44ae426082")).decode() + "\n"


def save(name, cells, metadata=None, minor=5, ids=True):
    nb = new_notebook(cells=cells, metadata=metadata if metadata is not None else {"kernelspec": PY, "language_info": INFO})
    nb.nbformat_minor = minor
    for i, cell in enumerate(nb.cells):
        if ids and minor >= 5:
            cell["id"] = "%s-%d" % (name[:2], i)
        else:
            cell.pop("id", None)
    with open(name + ".ipynb", "w", encoding="utf-8") as f:
        nbformat.write(nb, f, version=4)


save("01_markdown", [
    new_markdown_cell("# Title\n\nSome *emphasis*, a [link](https://example.org) and a list:\n\n- one\n- two"),
    new_markdown_cell("## Section\n\n```python\nprint('code in markdown')\n```"),
    new_markdown_cell("# cd notes\n\n!important: not a shell escape\n\n%%bash is not a magic here"),
])
save("02_stream_outputs", [
    new_code_cell("for i in range(3):\n    print(i)", execution_count=1,
                  outputs=[new_output("stream", name="stdout", text="0\n1\n2\n")]),
    new_code_cell("import sys\nprint('oops', file=sys.stderr)", execution_count=2,
                  outputs=[new_output("stream", name="stderr", text="oops\n")]),
])
save("03_raw_cells", [
    new_raw_cell("---\ntitle: A report\nauthor: data team\n---"),
    new_markdown_cell("Text after a YAML front matter cell."),
    new_raw_cell("\\begin{equation}\nx^2\n\\end{equation}", metadata={"raw_mimetype": "text/latex"}),
    new_raw_cell("plain raw text"),
    new_code_cell("x = 1"),
])
save("04_magics", [
    new_code_cell("%matplotlib inline\n%load_ext autoreload\n%autoreload 2", execution_count=1),
    new_code_cell("%%time\ntotal = sum(range(10))", execution_count=2,
                  outputs=[new_output("stream", name="stdout", text="CPU times: user 3 µs\n")]),
    new_code_cell("!ls -l /tmp | head -3\nfiles = !ls\nlen?\nls\ncd /tmp", execution_count=3),
    new_code_cell("# %time is commented in the notebook\n#%timeit x\nx = 1  # a comment"),
    new_code_cell("def f():\n    %time g()\n    !echo indented"),
    new_code_cell("text = \"\"\"\n%not_a_magic inside a string\n!nor a shell escape\n\"\"\"", execution_count=4),
    new_code_cell("%%capture captured\nprint('hidden')"),
    new_code_cell("!echo a \\\n  b continued"),
])
save("05_unicode", [
    new_markdown_cell("# Ünïcödé ✓\n\n中文, русский, العربية, emoji 🎉🐍"),
    new_code_cell("greeting = \"héllo wörld 🌍\"\nprint(greeting)", execution_count=1,
                  outputs=[new_output("stream", name="stdout", text="héllo wörld 🌍\n")],
                  metadata={"tags": ["ünïcode"], "note": "caf\u00e9 \u2013 \U0001F600"}),
    new_raw_cell("raw: naïve café"),
], metadata={"kernelspec": PY, "language_info": INFO, "title": "Données ✓"})
save("06_empty_cells", [
    new_code_cell(""),
    new_markdown_cell(""),
    new_raw_cell(""),
    new_code_cell("\n"),
    new_code_cell("x = 1\n"),
    new_code_cell("\n\nleading_blank = True"),
    new_code_cell(""),
])
save("07_image_outputs", [
    new_code_cell("from IPython.display import Image, SVG\nImage('dot.png')", execution_count=1, outputs=[
        new_output("display_data", data={"image/png": PNG, "text/plain": "<IPython.core.display.Image object>"},
                   metadata={"image/png": {"width": 1, "height": 1}}),
        new_output("execute_result", execution_count=1,
                   data={"image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
                         "text/plain": "<IPython.core.display.SVG object>"}),
    ]),
    new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2])", execution_count=2, outputs=[
        new_output("execute_result", execution_count=2, data={"text/plain": "[<matplotlib.lines.Line2D at 0x7f>]"}),
        new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"}),
    ]),
])
WIDGET_STATE = {"application/vnd.jupyter.widget-state+json": {"state": {"a1b2": {
    "model_module": "@jupyter-widgets/controls", "model_module_version": "2.0.0", "model_name": "IntSliderModel",
    "state": {"value": 5, "max": 10, "min": 0, "step": 1, "description": "n"}}}, "version_major": 2, "version_minor": 0}}
save("08_widgets", [
    new_code_cell("import ipywidgets as w\nslider = w.IntSlider(value=5, max=10)\nslider", execution_count=1, outputs=[
        new_output("display_data", data={
            "application/vnd.jupyter.widget-view+json": {"model_id": "a1b2", "version_major": 2, "version_minor": 0},
            "text/plain": "IntSlider(value=5, max=10)"})]),
], metadata={"kernelspec": PY, "language_info": INFO, "widgets": WIDGET_STATE})
save("09_nbformat_4_0", [
    new_markdown_cell("An nbformat **4.0** notebook: no cell ids."),
    new_code_cell("print('four zero')", execution_count=1, outputs=[new_output("stream", name="stdout", text="four zero\n")]),
], minor=0)
save("10_nbformat_4_4", [
    new_markdown_cell("nbformat 4.4"),
    new_code_cell("a = [1, 2, 3]\nsum(a)", execution_count=7,
                  outputs=[new_output("execute_result", execution_count=7, data={"text/plain": "6"})]),
], minor=4)
save("11_error_outputs", [
    new_code_cell("1 / 0", execution_count=1, outputs=[new_output("error", ename="ZeroDivisionError",
        evalue="division by zero", traceback=[
            "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
            "\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)",
            "Cell \u001b[0;32mIn[1], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[38;5;241m1\u001b[39m \u001b[38;5;241m/\u001b[39m \u001b[38;5;241m0\u001b[39m\n",
            "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero"])]),
])
save("12_rich_results", [
    new_code_cell("import pandas as pd\npd.DataFrame({'a': [1, 2]})", execution_count=1, outputs=[
        new_output("execute_result", execution_count=1, data={
            "text/html": "<table>\n<tr><th>a</th></tr>\n<tr><td>1</td></tr>\n</table>",
            "text/plain": "   a\n0  1\n1  2"})]),
    new_code_cell("from IPython.display import Latex, JSON\nLatex(r'$\\alpha$')", execution_count=2, outputs=[
        new_output("execute_result", execution_count=2, data={"text/latex": "$\\alpha$", "text/plain": "<Latex>"}),
        new_output("display_data", data={"application/json": {"k": [1, 2.5, None, True]}, "text/plain": "<JSON>"},
                   metadata={"application/json": {"expanded": False, "root": "root"}}),
    ]),
])
save("13_cell_metadata", [
    new_code_cell("alpha = 0.5\nname = 'run'", metadata={"tags": ["parameters"]}),
    new_code_cell("result = alpha * 2", execution_count=3,
                  metadata={"tags": ["check", "slow"], "slideshow": {"slide_type": "slide"},
                            "jupyter": {"source_hidden": True, "outputs_hidden": False},
                            "ExecuteTime": {"start_time": "2024-01-02T03:04:05.678Z", "end_time": "2024-01-02T03:04:05.700Z"},
                            "execution": {"iopub.execute_input": "2024-01-02T03:04:05.679Z"},
                            "collapsed": True, "scrolled": "auto", "editable": False, "deletable": False,
                            "custom": {"nested": {"list": [1, "two", 3.0], "none": None}}}),
    new_markdown_cell("A slide", metadata={"slideshow": {"slide_type": "fragment"}, "tags": ["intro"]}),
    new_code_cell("title_cell = 1", metadata={"title": "A titled cell"}),
])
save("14_floats_numbers", [
    new_code_cell("x = 1e-05", metadata={"weights": [0.1, 1e-05, 1.0, 2.5e+20, 123456789012345678901234567890, -0.0]},
                  execution_count=1, outputs=[new_output("execute_result", execution_count=1,
                  data={"text/plain": "1e-05"}, metadata={"scale": 0.30000000000000004})]),
], metadata={"kernelspec": PY, "language_info": INFO, "calibration": {"threshold": 0.75, "epsilon": 1e-9}})
save("15_jupytext_paired", [
    new_markdown_cell("A notebook already paired by jupytext."),
    new_code_cell("import os\nos.getcwd()"),
], metadata={"jupytext": {"formats": "ipynb,py:percent", "notebook_metadata_filter": "all,-language_info"},
             "kernelspec": PY, "language_info": INFO})
save("16_functions_classes", [
    new_code_cell("import math"),
    new_code_cell("def area(r):\n    return math.pi * r ** 2"),
    new_code_cell("class Circle:\n    def __init__(self, r):\n        self.r = r\n\n    def area(self):\n        return area(self.r)"),
    new_code_cell("@staticmethod\ndef decorated():\n    pass"),
    new_code_cell("c = Circle(2)\nc.area()"),
    new_code_cell("x = 1\n"),
    new_code_cell("def after_trailing_newline():\n    return 1\n"),
    new_markdown_cell("Markdown after a function."),
])
save("17_language_magics", [
    new_code_cell("%%bash\necho hello from bash\nls | wc -l"),
    new_code_cell("%%html\n<b>bold</b>", execution_count=2, outputs=[
        new_output("display_data", data={"text/html": "<b>bold</b>", "text/plain": "<IPython.core.display.HTML object>"})]),
    new_code_cell("%%sql postgresql://localhost/db\nSELECT 1", metadata={"tags": ["db"]}),
    new_code_cell("%%javascript\nconsole.log('js')"),
    new_code_cell("%%writefile out.txt\nnot a language magic"),
])
att = new_markdown_cell("An embedded image: ![dot](attachment:dot.png)")
att["attachments"] = {"dot.png": {"image/png": PNG}}
save("18_attachments", [att, new_code_cell("pass")])
save("19_no_kernelspec", [
    new_code_cell("1 + 1", execution_count=1, outputs=[new_output("execute_result", execution_count=1, data={"text/plain": "2"})]),
], metadata={})
save("20_strings_and_quotes", [
    new_code_cell("doc = '''\n# %% not a cell marker inside a string\n'''\nprint(doc)"),
    new_code_cell("s = \"it's\"\nt = 'say \"hi\"'\nu = r'back\\slash'"),
    new_code_cell("def f():\n    \"\"\"\"A docstring with four quotes.\"\"\"\n    return 1"),
    new_markdown_cell("Markdown with a backslash \\ and \"quotes\" and '''triple''' quotes"),
])
save("21_nbformat_4_1", [
    new_markdown_cell("nbformat 4.1"),
    new_code_cell("y = 2", execution_count=1),
], minor=1)


def save_json(name, nb):
    """Some notebooks are written with the json module the way nbformat does (indent=1,
    sorted keys, non-ASCII kept, trailing newline), because nbformat.write would reject or
    normalise what they test: unknown fields, sources stored as one string."""
    import json
    with open(name + ".ipynb", "w", encoding="utf-8") as f:
        f.write(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n")


save_json("22_unknown_fields", {
    "nbformat": 4, "nbformat_minor": 5, "x_top_level": {"kept": True},
    "metadata": {"kernelspec": PY, "x_vendor": {"a": [1, 2]}},
    "cells": [
        {"cell_type": "code", "id": "u-0", "execution_count": 1, "metadata": {"x_cell_meta": 1},
         "source": ["x = 1"], "x_cell_field": "kept",
         "outputs": [{"output_type": "stream", "name": "stdout", "text": ["1\n"], "x_output_field": [None]}]},
        {"cell_type": "markdown", "id": "u-1", "metadata": {}, "source": ["text"], "x_markdown_field": 0.5},
    ],
})
save_json("23_string_sources", {
    "nbformat": 4, "nbformat_minor": 4, "metadata": {"kernelspec": PY},
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "One string\nover two lines"},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "stream text\nas one string\n"}],
         "source": "print('stream text')\nprint('as one string')"},
    ],
})
