"""Subcommands beyond ``parse`` and ``schema``: each module defines ``add_parser(subparsers)``."""
