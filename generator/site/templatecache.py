"""Compiled templates kept between builds, in Jinja's own bytecode cache folder.

Compiling the templates (ours and the theme's, Material's) is ~0.4 s of every build that
renders pages, the same work each time. Jinja keeps the compiled code in a folder of the
temp directory (`_jinja2-cache-<uid>`, private to the user), each template under a key of
its name and file and checked against its source, so an edited template is compiled again.
Like jieba's prefix dictionary (`jieba.cache` there too), it outlives the site's cache
folder: a build with an empty cache on a machine that built before reuses it
(bench/README.md says what "cold" includes). Rendering is the same either way.
"""

from __future__ import annotations

import jinja2


class _Cache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a full or read-only temp folder: this template is compiled again next time


def template_cache() -> jinja2.BytecodeCache | None:
    """Jinja's bytecode cache in its default folder; None (compile every time) when Jinja
    finds no private folder it can use there."""
    try:
        return _Cache()
    except (OSError, RuntimeError):
        return None
