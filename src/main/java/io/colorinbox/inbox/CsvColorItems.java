package io.colorinbox.inbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.commons.lang3.exception.ExceptionUtils;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A CSV list (RFC 4180, parsed by jackson-dataformat-csv one row at a time).
 *
 * <p>If the first non-blank row has a column named {@code color} (any case, surrounding whitespace ignored), it is
 * a header and that column is read from the following rows. Otherwise there is no header and the first column of
 * every row is read. Rows that are entirely blank, and rows whose color cell is blank, are skipped. A row too short
 * to have the color column becomes a rejected item. {@code #} starts a value like any other char: there are no
 * comment lines in CSV.
 */
final class CsvColorItems extends ColorItems {

    // Every row as a String[] whatever its width; TRIM_SPACES also allows spaces around a quoted value: , "a, b" ,
    private static final ObjectReader ROWS = new CsvMapper()
            .readerFor(String[].class)
            .with(CsvSchema.emptySchema().withoutComments())
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.TRIM_SPACES);

    /** Created on the first read, as Jackson reads the first token right away: all errors come from hasNext(). */
    private MappingIterator<String[]> rows;
    /** -1 until the first non-blank row has told whether there is a header. */
    private int colorColumn = -1;
    /** 1-based number of the current row, counting the header and blank rows: the spreadsheet row number. */
    private int rowNumber;
    /** Line where the current row starts, to point at an unterminated quote rather than at the end of the file. */
    private int rowStartLine;

    CsvColorItems(Utf8OrBomReader text) {
        super(text);
    }

    @Override
    ColorItem readNext(int index) throws IOException {
        try {
            if (rows == null) {
                rows = ROWS.readValues(text());
            }
            while (true) {
                rowStartLine = 0; // unknown until the parser is at the start of the next row
                if (!rows.hasNextValue()) {
                    return null;
                }
                rowStartLine = rows.getCurrentLocation().getLineNr();
                String[] row = rows.nextValue();
                rowNumber++;
                if (isBlank(row)) {
                    continue;
                }
                if (colorColumn < 0) {
                    colorColumn = headerColorColumn(row);
                    if (colorColumn >= 0) {
                        continue;
                    }
                    colorColumn = 0;
                }
                if (row.length <= colorColumn) {
                    return ColorItem.rejected(index, "",
                            "row " + rowNumber + " has no 'color' column (it has " + row.length + " fields)");
                }
                String color = row[colorColumn].strip();
                if (!color.isEmpty()) {
                    return ItemText.item(index, color);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        }
    }

    /** Index of the column named "color", or -1 when the row is not a header. */
    private static int headerColorColumn(String[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null && row[i].strip().equalsIgnoreCase("color")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(String[] row) {
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Databind wraps whatever the parser throws (even our own decoding errors) in a JsonMappingException,
     * so look down the cause chain for what really happened.
     */
    private RuntimeException translate(Exception e) {
        BadListException bad = ExceptionUtils.throwableOfType(e, BadListException.class);
        if (bad != null) {
            return bad;
        }
        // the innermost Jackson exception is the parser's, with the clearest message
        JacksonException parseError = ExceptionUtils.getThrowableList(e).stream()
                .filter(JacksonException.class::isInstance).map(JacksonException.class::cast)
                .reduce((outer, inner) -> inner).orElse(null);
        if (parseError != null) {
            String prefix = parseError instanceof StreamConstraintsException ? "CSV is over a size limit: " : "invalid CSV: ";
            return new BadListException(prefix + parseError.getOriginalMessage(), location(parseError.getLocation()), e);
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new UncheckedIOException((IOException) e);
    }

    private String location(JsonLocation where) {
        if (where == null || where.getLineNr() < 1) {
            return rowStartLine > 0 ? "line " + rowStartLine : null;
        }
        if (rowStartLine > 0 && rowStartLine < where.getLineNr()) {
            return "line " + where.getLineNr() + " (in the row starting on line " + rowStartLine + ")";
        }
        return "line " + where.getLineNr();
    }

    @Override
    void closeParser() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
