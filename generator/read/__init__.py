"""generator.read: see generator/__init__.py for the layout."""
