"""The version of ncmw-course: the one place it is written (hatchling reads it for the package metadata)."""

__version__ = "0.1.0"
