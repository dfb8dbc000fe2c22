package io.github.roktauth.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The combined result table, printed as Markdown so it can be pasted as is.
 */
final class Table {

	static final String[] HEADER = { "measurement", "(a) static", "(b) rokt", "(c) stock", "(b)/(a)", "(c)/(a)",
			"(c)/(b)", "target", "met" };

	private static final String SECTION = "\u0000section";

	private Table() {
	}

	static String[] section(String title) {
		return new String[] { SECTION, title };
	}

	static String[] driverRow(String name, double b, double c, int decimals, String target, Boolean met) {
		return row(name, Double.NaN, b, c, decimals, target, met);
	}

	static String[] row(String name, double a, double b, double c, int decimals, String target, Boolean met) {
		return new String[] { name, Double.isNaN(a) ? "-" : number(a, decimals), number(b, decimals),
				number(c, decimals), ratio(b / a), ratio(c / a), ratio(c / b), target, (met != null) ? met(met) : "" };
	}

	static String[] driverRow(String name, String b, String c) {
		return new String[] { name, "-", b, c, "-", "-", "-", "", "" };
	}

	static String number(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	static String ratio(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "-";
		}
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : (value >= 10) ? "%.1f" : "%.3f", value);
	}

	/** Median with first and third quartile: {@code 1.021 [0.99-1.05]}. */
	static String quartiles(double[] medianLowHigh) {
		return ratio(medianLowHigh[0]) + " [" + String.format(Locale.ROOT, "%.2f-%.2f", medianLowHigh[1], medianLowHigh[2])
				+ "]";
	}

	static String percent(double fraction) {
		return (Double.isNaN(fraction) || Double.isInfinite(fraction)) ? "-"
				: String.format(Locale.ROOT, "%.1f%%", fraction * 100);
	}

	static String met(boolean met) {
		return met ? "yes" : "NO";
	}

	static String render(List<String[]> rows) {
		int[] widths = new int[HEADER.length];
		for (int i = 0; i < HEADER.length; i++) {
			widths[i] = HEADER[i].length();
		}
		for (String[] row : rows) {
			if (row[0] != SECTION) {
				for (int i = 0; i < row.length; i++) {
					widths[i] = Math.max(widths[i], row[i].length());
				}
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, HEADER, widths);
		out.append('|');
		for (int width : widths) {
			out.append("-".repeat(width + 2)).append('|');
		}
		out.append('\n');
		for (String[] row : rows) {
			if (row[0] == SECTION) {
				String[] cells = new String[HEADER.length];
				cells[0] = "**" + row[1] + "**";
				for (int i = 1; i < cells.length; i++) {
					cells[i] = "";
				}
				line(out, cells, widths);
			}
			else {
				line(out, row, widths);
			}
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String[] cells, int[] widths) {
		out.append('|');
		for (int i = 0; i < cells.length; i++) {
			out.append(' ').append(cells[i]).append(" ".repeat(Math.max(0, widths[i] - cells[i].length()))).append(" |");
		}
		out.append('\n');
	}

}
