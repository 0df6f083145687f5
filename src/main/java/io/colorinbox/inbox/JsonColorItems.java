package io.colorinbox.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A JSON list: a top-level array of strings, or a top-level object whose {@code "colors"} field is an array of
 * strings (its other fields are skipped). Read token by token with Jackson's streaming parser, never as a tree.
 *
 * <p>An element that is not a string becomes a rejected item and reading goes on; a blank string is skipped like
 * a blank line in a text list. A document of another shape, a syntax error or content after the top-level value
 * is a {@link BadListException}.
 */
final class JsonColorItems extends ColorItems {

    // Thread-safe once configured; its default StreamReadConstraints (20 MB strings, depth 1000) are the limits.
    private static final JsonFactory JSON = new JsonFactory();

    private enum State { BEFORE_DOCUMENT, IN_COLORS, AFTER_COLORS }

    private final Path file;
    private final JsonParser parser;
    private State state = State.BEFORE_DOCUMENT;
    /** The colors array is the value of a field, so the rest of the enclosing object follows it. */
    private boolean colorsInObject;

    JsonColorItems(Path file, Utf8OrBomReader text) throws IOException {
        super(text);
        this.file = file;
        this.parser = JSON.createParser(text); // reads nothing yet
    }

    @Override
    ColorItem readNext(int index) throws IOException {
        try {
            if (state == State.BEFORE_DOCUMENT) {
                state = enterColorsArray() ? State.IN_COLORS : State.AFTER_COLORS;
            }
            while (state == State.IN_COLORS) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw badShape("invalid JSON: unexpected end of input"); // Jackson reports this itself
                }
                if (token == JsonToken.END_ARRAY) {
                    finishDocument();
                    state = State.AFTER_COLORS;
                } else {
                    ColorItem item = itemFor(token, index);
                    if (item != null) {
                        return item;
                    }
                }
            }
            return null;
        } catch (StreamConstraintsException e) {
            throw new BadListException("JSON is over a size limit: " + shortMessage(e), location(e.getLocation()), e);
        } catch (StreamReadException e) {
            throw new BadListException("invalid JSON: " + shortMessage(e), location(e.getLocation()), e);
        }
    }

    /** Moves the parser into the colors array; false for an empty document. */
    private boolean enterColorsArray() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false; // empty or whitespace-only file: an empty list
        }
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw badShape("expected a JSON array of strings or an object with a \"colors\" array");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isColors = "colors".equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (isColors) {
                if (value != JsonToken.START_ARRAY) {
                    throw badShape("\"colors\" is " + kindOf(value) + ", not an array of strings");
                }
                colorsInObject = true;
                return true;
            }
            parser.skipChildren();
        }
        throw badShape("JSON object has no \"colors\" array");
    }

    /** After the colors array: skips the rest of the enclosing object and checks nothing follows the document. */
    private void finishDocument() throws IOException {
        if (colorsInObject) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if ("colors".equals(parser.currentName())) {
                    throw badShape("JSON object has more than one \"colors\" field");
                }
                parser.nextToken();
                parser.skipChildren();
            }
        }
        // Jackson accepts a sequence of root values; a list file is exactly one.
        if (parser.nextToken() != null) {
            throw badShape("invalid JSON: unexpected content after the end of the top-level value");
        }
    }

    /** The item for one array element; null for a blank string, which is skipped. */
    private ColorItem itemFor(JsonToken token, int index) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            // Strip on the parser's own buffer: a long string is not copied, only its preview.
            char[] chars = parser.getTextCharacters();
            int start = parser.getTextOffset();
            int end = start + parser.getTextLength();
            while (start < end && Character.isWhitespace(chars[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(chars[end - 1])) {
                end--;
            }
            int length = end - start;
            if (length == 0) {
                return null;
            }
            if (length > ItemText.MAX_LENGTH) {
                return ItemText.tooLong(index, new String(chars, start, ItemText.PREVIEW_LENGTH + 1), length);
            }
            return ColorItem.of(index, new String(chars, start, length));
        }
        String shown = switch (token) {
            case START_OBJECT -> "{...}";
            case START_ARRAY -> "[...]";
            default -> ItemText.preview(parser.getText());
        };
        parser.skipChildren(); // a nested object or array is one rejected item; no-op for scalars
        return ColorItem.rejected(index, shown, "item is " + kindOf(token) + ", not a string");
    }

    private static String kindOf(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "a " + token; // not produced inside an array or as a field value
        };
    }

    private BadListException badShape(String message) {
        return new BadListException(message, location(parser.currentTokenLocation()));
    }

    /** Jackson's message without the "at [Source: ...]" part, which names no file anyway. */
    private static String shortMessage(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[");
    }

    /** "line L, column C (byte offset B)"; Jackson counts chars, so the byte offset is worked out from the file. */
    private String location(JsonLocation where) {
        if (where == null) {
            where = parser.currentLocation();
        }
        String lineAndColumn = "line " + where.getLineNr() + ", column " + where.getColumnNr();
        if (where.getCharOffset() < 0) {
            return lineAndColumn;
        }
        try {
            return lineAndColumn + " (byte offset " + Utf8OrBomReader.byteOffsetOfChar(file, where.getCharOffset()) + ")";
        } catch (IOException | RuntimeException e) {
            return lineAndColumn; // the location is a courtesy; never hide the real error behind this one
        }
    }

    @Override
    void closeParser() throws IOException {
        parser.close();
    }
}
