#!/usr/bin/env python3
"""Turns the raw outputs of run.sh into RESULTS.md: figures, ratios against baselines measured in the same run, and the targets."""
import json
import os
import platform
import subprocess
import sys

out, date, command = sys.argv[1], sys.argv[2], sys.argv[3]


def sh(cmd):
    done = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return (done.stdout + done.stderr).strip() or "?"


jmh = {}
for row in json.load(open(os.path.join(out, "jmh.json"))):
    name = row["benchmark"].rsplit(".", 1)[1]
    guards = row.get("params", {}).get("guards", "on")
    metric = row["primaryMetric"]
    jmh[(name, guards)] = (metric["score"], metric["scoreError"])


def score(name, guards):
    return jmh[(name, guards)][0]


def cell(name, guards):
    value, error = jmh[(name, guards)]
    try:
        return f"{value:.1f} ± {float(error):.1f}"
    except ValueError:
        return f"{value:.1f}"


def verdict(ok):
    return "met" if ok else "**missed**"


lines = []
cpu = sh("lscpu | sed -n 's/^Model name:[ ]*//p'").splitlines()[0] if sh("lscpu") else platform.processor()
java = sh("java -version 2>&1 | head -1").splitlines()[0]
lines += [
    "# Forkscope benchmark results",
    "",
    f"- Date: {date}",
    f"- Command: `{command}` (rewrites this file)",
    f"- Machine: {os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.system()} {platform.release()}",
    f"- JVM: {java}",
    "- Stack: Weld SE 5.1, Hibernate ORM 6.6, Agroal, H2 in memory (P1-P3, P5), H2 file (P6), WildFly 39 (P4)",
    "- Ratios compare figures measured in the same run; `guards off` turns off every guard that can be "
    "(threads, fork mixing, discarded changes, identity-map growth).",
    "",
]

lines += ["## P1: `find` of an entity already in the persistence context (ns/op, lower is better)", "",
          "| variant | guards on | guards off | ratio to direct (on / off) |", "|---|---|---|---|"]
variants = [("direct", "direct call on the fork (floor)"),
            ("forkscope", "Forkscope contextual EntityManager, in a request opened by the filter"),
            ("forkscopeOutsideTheFilter", "Forkscope, request context activated without the filter"),
            ("requestScopedProducer", "Weld `@RequestScoped` producer (client proxy)"),
            ("springSharedEntityManager", "Spring `SharedEntityManagerCreator` + `EntityManagerHolder`")]
for key, label in variants:
    lines.append(f"| {label} | {cell(key, 'on')} | {cell(key, 'off')} | "
                 f"{score(key, 'on') / score('direct', 'on'):.2f}× / {score(key, 'off') / score('direct', 'off'):.2f}× |")
fs_on = score("forkscope", "on") / score("direct", "on")
fs_off = score("forkscope", "off") / score("direct", "off")
peers_ok = all(score("forkscope", g) <= min(score("requestScopedProducer", g), score("springSharedEntityManager", g))
               for g in ("on", "off"))
lines += ["", f"Targets: Forkscope ≤ 1.03× direct — {fs_on:.2f}× with guards, {fs_off:.2f}× without: "
              f"{verdict(fs_on <= 1.03)}; no slower than either peer: {verdict(peers_ok)}.", ""]

lines += ["## P2 and P3: contexts (ns/op)", "", "| benchmark | guards on | guards off |", "|---|---|---|"]
for key, label in [("emptyContextInARequest", "P2: open + close an untouched CREATE context inside a request"),
                   ("emptyContextOnAPlainThread", "P2: the same on a thread with no request context"),
                   ("requestContextAloneOnAPlainThread", "baseline: Weld activates + deactivates a request context"),
                   ("propagatedTaskOnAPlainThread", "P2: a task run on such a thread in a context captured elsewhere"),
                   ("contextWithFirstUse", "P3: open a context, first use (fork creation), close"),
                   ("rawCreateAndClose", "P3 baseline: `createEntityManager()` + first use + `close()`")]:
    lines.append(f"| {label} | {cell(key, 'on')} | {cell(key, 'off')} |")
