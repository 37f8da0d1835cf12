"""Regional digest: turns messy newspaper page texts (seeds/) into a static MkDocs site.

Layout (records.py holds the typed records that flow between the stages):

    settings.py   the one table of settings (plugin options, CLI options, README table)
    build.py      build(): read every seed (per-file stages, cached) -> digest -> search index, page plans
    read/         per-file stages: decode, sidecar, clean/, split/, bylines, locate, figures/
    lexicon/      text (character classes), newsroom (cue words), words (jieba, Tagger), gazetteer
                  (tables shipped in data/gazetteer_tables.json, gazetteer_tables.py), catalogue:
                  the language resources the stages share
    digest.py     cross-page assembly (dedupe.py) and the JSON/CSV contract
    site/         typeset, pages, compare, charts, keywords, templates/
    search/       terms, scoring, format (FORMAT.md is the spec), index (the entry), feed (the articles sent
                  to the search writer forked before reading); browser runtime web/
    mkdocs/       the MkDocs adapter: plugin hooks, page memo (memopages.py), background writer, page
                  helper (pagehelper.py: forked processes render runs of pages ahead of the build), site marker,
                  the site folder rebuilt in place (inplace.py, siteclear.py, pagefiles.py; sitetrash.py)
    cache.py      content-hash cache (typedjson.py, cachelock.py)
    wordpack.py   search words and keyword counts kept as one string each until they are read
    heap.py       freed memory handed back to the system (glibc malloc_trim), for large builds
    __main__.py   `python -m generator`: a summary, or one stage's records as JSON (read, split, locate,
                  figures, digest, index) for a file or a folder
"""
