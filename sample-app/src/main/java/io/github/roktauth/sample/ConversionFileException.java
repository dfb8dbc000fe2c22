package io.github.roktauth.sample;

import org.jspecify.annotations.Nullable;

/** Signals that the conversions file is malformed, naming the line and column at fault. */
public final class ConversionFileException extends RuntimeException {

	private final int line;

	private final @Nullable String column;

	ConversionFileException(int line, @Nullable String column, String problem) {
		super("line " + line + ((column != null) ? ", column " + column : "") + ": " + problem);
		this.line = line;
		this.column = column;
	}

	/**
	 * Return the line of the file at fault.
	 * @return line number, starting at 1
	 */
	public int getLine() {
		return this.line;
	}

	/**
	 * Return the column at fault.
	 * @return column name from the header, or {@code null} when the whole row is at fault
	 */
	public @Nullable String getColumn() {
		return this.column;
	}

}
