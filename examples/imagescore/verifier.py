# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Image score verifier
#
# Nightly check that every active offer has an image score in the search index dump.
#
# * reads the active offers of `run_date` (Hive table `dwh.active_offers`, partitioned by `dt`)
# * reads the image scores dumped from the search index (JSON lines on HDFS)
# * writes the offers missing a score to `report_path`, read by the Hive external table
#   `reports.missing_imagescore` (`offer_id BIGINT, dt STRING, category STRING`)
# * logs corrupted score records and sends Graphite metrics under `metrics_prefix`
#
# On a laptop or CI this runs with pandas over WebHDFS against nbci's local cluster. With
# `engine = "spark"` the same steps run through PySpark with Hive support on the real cluster.

# %% tags=["parameters"]
run_date = "2016-10-10"
offers_table = "dwh.active_offers"
offers_path = "/data/dwh/active_offers"
scores_path = "/data/solr/imagescore"
report_path = "/data/reports/missing_imagescore"
metrics_prefix = "stats.offer.imagescore.verifier"
engine = "pandas"

# %%
import json
import logging
import os
import re
import socket
import time
import unicodedata

import pandas as pd
import requests

started = time.time()
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
logger = logging.getLogger("imagescore.verifier")

WEBHDFS = os.environ.get("NBCI_WEBHDFS_URL", "http://localhost:9870/webhdfs/v1")
GRAPHITE = (os.environ.get("NBCI_GRAPHITE_HOST", "localhost"), int(os.environ.get("NBCI_GRAPHITE_PORT", "2003")))
HDFS_USER = os.environ.get("HADOOP_USER_NAME", "nbci")


def hdfs_list(path):
    """Files below an HDFS folder (recursively); empty when the folder does not exist."""
    reply = requests.get(WEBHDFS + path, params={"op": "LISTSTATUS", "user.name": HDFS_USER}, timeout=30)
    if reply.status_code == 404:
        return []
    reply.raise_for_status()
    files = []
    for status in reply.json()["FileStatuses"]["FileStatus"]:
        child = path.rstrip("/") + "/" + status["pathSuffix"]
        if status["type"] == "DIRECTORY":
            files.extend(hdfs_list(child))
        elif not status["pathSuffix"].startswith(("_", ".")):
            files.append(child)
    return sorted(files)


def hdfs_read(path):
    reply = requests.get(WEBHDFS + path, params={"op": "OPEN", "user.name": HDFS_USER}, timeout=60)
    reply.raise_for_status()
    return reply.content.decode("utf-8")


def hdfs_write(path, text):
    params = {"op": "CREATE", "overwrite": "true", "user.name": HDFS_USER}
    reply = requests.put(WEBHDFS + path, params=params, data=text.encode("utf-8"), timeout=60)
    reply.raise_for_status()


class Metrics:
    """Graphite plaintext protocol: one `path value timestamp` line per metric."""

    def __init__(self, prefix, address):
        self.prefix, self.address, self.lines = prefix, address, []

    def send(self, name, value):
        self.lines.append("%s.%s %s %d\n" % (self.prefix, name, value, int(time.time())))

    def flush(self):
        with socket.create_connection(self.address, timeout=10) as connection:
            connection.sendall("".join(self.lines).encode("utf-8"))
        self.lines = []


metrics = Metrics(metrics_prefix, GRAPHITE)

# %% [markdown]
# ## Active offers of the day

# %%
if engine == "spark":
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("imagescore-verifier").enableHiveSupport().getOrCreate()
    offers = spark.table(offers_table).where("dt = '%s'" % run_date).select("offer_id", "category").toPandas()
else:
    # Hive's default text format: fields separated by \x01, NULL written as \N
    rows = []
    for part in hdfs_list("%s/dt=%s" % (offers_path, run_date)):
        for line in hdfs_read(part).splitlines():
            if line:
                offer_id, category = line.split("\x01")[:2]
                rows.append({"offer_id": int(offer_id), "category": None if category == "\\N" else category})
    offers = pd.DataFrame(rows, columns=["offer_id", "category"])
logger.info("%d active offers on %s", len(offers), run_date)

# %% [markdown]
# ## Image scores from the search index dump

# %%
scores = {}
corrupted = 0
for part in hdfs_list(scores_path):
    for number, line in enumerate(hdfs_read(part).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            scores[int(record["offer_id"])] = float(record["score"])
        except (ValueError, KeyError, TypeError):
            corrupted += 1
            logger.warning("Corrupted record {} in {}:{}".format(line, part, number))
logger.info("%d scores, %d corrupted records", len(scores), corrupted)

# %% [markdown]
# ## Offers missing a score

# %%
offers["has_score"] = offers["offer_id"].isin(list(scores))
missing = offers[~offers["has_score"]].sort_values("offer_id")
report = "".join("%d\x01%s\x01%s\n" % (row.offer_id, run_date, row.category) for row in missing.itertuples())
hdfs_write("%s/missing-%s" % (report_path, run_date), report)
logger.info("%d offers miss a score; report written to %s", len(missing), report_path)

# %% [markdown]
# ## Metrics

# %%
items = len(offers)
existing = int(offers["has_score"].sum())
metrics.send("items", items)
metrics.send("existing", existing)
metrics.send("missing", len(missing))
metrics.send("missing_percent", round(100.0 * len(missing) / items, 2) if items else 0.0)
metrics.send("corrupted", corrupted)
for category, group in offers.groupby("category"):
    ascii_name = unicodedata.normalize("NFKD", category).encode("ascii", "ignore").decode("ascii")
    key = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_").lower()
    metrics.send("category.%s.scores_fill" % key, round(100.0 * group["has_score"].mean(), 2))
metrics.send("run-time", round(time.time() - started, 3))
metrics.flush()
