package dev.frontdesk.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditEvent;
import dev.frontdesk.core.audit.AuditLog;
import dev.frontdesk.core.audit.AuditQuery;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.credential.Argon2Hasher;
import dev.frontdesk.core.credential.Argon2Parameters;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.support.TestClock;
import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.core.throttle.FailureThrottle;
import dev.frontdesk.core.throttle.InMemoryThrottleCounters;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AdministratorsTest {
    final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    final List<AuditEvent> trail = new CopyOnWriteArrayList<>();
    final Authentication authentication = new Authentication(new FailureThrottle(new InMemoryThrottleCounters(), clock),
            new Audit(new AuditLog() {
                @Override
                public void record(AuditEvent event) {
                    trail.add(event);
                }

                @Override
                public List<AuditEvent> query(AuditQuery query) {
                    return trail;
                }
            }, clock, IdGenerator.randomUuids()), Secrets.strong());
    final Administrators administrators = Administrators.bootstrap(new ServerSecretStore() {
        @Override
        public Optional<String> findHash(String name) {
            return Optional.empty();
        }

        @Override
        public void insertHash(String name, String hash) {
        }
    }, new Argon2Hasher(new Argon2Parameters(1024, 1, 1)), authentication, List::of, clock,
            Secrets.strong(), "right-password", p -> { });

    private AuthOutcome<String> signIn(String password, String ip) {
        return administrators.authenticate(Administrators.BOOTSTRAP, password, new RequestContext("admin", ip, "", null));
    }

    @Test
    void wrongPasswordsFromOneAddressThenRightOneThrottledThereButNotFromAnother() {
        assertThat(signIn("right-password", "198.51.100.1")).isInstanceOf(AuthOutcome.Accepted.class);
        for (int i = 0; i < ThrottleSettings.defaults().freeFailures(); i++) {
            assertThat(signIn("wrong-" + i, "203.0.113.5")).isInstanceOf(AuthOutcome.Refused.class);
        }
        assertThat(signIn("right-password", "203.0.113.5")).isInstanceOf(AuthOutcome.Throttled.class);
        assertThat(signIn("right-password", "198.51.100.2")).isInstanceOf(AuthOutcome.Accepted.class);
    }

    @Test
    void hundredWrongAttemptsFromManyAddressesThenLoopbackStillSignsIn() {
        for (int i = 0; i < ThrottleSettings.defaults().maxFailuresPerAccountPerHour(); i++) {
            signIn("wrong-" + i, "203.0.113." + (i % 20));
        }
        assertThat(signIn("right-password", "198.51.100.77")).isInstanceOf(AuthOutcome.Throttled.class);
        assertThat(signIn("right-password", "127.0.0.1")).isInstanceOf(AuthOutcome.Accepted.class);
    }
}
