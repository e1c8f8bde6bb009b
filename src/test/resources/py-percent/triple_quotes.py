# %% [markdown]
'''
a
long
cell
'''

# %% [raw]
"""
some
text
"""
