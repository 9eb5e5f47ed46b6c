// Runs a Pulumi Java program under the Java SDK's mocks and writes, as JSON,
// what it registered, what it invoked and what it exported (tests/java_test.go).
//
//     mvn -o test-compile exec:java -Dexec.classpathScope=test \
//         -DmainClass=orgtrust.testing.RunWithMocks -DmainArgs=SPEC.json
//
// The test copies this file into a copy of the example, under src/test/java,
// whose class path has the SDK's runtime dependencies too. SPEC is a JSON object:
//
//     {"mainClass": "securityservices.App",   // its static stack(Context) is the program
//      "project": "orgtrust-example", "stack": "test",
//      "config": {"security:auditAccountId": "222233334444"},  // as the CLI stores it
//      "outputs": {"orgtrust:index:X": {"out": "{name}-value"}},  // what the mocks return
//      "results": {"orgtrust:index:getX": {"out": "value"}},
//      "out": "/path/to/result.json"}
//
// The mocks return, for each registered resource, its inputs plus the outputs
// listed for its type, their strings formatted with the resource's name and its
// string inputs ("{name}", "{service}"); a function's result is the one listed
// for its token. The result has "resources" (type, name, custom, remote, parent
// URN, dependencies' URNs, inputs, in registration order), "invokes" (token and
// arguments) and "outputs" (the stack outputs; unknown values are null), as
// tests/testdata/python/run_with_mocks.py writes them. An error in the program
// fails the run.
package orgtrust.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.google.protobuf.util.JsonFormat;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

public final class RunWithMocks {
    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().create();
    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)\\}");

    public static void main(String[] args) throws Exception {
        var spec = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonObject();
        Method stack = Class.forName(spec.get("mainClass").getAsString()).getMethod("stack", Context.class);
        Map<String, String> config = GSON.fromJson(spec.get("config"), new TypeToken<Map<String, String>>() {}.getType());

        var mocks = new SpecMocks(spec);
        var registered = Collections.synchronizedList(new ArrayList<Map<String, Object>>());
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .projectName(spec.get("project").getAsString())
                        .stackName(spec.get("stack").getAsString())
                        .preview(false)
                        .build())
                .mocks(mocks)
                .config(config == null ? Map.of() : config)
                .monitorDecorator(m -> new RecordingMonitor(mocks, registered))
                .build();
        TestResult result = test.runTest(ctx -> {
            try {
                stack.invoke(null, ctx);
            } catch (InvocationTargetException e) {
                throw new RuntimeException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new RuntimeException(e);
            }
        });
        if (result.exitCode() != 0 || !result.exceptions().isEmpty() || !result.errors().isEmpty()) {
            var failure = new IllegalStateException("the program failed (exit code " + result.exitCode() + "): "
                    + result.errors() + " " + result.exceptions());
            result.exceptions().forEach(failure::addSuppressed);
            throw failure;
        }

        Map<String, Object> outputs = new TreeMap<>();
        for (Map.Entry<String, Output<?>> e : result.outputs().entrySet()) {
            var data = PulumiTestInternal.extractOutputData(e.getValue());
            outputs.put(e.getKey(), data.isKnown() ? data.getValueNullable() : null);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("resources", registered);
        out.put("invokes", mocks.invokes);
        out.put("outputs", outputs);
        Files.writeString(Path.of(spec.get("out").getAsString()), GSON.toJson(out), StandardCharsets.UTF_8);
    }

    /** The mocks of the spec: each type's outputs and each function's result. */
    static final class SpecMocks implements Mocks {
        private final JsonObject outputs;
        private final JsonObject results;
        final List<Map<String, Object>> invokes = Collections.synchronizedList(new ArrayList<>());

        SpecMocks(JsonObject spec) {
            this.outputs = spec.has("outputs") ? spec.getAsJsonObject("outputs") : new JsonObject();
            this.results = spec.has("results") ? spec.getAsJsonObject("results") : new JsonObject();
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            Map<String, String> scope = new TreeMap<>();
            scope.put("name", args.name);
            args.inputs.forEach((k, v) -> {
                if (v instanceof String) {
                    scope.put(k, (String) v);
                }
            });
            Map<String, Object> state = new LinkedHashMap<>(args.inputs);
            if (outputs.has(args.type)) {
                for (var e : outputs.getAsJsonObject(args.type).entrySet()) {
                    state.put(e.getKey(), fill(plain(e.getValue()), scope));
                }
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            var invoke = new LinkedHashMap<String, Object>();
            invoke.put("token", args.token);
            invoke.put("args", args.args);
            invokes.add(invoke);
            if (!results.has(args.token)) {
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("the mocks have no result for " + args.token));
            }
            @SuppressWarnings("unchecked")
            var result = (Map<String, Object>) plain(results.get(args.token));
            return CompletableFuture.completedFuture(result);
        }
    }

    /** The mock monitor, recording each registration as the engine sees it. */
    static final class RecordingMonitor extends MockMonitor {
        private final List<Map<String, Object>> registered;

        RecordingMonitor(Mocks mocks, List<Map<String, Object>> registered) {
            super(mocks, PulumiTestInternal.mockLog());
            this.registered = registered;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                Resource resource, RegisterResourceRequest request) {
            if (!"pulumi:pulumi:Stack".equals(request.getType())) {
                var r = new LinkedHashMap<String, Object>();
                r.put("type", request.getType());
                r.put("name", request.getName());
                r.put("custom", request.getCustom());
                r.put("remote", request.getRemote());
                r.put("parent", request.getParent());
                r.put("dependencies", new ArrayList<>(request.getDependenciesList()));
                try {
                    r.put("inputs", plain(JsonParser.parseString(JsonFormat.printer().print(request.getObject()))));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new IllegalStateException(e);
                }
                registered.add(r);
            }
            return super.registerResourceAsync(resource, request);
        }
    }

    /** The value of a JSON element as maps, lists, strings, doubles and booleans. */
    static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            var m = new LinkedHashMap<String, Object>();
            e.getAsJsonObject().entrySet().forEach(x -> m.put(x.getKey(), plain(x.getValue())));
            return m;
        }
        if (e.isJsonArray()) {
            var l = new ArrayList<Object>();
            e.getAsJsonArray().forEach(x -> l.add(plain(x)));
            return l;
        }
        var p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        return p.getAsString();
    }

    /** value with its strings formatted with scope ("{name}"); a field not in scope is an error. */
    static Object fill(Object value, Map<String, String> scope) {
        if (value instanceof String) {
            Matcher m = FIELD.matcher((String) value);
            var b = new StringBuilder();
            while (m.find()) {
                var v = scope.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException("mock output " + value + ": no string input " + m.group(1));
                }
                m.appendReplacement(b, Matcher.quoteReplacement(v));
            }
            m.appendTail(b);
            return b.toString();
        }
        if (value instanceof List) {
            var l = new ArrayList<Object>();
            ((List<?>) value).forEach(x -> l.add(fill(x, scope)));
            return l;
        }
        if (value instanceof Map) {
            var m = new LinkedHashMap<String, Object>();
            ((Map<?, ?>) value).forEach((k, v) -> m.put((String) k, fill(v, scope)));
            return m;
        }
        return value;
    }
}
