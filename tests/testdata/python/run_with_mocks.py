"""Runs a Python Pulumi program under Pulumi's Python mocks and prints, as JSON,
what it registered, what it invoked and what it exported.

    python run_with_mocks.py SPEC.json

SPEC is a JSON object:

    {"program": "/path/to/__main__.py",    # run as __main__, from its directory
     "project": "orgtrust-example",         # the project and stack names
     "stack": "test",
     "config": {"security:auditAccountId": "222233334444"},  # stack config, as the CLI stores it
     "outputs": {"orgtrust:index:X": {"out": "{name}-value"}},  # what the mocks return
     "results": {"orgtrust:index:getX": {"out": "value"}}}

The mocks return, for each registered resource, its inputs plus the outputs
listed for its type; the outputs' strings are formatted with the resource's
name and its string inputs ("{name}", "{service}"). A function's result is
the one listed for its token. The program's SDK (pulumi_orgtrust) is
imported from PYTHONPATH.

The JSON printed on stdout has "resources" (type, name, custom, remote, parent
URN, dependencies' URNs, inputs, in registration order), "invokes" (token and
arguments) and "outputs" (the stack outputs, resolved; unknown values are
null). Any exception in the program is a failure, exit 1.
"""

import asyncio
import json
import os
import runpy
import sys

import pulumi
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime.stack import wait_for_rpcs


def fill(value, scope):
    """Formats the strings in value with scope."""
    if isinstance(value, str):
        return value.format_map(scope)
    if isinstance(value, list):
        return [fill(v, scope) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, scope) for k, v in value.items()}
    return value


class Mocks(pulumi.runtime.Mocks):
    def __init__(self, spec):
        self.outputs = spec.get("outputs") or {}
        self.results = spec.get("results") or {}
        self.invokes = []

    def new_resource(self, args):
        scope = {"name": args.name}
        scope.update({k: v for k, v in args.inputs.items() if isinstance(v, str)})
        state = dict(args.inputs)
        state.update(fill(self.outputs.get(args.typ, {}), scope))
        return args.name + "-id", state

    def call(self, args):
        self.invokes.append({"token": args.token, "args": args.args})
        if args.token not in self.results:
            raise Exception(f"the mocks have no result for {args.token}")
        return self.results[args.token], []


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """The mock monitor, recording each registration as the engine sees it."""

    def __init__(self, mocks):
        super().__init__(mocks)
        self.registered = []

    def RegisterResource(self, request):
        response = super().RegisterResource(request)
        if request.type != "pulumi:pulumi:Stack":
            self.registered.append({
                "type": request.type,
                "name": request.name,
                "custom": request.custom,
                "remote": request.remote,
                "parent": request.parent,
                "dependencies": list(request.dependencies),
                "inputs": pulumi.runtime.rpc.deserialize_properties(request.object),
            })
        return response


async def resolve(value):
    """The value of an output (None when unknown), recursively."""
    out = pulumi.Output.from_input(value)
    if not await out.is_known():
        return None
    return await out.future()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    program = os.path.abspath(spec["program"])
    os.chdir(os.path.dirname(program))

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    pulumi.runtime.set_all_config(spec.get("config") or {})
    mocks = Mocks(spec)
    monitor = RecordingMonitor(mocks)
    pulumi.runtime.set_mocks(mocks, project=spec["project"], stack=spec["stack"], preview=False, monitor=monitor)

    runpy.run_path(program, run_name="__main__")

    async def finish():
        stack = pulumi.runtime.get_root_resource()
        outputs = {k: await resolve(v) for k, v in stack.outputs.items()}
        await wait_for_rpcs()
        return outputs

    outputs = loop.run_until_complete(finish())
    json.dump({"resources": monitor.registered, "invokes": mocks.invokes, "outputs": outputs},
              sys.stdout, indent=1, sort_keys=True, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
