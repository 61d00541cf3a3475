"""The built-in exporters of ncmw-course.

Each module holds one exporter, named after its format, and registers through the entry-point group
``ncmw_course.exporters`` like any third-party plugin. Nothing is re-exported here: importing this
package must not load python-docx or ebooklib.
"""

__ncmw_course__ = True
"""The mark of ncmw-course's built-in exporters: another top-level package named ``exporters`` (from
another distribution, or a folder where Python runs) lacks it, and loading a built-in format then
says so (see ``ncmw_course/_registry.py``)."""
