package io.colorinbox.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Chooses the output name for an input: {@code <name without extension>.json}, unless that name is
 * taken by a different input (in progress now, or an output already in the outbox whose "source" is
 * another file); then {@code <full input name>.json}. So {@code a.txt} and {@code a.csv} never
 * overwrite each other, and dropping {@code a.txt} again replaces its own earlier output.
 */
public class OutputNames {

    private final Path outbox;
    private final ObjectMapper mapper;
    private final Map<String, String> inUse = new HashMap<>();

    public OutputNames(Path outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public synchronized String claim(String inputName) {
        String preferred = stem(inputName) + ".json";
        String name = isFreeFor(preferred, inputName) ? preferred : inputName + ".json";
        inUse.put(name, inputName);
        return name;
    }

    public synchronized void release(String outputName) {
        inUse.remove(outputName);
    }

    private boolean isFreeFor(String outputName, String inputName) {
        String holder = inUse.get(outputName);
        if (holder != null) {
            return holder.equals(inputName);
        }
        Path existing = outbox.resolve(outputName);
        if (!Files.exists(existing)) {
            return true;
        }
        return inputName.equals(sourceOf(existing));
    }

    static String stem(String inputName) {
        int dot = inputName.lastIndexOf('.');
        return dot > 0 ? inputName.substring(0, dot) : inputName;
    }

    /** The "source" of an existing output; it is the first field, so only the start is read. */
    private String sourceOf(Path output) {
        try (InputStream in = Files.newInputStream(output); JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("source".equals(field)) {
                    return p.getValueAsString();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // not ours, unreadable: treat as taken by someone else
        }
    }
}
