package kr.madang.bench;

import java.nio.file.Path;
import java.util.Map;

import kr.madang.local.process.LocalProcesses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterUnitTests {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void whatTheMachineSpentBeyondTheStackIsItsShareOfEveryCoresTime() {
        // the stack spent 1,000 + 500 ms, the machine 2,000 ms busy: 500 ms elsewhere over 10 s
        var outside = CpuMeter.Outside.between(Map.of("postgres", 100.0, "kafka", 0.0), 10_000,
                Map.of("postgres", 1_100.0, "kafka", 500.0), 12_000, 10);

        assertThat(outside.milliseconds()).isEqualTo(500);
        assertThat(outside.percentOfMachine()).isCloseTo(5.0 / CORES, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aPeriodIsDisturbedOnlyWhenMoreThanATenthOfTheMachineWentElsewhere() {
        double tenth = 0.1 * 10_000 * CORES;
        assertThat(new CpuMeter.Outside(tenth, 10, CORES).disturbed()).isFalse();
        assertThat(new CpuMeter.Outside(tenth + 1, 10, CORES).disturbed()).isTrue();
        assertThat(new CpuMeter.Outside(tenth + 1, 10, CORES).describe()).contains("understate the stack");
    }

    @Test
    void aProcessThatEndedMidPeriodNeitherCountsNegativeNorMakesTheOutsideNegative() {
        var outside = CpuMeter.Outside.between(Map.of("bench", 900.0), 0, Map.of(), 100, 1);

        assertThat(outside.milliseconds()).isEqualTo(100);
    }

    @Test
    void theMachineHasBeenBusyForSomeTimeAndTheCounterOnlyGrows() throws Exception {
        CpuMeter meter = new CpuMeter(new LocalProcesses(Path.of("target/cpu-meter/run"), Path.of("target/cpu-meter/logs")),
                Path.of("target/cpu-meter/run"));
        double first = meter.machineBusy();
        long spin = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait(); // 50 ms of this thread's CPU, which the machine counts as busy
        }

        assertThat(first).isPositive();
        assertThat(meter.machineBusy()).isGreaterThanOrEqualTo(first + 10);
    }
}
