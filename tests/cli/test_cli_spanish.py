"""The command line in Spanish: help, messages and argparse's own texts; doctor's JSON stays English."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def run_es(*args: str, home: Path, lang: str = "es") -> subprocess.CompletedProcess:
    env = {**os.environ, "NEXTGEN_WIZARD_HOME": str(home), "NEXTGEN_WIZARD_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_help_and_argparse_mistakes_read_in_spanish(tmp_path: Path) -> None:
    helped = run_es("--help", home=tmp_path)
    assert helped.returncode == 0
    assert helped.stdout.startswith("uso: ") and "muestra este mensaje de ayuda y sale" in helped.stdout
    assert "lista o busca en el catálogo de tribunales" in helped.stdout
    wrong = run_es("courts", "--bogus", home=tmp_path)
    assert wrong.returncode == 2 and "argumentos no reconocidos: --bogus" in wrong.stderr


def test_messages_and_errors_in_spanish_with_the_error_prefix_kept(tmp_path: Path) -> None:
    missing = run_es("checklist", "--answers", str(tmp_path / "none.json"), home=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: ") and "no existe ese archivo" in missing.stderr
    nowhere = run_es("courts", "atlantis", home=tmp_path)
    assert nowhere.returncode == 1 and 'Ningún tribunal coincide con "atlantis"' in nowhere.stderr
    refused = run_es("reset", home=tmp_path)
    assert "reset necesita confirmación" in refused.stderr and "--yes" in refused.stderr


def test_doctor_text_is_spanish_and_its_json_stays_english(tmp_path: Path) -> None:
    text = run_es("doctor", home=tmp_path)
    assert "Carpeta de datos:" in text.stdout and "Resultado:" in text.stdout
    report = json.loads(run_es("doctor", "--format", "json", home=tmp_path).stdout)
    assert report["policy"] == "none" and "ok" in report


def test_pseudo_translation_never_breaks_argparse_placeholders(tmp_path: Path) -> None:
    """%(value)r is not protected by the pseudo-translation: argparse falls back to its English text."""
    wrong = run_es("checklist", "--format", "docx", home=tmp_path, lang="pseudo")
    assert wrong.returncode == 2 and "'docx'" in wrong.stderr and "Traceback" not in wrong.stderr
