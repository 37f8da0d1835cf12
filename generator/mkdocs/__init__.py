"""generator.mkdocs: see generator/__init__.py for the layout."""
