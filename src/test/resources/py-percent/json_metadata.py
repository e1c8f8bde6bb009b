# %% a code cell with parameters {"tags": ["parameters"]}
a = 3
