"""Course data written as YAML files, as a person writes them, for the tests."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import SafeRepresenter

from ncmw_course._yaml import resolve_plain

__all__ = ["yaml_text"]


class _Representer(SafeRepresenter):
    """Writes a text in double quotes when YAML 1.2's core schema would read it plain as something else."""

    def represent_text(self, data: str) -> ScalarNode:
        style = None if isinstance(resolve_plain(data), str) else '"'
        node: ScalarNode = self.represent_scalar("tag:yaml.org,2002:str", data, style=style)
        return node


_Representer.add_representer(str, _Representer.represent_text)


def yaml_text(data: dict[str, Any], *, width: int = 80) -> str:
    """`data` written as a person's YAML file: block style, keys in order, long texts folded over lines."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Representer = _Representer
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = width
    text = io.StringIO()
    yaml.dump(data, text)
    return text.getvalue()
