#!/usr/bin/env python3
"""Write requirements/lock.txt: every package the install resolves, exact version and hashes.

    python3 scripts/lock_deps.py            # add what pyproject.toml now asks for, keep the other pins
    python3 scripts/lock_deps.py --upgrade  # re-resolve everything to the newest versions the ranges allow

Reads pyproject.toml (dependencies and every optional extra) and resolves them with uv
(pinned below, installed from PyPI into a cache folder on first use) for every platform
and Python >= 3.11, with [build-system]'s backend too (README installs the project itself
with --no-build-isolation, so nothing unlocked is fetched). The packages in
requirements/model.txt (the spaCy pipeline) keep exactly the hashes pinned there: a lock
whose resolver saw other files fails here.
Install with README's command: pip install --require-hashes --no-deps -r requirements/lock.txt
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

UV_VERSION = "0.13.9"
ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
PINNED = ROOT / "requirements" / "model.txt"


def uv() -> Path:
    """The pinned uv, installed once into ~/.cache/eventwire/tools (or $EVENTWIRE_TOOLS_DIR)."""
    base = Path(os.environ.get("EVENTWIRE_TOOLS_DIR", Path.home() / ".cache" / "eventwire" / "tools"))
    env = base / f"uv-{UV_VERSION}"
    exe = env / "bin" / "uv"
    if not exe.exists():
        venv.create(env, with_pip=True)
        subprocess.run([env / "bin" / "python", "-m", "pip", "install", "-q", f"uv=={UV_VERSION}"], check=True)
    return exe


def blocks(text: str) -> list[tuple[str | None, str]]:
    """The lock as (normalised package name or None, block text) pairs, one per requirement."""
    out: list[tuple[str | None, str]] = []
    for line in text.splitlines(keepends=True):
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        if m:
            out.append((norm(m.group(1)), line))
        elif out and line.startswith((" ", "\t")):
            out[-1] = (out[-1][0], out[-1][1] + line)
        else:
            out.append((None, line))
    return out


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pin_from_model_file(lock_text: str) -> str:
    """Replace the resolver's hashes for requirements/model.txt's packages by the ones pinned there."""
    pinned = {name: block for name, block in blocks(PINNED.read_text()) if name}
    out = []
    for name, block in blocks(lock_text):
        if name in pinned:
            want = pinned[name]
            version = re.search(r"==([^\s;\\]+)", want).group(1)
            hashes = set(re.findall(r"sha256:[0-9a-f]{64}", want))
            if f"=={version}" not in block.split()[0] or not hashes <= set(re.findall(r"sha256:[0-9a-f]{64}", block)):
                sys.exit(f"lock_deps: {name} resolved to files other than requirements/model.txt pins:\n{block}")
            via = "".join(l for l in block.splitlines(keepends=True) if l.strip().startswith("#"))
            block = f"{name}=={version} \\\n" + " \\\n".join(f"    --hash={h}" for h in sorted(hashes)) + "\n" + via
        out.append(block)
    missing = set(pinned) - {n for n, _ in blocks(lock_text)}
    if missing:
        sys.exit(f"lock_deps: the lock lacks {', '.join(sorted(missing))} from requirements/model.txt")
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--upgrade", action="store_true", help="re-resolve every package, not only new ones")
    ap.add_argument("--output", type=Path, default=LOCK)
    args = ap.parse_args()
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    cmd = [
        str(uv()), "pip", "compile", "pyproject.toml", "-", "--all-extras", "--generate-hashes",
        "--universal", "--python-version", "3.11", "--quiet",
        "--custom-compile-command", "python3 scripts/lock_deps.py",
        "-o", os.path.relpath(args.output, ROOT),
    ]
    if args.upgrade:
        cmd.append("--upgrade")
    env = dict(os.environ, UV_NO_CONFIG="1")
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, input="\n".join(build) + "\n", text=True)
    args.output.write_text(pin_from_model_file(args.output.read_text()))
    n = sum(1 for name, _ in blocks(args.output.read_text()) if name)
    print(f"{os.path.relpath(args.output, ROOT)}: {n} pins (uv {UV_VERSION})")


if __name__ == "__main__":
    main()
