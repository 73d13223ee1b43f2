"""The user's own scenario folders: GRADREPL_SCENARIO_PATH and ``gradrepl.scenarios`` entry points.

Entry points come from a throwaway distribution: a ``NAME-0.1.dist-info`` with
METADATA and entry_points.txt written into a temporary folder that a
subprocess has on its sys.path, so ``importlib.metadata`` finds it for real.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gradrepl.core import sources
from gradrepl.core.content import scenarios_dir

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "tests" / "fixtures" / "scenarios" / "good" / "nograd-mini"


def make_scenario(folder: Path, sid: str, lesson: str = "fixture-lesson") -> Path:
    """A valid torch scenario ``folder/sid`` (the fixture nograd-mini under another id and lesson)."""
    directory = folder / sid
    shutil.copytree(TEMPLATE, directory)
    toml = directory / "scenario.toml"
    text = toml.read_text().replace('id = "nograd-mini"', f'id = "{sid}"')
    toml.write_text(text.replace('lesson = "fixture-lesson"', f'lesson = "{lesson}"'))
    return directory


def make_content(root: Path, *sids: str) -> Path:
    """A content directory whose scenarios/ holds ``sids``."""
    for sid in sids:
        make_scenario(root / "scenarios", sid)
    return root


def make_distribution(site: Path, name: str, points: dict[str, str], files: dict[str, str]) -> None:
    """An installed-looking distribution in ``site``: its dist-info, entry points and module files."""
    info = site / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    lines = "".join(f"{key} = {value}\n" for key, value in points.items())
    (info / "entry_points.txt").write_text(f"[{sources.GROUP}]\n{lines}")
    for relative, text in files.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text)


PROBE = """
import json, sys
from gradrepl.core import sources
found, errors = sources.user_sources({})
scenarios, problems = sources.load_all_scenarios(sys.argv[1] if len(sys.argv) > 1 else None, environ={})
print(json.dumps({
    "sources": [[str(s.path), s.origin] for s in found],
    "errors": [str(e) for e in errors],
    "user": {s.id: s.origin for s in scenarios if s.origin},
    "builtin": [s.id for s in scenarios if not s.origin],
    "problems": [str(p) for p in problems],
}))
"""


def probe(site: Path, *args: str) -> dict[str, object]:
    """What sources sees in a Python whose sys.path has ``site``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    env.pop(sources.ENV_VAR, None)
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_env_var_names_folders_and_single_scenarios(tmp_path: Path) -> None:
    make_scenario(tmp_path / "mine", "first-own")
    make_scenario(tmp_path / "mine", "second-own")
    single = make_scenario(tmp_path / "elsewhere", "single-own")
    value = os.pathsep.join([str(tmp_path / "mine"), "", str(single), str(tmp_path / "mine")])
    found, errors = sources.env_sources(value)
    assert errors == []
    assert [s.path for s in found] == [tmp_path / "mine", single, tmp_path / "mine"]
    content = make_content(tmp_path / "content", "builtin-one")
    scenarios, problems = sources.load_all_scenarios(content, environ={sources.ENV_VAR: value})
    assert problems == []
    assert [(s.id, s.origin) for s in scenarios] == [
        ("builtin-one", ""),
        ("first-own", sources.ENV_VAR),
        ("second-own", sources.ENV_VAR),
        ("single-own", sources.ENV_VAR),
    ]


def test_env_var_read_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_scenario(tmp_path / "mine", "from-environ")
    monkeypatch.setenv(sources.ENV_VAR, str(tmp_path / "mine"))
    scenarios, problems = sources.load_all_scenarios(make_content(tmp_path / "content", "builtin-one"))
    assert problems == [] and [s.id for s in scenarios] == ["builtin-one", "from-environ"]
    assert sources.scenario_ids(tmp_path / "content") == ["builtin-one", "from-environ"]


