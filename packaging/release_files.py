"""What a release ships beside each installer: SHA256SUMS, an SBOM and the third-party notices.

    python packaging/release_files.py bundle [BUNDLE]   # SBOM + notices for a built bundle (build.py runs it)
    python packaging/release_files.py checksums FILE... # SHA256SUMS beside the files (one folder)
    python packaging/release_files.py notes [VERSION]   # this version's section of CHANGELOG.md
    python packaging/release_files.py templates OUT.zip # the policy templates for IT, as one zip

Run with the project's environment (the one installed from packaging/lock/requirements.txt):
what is bundled is read from the frozen bundle itself (the modules in its archive and the files
in _internal), mapped to the installed distributions, and every one of them must carry exactly
the version the lock pins, or the build stops. The SBOM (CycloneDX JSON) is made by cyclonedx-py
from that environment and cut down to what the bundle holds; shared libraries copied from the
build machine that belong to no Python distribution are listed as files with their SHA-256 (and,
on Debian, the package they came from).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "lock" / "requirements.txt"
LICENSES = ROOT / "packaging" / "licenses"
# Qt's LGPL notice with how to replace the libraries, then the licence texts it names (Qt's
# wheels ship no licence file of their own).
QT_NOTICES = [LICENSES / "qt-lgpl-relinking.txt", LICENSES / "LGPL-3.0.txt", LICENSES / "GPL-3.0.txt"]
SBOM_NAME = "nextgen-ready.cdx.json"
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
SUMS_NAME = "SHA256SUMS"
NOTES_NAME = "RELEASE-NOTES.md"
TEMPLATES_NAME = "policy-templates.zip"
DEPLOY = ROOT / "packaging" / "deploy"
# Inside policy-templates.zip (and under /usr/share/nextgen-ready/policy-templates in the .deb).
POLICY_TEMPLATES = {
    "windows/nextgen-ready.admx": DEPLOY / "windows" / "nextgen-ready.admx",
    "windows/en-US/nextgen-ready.adml": DEPLOY / "windows" / "en-US" / "nextgen-ready.adml",
    "macos/org.nextgenready.wizard.mobileconfig": DEPLOY / "macos" / "org.nextgenready.wizard.mobileconfig",
    "policy.example.toml": DEPLOY / "policy.example.toml",
}
# Our own package is the SBOM's subject (metadata.component), not one of its components.
OURSELVES = "nextgen-ready"


def normalise(name: str) -> str:
    """A distribution name as PEP 503 compares them (PySide6_Essentials == pyside6-essentials)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: Path = LOCK) -> dict[str, str]:
    found = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if match:
            found[normalise(match.group(1))] = match.group(2)
    return found


