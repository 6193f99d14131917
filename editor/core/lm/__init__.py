"""The statistical typo engine: the bundled character language model, pycorrector's data, the re-ranker.

Everything here loads lazily and once; `detector.typo_detector()` is the entry point,
and it degrades to a null detector (finding nothing, saying why) when kenlm or the
model is missing.
"""
