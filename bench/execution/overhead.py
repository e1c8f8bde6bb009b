"""Median per-cell overhead of executed notebooks (all cells of all files given pooled): the runner's wall time per cell minus the
kernel's own time for it (iopub status busy -> idle, the kernel's timestamps).

nbci writes its wall time per cell as metadata.nbci.start_time/end_time. For nbconvert, which
records only the kernel's timestamps, the wall time per cell is taken as the time from one
cell's busy to the next cell's busy (what the client adds between cells shows up there)."""
import json
import statistics
import sys
from datetime import datetime

def ts(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

def overheads(path):
    cells = [c for c in json.load(open(path))["cells"] if c["cell_type"] == "code"]
    result = []
    for i, cell in enumerate(cells):
        ex = cell["metadata"].get("execution", {})
        if "iopub.status.busy" not in ex or "iopub.status.idle" not in ex:
            continue
        kernel = ts(ex["iopub.status.idle"]) - ts(ex["iopub.status.busy"])
        nb = cell["metadata"].get("nbci")
        if nb and nb.get("start_time") and nb.get("end_time"):
            wall = ts(nb["end_time"]) - ts(nb["start_time"])
        elif i + 1 < len(cells) and "iopub.status.busy" in cells[i + 1]["metadata"].get("execution", {}):
            wall = ts(cells[i + 1]["metadata"]["execution"]["iopub.status.busy"]) - ts(ex["iopub.status.busy"])
        else:
            continue
        result.append((wall - kernel) * 1000)
    return result

values = [v for path in sys.argv[1:] for v in overheads(path)]
print("%.2f" % statistics.median(values))