def test_broken_env_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    make_scenario(tmp_path / "good", "kept-own")
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.txt").write_text("not a folder")
    broken = make_scenario(tmp_path / "bad", "broken-own")
    (broken / "scenario.toml").write_text((broken / "scenario.toml").read_text().replace("symptom", "symtom"))
    entries = [tmp_path / "nowhere", tmp_path / "empty", tmp_path / "file.txt", tmp_path / "bad", tmp_path / "good"]
    environ = {sources.ENV_VAR: os.pathsep.join(str(e) for e in entries)}
    scenarios, problems = sources.load_all_scenarios(make_content(tmp_path / "content", "builtin-one"), environ=environ)
    assert [s.id for s in scenarios] == ["builtin-one", "kept-own"]
    messages = [str(p) for p in problems]
    assert len(messages) == 4, messages
    assert messages[0].endswith("nowhere: GRADREPL_SCENARIO_PATH names a folder that does not exist")
    assert "empty: GRADREPL_SCENARIO_PATH names a folder with no scenario.toml in it" in messages[1]
    assert messages[2].endswith("file.txt: GRADREPL_SCENARIO_PATH names a file, not a folder of scenarios")
    assert "broken-own/scenario.toml:" in messages[3] and "unknown key 'symtom'" in messages[3]


