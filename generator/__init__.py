"""Regional digest: turns messy newspaper page texts (seeds/) into a static MkDocs site.

The pipeline, one module per stage (see records.py for the records between them):
decode -> clean -> split -> locate -> figures -> digest -> pages / searchindex.
plugin.py is the thin MkDocs adapter; __main__.py runs the stages alone.
"""
