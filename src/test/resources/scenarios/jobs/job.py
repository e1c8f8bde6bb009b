"""A tiny job using only the standard library: reads HDFS over WebHDFS, writes its output
there, sends Graphite metrics over TCP, logs what it did. Exits with $JOB_EXIT (default 0)."""
import json
import os
import socket
import time
import urllib.error
import urllib.request

WEBHDFS = os.environ["NBCI_WEBHDFS_URL"]
USER = "user.name=nbci"


def read(path):
    with urllib.request.urlopen("%s%s?op=OPEN&%s" % (WEBHDFS, path, USER), timeout=30) as reply:
        return reply.read().decode("utf-8")


def write(path, text):
    url = "%s%s?op=CREATE&overwrite=true&%s" % (WEBHDFS, path, USER)
    data = text.encode("utf-8")
    try:
        urllib.request.urlopen(urllib.request.Request(url, data=data, method="PUT"), timeout=30).close()
    except urllib.error.HTTPError as redirect:
        if redirect.code != 307:
            raise
        location = redirect.headers["Location"]
        urllib.request.urlopen(urllib.request.Request(location, data=data, method="PUT"), timeout=30).close()


lines = read("/it/in/inline.txt").splitlines()
print("job started, read %d inline lines" % len(lines))
print("copied file says: %s" % read("/it/in/copied.txt").splitlines()[0])
print("folder file says: %s" % read("/it/in/folder/sub/b.txt").splitlines()[1])
write("/it/out/report.txt", "id,ratio\n1,0.3333\n2,0.6667\n")
write("/it/out/table/part-00000", "1,0.33333\n2,0.66667\n")
write("/it/out/table/part-00001", "3,1.0\n")
now = int(time.time())
metrics = [
    "it.job.rows 3 %d" % now,
    "it.job.ratio 0.6667 %d" % now,
    "it.job.category.a.count 1 %d" % now,
    "it.job.category.b.count 2 %d" % now,
    "it.job.latency;env=ci;host=it 12.5 %d" % now,
]
with socket.create_connection((os.environ["NBCI_GRAPHITE_HOST"], int(os.environ["NBCI_GRAPHITE_PORT"])), 10) as s:
    s.sendall(("\n".join(metrics) + "\n").encode("utf-8"))
print("processed 3 rows in 12.5 ms")
print("job done: " + json.dumps({"rows": 3}))
raise SystemExit(int(os.environ.get("JOB_EXIT", "0")))
