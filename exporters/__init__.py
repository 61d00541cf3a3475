"""The built-in exporters of ncmw-course.

Each module holds one exporter, named after its format, and registers through the entry-point group
``ncmw_course.exporters`` like any third-party plugin. Nothing is re-exported here: importing this
package must not load python-docx or ebooklib.
"""
