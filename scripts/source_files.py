"""Read one file of a public source for the make_* scripts, and say where it came from.

The source is a git repository (a clone or a bare snapshot: the file is read at a commit,
which is recorded) or a plain file (its provenance is then whatever --version says).
A .zip holding one file is unpacked. The sha256 of the bytes read is recorded either way.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceFile:
    text: str
    member: str  # path inside the repository ("" for a plain file)
    version: str  # "commit <sha> (<date>), file last changed in <sha> (<date>)" or --version
    sha256: str  # of the bytes read (the archive, for a .zip)


def read_source(source: Path, member: str, rev: str = "HEAD", version: str = "") -> SourceFile:
    """`member` of the git repository `source` at `rev`, or the file `source` itself."""
    if source.is_dir():
        data = _git(source, "show", f"{rev}:{member}")
        commit = _git(source, "log", "-1", "--format=%H (%cs)", rev).decode().strip()
        changed = _git(source, "log", "-1", "--format=%H (%cs)", rev, "--", member).decode().strip()
        version = version or f"commit {commit}, file last changed in {changed}"
    else:
        data = source.read_bytes()
        member = ""
        if not version:
            raise SystemExit(f"{source} is a plain file: say which version it is with --version")
    digest = hashlib.sha256(data).hexdigest()
    name = member or str(source)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inner = [n for n in archive.namelist() if not n.endswith("/")]
            if len(inner) != 1:
                raise SystemExit(f"{name}: expected one file in the archive, found {inner}")
            data = archive.read(inner[0])
    return SourceFile(data.decode("utf-8"), member, version, digest)


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout
