package exchange.safeguarding.deploy.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG bar chart of p50 and p99 latencies, each platform figure under its raw floor, on a logarithmic
 * scale (the floors are around a millisecond, the platform's paths tens to hundreds). Written by hand: the chart
 * needs nothing a JDK lacks.
 */
final class LatencyChart {

    /** One bar pair: a label and its p50 and p99 in milliseconds. */
    record Row(String label, double p50Ms, double p99Ms, boolean floor) {
    }

    private static final int LABEL_WIDTH = 300;
    private static final int PLOT_WIDTH = 520;
    private static final int ROW_HEIGHT = 34;
    private static final int TOP = 40;

    private LatencyChart() {
    }

    static String svg(String title, List<Row> rows) {
        List<Row> drawn = rows.stream().filter(r -> r.p50Ms() > 0 && r.p99Ms() > 0).toList();
        double smallest = drawn.stream().mapToDouble(Row::p50Ms).min().orElse(1);
        double largest = drawn.stream().mapToDouble(Row::p99Ms).max().orElse(10);
        int fromDecade = (int) Math.floor(Math.log10(Math.min(smallest, 1)));
        int toDecade = (int) Math.ceil(Math.log10(Math.max(largest, 10)));
        int height = TOP + drawn.size() * ROW_HEIGHT + 50;
        int width = LABEL_WIDTH + PLOT_WIDTH + 110; // room for the last bar's figure
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">", width, height));
        parts.add(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>", width, height));
        parts.add(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>", escape(title)));
        int plotBottom = TOP + drawn.size() * ROW_HEIGHT;
        for (int decade = fromDecade; decade <= toDecade; decade++) {
            double x = x(Math.pow(10, decade), fromDecade, toDecade);
            parts.add(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>", x, TOP - 5, x,
                    plotBottom));
            parts.add(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s ms</text>", x, plotBottom + 16,
                    decade >= 0 ? String.valueOf((long) Math.pow(10, decade)) : String.valueOf(Math.pow(10, decade))));
        }
        int y = TOP;
        for (Row row : drawn) {
            parts.add(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\"%s>%s</text>", y + 20,
                    row.floor() ? " fill=\"#555\" font-style=\"italic\"" : "", escape(row.label())));
            parts.add(bar(row.p99Ms(), y + 4, 12, row.floor() ? "#b9c7d6" : "#e3a35a", fromDecade, toDecade));
            parts.add(bar(row.p50Ms(), y + 18, 12, row.floor() ? "#6f8aa6" : "#c0651d", fromDecade, toDecade));
            parts.add(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">p99 %s</text>",
                    x(row.p99Ms(), fromDecade, toDecade) + 4, y + 14, number(row.p99Ms())));
            parts.add(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">p50 %s</text>",
                    x(row.p50Ms(), fromDecade, toDecade) + 4, y + 28, number(row.p50Ms())));
            y += ROW_HEIGHT;
        }
        parts.add(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-size=\"10\" fill=\"#555\">grey italic: raw floors "
                + "measured in the same run; log scale</text>", plotBottom + 38));
        parts.add("</svg>");
        return String.join("\n", parts) + "\n";
    }

    private static String bar(double ms, int y, int height, String colour, int fromDecade, int toDecade) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", LABEL_WIDTH, y,
                Math.max(1, x(ms, fromDecade, toDecade) - LABEL_WIDTH), height, colour);
    }

    private static double x(double ms, int fromDecade, int toDecade) {
        double position = (Math.log10(ms) - fromDecade) / (toDecade - fromDecade);
        return LABEL_WIDTH + Math.max(0, Math.min(1, position)) * PLOT_WIDTH;
    }

    private static String number(double ms) {
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
