package io.github.roktauth.sample;

import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV text into records of fields, keeping the line each record starts on. */
final class CsvRecords {

	private CsvRecords() {
	}

	/**
	 * Split CSV text into records; quoted fields may hold commas, doubled quotes and line breaks,
	 * and empty lines are skipped.
	 * @param text whole CSV text
	 * @return records in file order
	 * @throws ConversionFileException on a quote that is never closed or text after a closing quote
	 */
	static List<CsvRecord> parse(String text) {
		List<CsvRecord> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		int quoteLine = 0;
		boolean quoted = false;
		boolean afterQuote = false;
		boolean recordStarted = false;
		int i = (text.startsWith("\uFEFF")) ? 1 : 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
					afterQuote = true;
				}
				else {
					if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				afterQuote = false;
				recordStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (recordStarted || !field.isEmpty() || afterQuote) {
					fields.add(field.toString());
					records.add(new CsvRecord(recordLine, List.copyOf(fields)));
				}
				fields.clear();
				field.setLength(0);
				afterQuote = false;
				recordStarted = false;
				line++;
				recordLine = line;
			}
			else if (afterQuote) {
				throw new ConversionFileException(line, "#" + (fields.size() + 1),
						"unexpected character '" + c + "' after a closing quote");
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
				quoteLine = line;
				recordStarted = true;
			}
			else {
				field.append(c);
				recordStarted = true;
			}
			i++;
		}
		if (quoted) {
			throw new ConversionFileException(quoteLine, "#" + (fields.size() + 1), "quoted field is never closed");
		}
		if (recordStarted || !field.isEmpty() || afterQuote) {
			fields.add(field.toString());
			records.add(new CsvRecord(recordLine, List.copyOf(fields)));
		}
		return records;
	}

	/**
	 * One CSV record.
	 *
	 * @param line line the record starts on
	 * @param fields field values, unquoted
	 */
	record CsvRecord(int line, List<String> fields) {
	}

}
