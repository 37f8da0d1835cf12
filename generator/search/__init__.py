"""generator.search: see generator/__init__.py for the layout."""

# The site folder every search file is written to (FORMAT.md), named here so that the build
# can tell it without importing the index's code (numpy, lunr): mkdocs/plugin.py sweeps it last.
ASSET_DIR = "assets/search"
