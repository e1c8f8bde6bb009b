"""Regenerates the notebooks the execution ITs run (run with /usr/bin/python3, which has nbformat)."""
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def notebook(*cells, kernel="python3"):
    nb = new_notebook()
    nb.metadata.kernelspec = {"name": kernel, "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    nb.cells = list(cells)
    return nb


def tagged(source, *tags):
    cell = new_code_cell(source)
    cell.metadata.tags = list(tags)
    return cell


def save(name, nb):
    nbformat.write(nb, name)


save("passing.ipynb", notebook(
    new_markdown_cell("# A passing notebook"),
    tagged("greeting = 'hello'\ncount = 2", "parameters"),
    new_code_cell("for i in range(count):\n    print(greeting, i)"),
    new_code_cell("count * 21"),
))

save("failing.ipynb", notebook(
    new_code_cell("x = 1\nprint('first cell ran')"),
    new_code_cell("def check(value):\n    raise ValueError('boom: ' + str(value))\n\ncheck(x)"),
    new_code_cell("print('never printed')"),
))

save("hanging.ipynb", notebook(
    new_code_cell("print('started')"),
    new_code_cell("import time\nwhile True:\n    time.sleep(0.1)"),
    new_code_cell("print('never printed')"),
))

save("killed.ipynb", notebook(
    new_code_cell("print('before the crash', flush=True)"),
    new_code_cell("import os, sys\nsys.stdout.flush()\nos._exit(9)"),
    new_code_cell("print('never printed')"),
))

save("forking.ipynb", notebook(
    tagged("pid_file = 'pids.txt'", "parameters"),
    new_code_cell("import subprocess\n"
                  "same_group = subprocess.Popen(['sleep', '600'])\n"
                  "own_session = subprocess.Popen(['sleep', '601'], start_new_session=True)\n"
                  "with open(pid_file, 'w') as f:\n"
                  "    f.write(f'{same_group.pid} {own_session.pid}')\n"
                  "print('children', same_group.pid, own_session.pid)"),
    new_code_cell("import time\ntime.sleep(1)\nprint('done')"),
))

save("big_output.ipynb", notebook(
    new_code_cell("line = 'x' * 99\nfor i in range(100_000):\n    print(line)"),
    new_code_cell("print('after the flood')"),
))

save("non_utf8.ipynb", notebook(
    new_code_cell("import os\nos.write(1, b'raw bytes: \\xff\\xfe end\\n')"),
    new_code_cell("import sys\nsys.stdout.write('escaped: ' + b'\\xff\\xc3'.decode('utf-8', 'surrogateescape') + '\\n')\n"
                  "sys.stdout.flush()"),
    new_code_cell("print('still running')"),
))

save("rich.ipynb", notebook(
    new_code_cell("import base64\n"
                  "from IPython.display import display, HTML, Image, JSON, SVG, Markdown, clear_output\n"
                  "PNG = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')\n"
                  "display(Image(data=PNG))"),
    new_code_cell("display(HTML('<b>bold</b>\\n<i>second line</i>'))\n"
                  "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">\\n<rect width=\"1\" height=\"1\"/>\\n</svg>'))\n"
                  "display(JSON({'a': [1, 2.5, None]}))"),
    new_code_cell("handle = display(Markdown('old text'), display_id=True)\nhandle.update(Markdown('new text'))"),
    new_code_cell("print('to be cleared')\nclear_output()\nprint('kept')"),
    new_code_cell("{'answer': 42}"),
))

save("parameters.ipynb", notebook(
    tagged("i = 0\nf = 0.0\nb = False\nn = 'not none'\ns = ''\nraw = ''\nitems = []\nmapping = {}\n"
           "nan = 0.0\ninf = 0.0\nneg_inf = 0.0\ntext = ''", "parameters"),
    new_code_cell("import json, math\n"
                  "values = dict(i=i, f=f, b=b, n=n, s=s, raw=raw, items=items, mapping=mapping, text=text)\n"
                  "print(json.dumps({k: [type(v).__name__, v] for k, v in values.items()}, sort_keys=True))\n"
                  "print(json.dumps([math.isnan(nan), inf == math.inf, neg_inf == -math.inf]))"),
))

save("sys_exit.ipynb", notebook(
    new_code_cell("print('working')"),
    new_code_cell("import sys\nsys.exit(0)"),
    new_code_cell("print('not run')"),
))

save("missing_kernel.ipynb", notebook(new_code_cell("print('never')"), kernel="no-such-kernel"))

with open("malformed.ipynb", "w") as f:
    f.write('{\n "cells": [\n  {"cell_type": "code", "source": "print(1)"\n ],\n "nbformat": 4\n}\n')
