"""GB/T 15835-2011 (numbers) and GB/T 15834-2011 (punctuation) as data, and the engines that apply it.

Rules live in `resources/rules/numbers.yaml` and `punctuation.yaml`; this package
loads them (`rules`), runs the regular ones (`engines`, `paired`), reads numerals
(`numerals`), finds articles in a document (`articles`) and checks that the figures
of an article agree with each other (`consistency`).
"""
