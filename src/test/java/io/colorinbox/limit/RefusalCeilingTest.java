package io.colorinbox.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ceiling's rules on their own, in nanoseconds of a made-up clock (the route tests drive it against a server). */
class RefusalCeilingTest {

    static final long RTT = 50_000_000;

    @Test
    void aDropCapsAtWhatWasStillInFlightAndNeverBelowTheFloor() {
        RefusalCeiling ceiling = new RefusalCeiling(4, 512, 32);
        assertThat(ceiling.ceiling()).as("no drop yet").isEqualTo(RefusalCeiling.NONE);

        assertThat(ceiling.dropped(0, 24)).isEqualTo(24);
        assertThat(ceiling.dropped(1, 30)).as("a later drop never lifts it").isEqualTo(24);
        assertThat(ceiling.dropped(2, 1)).as("the floor").isEqualTo(4);
    }

    @Test
    void itIsLiftedOnlyAfterQuietRoundTripsThenOneStepPerRoundTrip() {
        RefusalCeiling ceiling = new RefusalCeiling(4, 40, 32);
        ceiling.dropped(0, 32);

        assertThat(ceiling.answered(3 * RTT, RTT)).as("too soon after the drop").isEqualTo(32);
        assertThat(ceiling.answered(5 * RTT, RTT)).isEqualTo(34);
        assertThat(ceiling.answered(5 * RTT + 1, RTT)).as("one step per round trip").isEqualTo(34);
        assertThat(ceiling.answered(7 * RTT, RTT)).isEqualTo(36);
        for (int i = 8; i < 20; i++) {
            ceiling.answered(i * RTT, RTT);
        }
        assertThat(ceiling.ceiling()).as("the cap").isEqualTo(40);
    }

    @Test
    void aStartBelowTheLawsFloorIsACeilingFromTheStart() {
        assertThat(new RefusalCeiling(2, 512, 6).ceiling()).isEqualTo(6);
        assertThat(new RefusalCeiling(2, 512, 32).ceiling()).isEqualTo(RefusalCeiling.NONE);
    }
}
