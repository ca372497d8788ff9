package dev.frontdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** min / median / max of a list of run results. */
record Stats(double min, double median, double max, int n) {
    static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(v -> v == null || v.isNaN());
        if (sorted.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
    }

    boolean empty() {
        return n == 0;
    }

    /** "median (min-max)" with a precision that suits the magnitude. */
    String show() {
        if (empty()) {
            return "n/a";
        }
        return fmt(median) + " (" + fmt(min) + " – " + fmt(max) + ")";
    }

    String showPercent() {
        if (empty()) {
            return "n/a";
        }
        return pct(median) + " (" + pct(min) + " – " + pct(max) + ")";
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