def test_an_id_clash_keeps_the_builtin_and_is_reported_once(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", "shared-id")
    make_scenario(tmp_path / "first", "shared-id")
    make_scenario(tmp_path / "first", "twice-own")
    make_scenario(tmp_path / "second", "twice-own")
    # the content's own folder named again is not a clash: the same directories
    folders = [tmp_path / "first", tmp_path / "second", content / "scenarios"]
    environ = {sources.ENV_VAR: os.pathsep.join(str(f) for f in folders)}
    scenarios, problems = sources.load_all_scenarios(content, environ=environ)
    assert [(s.id, s.directory) for s in scenarios] == [
        ("shared-id", content / "scenarios" / "shared-id"),
        ("twice-own", tmp_path / "first" / "twice-own"),
    ]
    messages = [str(p) for p in problems]
    assert len(messages) == 2, messages
    assert messages[0].endswith(
        "first/shared-id/scenario.toml: scenario id 'shared-id' from GRADREPL_SCENARIO_PATH is taken; the built-in scenario is used"
    )
    assert "second/twice-own/scenario.toml: scenario id 'twice-own'" in messages[1]
    assert messages[1].endswith("the one from GRADREPL_SCENARIO_PATH is used")
    found, _ = sources.find_scenario("shared-id", content, environ=environ)
    assert found is not None and found.origin == "" and found.directory == content / "scenarios" / "shared-id"


def test_find_scenario_by_id_in_a_user_folder(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", "builtin-one")
    make_scenario(tmp_path / "mine", "found-own")
    environ = {sources.ENV_VAR: os.pathsep.join([str(tmp_path / "missing"), str(tmp_path / "mine")])}
    found, problems = sources.find_scenario("found-own", content, environ=environ)
    assert found is not None and found.origin == sources.ENV_VAR and found.directory == tmp_path / "mine" / "found-own"
    missing, problems = sources.find_scenario("absent-own", content, environ=environ)
    assert missing is None and [p.message for p in problems] == ["GRADREPL_SCENARIO_PATH names a folder that does not exist"]


def test_entry_points_name_a_path_a_module_or_a_callable(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_scenario(tmp_path / "absolute", "by-string")
    make_scenario(site / "relpkg" / "bundled", "by-relative-path")
    make_scenario(site / "modpkg" / "scenarios", "by-module")
    make_scenario(site / "flatpkg", "by-flat-module")
    make_scenario(tmp_path / "called", "by-callable-one")
    make_scenario(tmp_path / "called2", "by-callable-two")
    make_distribution(
        site,
        "own_scenarios",
        {
            "a-string": "strmod:FOLDER",
            "b-relative": "relpkg:FOLDER",
            "c-module": "modpkg",
            "d-flat-module": "flatpkg",
            "e-callable": "callmod:folders",
        },
        {
            "strmod.py": f"FOLDER = {str(tmp_path / 'absolute')!r}\n",
            "relpkg/__init__.py": "FOLDER = 'bundled'\n",
            "modpkg/__init__.py": "",
            "flatpkg/__init__.py": "",
            "callmod.py": (
                "from pathlib import Path\n"
                f"def folders():\n    return [Path({str(tmp_path / 'called')!r}), {str(tmp_path / 'called2')!r}]\n"
            ),
        },
    )
    seen = probe(site)
    assert seen["errors"] == [] and seen["problems"] == []
    user = seen["user"]
    assert isinstance(user, dict)
    assert sorted(user) == ["by-callable-one", "by-callable-two", "by-flat-module", "by-module", "by-relative-path", "by-string"]
    assert user["by-module"] == "entry point 'c-module' (modpkg) of own_scenarios 0.1"
    assert user["by-relative-path"] == "entry point 'b-relative' (relpkg:FOLDER) of own_scenarios 0.1"
    folders = dict((origin.split("'")[1], path) for path, origin in seen["sources"])  # type: ignore[union-attr]
    assert folders["b-relative"] == str((site / "relpkg" / "bundled").resolve())
    assert folders["c-module"] == str((site / "modpkg" / "scenarios").resolve())
    assert folders["d-flat-module"] == str((site / "flatpkg").resolve())
    builtin = seen["builtin"]
    assert isinstance(builtin, list) and len(builtin) == len(list(scenarios_dir().glob("*/scenario.toml")))


def test_broken_entry_points_are_reported_and_skipped(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / "empty").mkdir()
    make_scenario(site / "goodpkg" / "scenarios", "still-found")
    make_distribution(
        site,
        "broken_scenarios",
        {
            "a-missing-module": "no_such_module_for_gradrepl:THING",
            "b-raises": "badmod:explode",
            "c-wrong-type": "badmod:NUMBER",
            "d-nowhere": "badmod:NOWHERE",
            "e-empty": "badmod:EMPTY",
            "f-bad-return": "badmod:number",
            "g-good": "goodpkg",
        },
        {
            "badmod.py": (
                "NUMBER = 3\n"
                "NOWHERE = '/no/such/folder/for/gradrepl'\n"
                f"EMPTY = {str(tmp_path / 'empty')!r}\n"
                "def explode():\n    raise ValueError('no folder today')\n"
                "def number():\n    return 3\n"
            ),
            "goodpkg/__init__.py": "",
        },
    )
    unreadable = site / "unreadable-0.1.dist-info"  # one bad entry_points.txt must not hide the others
    unreadable.mkdir()
    (unreadable / "METADATA").write_text("Metadata-Version: 2.1\nName: unreadable\nVersion: 0.1\n")
    (unreadable / "entry_points.txt").write_text(f"[{sources.GROUP}]\nno equals sign here\n")
    seen = probe(site)
    errors = seen["errors"]
    assert isinstance(errors, list) and len(errors) == 7, errors
    assert errors[0].startswith("the entry points of the installed package unreadable cannot be read (")
    def of(name: str) -> str:
        return next(e for e in errors if f"entry point {name!r}" in e)
    assert "could not be loaded: ModuleNotFoundError: No module named 'no_such_module_for_gradrepl'" in of("a-missing-module")
    assert of("b-raises").endswith("calling it raised ValueError: no folder today")
    assert of("c-wrong-type").endswith("of broken_scenarios 0.1 is a int, not a path, a module or a callable returning paths")
    assert of("d-nowhere").startswith("/no/such/folder/for/gradrepl: entry point 'd-nowhere'")
    assert of("d-nowhere").endswith("names a folder that does not exist")
    assert "names a folder with no scenario.toml in it" in of("e-empty")
    assert of("f-bad-return").endswith("the callable returned int, not a path or a list of paths")
    assert seen["user"] == {"still-found": "entry point 'g-good' (goodpkg) of broken_scenarios 0.1"}
    assert seen["problems"] == errors  # load_all_scenarios reports the same, once each
    builtin = seen["builtin"]
    assert isinstance(builtin, list) and builtin, "the built-in content keeps working"


def test_entry_point_clash_with_the_content(tmp_path: Path) -> None:
    site = tmp_path / "site"
    content = make_content(tmp_path / "content", "taken-id")
    make_scenario(site / "clashpkg" / "scenarios", "taken-id")
    make_distribution(site, "clashing", {"mine": "clashpkg"}, {"clashpkg/__init__.py": ""})
    seen = probe(site, str(content))
    assert seen["builtin"] == ["taken-id"] and seen["user"] == {}
    (problem,) = seen["problems"]  # type: ignore[misc]
    assert "scenario id 'taken-id' from entry point 'mine' (clashpkg) of clashing 0.1 is taken; the built-in scenario is used" in problem
