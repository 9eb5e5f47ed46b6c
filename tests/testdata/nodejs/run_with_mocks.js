// Runs a compiled Node.js Pulumi program under Pulumi's Node.js mocks
// (pulumi.runtime.setMocks) and prints, as JSON, what it registered, what it
// invoked and what it exported: the same runner, input and output as
// tests/testdata/python/run_with_mocks.py (see there), for JavaScript.
//
//     node run_with_mocks.js SPEC.json
//
// @pulumi/pulumi is loaded from the program's directory, so that the program,
// the orgtrust SDK and this runner share one instance of it.
"use strict";
const fs = require("fs");
const path = require("path");

function fill(value, scope) {
    if (typeof value === "string") {
        return value.replace(/\{(\w+)\}/g, (m, k) => (k in scope ? scope[k] : m));
    }
    if (Array.isArray(value)) {
        return value.map(v => fill(v, scope));
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, scope)]));
    }
    return value;
}

async function main() {
    const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
    const program = path.resolve(spec.program);
    const dir = path.dirname(program);
    process.chdir(dir);
    const from = p => require(require.resolve(p, { paths: [dir] }));
    const pulumi = from("@pulumi/pulumi");
    const settings = from("@pulumi/pulumi/runtime/settings");

    pulumi.runtime.setAllConfig(spec.config || {});
    const outputs = spec.outputs || {};
    const results = spec.results || {};
    const invokes = [];
    await pulumi.runtime.setMocks({
        newResource(args) {
            const scope = { name: args.name };
            for (const [k, v] of Object.entries(args.inputs)) {
                if (typeof v === "string") scope[k] = v;
            }
            return { id: args.name + "-id", state: { ...args.inputs, ...fill(outputs[args.type] || {}, scope) } };
        },
        call(args) {
            invokes.push({ token: args.token, args: args.inputs });
            if (!(args.token in results)) {
                throw new Error(`the mocks have no result for ${args.token}`);
            }
            return results[args.token];
        },
    }, spec.project, spec.stack, false);

    // Record each registration as the engine would see it.
    const registered = [];
    const monitor = settings.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        if (req.getType() !== "pulumi:pulumi:Stack") {
            registered.push({
                type: req.getType(),
                name: req.getName(),
                custom: req.getCustom(),
                remote: req.getRemote(),
                parent: req.getParent(),
                dependencies: req.getDependenciesList(),
                inputs: req.getObject().toJavaScript(),
            });
        }
        return register(req, callback);
    };

    const exported = require(program);
    const out = {};
    for (const [k, v] of Object.entries(exported)) {
        const o = pulumi.output(v);
        out[k] = (await o.isKnown) ? await o.promise() : null;
    }
    await settings.waitForRPCs();
    process.stdout.write(JSON.stringify({ resources: registered, invokes, outputs: out }, null, 1));
}

main().catch(err => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
});
