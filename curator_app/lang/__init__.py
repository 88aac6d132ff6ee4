"""Russian as the documents need it: names declined (:mod:`.declension`), word stems for matching requests
with competencies (:mod:`.stems`), text clean-up and name forms (:mod:`.text`), and dates and numbers
formatted with Babel's ``ru`` locale in one place (:mod:`.fmt`)."""
