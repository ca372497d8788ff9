package dev.frontdesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.store.redis.RedisSessionStore;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three Frontdesk processes sharing PostgreSQL and Redis: the session rules hold across nodes. */
class ClusterTest {
    static List<ServerProcess> nodes = new ArrayList<>();
    static String dbUrl;
    static String redisUrl;

    @BeforeAll
    static void startNodes() throws Exception {
        BackingServices.requirePostgresAndRedis();
        dbUrl = BackingServices.freshPostgresDatabase();
        redisUrl = BackingServices.freshRedisUrl();
        for (int i = 0; i < 3; i++) {
            Path dir = Files.createTempDirectory("frontdesk-node");
            nodes.add(ServerProcess.start(dir, Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                    "--db-url", dbUrl, "--redis-url", redisUrl));
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (ServerProcess node : nodes) {
            node.killHard();
        }
    }

    @Test
    void sessionCreatedOnOneNodeValidatesOnTheOthers() {
        nodes.get(0).admin().createAgent("roamer", "roamer-password-1");
        String session = nodes.get(0).api().loginOk("roamer", "roamer-password-1");
        assertThat(nodes.get(1).api().sessionStatus(session)).isEqualTo(200);
        assertThat(nodes.get(2).api().sessionStatus(session)).isEqualTo(200);
    }

    @Test
    void sixtyConcurrentLoginsOverThreeNodesLeaveExactlyFive() throws Exception {
        nodes.get(0).admin().createAgent("crowd", "crowd-password-1");
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Callable<Integer>> logins = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            NativeClient api = nodes.get(i % 3).api();
            logins.add(() -> api.login("crowd", "crowd-password-1", false).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(logins)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 403).hasSize(55);
        assertThat(nodes.get(1).admin().sessions("default", "crowd")).hasSize(5);
    }

    @Test
    void forceOnNodeThreeEvictsOldestFromNodeOneWithinTheCacheBound() throws Exception {
        nodes.get(0).admin().createAgent("juggler", "juggler-password-1");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(nodes.get(0).api().loginOk("juggler", "juggler-password-1"));
            Thread.sleep(5);
        }
        assertThat(nodes.get(0).api().sessionStatus(sessions.get(0))).isEqualTo(200);

        long start = System.nanoTime();
        HttpResponse<String> forced = nodes.get(2).api().login("juggler", "juggler-password-1", true);
        assertThat(forced.statusCode()).isEqualTo(201);
        Duration refusedAfter = waitUntilRefused(nodes.get(0).api(), sessions.get(0), start);

        System.out.printf("evicted session refused on another node after %d ms (bound %d ms)%n",
                refusedAfter.toMillis(), RedisSessionStore.CACHE_BOUND.toMillis());
        assertThat(refusedAfter).isLessThanOrEqualTo(RedisSessionStore.CACHE_BOUND.plusSeconds(1));
        for (String survivor : sessions.subList(1, 5)) {
            assertThat(nodes.get(0).api().sessionStatus(survivor)).isEqualTo(200);
        }
    }

    @Test
    void logoutOnNodeTwoIsSeenByAll() throws Exception {
        nodes.get(0).admin().createAgent("leaving", "leaving-password-1");
        String session = nodes.get(0).api().loginOk("leaving", "leaving-password-1");
        for (ServerProcess node : nodes) {
            assertThat(node.api().sessionStatus(session)).isEqualTo(200);
        }
        long start = System.nanoTime();
        assertThat(nodes.get(1).api().logout(session).statusCode()).isEqualTo(204);
        for (ServerProcess node : nodes) {
            assertThat(waitUntilRefused(node.api(), session, start))
                    .isLessThanOrEqualTo(RedisSessionStore.CACHE_BOUND.plusSeconds(1));
        }
    }

    @Test
    void clientDeletedOnNodeOneIsRefusedByTheNodesThatVerifiedItsSecret() throws Exception {
        nodes.get(0).admin().createClient("default", "short-lived", "short-lived-secret");
        for (ServerProcess node : nodes) {
            assertThat(grantStatus(node, "short-lived-secret")).isEqualTo(200);
        }
        assertThat(nodes.get(0).admin().call("DELETE", "/tenants/default/clients/short-lived", null).statusCode())
                .isEqualTo(204);
        for (ServerProcess node : nodes) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (grantStatus(node, "short-lived-secret") != 401 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(grantStatus(node, "short-lived-secret")).isEqualTo(401);
        }
    }

    private static int grantStatus(ServerProcess node, String secret) {
        return Http.plain().post(node.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", Http.basic("short-lived", secret)).statusCode();
    }

    @Test
    void killingANodeUnderLoadLosesNoSession() throws Exception {
        Path dir = Files.createTempDirectory("frontdesk-node");
        ServerProcess victim = ServerProcess.start(dir, Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                "--db-url", dbUrl, "--redis-url", redisUrl);
        int accounts = 20;
        for (int i = 0; i < accounts; i++) {
            nodes.get(0).admin().createAgent("load" + i, "load-password-1");
        }
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<ServerProcess> targets = List.of(nodes.get(0), nodes.get(1), victim);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int worker = w;
            workers.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; n < 200 && !stop.get(); n++) {
                    ServerProcess target = targets.get((worker + n) % 3);
                    try {
                        HttpResponse<String> r = target.api().login("load" + ((worker * 7 + n) % accounts),
                                "load-password-1", true);
                        if (r.statusCode() == 201) {
                            created.add(r.body().replaceAll(".*\"session\":\"([^\"]+)\".*", "$1"));
                        }
                    } catch (RuntimeException e) {
                        // the killed node refuses connections
                    }
                }
            }));
        }
        while (created.size() < 30) {
            Thread.sleep(20);
        }
        victim.killHard();
        List<String> beforeKill = List.copyOf(created);
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        int alive = 0;
        for (String session : beforeKill) {
            int onOne = nodes.get(0).api().sessionStatus(session);
            int onTwo = nodes.get(1).api().sessionStatus(session);
            assertThat(onOne).isEqualTo(onTwo);
            if (onOne == 200) {
                alive++;
            }
        }
        // forced logins may have evicted older sessions of the same account (5 per account at most);
        // every session not evicted that way must still be there
        int evictedByDesign = (int) nodes.get(0).admin().ok("GET",
                "/tenants/default/events?type=session.evicted&limit=10000", null).size();
        assertThat(alive + evictedByDesign).isGreaterThanOrEqualTo(beforeKill.size());
        assertThat(alive).isPositive();
    }

    private static Duration waitUntilRefused(NativeClient api, String session, long startNanos) throws InterruptedException {
        long deadline = startNanos + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (api.sessionStatus(session) == 401) {
                return Duration.ofNanos(System.nanoTime() - startNanos);
            }
            Thread.sleep(20);
        }
        return Duration.ofSeconds(10);
    }
}
