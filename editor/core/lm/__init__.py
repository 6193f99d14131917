"""The statistical typo engine: the bundled character language model, pycorrector's data, the re-ranker.

Everything here loads lazily and once. `typo_engine.typo_engine()` is the entry point
(the one choice between the n-gram detector and MacBERT); it degrades to a null
detector (finding nothing, saying why) when kenlm or the model is missing.
"""
