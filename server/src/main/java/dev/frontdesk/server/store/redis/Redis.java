package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.support.StoreUnavailable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Lettuce client shared by the Redis stores: a multiplexed connection for commands and one for
 * pub/sub. Commands fail fast while Redis is away (no queueing), and every Lettuce failure becomes
 * {@link StoreUnavailable}; the client reconnects by itself when Redis returns.
 *
 * <p>Bounded waits: every command gives up after {@link #COMMAND_TIMEOUT} (a Redis host that holds
 * the bytes without a reset costs a request that, not the outage), a connection attempt after the same,
 * and TCP keep-alive probes an idle connection after 5 s. Recovery: Lettuce's default reconnect
 * back-off doubles up to 30 s, so a node answered 503 for up to 30 s after Redis was back; here the
 * delay starts at 20 ms and is capped at {@link #RECONNECT_CAP}, so validation works again well within
 * a second of Redis's return. A {@code redis-sentinel://} URL (Lettuce's syntax) asks the Sentinels
 * for the current primary on every (re)connect, which is how a node follows a failover.
 */
public final class Redis implements AutoCloseable {
    static final String NAME = "Redis";
    /** The longest one Redis command may take before the request fails with 503. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** The longest pause between two reconnect attempts. */
    public static final Duration RECONNECT_CAP = Duration.ofMillis(250);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
    private final Map<String, String> scriptShas = new ConcurrentHashMap<>();

    private Redis(ClientResources resources, RedisClient client) {
        this.resources = resources;
        this.client = client;
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(COMMAND_TIMEOUT)
                        .keepAlive(SocketOptions.KeepAliveOptions.builder().enable()
                                .idle(Duration.ofSeconds(5)).interval(Duration.ofSeconds(1)).count(3).build())
                        .build())
                .build());
        this.connection = client.connect();
        this.pubSub = client.connectPubSub();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                Consumer<String> listener = listeners.get(channel);
                if (listener != null) {
                    listener.accept(message);
                }
            }
        });
    }

    /** {@code redis://host:port/db}, {@code rediss://...} or {@code redis-sentinel://h1:p1,h2:p2/db#primaryName}. */
    public static Redis connect(String url) {
        RedisURI uri = RedisURI.create(url);
        if (!url.contains("timeout=")) {
            uri.setTimeout(COMMAND_TIMEOUT);
        }
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(20), RECONNECT_CAP, 2, TimeUnit.MILLISECONDS))
                .build();
        try {
            return new Redis(resources, RedisClient.create(resources, uri));
        } catch (RedisException e) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new StoreUnavailable(NAME, e);
        }
    }

    /** Runs commands, translating Lettuce failures. */
    public <T> T call(Function<RedisCommands<String, String>, T> action) {
        try {
            return action.apply(connection.sync());
        } catch (RedisException e) {
            throw new StoreUnavailable(NAME, e);
        }
    }

    /** Runs a Lua script by SHA, loading it on first use (and again after a Redis restart). */
    public <T> T script(String lua, ScriptOutputType type, String[] keys, String... args) {
        return call(commands -> {
            String sha = scriptShas.computeIfAbsent(lua, commands::scriptLoad);
            try {
                return commands.evalsha(sha, type, keys, args);
            } catch (io.lettuce.core.RedisNoScriptException e) {
                scriptShas.put(lua, commands.scriptLoad(lua));
                return commands.evalsha(scriptShas.get(lua), type, keys, args);
            }
        });
    }

    public void publish(String channel, String message) {
        call(c -> c.publish(channel, message));
    }

    public void subscribe(String channel, Consumer<String> listener) {
        listeners.put(channel, listener);
        try {
            pubSub.sync().subscribe(channel);
        } catch (RedisException e) {
            throw new StoreUnavailable(NAME, e);
        }
    }

    /**
     * What Redis's own persistence settings lose on a Redis restart, read with {@code CONFIG GET}; empty
     * with {@code appendonly yes} (the recommended {@code appendfsync everysec} loses at most about a
     * second of writes on a crash of the Redis host). Sessions, tokens, hot-seat places and throttle
     * counters live only in Redis, so without the append-only file a Redis restart logs everyone out,
     * and with snapshots alone it brings back sessions that ended after the last snapshot.
     */
    public Optional<String> persistenceWarning() {
        Map<String, String> settings;
        try {
            settings = call(c -> c.configGet("appendonly", "appendfsync", "save"));
        } catch (StoreUnavailable e) {
            return Optional.of("Redis persistence unknown (CONFIG GET refused): make sure it runs with appendonly yes");
        }
        if ("yes".equalsIgnoreCase(settings.get("appendonly"))) {
            return "no".equalsIgnoreCase(settings.get("appendfsync"))
                    ? Optional.of("Redis appendfsync no: a crash of the Redis host may lose about 30 s of logins"
                            + " and logouts; appendfsync everysec is recommended")
                    : Optional.empty();
        }
        String save = settings.getOrDefault("save", "");
        if (save.isBlank()) {
            return Optional.of("Redis persists nothing (appendonly no, no snapshots): a Redis restart ends every"
                    + " session and drops every token, hot-seat place and throttle counter; set appendonly yes");
        }
        return Optional.of("Redis persists only snapshots (appendonly no, save " + save + "): a Redis restart loses"
                + " the logins since the last snapshot and brings back the sessions ended since; set appendonly yes");
    }

    public boolean isHealthy() {
        try {
            return "PONG".equals(connection.sync().ping());
        } catch (RedisException e) {
            return false;
        }
    }

    public List<String> values(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return call(c -> c.mget(keys.toArray(String[]::new)).stream().map(kv -> kv.getValueOrElse(null)).toList());
    }

    @Override
    public void close() {
        pubSub.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
