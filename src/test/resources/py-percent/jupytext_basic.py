# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.16.4
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Word count
#
# Counts words in a file.

# %% tags=["parameters"]
path = "input.txt"
top = 10

# %%
# %matplotlib inline
import collections
# !ls -l
# a comment

# %%
def count(path):
    with open(path) as f:
        return collections.Counter(f.read().split())


# %% [raw]
# raw text
# on two lines

# %% jupyter={"source_hidden": true} tags=["report", "slow"]
counts = count(path)
counts.most_common(top)

# %% language="bash"
# echo hello
# ls

# %% [markdown] slideshow={"slide_type": "slide"}
# A slide

# %%

# %%
x = 1
