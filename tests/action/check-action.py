#!/usr/bin/env python3
"""Checks action.yml against the rules of GitHub's action metadata syntax.

Usage: tests/action/check-action.py ACTION_YML

The hosted runner cannot be reached from the test machines, so the action is
checked for what GitHub checks when it loads it: the YAML parses; `name`,
`description` and `runs` are there; a composite action's steps each have
either `run` (with a `shell`) or `uses`, and a unique `id` where one is
given; inputs and outputs have descriptions (outputs also a value); every
`inputs.NAME` and `steps.ID` an expression names exists. Exits with 77 (a
skip ctest reports) when PyYAML is missing.
"""
import re
import sys

try:
    import yaml
except ImportError:
    print("SKIP: PyYAML is not installed (Debian package python3-yaml)")
    sys.exit(77)

SHELLS = {"bash", "sh", "pwsh", "python", "cmd", "powershell"}
problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


def expressions(value):
    """Every ${{ ... }} in a string, or in the strings of a nested value."""
    if isinstance(value, str):
        return re.findall(r"\$\{\{(.*?)\}\}", value)
    if isinstance(value, dict):
        return [e for v in value.values() for e in expressions(v)]
    if isinstance(value, list):
        return [e for v in value for e in expressions(v)]
    return []


def main(path):
    with open(path, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if not isinstance(action, dict):
        problem(path, "not a YAML mapping")
        return
    for key in ("name", "description", "runs"):
        if not action.get(key):
            problem(path, f"`{key}` is required")
    known = {"name", "author", "description", "inputs", "outputs", "runs",
             "branding"}
    for key in action:
        if key not in known:
            problem(path, f"unknown key `{key}`")

    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name):
            problem(f"inputs.{name}", "not a valid input id")
        if not isinstance(spec, dict) or not spec.get("description"):
            problem(f"inputs.{name}", "needs a `description`")
        elif "default" in spec and not isinstance(spec["default"], str):
            problem(f"inputs.{name}", "a default is a string")

    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problem("runs.using", "expected `composite`")
    steps = runs.get("steps")
    if not isinstance(steps, list) or not steps:
        problem("runs.steps", "a composite action needs steps")
        steps = []
    ids = []
    for i, step in enumerate(steps):
        where = f"runs.steps[{i}]"
        if ("run" in step) == ("uses" in step):
            problem(where, "needs exactly one of `run` and `uses`")
        if "run" in step and step.get("shell") not in SHELLS:
            problem(where, "a `run` step in a composite action needs `shell`")
        if "uses" in step and not re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+",
                                               step["uses"]):
            problem(where, f"`uses: {step['uses']}` is not OWNER/REPO@REF")
        if "id" in step:
            ids.append(step["id"])

    if len(ids) != len(set(ids)):
        problem("runs.steps", "step ids repeat")
    outputs = action.get("outputs") or {}
    for name, spec in outputs.items():
        if not isinstance(spec, dict) or not spec.get("description") or \
                "value" not in spec:
            problem(f"outputs.{name}", "a composite action's output needs "
                    "`description` and `value`")

    for expr in expressions(action):
        for name in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", expr):
            if name not in inputs:
                problem("expression", f"`inputs.{name}` is not declared")
        for step_id in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)", expr):
            if step_id not in ids:
                problem("expression", f"`steps.{step_id}` names no step")
    for i, step in enumerate(steps):
        for step_id in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)",
                                  str(step.get("if", ""))):
            if step_id not in ids[: sum(1 for s in steps[:i] if "id" in s)]:
                problem(f"runs.steps[{i}].if",
                        f"`steps.{step_id}` is not an earlier step")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print(f"ok: {sys.argv[1]} is a well-formed composite action")
