# %% [markdown]
"""
some text, and a fake cell marker
# %% [raw]
"""

# %%
sql = """
# %% not a marker: inside a string
SELECT 1
"""
