#!/usr/bin/env python3
"""Checks that every relative link in the repository's Markdown files resolves to a file or folder inside the
repository (and that none leaves it). An anchor must name a heading of the linked
Markdown file. External links (http:, https:, mailto:) are skipped.

    python3 docs/tools/check-links.py            # every tracked .md file
    python3 docs/tools/check-links.py README.md  # only these
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(```|~~~)")


def markdown_files(arguments):
    if arguments:
        return [ROOT / a for a in arguments]
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / f for f in listed]


def links(path):
    in_fence = False
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            for target in LINK.findall(line):
                yield number, target


def anchors(path):
    """GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens."""
    found = set()
    for line in path.read_text().splitlines():
        heading = re.match(r"^#{1,6}\s+(.*?)\s*$", line)
        if heading:
            text = re.sub(r"[`*_]", "", heading.group(1)).lower()
            found.add(re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text)))
    return found


def broken(path):
    for number, target in links(path):
        if re.match(r"^[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        if ROOT not in resolved.parents and resolved != ROOT:
            yield f"{path.relative_to(ROOT)}:{number}: {target} leaves the repository"
        elif not resolved.exists():
            yield f"{path.relative_to(ROOT)}:{number}: {target} does not exist"
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            yield f"{path.relative_to(ROOT)}:{number}: {target} names no heading of {resolved.name}"


def main():
    problems = [p for f in markdown_files(sys.argv[1:]) for p in broken(f)]
    print("\n".join(problems) if problems else "every relative link resolves")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
