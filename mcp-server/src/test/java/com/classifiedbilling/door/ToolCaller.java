package com.classifiedbilling.door;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Calls a tool through one door, as that door's clients would. */
interface ToolCaller extends AutoCloseable {

    /**
     * @param input the tool's input as JSON text
     * @return the tool's answer: a result, or the error message a caller sees
     */
    Answer call(String tool, String input);

    /** The names {@code tools/list} shows this caller, in order; empty for a door without a listing. */
    default Optional<List<String>> toolNames() {
        return Optional.empty();
    }

    @Override
    default void close() {}

    /** A result or an error message, whichever the door gave. */
    record Answer(JsonNode result, String error) {

        boolean isError() {
            return error != null;
        }
    }
}
