#!/usr/bin/python3
"""Writes N notebooks (default 1,000) of a realistic size under DIR/notebooks/team-XX/, with
markdown, parameters, code with magics, stream and image outputs, as Jupyter saves them."""
import base64
import random
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(20261123)
png = base64.b64encode(bytes(rng.randrange(256) for _ in range(3000))).decode() + "\n"
kernelspec = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
for n in range(count):
    cells = [new_markdown_cell("# Job %d\n\nLoads the daily partition, scores it and writes the result." % n),
             new_code_cell("date = \"2026-11-23\"\nlimit = %d" % rng.randrange(1000), metadata={"tags": ["parameters"]})]
    for c in range(rng.randrange(8, 16)):
        kind = rng.randrange(4)
        if kind == 0:
            cells.append(new_markdown_cell("## Step %d\n\nSome explanation of step %d." % (c, c)))
        elif kind == 1:
            cells.append(new_code_cell("def step_%d(frame):\n    \"\"\"Step %d.\"\"\"\n    return frame[frame.value > %d]\n" % (c, c, c)))
        elif kind == 2:
            cells.append(new_code_cell("%%time\nresult_%d = step(frame, %d)\nresult_%d.head()" % (c, c, c), execution_count=c + 1,
                                       outputs=[new_output("stream", name="stdout", text="Wall time: %d ms\n" % c),
                                                new_output("execute_result", execution_count=c + 1,
                                                           data={"text/plain": "   value\n0  %d" % c})]))
        else:
            cells.append(new_code_cell("plot(result)\n!echo done", execution_count=c + 1,
                                       outputs=[new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"})]))
    nb = new_notebook(cells=cells, metadata={"kernelspec": kernelspec})
    for i, cell in enumerate(nb.cells):
        cell["id"] = "c%d-%d" % (n, i)
    path = "%s/notebooks/team-%02d/job_%04d.ipynb" % (out, n % 50, n)
    import os
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
