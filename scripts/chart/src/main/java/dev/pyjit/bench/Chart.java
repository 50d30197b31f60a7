package dev.pyjit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The bar chart of scripts/bench: the JIT's speed-ups per benchmark, read from the JSON it writes,
 * one bar for each ratio (JIT cold, served and warm, or steady, against python3.13 and against --no-jit),
 * on a logarithmic axis (2x and 0.5x are as far from 1) whose bars start at 1.0: a bar up is a
 * speed-up, a bar down a slow-down. The geometric means are the last group, with their values
 * written on the bars; a FAILED benchmark keeps its name on the axis but has no bars.
 *
 * <p>Usage: Chart BENCH.json CHART.png
 */
public final class Chart {
    private static final String GEOMETRIC_MEAN = "geometric mean";
    /** Against python3.13: oranges; against --no-jit: blues; the served JIT darker, the warm (or steady) darkest. */
    private static final Map<String, Color> COLOURS = Map.of(
            "jit_cold_vs_python3.13", new Color(0xFD, 0xAE, 0x6B),
            "jit_served_vs_python3.13", new Color(0xFD, 0x8D, 0x3C),
            "jit_warm_vs_python3.13", new Color(0xE6, 0x55, 0x0D),
            "jit_vs_python3.13", new Color(0xE6, 0x55, 0x0D),
            "jit_cold_vs_no_jit", new Color(0x9E, 0xCA, 0xE1),
            "jit_served_vs_no_jit", new Color(0x6B, 0xAE, 0xD6),
            "jit_warm_vs_no_jit", new Color(0x31, 0x82, 0xBD),
            "jit_vs_no_jit", new Color(0x31, 0x82, 0xBD));

