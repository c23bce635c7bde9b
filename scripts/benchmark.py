"""Measure what the project promises about speed and size. Numbers are printed, not asserted.

    python scripts/benchmark.py [--runs 7] [--skip-wheel] [--skip-docs] [--only validate]

Each timing runs a whole fresh Python process (so imports count) and reports the median. The validation's
ratio to the bare import of its libraries is also given in CPU seconds (user + system of the child), which a
busy machine does not distort as it does wall time; its two commands run in turn, so both see the same load.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def run_once(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of cmd in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(cmd: list[str], runs: int, cwd: Path = ROOT) -> float:
    return statistics.median(run_once(cmd, cwd)[0] for _ in range(runs))


def largest_table() -> str:
    return max((p for p in (ROOT / "data").glob("*.csv")), key=lambda p: p.stat().st_size).stem


def bench_loader(runs: int) -> dict:
    table = largest_table()
    csv = ROOT / "data" / f"{table}.csv"
    load = timed([PY, "-c", f"import akim_elections as a; a.load({table!r})"], runs)
    plain = timed([PY, "-c", f"import pandas as pd; pd.read_csv({str(csv)!r})"], runs)
    bare = timed([PY, "-c", "import akim_elections"], runs)
    return {"table": table, "load_s": load, "read_csv_s": plain, "ratio": load / plain, "import_s": bare}


def _medians(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    walls, cpus = zip(*pairs)
    return statistics.median(walls), statistics.median(cpus)


def bench_validate(runs: int) -> dict:
    imports, full = [], []
    for _ in range(runs):  # in turn, so that both see the same load
        # The bare import freezes its heap as `validate` does (checks.validate.prepare_process), so that neither run pays
        # the collection at exit of the libraries' objects and the ratio measures the checks, not the collector.
        imports.append(run_once([PY, "-c", "import great_expectations, frictionless, gc; gc.freeze()"]))
        full.append(run_once([PY, "-m", "akim_elections.cli", "validate", str(ROOT)]))
    (imports_s, imports_cpu), (full_s, full_cpu) = _medians(imports), _medians(full)
    return {"imports_s": imports_s, "validate_s": full_s, "ratio": full_s / imports_s,
            "imports_cpu": imports_cpu, "validate_cpu": full_cpu, "cpu_ratio": full_cpu / imports_cpu}


def bench_exports(runs: int) -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, target in (("csv", "csv"), ("parquet", "pq"), ("sqlite", "a.sqlite"), ("xlsx", "a.xlsx")):
            out[fmt] = timed([PY, "-m", "akim_elections.cli", "export", "--format", fmt, "--out", str(Path(tmp) / target), "--force"], runs)
    return out


def bench_wheel() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([PY, "-m", "build", "--wheel", "--outdir", tmp, str(ROOT)], check=True, capture_output=True)
        build_s = time.perf_counter() - start
        wheel = next(Path(tmp).glob("*.whl"))
        size = wheel.stat().st_size
        site = Path(tmp) / "site"
        # --no-index --no-deps: nothing is fetched; pandas comes from this interpreter's environment
        start = time.perf_counter()
        subprocess.run([PY, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--target", str(site), str(wheel)], check=True)
        install_s = time.perf_counter() - start
        code = ("import akim_elections as a, sys; assert a.__file__.startswith(sys.argv[1]), a.__file__; "
                "print(sum(len(a.load(t)) for t in a.tables()))")
        rows = subprocess.run([PY, "-c", code, str(site)], check=True, capture_output=True, text=True, cwd=tmp,
                              env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}).stdout.strip()
    return {"wheel_bytes": size, "build_s": build_s, "install_s": install_s, "rows_loaded": int(rows)}


def bench_docs() -> dict:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(Path(PY).parent / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", tmp], cwd=ROOT, check=True,
                       capture_output=True)
    return {"docs_build_s": time.perf_counter() - start}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-wheel", action="store_true")
    parser.add_argument("--skip-docs", action="store_true")
    parser.add_argument("--only", choices=["validate"], help="measure only this")
    args = parser.parse_args(argv)

    if args.only != "validate":
        report_loader(args.runs)
    val = bench_validate(max(3, args.runs // 2))
    print(f"validate full: {val['validate_s']:.2f}s; import great_expectations+frictionless: {val['imports_s']:.2f}s; "
          f"ratio {val['ratio']:.2f}x; in CPU time {val['validate_cpu']:.2f}s / {val['imports_cpu']:.2f}s = {val['cpu_ratio']:.2f}x "
          f"(target <= 1.3x)")
    if args.only:
        return 0
    report_rest(args)
    return 0


def report_loader(runs: int) -> None:
    loader = bench_loader(runs)
    print(f"loader   import akim_elections: {loader['import_s']:.3f}s; load({loader['table']!r}): {loader['load_s']:.3f}s; "
          f"pandas.read_csv: {loader['read_csv_s']:.3f}s; ratio {loader['ratio']:.2f}x (target <= 1.3x)")


def report_rest(args) -> None:
    exports = bench_exports(3)
    print("export   " + ", ".join(f"{k}: {v:.2f}s" for k, v in exports.items()))
    if not args.skip_wheel:
        wheel = bench_wheel()
        print(f"wheel    {wheel['wheel_bytes'] / 1024:.0f} KiB (target < 1024 KiB); build {wheel['build_s']:.1f}s; "
              f"offline install {wheel['install_s']:.1f}s; loaded {wheel['rows_loaded']} rows from the installed wheel")
    if not args.skip_docs and (ROOT / "mkdocs.yml").exists():
        docs = bench_docs()
        print(f"docs     mkdocs build --strict: {docs['docs_build_s']:.1f}s (target <= 30s)")


if __name__ == "__main__":
    raise SystemExit(main())
