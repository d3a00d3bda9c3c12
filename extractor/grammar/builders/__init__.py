"""Builders: from the generic plan tree of a template family to the typed canonical document.

A grammar names its family (``family = "..."`` in its TOML); each family has one builder function
``(tree, grammar, blocks) -> PlanDocument`` registered here with ``@builder("family")``.  Builders of shared parts
(front matter, Part 1, Part 4, ...) are small functions the family builders call.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from extractor.blocks import Block
from extractor.grammar.engine import Node
from extractor.grammar.spec import Grammar
from extractor.model.document import PlanDocument

Builder = Callable[[Node, Grammar, list[Block]], PlanDocument]
BUILDERS: dict[str, Builder] = {}


def builder(family: str) -> Callable[[Builder], Builder]:
    def register(function: Builder) -> Builder:
        BUILDERS[family] = function
        return function

    return register


def build_document(tree: Node, grammar: Grammar, blocks: list[Block]) -> PlanDocument:
    """The typed document of a tree, by the builder of the grammar's family."""
    _load_builders()
    try:
        family_builder = BUILDERS[grammar.family]
    except KeyError:
        raise LookupError(f"grammar {grammar.id!r} names family {grammar.family!r}, which has no builder") from None
    return family_builder(tree, grammar, blocks)


def _load_builders() -> None:
    """Import every builder module once (each registers its family on import)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
