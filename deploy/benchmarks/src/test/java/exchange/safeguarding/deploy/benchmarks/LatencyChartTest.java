package exchange.safeguarding.deploy.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyChartTest {

    @Test
    void drawsEachRowOnALogScaleWithLongerBarsForLongerLatencies() throws Exception {
        String svg = LatencyChart.svg("latency <test>", List.of(
                new LatencyChart.Row("raw floor", 1, 2, true),
                new LatencyChart.Row("platform path", 10, 200, false)));

        // Well-formed XML, with the title escaped.
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(svg).contains("latency &lt;test&gt;", "raw floor", "platform path", "p99 200 ms", "p50 1.0 ms");
        // Decades from 1 ms to 1000 ms are drawn.
        assertThat(svg).contains(">1 ms<", ">10 ms<", ">100 ms<", ">1000 ms<");
        List<Double> widths = java.util.regex.Pattern.compile("<rect x=\"300\" y=\"\\d+\" width=\"([0-9.]+)\"").matcher(svg)
                .results().map(m -> Double.parseDouble(m.group(1))).toList();
        // p99 then p50 of each row: 2 ms, 1 ms, 200 ms, 10 ms.
        assertThat(widths).hasSize(4);
        assertThat(widths.get(0)).isGreaterThan(widths.get(1));
        assertThat(widths.get(2)).isGreaterThan(widths.get(3)).isGreaterThan(widths.get(0));
    }
}
