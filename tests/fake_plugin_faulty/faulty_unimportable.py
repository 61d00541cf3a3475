"""A plugin whose module cannot be imported: it needs a library that is not installed."""

import a_library_this_plugin_forgot_to_require  # noqa: F401


class Exporter:
    name = "unimportable"