def _archive_modules(executable: Path) -> set[str]:
    """Top-level names of the modules frozen into the executable's PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader

    package = CArchiveReader(str(executable))
    names: set[str] = set()
    for entry, (*_, typecode) in package.toc.items():
        if typecode in ("z", "Z"):
            names |= {name.split(".")[0] for name in package.open_embedded_archive(entry).toc}
    return names


def _executable(bundle: Path) -> Path:
    for name in ("nextgen-wizard", "nextgen-wizard.exe", "nextgen-wizard-cli.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise SystemExit(f"no nextgen-wizard executable in {bundle}")


def _internal(bundle: Path) -> Path:
    return bundle / "_internal" if (bundle / "_internal").is_dir() else bundle


def bundled_names(bundle: Path) -> set[str]:
    """Every top-level import name the bundle holds: archived modules, package folders and
    extension modules in _internal."""
    names = _archive_modules(_executable(bundle))
    for path in _internal(bundle).iterdir():
        if path.is_dir() and not path.name.endswith(".dist-info"):
            names.add(path.name)
        elif path.suffix in (".so", ".pyd") and not path.name.startswith("lib"):
            names.add(path.name.split(".")[0])
    return names


def bundled_distributions(bundle: Path) -> dict[str, str]:
    """{normalised distribution name: installed version} for what the bundle holds."""
    owners = metadata.packages_distributions()
    found: dict[str, str] = {}
    for name in bundled_names(bundle):
        for distribution in owners.get(name, []):
            key = normalise(distribution)
            if key != OURSELVES:
                found[key] = metadata.version(distribution)
    return dict(sorted(found.items()))


def check_against_lock(bundled: dict[str, str], locked: dict[str, str]) -> list[str]:
    problems = []
    for name, version in bundled.items():
        if name not in locked:
            problems.append(f"{name} {version} is bundled but not in the lock")
        elif locked[name] != version:
            problems.append(f"{name} {version} is bundled, the lock pins {locked[name]}")
    return problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _distribution_files(names: set[str]) -> set[Path]:
    """Every file the named installed distributions own (so a library inside PySide6 is PySide6's)."""
    owned: set[Path] = set()
    for distribution in metadata.distributions():
        if normalise(distribution.metadata["Name"]) in names:
            owned |= {Path(str(distribution.locate_file(f))).resolve() for f in distribution.files or []}
    return owned


def _debian_package(library: str) -> tuple[str, str] | None:
    """(package, version) of the Debian package that ships a library of this name, when dpkg knows."""
    try:
        owner = subprocess.run(["dpkg", "-S", f"*/{library}"], capture_output=True, text=True, timeout=60)
        if owner.returncode != 0:
            return None
        package = owner.stdout.splitlines()[0].split(":")[0].split(",")[0].strip()
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, timeout=60
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (package, version) if version else None


def native_libraries(bundle: Path, distributions: set[str]) -> list[dict[str, object]]:
    """CycloneDX components for the shared libraries in the bundle no Python distribution owns:
    libpython and what PyInstaller copied from the build machine."""
    owned_names = {path.name for path in _distribution_files(distributions)}
    components = []
    for path in sorted(_internal(bundle).iterdir()):
        is_library = path.suffix in (".so", ".dll", ".dylib") or ".so." in path.name
        if not is_library or path.is_symlink() or not path.is_file() or path.name in owned_names:
            continue
        component: dict[str, object] = {
            "type": "library",
            "bom-ref": f"file:{path.name}",
            "name": path.name,
            "hashes": [{"alg": "SHA-256", "content": _sha256(path)}],
        }
        if path.name.startswith(("libpython", "python3")):
            component["description"] = "the Python runtime"
            component["version"] = sysconfig.get_python_version() + "." + str(sys.version_info.micro)
            component["licenses"] = [{"license": {"id": "PSF-2.0"}}]
        elif sys.platform.startswith("linux") and (debian := _debian_package(path.name)):
            component["version"] = debian[1]
            component["purl"] = f"pkg:deb/debian/{debian[0]}@{debian[1]}"
            component["description"] = f"from the build machine's Debian package {debian[0]}"
        else:
            component["description"] = "copied from the build machine"
        components.append(component)
    return components


def environment_sbom() -> dict[str, object]:
    """cyclonedx-py's SBOM of this (locked) environment, with our pyproject as the subject."""
    result = subprocess.run(
        [sys.executable, "-m", "cyclonedx_py", "environment", sys.executable, "--pyproject",
         str(ROOT / "pyproject.toml"), "--of", "JSON", "--sv", "1.6", "--output-reproducible", "-o", "-"],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    sbom: dict[str, object] = json.loads(result.stdout)
    return sbom


def bundle_sbom(bundle: Path, bundled: dict[str, str]) -> dict[str, object]:
    """The environment's SBOM cut down to the distributions the bundle holds, plus its native files."""
    sbom = environment_sbom()
    components = [c for c in sbom.get("components", []) if normalise(c["name"]) in bundled]  # type: ignore[attr-defined]
    kept_refs = {c["bom-ref"] for c in components}
    main = sbom["metadata"]["component"]  # type: ignore[index]
    main["version"] = _app_version()
    kept_refs.add(main["bom-ref"])
    natives = native_libraries(bundle, set(bundled))
    sbom["components"] = components + natives
    dependencies = []
    for dependency in sbom.get("dependencies", []):  # type: ignore[attr-defined]
        if dependency["ref"] in kept_refs:
            depends = [ref for ref in dependency.get("dependsOn", []) if ref in kept_refs]
            if dependency["ref"] == main["bom-ref"]:
                depends = sorted({*depends, *(c["bom-ref"] for c in components)})
            dependencies.append({"ref": dependency["ref"], **({"dependsOn": depends} if depends else {})})
    sbom["dependencies"] = dependencies
    return sbom


def _app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from nextgen_wizard import __version__

    return __version__


def _licence_texts(distribution: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of every licence file the distribution ships in its metadata folder."""
    texts = []
    for file in distribution.files or []:
        parts = file.parts
        folder = next((i for i, part in enumerate(parts[:-1]) if part.endswith(".dist-info")), None)
        if folder is None:
            continue
        inside = parts[folder + 1 :]
        if inside[0] == "licenses" or inside[-1].upper().startswith(
            ("LICENSE", "LICENCE", "COPYING", "NOTICE")
        ):
            text = Path(str(distribution.locate_file(file))).read_text(encoding="utf-8", errors="replace")
            if text.strip():
                texts.append(("/".join(inside), text.strip()))
    return texts


def _licence_expression(distribution: metadata.Distribution) -> str:
    info = distribution.metadata
    expression = info.get("License-Expression") or ""
    if not expression:
        classifiers = [
            c.split(" :: ")[-1] for c in info.get_all("Classifier") or [] if c.startswith("License ::")
        ]
        short = info.get("License") or ""
        expression = "; ".join(classifiers) or (short if len(short) < 200 else short.splitlines()[0])
    return expression or "(not stated in the package's metadata)"


def notices(bundled: dict[str, str]) -> str:
    lines = [
        f"NextGen Ready {_app_version()}: third-party software in this installer",
        "",
        "NextGen Ready is MIT-licensed. The installer also carries the software below, each under",
        "its own licence, whose full text follows its entry. The Python runtime's licence and the",
        "LGPL notice for Qt / Qt for Python (with how to replace the Qt libraries) come last.",
        "",
    ]
    for name, version in bundled.items():
        distribution = metadata.distribution(name)
        lines += ["=" * 78, f"{distribution.metadata['Name']} {version}",
                  f"Licence: {_licence_expression(distribution)}"]  # fmt: skip
        home = distribution.metadata.get("Home-page") or next(
            (u.split(",", 1)[1].strip() for u in distribution.metadata.get_all("Project-URL") or []), ""
        )
        if home:
            lines.append(f"Project: {home}")
        for file_name, text in _licence_texts(distribution):
            lines += ["", f"--- {file_name} ---", text]
        lines.append("")
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    lines += [
        "=" * 78,
        f"Python {sys.version.split()[0]} (the runtime inside the bundle)",
        "Licence: PSF-2.0",
    ]
    if python_licence.is_file():
        lines += ["", python_licence.read_text(encoding="utf-8", errors="replace").strip()]
    for path in QT_NOTICES:
        lines += ["", "=" * 78, path.read_text(encoding="utf-8").strip()]
    lines.append("")
    return "\n".join(lines)


def write_checksums(files: list[Path], folder: Path | None = None) -> Path:
    """SHA256SUMS in folder (default: the first file's), in the format `sha256sum -c` reads there:
    paths relative to it. A folder among the files stands for every file under it."""
    folder = folder or files[0].parent
    expanded: list[Path] = []
    for path in files:
        expanded += (
            sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
            if path.is_dir()
            else [path]
        )
    lines = []
    for path in expanded:
        if not path.is_relative_to(folder):
            raise SystemExit(f"{path} is not under {folder}: SHA256SUMS lists paths relative to its folder")
        lines.append(f"{_sha256(path)}  {path.relative_to(folder).as_posix()}\n")
    target = folder / SUMS_NAME
    target.write_text("".join(lines), encoding="utf-8")
    return target


def write_bundle_files(bundle: Path) -> list[Path]:
    """The SBOM, notices, release notes and templates zip beside the bundle, a copy of the notices
    inside it (so every installer made from it carries it), then SHA256SUMS beside the bundle of
    all of them. Returns the SBOM, the notices, the notes, the zip and the sums, in that order."""
    bundled = bundled_distributions(bundle)
    problems = check_against_lock(bundled, locked_versions())
    if problems:
        raise SystemExit("the bundle does not match the lock:\n  " + "\n  ".join(problems))
    sbom = bundle.parent / SBOM_NAME
    sbom.write_text(json.dumps(bundle_sbom(bundle, bundled), indent=2) + "\n", encoding="utf-8")
    text = notices(bundled)
    outside = bundle.parent / NOTICES_NAME
    outside.write_text(text, encoding="utf-8")
    (bundle / NOTICES_NAME).write_text(text, encoding="utf-8")
    extras = write_release_folder_files(bundle.parent)
    sums = write_checksums([bundle, sbom, outside, *extras], bundle.parent)
    print(f"bundled distributions ({len(bundled)}), each at its locked version: "
          + ", ".join(f"{n} {v}" for n, v in bundled.items()), flush=True)  # fmt: skip
    return [sbom, outside, *extras, sums]


def release_notes(version: str) -> str:
    """The `## VERSION (...)` section of CHANGELOG.md, heading included; SystemExit when missing."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(version)} \(.*?(?=^## |\Z)", text, flags=re.M | re.S)
    if not match:
        raise SystemExit(
            f"CHANGELOG.md has no section for {version}: add '## {version} (unreleased)' with its notes"
        )
    return match.group(0).strip() + "\n"


def write_templates_zip(target: Path) -> Path:
    """The policy templates as IT downloads them; fixed time stamps, so the same files give the
    same zip."""
    import zipfile

    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, source in POLICY_TEMPLATES.items():
            info = zipfile.ZipInfo(f"policy-templates/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, source.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    return target


def write_release_folder_files(folder: Path) -> list[Path]:
    """The release notes and the templates zip in folder (beside an installer)."""
    notes = folder / NOTES_NAME
    notes.write_text(release_notes(_app_version()), encoding="utf-8")
    return [notes, write_templates_zip(folder / TEMPLATES_NAME)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["bundle"]:
        bundle = Path(argv[1]) if len(argv) > 1 else ROOT / "build" / "dist" / "nextgen-ready"
        for path in write_bundle_files(bundle.resolve()):
            print(f"wrote {path}")
        return 0
    if argv[:1] == ["checksums"] and len(argv) > 1:
        print(f"wrote {write_checksums([Path(a).resolve() for a in argv[1:]])}")
        return 0
    if argv[:1] == ["notes"]:
        print(release_notes(argv[1] if len(argv) > 1 else _app_version()), end="")
        return 0
    if argv[:1] == ["templates"] and len(argv) == 2:
        print(f"wrote {write_templates_zip(Path(argv[1]))}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
