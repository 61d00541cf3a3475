"""ncmw_course/__init__.py: the public names, imported on first use, typed for checkers."""

from __future__ import annotations

import ast
import importlib

import pytest

import ncmw_course
from tests.conftest import REPO

SOURCE = ast.parse((REPO / "ncmw_course" / "__init__.py").read_text(encoding="utf-8"))


def assigned(name: str) -> ast.expr:
    """The value the module assigns to `name` at its top level."""
    for node in SOURCE.body:
        if isinstance(node, ast.Assign) and [ast.unparse(target) for target in node.targets] == [name]:
            return node.value
    raise AssertionError(name)


def type_checking_imports() -> dict[str, set[str]]:
    """The names imported under ``if TYPE_CHECKING:``, by module."""
    block = next(
        node for node in SOURCE.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    imports: dict[str, set[str]] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        assert node.module is not None
        imports.setdefault(node.module, set()).update(alias.name for alias in node.names)
    return imports


def lazy_homes() -> dict[str, set[str]]:
    """The ``_HOMES`` table: the names each module provides on first use."""
    homes = ast.literal_eval(assigned("_HOMES"))
    return {module: set(names) for module, names in homes.items()}


def test_all_type_checking_imports_and_lazy_table_agree() -> None:
    """Every public name is in __all__, imported for type checkers and in _HOMES, from the same module."""
    public = set(ast.literal_eval(assigned("__all__"))) - {"__version__"}
    assert type_checking_imports() == lazy_homes()
    assert set().union(*lazy_homes().values()) == public


@pytest.mark.parametrize("name", sorted(set(ncmw_course.__all__) - {"__version__"}))
def test_each_name_is_its_home_module_s(name: str) -> None:
    """A public name is the very object its home module defines."""
    (home,) = [module for module, names in lazy_homes().items() if name in names]
    assert getattr(ncmw_course, name) is getattr(importlib.import_module(home), name)
