#!/usr/bin/env python3
"""One declaration per check drives everything: hold what `tollgate rules
--format json` says (the checks as declared in the code) against the check's
page (rules/docs/<name>.md), its golden test (tests/lit) and its README row.

Usage: check-rules.py TOLLGATE SOURCE_DIR

Fails, listing every mismatch, when
- a code or a name is declared twice, or is not of the form IAM123 /
  kebab-case, or a check has no summary;
- a check has no page, its page is not embedded in the binary, the page's
  title or `Severity:` line disagrees with the declaration, the page's
  `## Options` section does not name exactly the declared options (or say
  `None.`), or a page belongs to no check;
- no golden test under tests/lit shows a finding of the check (`[CODE name]`
  in text output or `"CODE"` in JSON or SARIF output);
- the README's check tables lack the check, give it another name or another
  default severity, list a code that no check has, or its rule options table
  differs from the declared options.
"""
import glob
import json
import os
import re
import subprocess
import sys

SEVERITY_WORDS = {
    "error": "error",
    "warning": "warning",
    "security": "security warning",
    "suggestion": "suggestion",
}


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tollgate, src = sys.argv[1:]
    out = subprocess.run([tollgate, "rules", "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    checks = json.loads(out)
    problems = []

    def problem(check, text):
        problems.append(f"{check['code']} {check['name']}: {text}")

    # Declarations.
    for field in ("code", "name"):
        seen = {}
        for c in checks:
            if c[field] in seen:
                problem(c, f"{field} `{c[field]}` is also declared by {seen[c[field]]}")
            seen[c[field]] = c["code"]
    for c in checks:
        if not re.fullmatch(r"IAM\d{3}", c["code"]):
            problem(c, "the code is not IAM followed by three digits")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c["name"]):
            problem(c, "the name is not kebab-case")
        if not c["summary"].strip():
            problem(c, "no summary")

    # Pages.
    docs = os.path.join(src, "rules", "docs")
    names = {c["name"] for c in checks}
    for path in sorted(glob.glob(os.path.join(docs, "*.md"))):
        name = os.path.basename(path)[:-3]
        if name not in names:
            problems.append(f"rules/docs/{name}.md: no check is named `{name}`")
    for c in checks:
        path = os.path.join(docs, c["name"] + ".md")
        if not os.path.exists(path):
            problem(c, f"no page rules/docs/{c['name']}.md")
            continue
        if not c["page"]:
            problem(c, "the page is not embedded in the binary (`tollgate explain` cannot show it)")
        lines = open(path, encoding="utf-8").read().split("\n")
        title = f"# {c['name']} ({c['code']})"
        if lines[0] != title:
            problem(c, f"the page's title is `{lines[0]}`, not `{title}`")
        severity = f"Severity: {SEVERITY_WORDS[c['severity']]}"
        if len(lines) < 3 or not lines[2].startswith(severity):
            problem(c, f"the page's third line does not start with `{severity}`")
        text = "\n".join(lines)
        m = re.search(r"\n## Options\n(.*?)(\n## |\Z)", text, re.S)
        if not m:
            problem(c, "the page has no `## Options` section")
            continue
        section = m.group(1).strip()
        documented = set(re.findall(r"^[-*]?\s*`([a-z0-9-]+)`:", section, re.M))
        declared = {o["name"] for o in c["options"]}
        if not declared and not section.startswith("None"):
            problem(c, "the check takes no options, but its page's `## Options` does not say `None.`")
        elif documented != declared:
            problem(c, f"the page documents options {sorted(documented)}, the check declares {sorted(declared)}")

    # Golden tests.
    tests = [open(p, encoding="utf-8").read()
             for p in glob.glob(os.path.join(src, "tests", "lit", "**", "*.test"), recursive=True)]
    for c in checks:
        shown = re.compile(r"\[" + c["code"] + " " + re.escape(c["name"]) + r"\]|\"" + c["code"] + "\"")
        if not any(shown.search(t) for t in tests):
            problem(c, "no golden test under tests/lit shows a finding of it")

    # README tables: `| CODE | name | default | what it finds |` and the rule
    # options table `| CODE | `option` | meaning |`.
    readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
    rows = {}
    options = set()
    for line in readme.split("\n"):
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not re.fullmatch(r"IAM\d{3}", cells[0]):
            continue
        if cells[1].startswith("`"):
            options.add((cells[0], cells[1].strip("`")))
        else:
            rows.setdefault(cells[0], []).append(cells)
    codes = {c["code"] for c in checks}
    for code in sorted(set(rows) - codes):
        problems.append(f"README.md: a row for {code}, which no check has")
    for c in checks:
        found = rows.get(c["code"], [])
        if len(found) != 1:
            problem(c, f"{len(found)} rows in the README's check tables, not one")
            continue
        cells = found[0]
        if cells[1] != c["name"]:
            problem(c, f"the README row names it `{cells[1]}`")
        if cells[2].split(" ")[0] != c["severity"]:
            problem(c, f"the README row's default is `{cells[2]}`, the declared severity `{c['severity']}`")
    declared = {(c["code"], o["name"]) for c in checks for o in c["options"]}
    for code, name in sorted(declared - options):
        problems.append(f"README.md: the rule options table lacks {code} `{name}`")
    for code, name in sorted(options - declared):
        problems.append(f"README.md: the rule options table lists {code} `{name}`, which the check does not declare")

    for p in problems:
        print(p)
    print(f"{len(checks)} checks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
