#!/usr/bin/env python3
"""Executes notebooks on the real JJava kernel, the way a student's JupyterLab does, and fails on any
cell error that the notebook does not expect.

usage: run-real-kernel.py --kernelspec ZIP [--timeout SECONDS] [--out DIR] NOTEBOOK...

The in-process engine behind `mvn verify` imitates JJava; this runs the kernel itself (installed from
its kernelspec zip into a temporary JUPYTER_PATH) through nbclient, so a difference between the two
cannot reach a student unnoticed. Each notebook gets a fresh kernel started in the notebook's own
folder, because `%classpath ../target/arrivals.jar` counts from there.

Cells tagged `skip-execution` are not run and a cell tagged `raises-exception` may fail, as in
nbmake; any other error, a cell running past the timeout, or a kernel that dies fails the notebook.
JJava ignores `stop_on_error`, so the next cell must not even be sent after a failure: nbclient sends
one cell at a time and we stop at the first unexpected error.

Prints one line per notebook with its time, the failure (notebook, cell number, error name and value)
under it, and a closing line `real kernel: N passed, M failed`. Exit status 0 when all passed, 1 when
any failed, 2 when the run cannot start (no JDK 21+ first on PATH, no kernelspec, no nbclient).

Needs only the standard library and Debian's python3-nbclient (with python3-nbformat and
python3-jupyter-client); the kernel needs a JDK >= 21 as the first `java` on PATH.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

KERNEL_NAME = "java"
MIN_JAVA = 21


def fail_to_start(message):
    print(f"real kernel: cannot run: {message}", file=sys.stderr)
    sys.exit(2)


def java_major(java):
    """Feature version of a java command, or None when it doesn't run."""
    try:
        result = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True,
                                text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"java\.specification\.version = (\d+)", result.stderr)
    return int(match.group(1)) if match else None


def check_kernel_java():
    # kernel.json starts plain `java`, so the JDK that matters is the first one on PATH, not JAVA_HOME.
    java = shutil.which("java")
    if java is None:
        fail_to_start(f"no java on PATH; the JJava kernel starts the first java on PATH (needs a JDK {MIN_JAVA}+)")
    major = java_major(java)
    home = Path(os.path.realpath(java)).parent.parent
    if major is None or major < MIN_JAVA or not (home / "bin" / "jshell").exists():
        fail_to_start(f"the first java on PATH ({java}, Java {major}) is not a JDK {MIN_JAVA}+ with jshell; "
                      f"put one first: export PATH=\"$JAVA_HOME/bin:$PATH\"")
    return java, major


def install_kernelspec(zip_path, jupyter_dir):
    if not zip_path.is_file():
        fail_to_start(f"no JJava kernelspec at {zip_path}")
    target = jupyter_dir / "kernels" / KERNEL_NAME
    target.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(target)
    if not (target / "kernel.json").is_file():
        fail_to_start(f"{zip_path} has no kernel.json at its top level")
    # Only this kernelspec should answer to the name "java", whatever else the machine has installed.
    os.environ["JUPYTER_PATH"] = str(jupyter_dir)
    return target


def shown(path):
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path.resolve())


