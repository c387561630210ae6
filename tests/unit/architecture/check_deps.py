#!/usr/bin/env python3
"""The dependency graph of the build files is the graph of the code.

Every area is declared in its CMakeLists.txt with igsgov_area(NAME SOURCES ...
DEPS ...) (cmake/IgsgovArea.cmake). This check reads those declarations and
every #include "AREA/..." of each area's sources and headers, and fails when a
file includes the header of an area its own area does not declare as a direct
dependency (being a dependency of a dependency is not enough: the graph in the
build files must be the whole truth). igsgovd's parts (module/apps/httpd) are
checked against the libraries they link; the CLI may include no area at all
(it uses the C ABI only). Also fails on a dependency cycle.

  check_deps.py SOURCE_DIR        exit 0: graph respected; 1: each violation printed
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()


def strip_comments(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def calls(text, command):
    """The argument lists of every `command(...)` call in a CMake file."""
    text = strip_comments(text)
    for m in re.finditer(r"\b" + command + r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
        yield m.group(1).split()


def section(args, keyword, keywords):
    out, on = [], False
    for a in args:
        if a in keywords:
            on = a == keyword
        elif on:
            out.append(a)
    return out


# Folder of sources -> (area target, declared dependency targets).
areas = {}
for cm in sorted(list((root / "module/src").glob("*/CMakeLists.txt")) + list((root / "adapters").glob("*/CMakeLists.txt"))):
    for args in calls(cm.read_text(), "igsgov_area"):
        name = args[0]
        deps = section(args[1:], "DEPS", {"SOURCES", "DEPS"})
        if any("${" in d for d in deps):
            sys.exit(f"{cm}: igsgov_area({name}) DEPS must be literal target names (the check reads them)")
        areas[cm.parent] = ("igsgov_" + name, {d for d in deps if d.startswith("igsgov_")})

httpd = root / "module/apps/httpd"
for args in calls((httpd / "CMakeLists.txt").read_text(), "target_link_libraries"):
    if args[0] == "igsgovd_parts":
        areas[httpd] = ("igsgovd_parts", {d for d in args[1:] if d.startswith("igsgov_")})
cli = root / "module/apps/cli"
areas[cli] = ("igsgov_cli", set())

# Include prefix -> area target: "core/X.hpp" -> igsgov_core,
# "adapters/webdav/X.hpp" -> igsgov_adapter_webdav, "adapters/common/..." -> igsgov_adapters.
owner = {}
for folder, (target, _) in areas.items():
    rel = folder.relative_to(root).as_posix()
    if rel.startswith("module/src/"):
        owner[rel[len("module/src/"):]] = target
    elif rel.startswith("adapters/"):
        owner[rel] = target

include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
problems = []
for folder, (target, deps) in sorted(areas.items()):
    allowed = deps | {target, "igsgov_core"}  # core: every area's dependency (cmake/IgsgovArea.cmake)
    if target == "igsgov_cli":
        allowed = set()
    for f in sorted(folder.rglob("*")):
        if f.suffix not in (".cpp", ".hpp", ".h", ".c"):
            continue
        for n, line in enumerate(f.read_text(errors="replace").splitlines(), 1):
            m = include.match(line)
            if not m:
                continue
            path = m.group(1)
            parts = path.split("/")
            key = "/".join(parts[:2]) if parts[0] == "adapters" else parts[0]
            dep = owner.get(key)
            if dep and dep not in allowed:
                problems.append(f"{f.relative_to(root)}:{n}: includes \"{path}\" of {dep}, "
                                f"which {target} does not declare (DEPS in {folder.relative_to(root)}/CMakeLists.txt)")

# No cycles among the declared dependencies.
graph = {t: d for t, d in areas.values()}
state = {}


def visit(t, path):
    if state.get(t) == 1:
        problems.append("dependency cycle: " + " -> ".join(path[path.index(t):] + [t]))
        return
    if state.get(t) == 2:
        return
    state[t] = 1
    for d in sorted(graph.get(t, ())):
        visit(d, path + [t])
    state[t] = 2


for t in sorted(graph):
    visit(t, [])

for p in problems:
    print(p)
if problems:
    print(f"{len(problems)} problem(s) with the declared dependency graph (docs/dev/architecture.md)")
    sys.exit(1)
print(f"{len(areas)} areas, every include within the declared dependencies")
