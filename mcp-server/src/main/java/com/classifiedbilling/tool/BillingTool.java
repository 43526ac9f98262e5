package com.classifiedbilling.tool;

import reactor.core.publisher.Mono;

/**
 * One tool. Its input arrives already checked against {@code schema/tools/<name>.input.json} and
 * bound to {@code I}; its result is serialised and must match {@code <name>.output.json}.
 *
 * @param <I> the input record
 * @param <R> the result record
 */
public interface BillingTool<I, R> {

    /** The wire name, e.g. {@code list_invoices}; it names the schema files too. */
    String name();

    /** A short human title, e.g. "List invoices". */
    String title();

    /** What the tool does and returns, as the connector directory asks: facts, not orders to the model. */
    String description();

    ToolHints hints();

    Class<I> inputType();

    Mono<R> call(ToolCall call, I input);
}
