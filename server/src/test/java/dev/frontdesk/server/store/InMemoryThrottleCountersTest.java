package dev.frontdesk.server.store;

import dev.frontdesk.core.throttle.InMemoryThrottleCounters;
import dev.frontdesk.core.throttle.ThrottleCounters;

/** The throttle counters contract for one node's memory. */
class InMemoryThrottleCountersTest extends ThrottleCountersContract {
    private final ThrottleCounters counters = new InMemoryThrottleCounters();

    @Override
    protected ThrottleCounters counters() {
        return counters;
    }
}
