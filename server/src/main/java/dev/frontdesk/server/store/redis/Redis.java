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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Lettuce client shared by the Redis stores: a multiplexed connection for commands and one for
 * pub/sub. Commands fail fast while Redis is away (no queueing), and every Lettuce failure becomes
 * {@link StoreUnavailable}; the client reconnects by itself when Redis returns.
 */
public final class Redis implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
    private final Map<String, String> scriptShas = new ConcurrentHashMap<>();

    private Redis(RedisClient client) {
        this.client = client;
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
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

    public static Redis connect(String url) {
        try {
            return new Redis(RedisClient.create(RedisURI.create(url)));
        } catch (RedisException e) {
            throw new StoreUnavailable("redis", e);
        }
    }

    /** Runs commands, translating Lettuce failures. */
    public <T> T call(Function<RedisCommands<String, String>, T> action) {
        try {
            return action.apply(connection.sync());
        } catch (RedisException e) {
            throw new StoreUnavailable("redis", e);
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
            throw new StoreUnavailable("redis", e);
        }
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
    }
}
