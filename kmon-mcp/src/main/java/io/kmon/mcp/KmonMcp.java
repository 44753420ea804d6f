package io.kmon.mcp;

import io.kmon.Kmon;
import io.kmon.internal.ComponentMonitor;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Monitors an MCP Java SDK server's tools, prompts and resources: give it the specifications
 * the server builder takes, and hand the builder what it returns.
 *
 * <pre>{@code
 * KmonMcp mcp = KmonMcp.instrument(kmon).networkTransport("pipe");
 * McpServer.sync(transport).tools(mcp.tools(toolSpecs)).prompts(mcp.prompts(promptSpecs)).build();
 * }</pre>
 *
 * <p>Every call is recorded once on {@value McpConventions#OPERATION_DURATION} (tags in
 * {@link McpConventions}) and once on kmon's own series of its component: {@code mcp_tools}
 * (prefix {@code mcp.tool}), {@code mcp_prompts} ({@code mcp.prompt}) or {@code mcp_resources}
 * ({@code mcp.resource}), with the tool's, prompt's or resource's name as {@code method}. So
 * the dashboard lists them, the component is a health check, failures are grouped, and each
 * name's {@link CallPolicy} raises slow-call and typed alerts. A tool result with
 * {@code isError: true} is a failed call ({@code error.type="tool_error"}; {@link McpToolError}
 * on kmon's series). Arguments are never recorded; resource URIs only when asked.
 *
 * <p>Immutable: each setting returns a changed copy. A wrapped handler returns the same result
 * and throws the same exception as the one it wraps.
 */
public final class KmonMcp {
    private final Kmon kmon;
    private final CallPolicy defaults;
    private final Map<String, CallPolicy> byName;
    private final String transport;
    private final boolean resourceUris;

    private KmonMcp(
            Kmon kmon, CallPolicy defaults, Map<String, CallPolicy> byName, String transport, boolean resourceUris) {
        this.kmon = kmon;
        this.defaults = defaults;
        this.byName = Map.copyOf(byName);
        this.transport = transport;
        this.resourceUris = resourceUris;
    }

    /**
     * {@return instrumentation recording into {@code kmon}, with no alerts, no transport tag and no URIs}
     * @param kmon where the series, alerts, error groups and health checks go
     */
    public static KmonMcp instrument(Kmon kmon) {
        return new KmonMcp(Objects.requireNonNull(kmon, "kmon"), CallPolicy.defaults(), Map.of(), null, false);
    }

    /**
     * {@return this instrumentation with calls over {@code threshold} raising a WARNING, unless a name's policy says otherwise}
     * @param threshold zero for no alert
     */
    public KmonMcp slowCall(Duration threshold) {
        return policy(defaults.slowCall(threshold));
    }

    /**
     * {@return this instrumentation with failures of {@code types} raising an ERROR alert for every name}
     * @param types exception types (and their subtypes); {@link McpToolError} for tool error results
     */
    @SafeVarargs
    public final KmonMcp alertOn(Class<? extends Throwable>... types) {
        return policy(defaults.alertOn(types));
    }

    /**
     * {@return this instrumentation with {@code policy} for every name without one of its own}
     * @param policy the default policy
     */
    public KmonMcp policy(CallPolicy policy) {
        return new KmonMcp(kmon, Objects.requireNonNull(policy, "policy"), byName, transport, resourceUris);
    }

    /**
     * {@return this instrumentation with the tool, prompt or resource {@code name}'s policy changed from the default by {@code change}}
     *
     * <pre>{@code
     * mcp.configure("search_media", p -> p.slowCall(Duration.ofSeconds(2)).alertOn(TimeoutException.class))
     * }</pre>
     *
     * @param name a tool's, prompt's or resource's name
     * @param change from the default policy (as set so far) to this name's
     */
    public KmonMcp configure(String name, UnaryOperator<CallPolicy> change) {
        Objects.requireNonNull(name, "name");
        CallPolicy policy = Objects.requireNonNull(change.apply(defaults), "policy of " + name);
        Map<String, CallPolicy> copy = new HashMap<>(byName);
        copy.put(name, policy);
        return new KmonMcp(kmon, defaults, copy, transport, resourceUris);
    }

    /**
     * {@return this instrumentation tagging every series {@code network.transport=transport}}
     *
     * <p>The SDK does not tell a handler its transport, so the server says it: OpenTelemetry's
     * values are {@code pipe} (stdio), {@code tcp} (HTTP), {@code quic} and {@code unix}.
     *
     * @param transport the transport's name
     */
    public KmonMcp networkTransport(String transport) {
        return new KmonMcp(kmon, defaults, byName, Objects.requireNonNull(transport, "transport"), resourceUris);
    }

    /**
     * {@return this instrumentation tagging resource reads with the requested {@code mcp.resource.uri}, or not}
     *
     * <p>Off by default: a template serves any number of URIs, each a series of its own, up to
     * kmon's cap per metric name.
     *
     * @param record whether to record URIs
     */
    public KmonMcp recordResourceUris(boolean record) {
        return new KmonMcp(kmon, defaults, byName, transport, record);
    }

    /**
     * {@return {@code spec} with its calls monitored}
     * @param spec a tool
     */
    public SyncToolSpecification tool(SyncToolSpecification spec) {
        Operation op = operation(Kind.TOOL, spec.tool().name());
        return new SyncToolSpecification(spec.tool(), Handlers.sync(spec.callHandler(), op, null));
    }

    /**
     * {@return {@code spec} with its calls monitored}
     * @param spec a tool
     */
    public AsyncToolSpecification tool(AsyncToolSpecification spec) {
        Operation op = operation(Kind.TOOL, spec.tool().name());
        return new AsyncToolSpecification(spec.tool(), Handlers.async(spec.callHandler(), op, null));
    }

    /**
     * {@return {@code specs}, each with its calls monitored, in order}
     * @param specs tools
     */
    public List<SyncToolSpecification> tools(List<SyncToolSpecification> specs) {
        return map(specs, this::tool);
    }

    /**
     * {@return {@code specs}, each with its calls monitored, in order}
     * @param specs tools
     */
    public List<AsyncToolSpecification> asyncTools(List<AsyncToolSpecification> specs) {
        return map(specs, this::tool);
    }

    /**
     * {@return {@code spec} with its requests monitored}
     * @param spec a prompt
     */
    public SyncPromptSpecification prompt(SyncPromptSpecification spec) {
        Operation op = operation(Kind.PROMPT, spec.prompt().name());
        return new SyncPromptSpecification(spec.prompt(), Handlers.sync(spec.promptHandler(), op, null));
    }

    /**
     * {@return {@code spec} with its requests monitored}
     * @param spec a prompt
     */
    public AsyncPromptSpecification prompt(AsyncPromptSpecification spec) {
        Operation op = operation(Kind.PROMPT, spec.prompt().name());
        return new AsyncPromptSpecification(spec.prompt(), Handlers.async(spec.promptHandler(), op, null));
    }

    /**
     * {@return {@code specs}, each with its requests monitored, in order}
     * @param specs prompts
     */
    public List<SyncPromptSpecification> prompts(List<SyncPromptSpecification> specs) {
        return map(specs, this::prompt);
    }

    /**
     * {@return {@code specs}, each with its requests monitored, in order}
     * @param specs prompts
     */
    public List<AsyncPromptSpecification> asyncPrompts(List<AsyncPromptSpecification> specs) {
        return map(specs, this::prompt);
    }

    /**
     * {@return {@code spec} with its reads monitored, under the resource's name}
     * @param spec a resource
     */
    public SyncResourceSpecification resource(SyncResourceSpecification spec) {
        Operation op = operation(Kind.RESOURCE, spec.resource().name());
        return new SyncResourceSpecification(spec.resource(), Handlers.sync(spec.readHandler(), op, uriOf()));
    }

    /**
     * {@return {@code spec} with its reads monitored, under the resource's name}
     * @param spec a resource
     */
    public AsyncResourceSpecification resource(AsyncResourceSpecification spec) {
        Operation op = operation(Kind.RESOURCE, spec.resource().name());
        return new AsyncResourceSpecification(spec.resource(), Handlers.async(spec.readHandler(), op, uriOf()));
    }

    /**
     * {@return {@code specs}, each with its reads monitored, in order}
     * @param specs resources
     */
    public List<SyncResourceSpecification> resources(List<SyncResourceSpecification> specs) {
        return map(specs, this::resource);
    }

    /**
     * {@return {@code specs}, each with its reads monitored, in order}
     * @param specs resources
     */
    public List<AsyncResourceSpecification> asyncResources(List<AsyncResourceSpecification> specs) {
        return map(specs, this::resource);
    }

    /**
     * {@return {@code spec} with its reads monitored, under the template's name}
     * @param spec a resource template
     */
    public SyncResourceTemplateSpecification resourceTemplate(SyncResourceTemplateSpecification spec) {
        Operation op = operation(Kind.RESOURCE, spec.resourceTemplate().name());
        return new SyncResourceTemplateSpecification(
                spec.resourceTemplate(), Handlers.sync(spec.readHandler(), op, uriOf()));
    }

    /**
     * {@return {@code spec} with its reads monitored, under the template's name}
     * @param spec a resource template
     */
    public AsyncResourceTemplateSpecification resourceTemplate(AsyncResourceTemplateSpecification spec) {
        Operation op = operation(Kind.RESOURCE, spec.resourceTemplate().name());
        return new AsyncResourceTemplateSpecification(
                spec.resourceTemplate(), Handlers.async(spec.readHandler(), op, uriOf()));
    }

    /**
     * {@return the {@code kmon_status} tool, not monitored: kmon's health, alerts of the last hour and calls and errors per operation}
     *
     * <p>Off unless the server adds it, as any tool: {@code .tools(mcp.tools(specs)).tools(mcp.statusTool())}.
     * It tells every client of the server how it is doing: offer it only where that is fine.
     */
    public SyncToolSpecification statusTool() {
        return StatusTool.of(kmon);
    }

    private Operation operation(Kind kind, String name) {
        Objects.requireNonNull(name, () -> "name of a " + kind.method + " specification");
        ComponentMonitor component = kmon.component(kind.component, kind.prefix);
        List<String> tags = new ArrayList<>(List.of(McpConventions.METHOD_NAME, kind.method));
        if (kind.nameKey != null) {
            tags.addAll(List.of(kind.nameKey, name));
        }
        if (transport != null) {
            tags.addAll(List.of(McpConventions.NETWORK_TRANSPORT, transport));
        }
        return new Operation(kmon, component, name, byName.getOrDefault(name, defaults), tags);
    }

    private Function<ReadResourceRequest, String> uriOf() {
        return resourceUris ? ReadResourceRequest::uri : null;
    }

    private static <S> List<S> map(List<S> specs, UnaryOperator<S> wrap) {
        return specs.stream().map(wrap).toList();
    }
}
