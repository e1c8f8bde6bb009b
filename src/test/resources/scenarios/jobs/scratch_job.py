"""Writes one file over WebHDFS (argv[1]: HDFS path) and sends one Graphite metric."""
import os
import socket
import sys
import time
import urllib.error
import urllib.request

url = "%s%s?op=CREATE&overwrite=true&user.name=nbci" % (os.environ["NBCI_WEBHDFS_URL"], sys.argv[1])
data = b"a\nb\n"
try:
    urllib.request.urlopen(urllib.request.Request(url, data=data, method="PUT"), timeout=30).close()
except urllib.error.HTTPError as redirect:
    if redirect.code != 307:
        raise
    request = urllib.request.Request(redirect.headers["Location"], data=data, method="PUT")
    urllib.request.urlopen(request, timeout=30).close()
with socket.create_connection((os.environ["NBCI_GRAPHITE_HOST"], int(os.environ["NBCI_GRAPHITE_PORT"])), 10) as s:
    s.sendall(("ext.job.files 1 %d\n" % time.time()).encode("utf-8"))
print("wrote " + sys.argv[1])
