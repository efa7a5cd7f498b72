package org.ippc.cpm.query;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up fills a heap of which little stays alive; G1 hands the rest back to the operating system only after a
 * collection, and an idle engine collects nothing. Once ready, this turns on G1's periodic collection while idle (JEP
 * 346; the option can be set at run time), unless the operator chose an interval with {@code -XX:G1PeriodicGCInterval}.
 * It runs only when no other collection happened in the interval, so a busy engine never sees it.
 */
@Component
class IdleHeapRelease {

    static final String OPTION = "G1PeriodicGCInterval";
    private static final Logger LOG = LoggerFactory.getLogger(IdleHeapRelease.class);

    private final Duration interval;

    IdleHeapRelease(@Value("${cpm.jvm.idle-heap-release-after:10s}") Duration interval) {
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void turnOn() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        VMOption option = vm.getVMOption(OPTION);
        if (option.getOrigin() == VMOption.Origin.DEFAULT && !interval.isZero()) {
            vm.setVMOption(OPTION, Long.toString(interval.toMillis()));
            LOG.debug("{} set to {} ms", OPTION, interval.toMillis());
        }
    }
}
