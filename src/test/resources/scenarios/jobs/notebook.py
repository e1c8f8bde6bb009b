# %% tags=["parameters"]
greeting = "hello"
rows = 0

# %%
import os, socket, time
print("notebook says %s with %d rows" % (greeting, rows))

# %%
with socket.create_connection((os.environ["NBCI_GRAPHITE_HOST"], int(os.environ["NBCI_GRAPHITE_PORT"])), 10) as s:
    s.sendall(("it.notebook.rows %d %d\n" % (rows, int(time.time()))).encode("utf-8"))