def one_line(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


def cell_number(nb, index):
    """1-based position among the code cells, as `./course run` and JupyterLab users count them."""
    return sum(1 for cell in nb.cells[: index + 1] if cell.cell_type == "code")


def tail(path, lines=8):
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return []
    return text[-lines:]


def run_notebook(path, timeout, startup_timeout, out_dir, log_dir):
    """Returns (passed, seconds, detail line, failure text or None)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(str(path), as_version=4)
    current = {"index": None}
    started = time.monotonic()
    kernel_ready = {"at": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index

    def on_notebook_start(notebook):
        kernel_ready["at"] = time.monotonic()

    client = NotebookClient(
        nb,
        timeout=timeout,
        startup_timeout=startup_timeout,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": str(path.parent.resolve())}},
        on_cell_start=on_cell_start,
        on_notebook_start=on_notebook_start,
    )
    failure = None
    kernel_trouble = False
    # The kernel logs its own start and stop to stderr; keep that out of the report unless it failed.
    log_path = log_dir / (re.sub(r"[^A-Za-z0-9._-]", "_", shown(path)) + ".kernel.log")
    try:
        with open(log_path, "w") as kernel_log:
            client.execute(stdout=kernel_log, stderr=kernel_log)
    except CellExecutionError as error:
        failure = f"{error.ename}: {one_line(error.evalue)}"
    except CellTimeoutError:
        failure = f"timed out: the cell ran longer than {timeout:g} s (--timeout)"
    except DeadKernelError as error:
        failure = f"the kernel died: {one_line(error)}"
        kernel_trouble = True
    except RuntimeError as error:  # nbclient's start-up timeout and similar
        failure = f"{type(error).__name__}: {one_line(error)}"
        kernel_trouble = True
    seconds = time.monotonic() - started

    if failure is not None and current["index"] is not None:
        index = current["index"]
        cell = nb.cells[index]
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        failure = f"{shown(path)}, cell {cell_number(nb, index)} (code cell; cell {index + 1} counting markdown): " \
                  f"{failure}\n      first line: {one_line(first, 120)}"
    elif failure is not None:
        failure = f"{shown(path)}: {failure}"
    if kernel_trouble:
        log_tail = tail(log_path)
        if log_tail:
            failure += "\n      kernel log (last lines):\n" + "\n".join("        " + line for line in log_tail)

    ran = sum(1 for cell in nb.cells if cell.cell_type == "code" and cell.get("execution_count"))
    pngs = sum(1 for cell in nb.cells if cell.cell_type == "code"
               for output in cell.get("outputs", []) if "image/png" in output.get("data", {}))
    stderr = sum(1 for cell in nb.cells if cell.cell_type == "code"
                 for output in cell.get("outputs", []) if output.get("name") == "stderr")
    startup = f"kernel start {kernel_ready['at'] - started:.1f} s, " if kernel_ready["at"] else ""
    detail = f"{startup}{ran} cells run, {pngs} PNG, {stderr} stderr output(s)"

    if out_dir is not None:
        # Mirrors the path below the current folder, so two notebooks with one name never share a copy.
        relative = Path(shown(path))
        target = out_dir / (relative if not relative.is_absolute() else Path(*relative.parts[1:]))
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(target))
    return failure is None, seconds, detail, failure


def main():
    parser = argparse.ArgumentParser(description="Execute notebooks on the real JJava kernel through nbclient.")
    parser.add_argument("notebooks", nargs="+", type=Path, help="notebooks to execute")
    parser.add_argument("--kernelspec", type=Path, required=True,
                        help="the JJava kernelspec zip (kernel.json, jjava-launcher.jar, jjava.jar)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may run (default 300)")
    parser.add_argument("--startup-timeout", type=int, default=180,
                        help="seconds the kernel may take to start (default 180; it starts two JVMs)")
    parser.add_argument("--out", type=Path, help="write the executed copies under this folder")
    args = parser.parse_args()

    try:
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
    except ImportError as error:
        fail_to_start(f"{error}; install: apt-get install -y python3-nbclient python3-nbformat python3-jupyter-client")
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        fail_to_start("no such notebook: " + ", ".join(missing))

    java, major = check_kernel_java()
    with tempfile.TemporaryDirectory(prefix="jjava-kernelspec-") as jupyter_dir:
        install_kernelspec(args.kernelspec, Path(jupyter_dir))
        print(f"real kernel: JJava from {args.kernelspec.name} on Java {major} ({java}), "
              f"per-cell timeout {args.timeout:g} s, {len(args.notebooks)} notebook(s)", flush=True)
        passed = 0
        failures = []
        total_started = time.monotonic()
        for path in args.notebooks:
            ok, seconds, detail, failure = run_notebook(path, args.timeout, args.startup_timeout, args.out,
                                                        Path(jupyter_dir))
            print(f"real kernel: {'PASS' if ok else 'FAIL'} {shown(path)}  {seconds:.1f} s ({detail})", flush=True)
            if ok:
                passed += 1
            else:
                failures.append(failure)
                print("    " + failure, flush=True)
        if failures:
            print("real kernel: failures:")
            for failure in failures:
                print("  " + failure)
        print(f"real kernel: {len(args.notebooks)} notebook(s) in {time.monotonic() - total_started:.0f} s")
        print(f"real kernel: {passed} passed, {len(failures)} failed")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
