package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleHeapReleaseTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void once_ready_the_jvm_collects_when_idle_unless_an_interval_was_already_chosen() {
        assertThat(vm.getVMOption(IdleHeapRelease.OPTION).getValue())
                .as("this test's JVM starts without the option")
                .isEqualTo("0");

        new IdleHeapRelease(Duration.ofSeconds(10)).turnOn();
        assertThat(vm.getVMOption(IdleHeapRelease.OPTION).getValue()).isEqualTo("10000");

        new IdleHeapRelease(Duration.ofSeconds(20)).turnOn();
        assertThat(vm.getVMOption(IdleHeapRelease.OPTION).getValue())
                .as("an interval chosen before (here: by the first call) is kept")
                .isEqualTo("10000");
    }
}
