package io.colorinbox.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes a list file strictly: UTF-8, or UTF-16 when the file starts with a UTF-16 byte order mark.
 * A UTF-8 BOM is skipped. Bytes that are not valid in the chosen encoding, and NUL characters (a sign of a
 * binary file), end the text with a {@link BadListException} that says on which line the problem is.
 *
 * <p>The error is raised only after every char before the problem has been read, so the line numbers agree
 * with what the parser on top has seen. Only one buffer of bytes and one of chars is held, whatever the file size.
 */
final class Utf8OrBomReader extends Reader {

    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final Charset charset;
    private final int bomLength;
    private final CharsetDecoder decoder;

    /** Undecoded bytes, in read mode. */
    private final ByteBuffer bytes;
    /** Decoded chars not yet handed out, in read mode. */
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);

    /** File offset of {@code bytes.array()[0]}, to say where an invalid byte sequence is. */
    private long bufferFileOffset;
    /** Read by progress logging, possibly from another thread. */
    private volatile long bytesRead;
    private boolean inputEnded;
    private boolean decodingDone;
    private BadListException pendingError;
    private boolean closed;

    /** Line of the next decoded char, 1-based; LF, CRLF and a lone CR each end a line. */
    private long line = 1;
    private boolean afterCr;

    private Utf8OrBomReader(InputStream in, ByteBuffer head, Charset charset, int bomLength) {
        this.in = in;
        this.bytes = head;
        this.charset = charset;
        this.bomLength = bomLength;
        this.bytesRead = head.limit();
        this.chars.limit(0); // nothing decoded yet
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Reads the first bytes of {@code in} to look for a BOM. Closes {@code in} if that fails. */
    static Utf8OrBomReader open(InputStream in) throws IOException {
        try {
            ByteBuffer head = ByteBuffer.allocate(BUFFER_SIZE);
            // A BOM is at most 3 bytes; read() may return fewer than asked, so loop until 3 bytes or the end.
            while (head.position() < 3) {
                int n = in.read(head.array(), head.position(), 3 - head.position());
                if (n < 0) {
                    break;
                }
                head.position(head.position() + n);
            }
            head.flip();
            int b0 = head.limit() > 0 ? head.get(0) & 0xFF : -1;
            int b1 = head.limit() > 1 ? head.get(1) & 0xFF : -1;
            int b2 = head.limit() > 2 ? head.get(2) & 0xFF : -1;
            Utf8OrBomReader reader;
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                reader = new Utf8OrBomReader(in, head, StandardCharsets.UTF_8, 3);
            } else if (b0 == 0xFE && b1 == 0xFF) {
                reader = new Utf8OrBomReader(in, head, StandardCharsets.UTF_16BE, 2);
            } else if (b0 == 0xFF && b1 == 0xFE) {
                reader = new Utf8OrBomReader(in, head, StandardCharsets.UTF_16LE, 2);
            } else {
                reader = new Utf8OrBomReader(in, head, StandardCharsets.UTF_8, 0);
            }
            head.position(reader.bomLength);
            return reader;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(in, e);
            throw e;
        }
    }

    /**
     * The byte offset in {@code file} of the char at {@code charOffset} (counted after the BOM), for error messages
     * of parsers that only count chars. Reads the file again from the start, so use it on error paths only.
     */
    static long byteOffsetOfChar(Path file, long charOffset) throws IOException {
        try (Utf8OrBomReader reader = open(Files.newInputStream(file))) {
            boolean utf16 = !reader.charset.equals(StandardCharsets.UTF_8);
            long offset = reader.bomLength;
            long remaining = charOffset;
            char[] buffer = new char[BUFFER_SIZE];
            while (remaining > 0) {
                int n = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    offset += utf16 ? 2 : utf8Length(buffer[i]);
                }
                remaining -= n;
            }
            return offset;
        }
    }

    /** UTF-8 length of one char; each half of a surrogate pair counts 2, as the pair is 4 bytes. */
    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    /** Bytes taken from the file so far (decoding runs a little ahead of the chars handed out). */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("reader is closed");
        }
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }

    /** Decodes the next chars; false at the end of the text. Throws a pending error once all chars before it are read. */
    private boolean fill() throws IOException {
        while (true) {
            if (pendingError != null) {
                throw pendingError;
            }
            if (decodingDone) {
                return false;
            }
            chars.clear();
            long invalidAt = decode();
            chars.flip();
            checkDecodedChars();
            // A NUL found by checkDecodedChars() comes before the invalid bytes, so it is the one to report.
            if (pendingError == null && invalidAt >= 0) {
                pendingError = new BadListException("not valid " + encodingName(),
                        "line " + line + " (byte offset " + invalidAt + ")");
            }
            if (chars.hasRemaining()) {
                return true;
            }
        }
    }

    /** Decodes into {@link #chars}; returns the file offset of an invalid byte sequence, or -1. */
    private long decode() throws IOException {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, inputEnded);
            if (result.isError()) {
                // The decoder stops at the first byte of the bad sequence; the chars before it are in the buffer.
                decodingDone = true;
                return bufferFileOffset + bytes.position();
            }
            if (result.isOverflow()) {
                return -1;
            }
            if (inputEnded) {
                decoder.flush(chars);
                decodingDone = true;
                return -1;
            }
            if (chars.position() > 0) {
                return -1; // hand out what we have before blocking on more input
            }
            readMoreBytes();
        }
    }

    private void readMoreBytes() throws IOException {
        bufferFileOffset += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            inputEnded = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    /** Counts lines in the freshly decoded chars and cuts them at the first NUL. */
    private void checkDecodedChars() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\0') {
                chars.limit(i);
                decodingDone = true;
                pendingError = new BadListException("binary content (NUL byte)", "line " + line);
                return;
            }
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
            } else if (c == '\r') {
                line++;
                afterCr = true;
            } else {
                afterCr = false;
            }
        }
    }

    private String encodingName() {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-16";
    }

    private static void closeAfterFailure(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
