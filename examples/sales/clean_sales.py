# ---
# jupyter:
#   jupytext:
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
# # Daily sales clean-up
#
# Reads raw sales rows, drops the broken ones and writes a clean CSV.

# %% tags=["parameters"]
input_csv = "sales.csv"
output_csv = "sales_clean.csv"
min_amount = 0.0

# %%
import pandas as pd
# !echo "pandas $(python3 -c 'import pandas; print(pandas.__version__)')"

# %% [raw]
# Expected columns: day, store, amount

# %%
def clean(frame, minimum):
    frame = frame.dropna(subset=["day", "store", "amount"])
    return frame[frame["amount"] >= minimum]


class Summary:
    pass


# %% tags=["shell"] language="bash"
# echo "rows: $(wc -l < sales.csv)"

# %%
frame = clean(pd.read_csv(input_csv), min_amount)
frame.to_csv(output_csv, index=False)
