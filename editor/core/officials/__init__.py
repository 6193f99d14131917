"""The desk's register of officials and what the political checks read from it.

A district daily's worst errors are an official given a post they do not hold, leaders listed
out of order, a removed official named in his old post. No dictionary knows a district's own
officials, so the desk keeps a register (`register`), the checks (`editor.core.checks.officials`)
compare every post printed beside a registered name with it on the article's date (`article_date`),
and `learn` proposes rows from the paper's own archive.
"""
