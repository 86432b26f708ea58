"""referatkit: Danish meeting minutes in, a structured, searchable SQLite archive out."""

__version__ = "0.1.0"
