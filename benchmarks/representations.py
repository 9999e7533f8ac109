"""Side by side: what the app's data classes cost to create at start-up, in five representations.

    python3 benchmarks/representations.py          # prints a Markdown table
    python3 dev.py bench                          # the same table goes into RESULTS.md

Every class the app declares with @dataclass (found by importing its modules, so the set is always
the real one) is written out again, with the same fields, defaults and frozen/eq flags, as:
(a) dataclasses, as the app had them; (b) msgspec Structs (compiled: no code generated at import);
(c) plain classes with `__slots__`, `__init__`, `__eq__`, `__repr__` (and `__hash__`/`__setattr__`
for frozen ones) written out, so their code comes from the .pyc; (d) dataclasses made lazily, on a
module's first use of the class, with a command touching only the classes `checklist` makes;
(e) `Record` (nextgen_wizard/domain/record.py): one base class whose methods read the fields from
a tuple, which type checkers read as a dataclass (PEP 681).
Each generated module is compiled to .pyc first, then imported in a fresh interpreter that also
makes one instance of every class the checklist command makes; runs are interleaved, medians of
CPU time (user + system) are reported against the same interpreter importing only what a
headless command imports anyway (`import argparse, json, dataclasses, pathlib, datetime, enum`).
"""

from __future__ import annotations

import compileall
import contextlib
import dataclasses
import importlib
import importlib.util
import io
import os
import pkgutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import MISSING, dataclass
from pathlib import Path

from nextgen_wizard.domain.record import Record

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("nextgen_wizard.domain", "nextgen_wizard.storage", "nextgen_wizard.session")
EXTRA_MODULES = ("nextgen_wizard.session", "nextgen_wizard.doctor")  # packages list only their submodules
# What a headless command imports anyway (the headless goal's floor in run.py)
FLOOR = "import argparse, json, dataclasses, pathlib, datetime, enum"


@dataclass(frozen=True)
class Shape:
    name: str
    fields: tuple[tuple[str, bool], ...]  # (name, has a default)
    frozen: bool
    eq: bool


def app_dataclasses() -> list[type]:
    """Every data class of the app's Qt-free modules: @dataclass or Record (as the app has them now)."""
    names = list(EXTRA_MODULES)
    for package in PACKAGES:
        module = importlib.import_module(package)
        names += [f"{package}.{info.name}" for info in pkgutil.iter_modules(module.__path__)]
    found: list[type] = []
    for name in names:
        module = importlib.import_module(name)
        for value in vars(module).values():
            data_class = (
                dataclasses.is_dataclass(value) or (isinstance(value, type) and issubclass(value, Record))
            )
            if isinstance(value, type) and data_class and value.__module__ == name and value is not Record:
                found.append(value)
    return found


def checklist_classes() -> set[str]:
    """Names of the classes `checklist --format json` makes an instance of (by watching __init__)."""
    made: set[str] = set()
    for cls in app_dataclasses():
        original = cls.__init__

        def counting(
            self: object, *args: object, _original=original, _name=cls.__qualname__, **kw: object
        ) -> None:
            made.add(_name)
            _original(self, *args, **kw)

        cls.__init__ = counting  # type: ignore[misc]
    from nextgen_wizard import cli

    example = ROOT / "examples" / "multi-court.json"
    with tempfile.TemporaryDirectory() as home, contextlib.redirect_stdout(io.StringIO()):
        os.environ["NEXTGEN_WIZARD_HOME"] = home
        with contextlib.suppress(SystemExit):
            cli.main(["checklist", "--answers", str(example), "--format", "json"])
    return made


def shapes() -> list[Shape]:
    result = []
    for cls in app_dataclasses():
        name = f"{cls.__module__.rsplit('.', 1)[-1]}_{cls.__qualname__}"
        if issubclass(cls, Record):
            optional = cls._defaults.keys() | cls._factories.keys()
            fields = tuple((field, field in optional) for field in cls._fields)
            result.append(Shape(name, fields, cls._frozen, True))
            continue
        params = cls.__dataclass_params__  # type: ignore[attr-defined]
        fields = tuple(
            (f.name, f.default is not MISSING or f.default_factory is not MISSING)
            for f in dataclasses.fields(cls)
            if f.init
        )
        result.append(Shape(name, fields, params.frozen, params.eq))
    return result


def _dataclass(shape: Shape) -> str:
    lines = [f"@dataclass(frozen={shape.frozen}, eq={shape.eq})", f"class {shape.name}:"]
    lines += [f"    {name}: object{' = None' if default else ''}" for name, default in shape.fields]
    return "\n".join([*lines, "    pass"])


def _struct(shape: Shape) -> str:
    lines = [f"class {shape.name}(msgspec.Struct, frozen={shape.frozen}, eq={shape.eq}):"]
    lines += [f"    {name}: object{' = None' if default else ''}" for name, default in shape.fields]
    return "\n".join([*lines, "    pass"])


