"""Field descriptions from attribute docstrings, read from the source when a schema is published.

Every model field is documented by the string literal that follows it::

    title: Text
    \"\"\"The course title, as the brochure states it.\"\"\"

Pydantic can read these itself (``use_attribute_docstrings``), but it does so when each model class
is created: it finds and tokenizes the source of every class on every import, about 25 ms of each
command's start-up. The descriptions are needed only in the published JSON Schema, so they are read
here, once, when a schema is generated.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["attribute_docs", "describe_properties", "published_schema"]


def attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings of the annotated attributes of `cls` and its bases, by attribute name.

    Cleaned like other docstrings (:func:`inspect.cleandoc`); a subclass's docstring wins over its
    base's. Only classes defined at the top level of a module are looked up.
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        module = sys.modules.get(klass.__module__)
        if module is None or klass.__module__ == "builtins":
            continue
        docs.update(_class_docs(klass.__module__, klass.__qualname__))
    return docs


@functools.cache
def _class_docs(module_name: str, qualname: str) -> dict[str, str]:
    try:
        tree = _module_tree(module_name)
    except (OSError, TypeError):  # no source: a compiled module or an interactive session
        return {}
    node = next(
        (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == qualname),
        None,
    )
    if node is None:
        return {}
    docs: dict[str, str] = {}
    previous: ast.stmt | None = None
    for statement in node.body:
        if (
            isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
            and isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            docs[previous.target.id] = inspect.cleandoc(statement.value.value)
        previous = statement
    return docs


@functools.cache
def _module_tree(module_name: str) -> ast.Module:
    return ast.parse(inspect.getsource(sys.modules[module_name]))


def describe_properties(schema: dict[str, Any], root: type, models: dict[str, type]) -> None:
    """Give each property of `schema` (generated for `root`) its field's docstring, in place.

    `models` maps the names under ``$defs`` to their classes. An object schema wrapped in ``anyOf``
    (a model that also accepts a plain string) is described too. Keys stay in sorted order, as
    pydantic writes them.
    """
    parts: list[tuple[dict[str, Any], type]] = [(schema, root)]
    parts += [(schema["$defs"][name], cls) for name, cls in models.items() if name in schema.get("$defs", {})]
    for definition, cls in parts:
        docs = attribute_docs(cls)
        for part in (definition, *definition.get("anyOf", ())):
            for name, prop in part.get("properties", {}).items():
                if name in docs:
                    described = sorted({**prop, "description": docs[name]}.items())
                    prop.clear()
                    prop.update(described)


def published_schema(model: type[BaseModel], schema_id: str, schema_key: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `model` as published: with ``$schema``, ``$id``, and a
    ``"$schema"`` property (described by `schema_key`) that documents may carry for editors.
    """

    from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

    class Generator(GenerateJsonSchema):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.models: dict[str, type] = {}

        def model_schema(self, schema: Any) -> JsonSchemaValue:
            self.models[schema["cls"].__name__] = schema["cls"]
            return super().model_schema(schema)

        def generate(self, schema: Any, mode: Any = "validation") -> JsonSchemaValue:
            result = super().generate(schema, mode=mode)
            describe_properties(result, model, self.models)
            properties = {"$schema": {"description": schema_key, "type": "string"}, **result["properties"]}
            return {"$schema": self.schema_dialect, "$id": schema_id, **result, "properties": properties}

    return model.model_json_schema(schema_generator=Generator)
