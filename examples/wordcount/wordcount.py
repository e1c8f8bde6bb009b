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
# Counts the words of a text file and shows the most common ones.
# The `parameters` cell is what a scheduled run overrides.

# %% tags=["parameters"]
path = "../../src/test/resources/texts/sample.txt"
top = 5

# %%
import collections
import re


# %%
def count_words(text):
    """Lower-cased words of text, counted."""
    return collections.Counter(re.findall(r"[a-z']+", text.lower()))


# %%
# %%time
with open(path, encoding="utf-8") as f:
    counts = count_words(f.read())

# %%
counts.most_common(top)

# %% [markdown]
# ## Checks
#
# A scheduled run fails when the text is empty.

# %% tags=["check"]
assert sum(counts.values()) > 0, "empty input"
