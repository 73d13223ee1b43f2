"""Provides the meta-command table (alias → handler) and dispatch for ``:name args`` inputs."""

from __future__ import annotations

from gradrepl.errors import GradreplError
from gradrepl.repl.commands import explain, scenario, session
from gradrepl.repl.commands.base import Command, alias_table, parse, suggestion
from gradrepl.repl.state import ReplState


def _help(state: ReplState, arg: str) -> None:
    """List the commands, or explain one."""
    if arg:
        command = TABLE.get(arg.lstrip(":").lower())
        if command is None:
            state.printer.info(suggestion(arg.lstrip(":"), TABLE))
            return
        aliases = f"  (also :{', :'.join(command.aliases)})" if command.aliases else ""
        state.printer.write(f"{command.usage}{aliases}\n  {command.summary}")
        return
    width = max(len(c.usage) for c in COMMANDS)
    lines = [f"  {c.usage.ljust(width)}  {c.summary}" for c in COMMANDS]
    state.printer.write("Commands:\n" + "\n".join(lines))
    state.printer.info(
        "Anything else runs as Python in the session. Enter on a finished line runs it; "
        "Alt-Enter runs a block at once; Tab completes; Ctrl-C stops a run; Ctrl-D leaves."
    )


COMMANDS: tuple[Command, ...] = (
    Command("why", explain.why, "full findings for a tensor or variable (default: the last one diagnosed)", "[EXPR]", ("w",)),
    Command("tree", explain.tree, "the gradient graph as an indented tree (of EXPR, or of the latest loss)", "[EXPR]", ("t",)),
    Command("grads", explain.grads, "the variables table: every tensor, its gradient, its diagnosis", "", ("g", "vars")),
    Command("hint", scenario.hint, "the next hint for the loaded scenario (or the last diagnosed cause)", "", ("h",)),
    Command("load", scenario.load, "load a scenario (id or directory) or a script into a fresh session", "SCENARIO", ("l",)),
    Command("check", scenario.check, "test the session against the scenario's checks", "", ("c",)),
    Command("reset", session.reset, "empty the session; run the loaded scenario or script again", "", ()),
    Command("framework", session.framework, "switch framework (a new, empty session)", "torch|tensorflow", ("fw",)),
    Command("save", session.save, "write the session's inputs as a script", "FILE", ("s",)),
    Command("help", _help, "this list, or :help COMMAND", "[COMMAND]", ("?",)),
    Command("quit", session.quit_repl, "leave the REPL (or Ctrl-D)", "", ("q", "exit")),
)
TABLE: dict[str, Command] = alias_table(COMMANDS)


def command_names() -> list[str]:
    """Every command's name, for completion."""
    return [c.name for c in COMMANDS]


def dispatch(state: ReplState, line: str) -> None:
    """Run the meta-command on ``line``; a bad command or argument is one sentence, not a traceback."""
    name, arg = parse(line)
    command = TABLE.get(name)
    if command is None:
        state.printer.error(suggestion(name, TABLE))
        return
    try:
        command.handler(state, arg)
    except GradreplError as error:
        state.printer.error(str(error))
