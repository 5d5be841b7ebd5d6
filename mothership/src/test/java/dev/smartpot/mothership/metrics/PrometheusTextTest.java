package dev.smartpot.mothership.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The test's reader is strict: what Prometheus would refuse, it refuses too (else the metrics test proves little). */
class PrometheusTextTest {

    private static final String GOOD = """
            # HELP a_total things
            # TYPE a_total counter
            a_total 3.0
            # TYPE h histogram
            h_bucket{le="0.1"} 1
            h_bucket{le="+Inf"} 2
            h_count 2
            h_sum 0.3
            # TYPE g gauge
            g{kind="DRY",room="a \\"b\\""} 1
            """;

    @Test
    void readsAValidExposition() {
        PrometheusText p = PrometheusText.parse(GOOD);
        assertEquals(3.0, p.value("a_total"));
        assertEquals(1, p.value("g", "kind", "DRY", "room", "a \"b\""));
    }

    @Test
    void refusesWhatPrometheusRefuses() {
        assertRefused("a_total 1\n", "outside its TYPE");
        assertRefused("# TYPE a_total counter\na 1\n", "outside its TYPE");
        assertRefused("# TYPE a_total counter\na_total -1\n", "negative counter");
        assertRefused("# TYPE g gauge\ng 1\ng 2\n", "the same series twice");
        assertRefused("# TYPE g gauge\ng{k=\"v} 1\n", "");
        assertRefused("# TYPE g gauge\ng one\n", "not a float");
        assertRefused("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "cumulative");
        assertRefused("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 1\n", "equal the count");
        assertRefused("# TYPE g gauge\ng 1", "newline");
    }

    private static void assertRefused(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
