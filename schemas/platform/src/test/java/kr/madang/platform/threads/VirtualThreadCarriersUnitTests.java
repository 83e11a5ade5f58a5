package kr.madang.platform.threads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualThreadCarriersUnitTests {

    @Test
    void aTwoCoreMachineGetsMoreCarriersThanItsCoresAndABigOneFourPerCore() {
        assertThat(VirtualThreadCarriers.carriersFor(1)).isEqualTo(16);
        assertThat(VirtualThreadCarriers.carriersFor(2)).isEqualTo(16);
        assertThat(VirtualThreadCarriers.carriersFor(8)).isEqualTo(32);
    }

    @Test
    void anOperatorsOwnSettingWins() {
        String before = System.getProperty(VirtualThreadCarriers.PARALLELISM);
        try {
            System.setProperty(VirtualThreadCarriers.PARALLELISM, "3");
            VirtualThreadCarriers.ensureEnough();
            assertThat(System.getProperty(VirtualThreadCarriers.PARALLELISM)).isEqualTo("3");
            System.clearProperty(VirtualThreadCarriers.PARALLELISM);
            VirtualThreadCarriers.ensureEnough();
            assertThat(System.getProperty(VirtualThreadCarriers.PARALLELISM))
                    .isEqualTo(Integer.toString(VirtualThreadCarriers.carriersFor(Runtime.getRuntime().availableProcessors())));
        } finally {
            if (before == null) {
                System.clearProperty(VirtualThreadCarriers.PARALLELISM);
            } else {
                System.setProperty(VirtualThreadCarriers.PARALLELISM, before);
            }
        }
    }
}
