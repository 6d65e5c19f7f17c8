"""Build pipeline of Osallisuuden menetelmäpankki.

Records flow one way: files (``methods/``, ``cases/``) -> :mod:`scripts.pipeline.records` (load)
-> :mod:`scripts.pipeline.validate` -> :mod:`scripts.pipeline.model` -> :mod:`scripts.site.pages` (pages)
-> MkDocs. :mod:`scripts.__main__` is the command line over these steps.
"""
