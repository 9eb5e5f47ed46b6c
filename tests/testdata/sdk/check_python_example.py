"""Checks a Python example against the generated orgtrust Python SDK, statically.

    python3 check_python_example.py SDK_PACKAGE_DIR EXAMPLE.py

The machine has no `pulumi` Python package (PyPI is not reachable), so the
example cannot be imported. Instead this reads the SDK's source with `ast` and
checks every use of the SDK in the example:

- each name taken from the SDK (`orgtrust.X`, `from pulumi_orgtrust import X`)
  is exported by it;
- each keyword argument of a call to an SDK class or function is one of its
  parameters (for classes, of any `__init__` overload);
- each attribute read from a variable assigned an SDK resource is one of the
  resource's output properties.

It prints one line per problem and exits 1 if there is any.
"""

import ast
import os
import sys

PACKAGE = "pulumi_orgtrust"

# Attributes every Pulumi resource has, besides its outputs.
RESOURCE_ATTRS = {"urn", "id", "get_provider", "pulumi_type"}


class Callable:
    def __init__(self, params, properties):
        self.params = params  # keyword parameters accepted
        self.properties = properties  # @property names (resource outputs)


def load_sdk(pkg_dir):
    """Returns {exported name: Callable} for the SDK package at pkg_dir."""
    exported = {}
    # Submodules (config, outputs) are reachable as attributes of the package.
    for entry in sorted(os.listdir(pkg_dir)):
        name = entry[:-3] if entry.endswith(".py") else entry
        if not name.startswith("_") and (entry.endswith(".py") or os.path.isdir(os.path.join(pkg_dir, entry))):
            exported[name] = Callable(set(), set())
    for root, _dirs, files in os.walk(pkg_dir):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), path)
            public = None
            for node in tree.body:
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
                ):
                    public = {e.value for e in node.value.elts}
            if public is None:
                continue
            # Only top-level modules export into the package namespace.
            if os.path.dirname(path) != pkg_dir:
                continue
            for node in tree.body:
                if isinstance(node, ast.ClassDef) and node.name in public:
                    exported[node.name] = class_callable(node)
                elif isinstance(node, ast.FunctionDef) and node.name in public:
                    exported[node.name] = Callable(param_names(node), set())
    return exported


def param_names(fn):
    args = fn.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    return {n for n in names if n not in ("self", "__self__", "cls")}


def is_getter(decorator):
    """Whether decorator is @property, @pulumi.getter or @pulumi.getter(name=...)."""
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Name):
        return decorator.id == "property"
    return (
        isinstance(decorator, ast.Attribute)
        and decorator.attr == "getter"
        and isinstance(decorator.value, ast.Name)
        and decorator.value.id == "pulumi"
    )


def class_callable(cls):
    params, properties = set(), set()
    typed_dict = any(
        (isinstance(b, ast.Name) and b.id == "TypedDict")
        or (isinstance(b, ast.Attribute) and b.attr == "TypedDict")
        for b in cls.bases
    )
    for node in cls.body:
        if isinstance(node, ast.FunctionDef):
            if node.name == "__init__":
                params |= param_names(node)
            if any(is_getter(d) for d in node.decorator_list):
                properties.add(node.name)
        elif typed_dict and isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            params.add(node.target.id)
    params -= {"resource_name", "args", "opts", "__props__"}
    return Callable(params, properties)


def check(sdk, example_path):
    with open(example_path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), example_path)
    problems = []
    aliases = set()  # names bound to the package
    direct = {}  # names imported from the package -> exported name

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == PACKAGE:
                    aliases.add(a.asname or a.name)
        elif isinstance(node, ast.ImportFrom) and node.module == PACKAGE:
            for a in node.names:
                direct[a.asname or a.name] = a.name
                if a.name not in sdk:
                    problems.append(f"line {node.lineno}: {PACKAGE} has no {a.name}")
    if not aliases and not direct:
        problems.append(f"the example does not import {PACKAGE}")

    def sdk_name(expr):
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in aliases:
            return expr.attr
        if isinstance(expr, ast.Name) and expr.id in direct:
            return direct[expr.id]
        return None

    resources = {}  # variable -> exported class name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            name = sdk_name(node)
            if name is not None and name not in sdk:
                problems.append(f"line {node.lineno}: {PACKAGE} has no {name}")
        if isinstance(node, ast.Call):
            name = sdk_name(node.func)
            if name in sdk and sdk[name].params:
                for kw in node.keywords:
                    if kw.arg is not None and kw.arg != "opts" and kw.arg not in sdk[name].params:
                        problems.append(
                            f"line {kw.value.lineno}: {name} has no parameter {kw.arg}; "
                            f"it takes {', '.join(sorted(sdk[name].params))}"
                        )
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            name = sdk_name(node.value.func)
            if name in sdk and sdk[name].properties:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        resources[target.id] = name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in resources:
            cls = resources[node.value.id]
            if node.attr not in sdk[cls].properties and node.attr not in RESOURCE_ATTRS:
                problems.append(
                    f"line {node.lineno}: {cls} has no output {node.attr}; "
                    f"its outputs are {', '.join(sorted(sdk[cls].properties))}"
                )
    return sorted(set(problems))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    pkg_dir, example = sys.argv[1], sys.argv[2]
    sdk = load_sdk(os.path.abspath(pkg_dir))
    if not sdk:
        print(f"{pkg_dir}: no exported names found; is it the {PACKAGE} package directory?")
        return 1
    problems = check(sdk, example)
    for p in problems:
        print(f"{example}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
