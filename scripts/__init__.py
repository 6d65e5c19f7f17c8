"""Build pipeline of Osallisuuden menetelmäpankki.

Records flow one way: files (``methods/``, ``cases/``) -> :mod:`scripts.records` (load)
-> :mod:`scripts.validate` -> :mod:`scripts.model` -> :mod:`scripts.generate` (pages)
-> MkDocs. :mod:`scripts.__main__` is the command line over these steps.
"""
