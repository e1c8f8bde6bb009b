
# coding: utf-8

# A markdown cell

# In[1]:


import pandas as pd

pd.options.display.max_rows = 6


# Another markdown cell

# In[2]:


1 + 1


# <codecell>


3 + 3
