"""Writes the benchmark notebooks: 3 cells and 50 cells of small, quick Python."""
import sys
import nbformat

def notebook(cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    return nb

out = sys.argv[1]
nbformat.write(notebook(["import math\nx = 1", "y = math.sqrt(x + 1)\nprint(y)", "y * 2"]), f"{out}/cells3.ipynb")
nbformat.write(notebook([f"v{i} = {i} * 2\nprint(v{i})" for i in range(50)]), f"{out}/cells50.ipynb")
