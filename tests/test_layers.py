"""Layer rules of DESIGN.md §4, checked on every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "bankstation"

# third-party top-level module -> the only layer allowed to import it
OWNERS = {
    "PySide6": "gui",
    "sqlcipher3": "store",
    "cryptography": "crypto",
    "reportlab": "render",
    "pycdlib": "disc",
}
# layer -> bankstation layers it may import
ALLOWED = {
    "domain": {"domain"},
    "store": {"store", "domain"},
    "crypto": {"crypto", "domain"},
    "formats": {"formats", "domain"},
    "render": {"render", "domain"},
    "disc": {"disc", "domain"},
    "services": {"services", "domain", "store", "crypto", "formats", "render", "disc"},
    "cli": {"cli", "services", "domain"},
    "gui": {"gui", "services", "domain"},
}


def _layer(path: Path, package: Path) -> str:
    rel = path.relative_to(package)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        layer = _layer(path, package)
        for name in _imports(path):
            top = name.split(".")[0]
            owner = OWNERS.get(top)
            if owner and owner != layer:
                found.append(f"{path.name} ({layer}) imports {top}, owned by {owner}")
            if top == "bankstation" and "." in name and layer in ALLOWED:
                target = name.split(".")[1]
                if target in ALLOWED and target not in ALLOWED[layer]:
                    found.append(f"{path.name} ({layer}) imports bankstation.{target}")
    return found


def test_layers_are_clean() -> None:
    assert violations(PACKAGE) == []


def test_domain_imports_only_the_standard_library() -> None:
    import sys

    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top == "bankstation" or top in sys.stdlib_module_names, (path.name, name)


@pytest.mark.parametrize(
    ("layer", "line", "expected"),
    [
        ("domain", "import sqlcipher3", "owned by store"),
        ("services", "from PySide6 import QtCore", "owned by gui"),
        ("gui", "from bankstation.store import vault", "imports bankstation.store"),
        ("cli", "from bankstation.crypto import kdf", "imports bankstation.crypto"),
    ],
)
def test_checker_catches_a_crossing(tmp_path: Path, layer: str, line: str, expected: str) -> None:
    (tmp_path / layer).mkdir()
    (tmp_path / layer / "bad.py").write_text(line + "\n", encoding="utf-8")
    assert any(expected in v for v in violations(tmp_path))
