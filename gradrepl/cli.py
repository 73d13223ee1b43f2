"""Provides the ``gradrepl`` command line: one parser, thin dispatch to the faces.

Each face module is imported only when its command runs, so ``gradrepl check``
never pays for Textual and ``gradrepl --help`` pays for nothing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from gradrepl.errors import GradreplError

FRAMEWORKS = ("torch", "tensorflow")
COMMANDS = {
    "app": "gradrepl.app.main:run",
    "check": "gradrepl.faces.check:run",
    "why": "gradrepl.faces.why:run",
    "lesson": "gradrepl.app.main:run_lesson",
    "play": "gradrepl.faces.lesson:play",
    "list": "gradrepl.faces.lesson:run_list",
    "repl": "gradrepl.repl.main:run",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gradrepl", description="Why did my gradient come back None?")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_app(sub)
    _add_check(sub)
    _add_why(sub)
    _add_lesson(sub)
    _add_repl(sub)
    return parser


def _add_content(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", metavar="DIR", help="read lessons/ and scenarios/ from DIR instead of the installed ones")


def _add_app(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("app", help="the Textual app (the default command)")
    p.add_argument("path", nargs="?", help="a scenario id or directory, or any Python script")
    p.add_argument("--framework", choices=FRAMEWORKS)
    _add_content(p)


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="verify scenarios and lessons headless")
    p.add_argument("paths", nargs="*", metavar="PATH", help="scenario or lesson directories (default: all)")
    p.add_argument("-k", dest="pattern", metavar="PATTERN", help="only scenarios whose id contains PATTERN")
    p.add_argument("--framework", choices=FRAMEWORKS)
    p.add_argument("--format", choices=("text", "json", "junit"), default="text")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    _add_content(p)


def _add_why(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("why", help="diagnose the gradients of your own script")
    p.add_argument("script", metavar="SCRIPT.py")
    p.add_argument("--target", action="append", metavar="EXPR", help="a tensor/variable expression (repeatable)")
    p.add_argument("--framework", choices=(*FRAMEWORKS, "auto"), default="auto")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")


def _add_lesson(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lesson", help="open the course on a lesson, or play one headless")
    p.add_argument("name", nargs="?", help="a lesson id (default: where you left off)")
    p.add_argument("--play", metavar="LESSON", help="play a lesson's scripted steps without a UI")
    _add_content(p)
    p = sub.add_parser("list", help="print the course with your progress")
    _add_content(p)


def _add_repl(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("repl", help="the line REPL")
    p.add_argument("path", nargs="?", metavar="SCRIPT_OR_SCENARIO")
    p.add_argument("--framework", choices=FRAMEWORKS, default="torch")
    p.add_argument("--vi", action="store_true", help="Vi key bindings (default: Emacs)")
    _add_content(p)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")) or args_list[0] == "play":
        args_list.insert(0, "app")
    args = build_parser().parse_args(args_list)
    command = "play" if getattr(args, "play", None) else args.command
    module_name, func_name = COMMANDS[command].split(":")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
        return int(func(args) or 0)
    except GradreplError as error:
        print(f"gradrepl: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _version() -> str:
    from gradrepl import __version__

    return f"gradrepl {__version__}"