p2 = score("emptyContextInARequest", "on")
plain = score("emptyContextOnAPlainThread", "on") / score("requestContextAloneOnAPlainThread", "on")
task = score("propagatedTaskOnAPlainThread", "on") / score("emptyContextOnAPlainThread", "on")
p3_on = score("contextWithFirstUse", "on") / score("rawCreateAndClose", "on")
p3_off = score("contextWithFirstUse", "off") / score("rawCreateAndClose", "off")
lines += ["", f"Targets: P2 ≤ 150 ns and no EntityManager created — {p2:.0f} ns: {verdict(p2 <= 150)} (the empty "
              f"runs fail if they create one). On a plain thread ≤ 1.50× Weld's own request-context activation — "
              f"{plain:.2f}×: {verdict(plain <= 1.50)}; a propagated task within 1.20× of that — {task:.2f}×: "
              f"{verdict(task <= 1.20)}. "
              f"P3 ≤ 1.10× — {p3_on:.2f}× with guards, {p3_off:.2f}× without: {verdict(p3_on <= 1.10)}.", ""]

p5 = {}
for line in open(os.path.join(out, "p5.txt")):
    _, mode, n, used = line.split()
    p5.setdefault(mode, []).append((int(n), int(used)))
lines += ["## P5: retained heap after N requests of 100 entities each (MiB after a full GC)", "",
          "| requests | " + " | ".join(sorted(p5)) + " |", "|---|" + "---|" * len(p5)]
for i, (n, _) in enumerate(p5["forkscope"]):
    lines.append(f"| {n} | " + " | ".join(f"{p5[m][i][1] / 2**20:.1f}" for m in sorted(p5)) + " |")


def slope(points):
    (n0, u0), (n1, u1) = points[0], points[-1]
    return (u1 - u0) / (n1 - n0)


lines += ["", "Slope (bytes retained per request, first to last checkpoint): " +
          ", ".join(f"{m} {slope(p5[m]):.0f}" for m in sorted(p5)) +
          f". Target: Forkscope flat — {verdict(abs(slope(p5['forkscope'])) < 0.02 * abs(slope(p5['shared'])))} "
          "(under 2% of the shared EntityManager's slope).", ""]

p6 = {}
for line in open(os.path.join(out, "p6.txt")):
    parts = line.split()
    p6[parts[1]] = parts[2:]
lines += ["## P6: batch of rows in chunks of 1,000, `-Xmx64m`", "", "| loop | rows | time (ms) | rows/s |", "|---|---|---|---|"]
for mode in ("handwritten", "forkscope"):
    row = p6.get(mode, ["?", "failed", "?"])
    lines.append(f"| {mode} | {' | '.join(row)} |")
if all(len(p6.get(m, [])) == 3 and p6[m][1] != "failed" for m in ("handwritten", "forkscope")):
    ratio = int(p6["forkscope"][2]) / int(p6["handwritten"][2])
    lines += ["", f"Target: fits in 64 MiB and ≥ 0.9× the hand-written loop — {ratio:.2f}×: {verdict(ratio >= 0.9)}.", ""]
else:
    lines += ["", "Target: **missed** (a run failed, see target/results/p6-*.log).", ""]

p4 = {}
for line in open(os.path.join(out, "p4.txt")):
    _, build, rnd, rps, p99 = line.split()
    p4.setdefault(build, []).append((float(rps), float(p99)))
lines += ["## P4: HTTP read endpoint on WildFly, wrk, 2 threads, 16 connections", "",
          "| build | round | requests/s | p99 (ms) |", "|---|---|---|---|"]
for build in ("forkscope", "container"):
    for i, (rps, p99) in enumerate(p4.get(build, []), 1):
        lines.append(f"| {build} | {i} | {rps:.0f} | {p99:.2f} |")
mean = {b: (sum(r for r, _ in v) / len(v), sum(p for _, p in v) / len(v)) for b, v in p4.items()}
if "forkscope" in mean and "container" in mean:
    tput = mean["forkscope"][0] / mean["container"][0]
    p99 = mean["forkscope"][1] / mean["container"][1]
    lines += ["", f"Means: Forkscope {tput:.3f}× the `@PersistenceContext` build's throughput, p99 {p99:.3f}×. "
                  f"Targets: ≥ 0.97× — {verdict(tput >= 0.97)}; p99 within 5% — {verdict(p99 <= 1.05)}.", ""]
# Comparisons between two builds of Forkscope, measured in one run of their own, are kept by hand
# in comparisons.md and carried over into every rewrite of RESULTS.md.
kept = os.path.join(os.path.dirname(os.path.abspath(__file__)), "comparisons.md")
if os.path.exists(kept):
    lines += ["", open(kept).read().rstrip()]
print("\n".join(lines))