def _slots(shape: Shape) -> str:
    names = [name for name, _ in shape.fields]
    params = ", ".join(f"{name}=None" if default else name for name, default in shape.fields)
    lines = [f"class {shape.name}:", f"    __slots__ = {tuple(names)!r}"]
    lines += [f"    def __init__(self, {params}):" if params else "    def __init__(self):"]
    setter = "object.__setattr__(self, {0!r}, {0})" if shape.frozen else "self.{0} = {0}"
    lines += [f"        {setter.format(name)}" for name in names] or ["        pass"]
    fields = ", ".join(f"self.{name}" for name in names)
    lines += [
        "    def __repr__(self):",
        f"        return f'{shape.name}(' + ', '.join(repr(getattr(self, n)) for n in self.__slots__) + ')'",
    ]
    if shape.eq:
        lines += [
            "    def __eq__(self, other):",
            "        if other.__class__ is not self.__class__: return NotImplemented",
            f"        return ({fields},) == ({', '.join(f'other.{n}' for n in names)},)",
        ]
    if shape.frozen:
        lines += [
            "    def __hash__(self):",
            f"        return hash(({fields},))",
            "    def __setattr__(self, name, value):",
            "        raise AttributeError(f'cannot assign to field {name!r}')",
        ]
    return "\n".join(lines)


def _record(shape: Shape) -> str:
    lines = [f"class {shape.name}(Record, frozen={shape.frozen}):"]
    lines += [f"    {name}: object{' = None' if default else ''}" for name, default in shape.fields]
    return "\n".join([*lines, "    pass"])


def _lazy(all_shapes: list[Shape]) -> str:
    table = ",\n".join(f"    {shape.name!r}: {_dataclass(shape)!r}" for shape in all_shapes)
    return (
        "from dataclasses import dataclass\n"
        f"_SOURCES = {{\n{table}\n}}\n"
        "def __getattr__(name):\n"
        "    if name not in _SOURCES: raise AttributeError(name)\n"
        "    scope = {'dataclass': dataclass}\n"
        "    exec(_SOURCES[name], scope)\n"
        "    globals()[name] = scope[name]\n"
        "    return scope[name]\n"
    )


def write_modules(folder: Path, all_shapes: list[Shape]) -> dict[str, str]:
    """Write the four modules, compile them, return each one's import statement."""
    sources = {
        "rep_dataclasses": "from dataclasses import dataclass\n\n" + "\n\n".join(map(_dataclass, all_shapes)),
        "rep_msgspec": "import msgspec\n\n" + "\n\n".join(map(_struct, all_shapes)),
        "rep_slots": "\n\n".join(map(_slots, all_shapes)),
        "rep_lazy": _lazy(all_shapes),
        "rep_record": "from nextgen_wizard.domain.record import Record\n\n"
        + "\n\n".join(map(_record, all_shapes)),
    }
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source + "\n", encoding="utf-8")
    package = ROOT / "nextgen_wizard"  # (e) imports its Record from there
    if not (compileall.compile_dir(folder, quiet=1) and compileall.compile_dir(package, quiet=1)):
        raise RuntimeError("a generated module does not compile")
    return {name: f"import {name} as m" for name in sources}


def _instances(all_shapes: list[Shape], used: set[str]) -> str:
    calls = []
    for shape in all_shapes:
        if shape.name.split("_", 1)[1] in used:
            required = ", ".join("0" for _, default in shape.fields if not default)
            calls.append(f"m.{shape.name}({required})")
    return "; ".join(calls)


def cpu_ms(command: list[str], env: dict[str, str]) -> float:
    process = subprocess.Popen(command, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command[-1][:60]}... failed")
    return (usage.ru_utime + usage.ru_stime) * 1000


def measure(runs: int = 21) -> list[tuple[str, float, float]]:
    """(representation, median CPU ms, median ms above the bare interpreter), interleaved runs."""
    all_shapes = shapes()
    used = checklist_classes()
    labels = {
        "rep_dataclasses": "(a) dataclasses (the app before issue 30)",
        "rep_msgspec": "(b) msgspec Structs",
        "rep_slots": "(c) `__slots__` classes written out",
        "rep_lazy": "(d) dataclasses made on first use",
        "rep_record": "(e) `Record` (the app now): a dataclass to mypy, no code made at import",
    }
    with tempfile.TemporaryDirectory() as folder:
        imports = write_modules(Path(folder), all_shapes)
        if importlib.util.find_spec("msgspec") is None:  # the lock's bench extra has it
            del imports["rep_msgspec"], labels["rep_msgspec"]
        make = _instances(all_shapes, used)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([folder, str(ROOT), *sys.path]),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        commands = {
            name: [sys.executable, "-c", f"{FLOOR}; {statement}; {make}"]
            for name, statement in imports.items()
        }
        commands["bare"] = [sys.executable, "-c", FLOOR]
        for command in commands.values():
            cpu_ms(command, env)  # warm the disk cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(cpu_ms(command, env))
    bare = statistics.median(times["bare"])
    rows = [
        (labels[name], statistics.median(times[name]), statistics.median(times[name]) - bare)
        for name in labels
    ]
    return [*rows, (f"(classes: {len(all_shapes)}, made by `checklist`: {len(used)})", bare, 0.0)]


def table(rows: list[tuple[str, float, float]]) -> str:
    lines = ["| representation | CPU, import + instances | above the stdlib floor |", "| --- | ---: | ---: |"]
    for label, total, above in rows[:-1]:
        lines.append(f"| {label} | {total:.1f} ms | {above:+.1f} ms |")
    lines.append(f"| {rows[-1][0]}: the stdlib floor alone | {rows[-1][1]:.1f} ms | - |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 21)))
