package io.neuralworkbench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Optional;

/**
 * How a child process hands its measurement to the orchestrator: one JSON line with a marker, so that whatever the
 * native libraries print to the same stream is ignored.
 */
final class ResultLine {
    private static final String MARKER = "BENCH-RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultLine() {
    }

    static void print(Object measurement) {
        try {
            System.out.println(MARKER + JSON.writeValueAsString(measurement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> Optional<T> find(List<String> outputLines, Class<T> type) {
        return outputLines.stream().filter(line -> line.startsWith(MARKER)).findFirst().map(line -> {
            try {
                return JSON.readValue(line.substring(MARKER.length()), type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable result line: " + line, e);
            }
        });
    }
}