    /** The means' values, written up along the bar, above its end or below. */
    private static final ItemLabelPosition ABOVE =
            new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, -Math.PI / 2);
    private static final ItemLabelPosition BELOW =
            new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT, -Math.PI / 2);

    private Chart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Chart BENCH.json CHART.png");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        File png = new File(args[1]);
        File folder = png.getAbsoluteFile().getParentFile();
        if (folder != null) {
            folder.mkdirs();
        }
        List<String> ratios = new ArrayList<>();
        results.path("geometric_means").fieldNames().forEachRemaining(ratios::add);
        int groups = results.path("benchmarks").size() + 1;
        int width = Math.max(960, 140 + groups * (ratios.size() * 14 + 24));
        ChartUtils.saveChartAsPNG(png, chart(results, ratios), width, 640);
    }

    static JFreeChart chart(JsonNode results, List<String> ratios) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> failed = new ArrayList<>();
        for (JsonNode benchmark : results.path("benchmarks")) {
            String name = benchmark.path("name").asText().replaceFirst("\\.py$", "");
            boolean isFailed = benchmark.path("failed").asBoolean();
            if (isFailed) {
                failed.add(name);
                name += " (FAILED)";
            }
            for (String ratio : ratios) {
                JsonNode value = benchmark.path("ratios").path(ratio);
                dataset.addValue(isFailed || !value.isNumber() ? null : value.asDouble(), label(ratio), name);
            }
        }
        for (String ratio : ratios) {
            JsonNode value = results.path("geometric_means").path(ratio);
            dataset.addValue(value.isNumber() ? value.asDouble() : null, label(ratio), GEOMETRIC_MEAN);
        }

        String mode = results.path("mode").asText();
        JFreeChart chart = ChartFactory.createBarChart(
                "pyjit: the JIT's speed-up, " + describe(mode),
                null, null, dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        JsonNode machine = results.path("machine");
        String subtitle = String.format("median of %d run%s  |  %s cores, %s  |  %s  |  commit %.10s%s",
                results.path("runs").asInt(), results.path("runs").asInt() == 1 ? "" : "s", machine.path("nproc").asText("?"), machine.path("arch").asText("?"),
                results.path("date").asText("?"), results.path("commit").path("hash").asText("?"),
                results.path("commit").path("dirty").asBoolean() ? " (with changes)" : "");
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        if (!failed.isEmpty()) {
            TextTitle note = new TextTitle("FAILED (a run's output or exit status was not python3.13's; not in the geometric mean): "
                    + String.join(", ", failed), new Font(Font.SANS_SERIF, Font.BOLD, 12));
            note.setPaint(new Color(0xB0, 0x00, 0x00));
            chart.addSubtitle(note);
        }

        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setInsets(new RectangleInsets(8, 8, 8, 16));

        SpeedUpAxis axis = new SpeedUpAxis("speed-up (x, log scale; higher is faster)");
        axis.setSmallestValue(1e-3);
        axis.fit(smallest(dataset), largest(dataset));
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.setRangeAxis(axis);
        plot.addRangeMarker(new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f)), Layer.FOREGROUND);

        CategoryAxis categories = plot.getDomainAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.01);
        categories.setUpperMargin(0.01);
        CategoryMarker meanBand = new CategoryMarker(GEOMETRIC_MEAN, new Color(0xEE, 0xEE, 0xEE), new BasicStroke(1f));
        meanBand.setDrawAsLine(false);
        plot.addDomainMarker(meanBand, Layer.BACKGROUND);

        int meanColumn = dataset.getColumnIndex(GEOMETRIC_MEAN);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public boolean isItemLabelVisible(int row, int column) {
                return column == meanColumn;   // the means' values; every bar's would be a crowd
            }

            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int row, int column) {
                // a bar below 1 grows down from 1: its label goes under its end
                Number value = dataset.getValue(row, column);
                return value != null && value.doubleValue() < 1.0 ? BELOW : ABOVE;
            }
        };
        renderer.setBase(1.0);   // bars grow from 1x: up a speed-up, down a slow-down
        renderer.setIncludeBaseInRange(true);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.00'x'")));
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        renderer.setMaximumBarWidth(0.05);
        for (int i = 0; i < ratios.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS.getOrDefault(ratios.get(i), Color.GRAY));
        }
        plot.setRenderer(renderer);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return chart;
    }

    /**
     * A logarithmic axis whose ticks are round speed-ups, roundest first (1x, 2x, 5x, 0.5x before
     * 1.5x, 3x, 0.8x before 1.25x, 1.1x, 0.9x), as many as fit about ten to the axis.
     */
    static final class SpeedUpAxis extends LogAxis {
        private static final DecimalFormat FORMAT = new DecimalFormat("0.###'x'");
        private static final double[][] ROUND = {
            {1, 2, 5}, {1.5, 2.5, 3, 4, 8}, {1.2, 1.25, 6, 7.5}, {1.1, 9}, {1.05, 9.5}};

        SpeedUpAxis(String label) {
            super(label);
            setBase(2);
        }

        /** Bounds that hold 1 and every value, with room for a label beyond the longest bars. */
        void fit(double smallest, double largest) {
            double low = Math.log(Math.min(smallest, 1)) / Math.log(2);
            double high = Math.log(Math.max(largest, 1)) / Math.log(2);
            double room = Math.max(0.15 * (high - low), 0.15);
            setRange(Math.min(Math.pow(2, low - room), 0.8), Math.max(Math.pow(2, high + room), 1.25));
        }

        @Override
        protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            double lower = getLowerBound();
            double upper = getUpperBound();
            double gap = Math.log(upper / lower) / 10;
            List<Double> chosen = new ArrayList<>(List.of(1.0));   // the fit keeps 1 in the range
            for (double[] tier : ROUND) {
                for (int power = -3; power <= 3; power++) {
                    for (double mantissa : tier) {
                        double value = mantissa * Math.pow(10, power);
                        if (value >= lower && value <= upper
                                && chosen.stream().allMatch(c -> Math.abs(Math.log(value / c)) >= gap)) {
                            chosen.add(value);
                        }
                    }
                }
            }
            List<ValueTick> ticks = new ArrayList<>();
            for (double value : chosen) {
                ticks.add(new NumberTick(value, FORMAT.format(value), TextAnchor.CENTER_RIGHT, TextAnchor.CENTER, 0));
            }
            return ticks;
        }
    }

    static double smallest(DefaultCategoryDataset dataset) {
        return values(dataset).min().orElse(1);
    }

    static double largest(DefaultCategoryDataset dataset) {
        return values(dataset).max().orElse(1);
    }

    static DoubleStream values(DefaultCategoryDataset dataset) {
        DoubleStream.Builder values = DoubleStream.builder();
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Number value = dataset.getValue(row, column);
                if (value != null && value.doubleValue() > 0) {
                    values.add(value.doubleValue());
                }
            }
        }
        return values.build();
    }

    /** jit_warm_vs_no_jit: "JIT warm vs --no-jit". */
    static String label(String ratio) {
        String[] sides = ratio.split("_vs_", 2);
        String jit = switch (sides[0]) {
            case "jit_cold" -> "JIT cold";
            case "jit_served" -> "JIT served";
            case "jit_warm" -> "JIT warm";
            case "jit" -> "JIT";
            default -> sides[0];
        };
        String base = sides.length < 2 ? "?" : sides[1].equals("no_jit") ? "--no-jit" : sides[1];
        return jit + " vs " + base;
    }

    static String describe(String mode) {
        return switch (mode) {
            case "steady" -> "steady state";
            case "short" -> "at short sizes (0.2-1 s), end to end";
            case "end-to-end" -> "end to end, start-up and compilation included";
            default -> mode;
        };
    }
}
