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
    if not BUILDERS:
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
    return BUILDERS[grammar.family](tree, grammar, blocks)
