package com.classifiedbilling.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.billing.BillingException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ToolCallOutcomeTests {

    @Test
    void everyBillingFailureShouldHaveTheOutcomeAnOperatorWouldAlertOn() {
        Map<BillingException.Kind, ToolCallOutcome> expected = Map.of(
                BillingException.Kind.INVALID_INPUT, ToolCallOutcome.TOOL_ERROR,
                BillingException.Kind.NOT_FOUND, ToolCallOutcome.TOOL_ERROR,
                BillingException.Kind.CONFLICT, ToolCallOutcome.TOOL_ERROR,
                BillingException.Kind.FORBIDDEN, ToolCallOutcome.REFUSED_BY_SCOPE,
                BillingException.Kind.UNAVAILABLE, ToolCallOutcome.UNAVAILABLE,
                BillingException.Kind.RATE_LIMITED, ToolCallOutcome.RATE_LIMITED);

        assertThat(expected).containsOnlyKeys(BillingException.Kind.values());
        expected.forEach((kind, outcome) ->
                assertThat(ToolCallOutcome.of(kind)).as(kind.name()).isEqualTo(outcome));
    }

    @Test
    void theStatusOfAnAnswerShouldGiveTheSameOutcomeAsTheFailureBehindIt() {
        assertThat(ToolCallOutcome.of(HttpStatus.OK)).isEqualTo(ToolCallOutcome.OK);
        assertThat(ToolCallOutcome.of(HttpStatus.ACCEPTED)).isEqualTo(ToolCallOutcome.OK);
        assertThat(ToolCallOutcome.of(HttpStatus.BAD_REQUEST)).isEqualTo(ToolCallOutcome.TOOL_ERROR);
        assertThat(ToolCallOutcome.of(HttpStatus.NOT_FOUND)).isEqualTo(ToolCallOutcome.TOOL_ERROR);
        assertThat(ToolCallOutcome.of(HttpStatus.CONFLICT)).isEqualTo(ToolCallOutcome.TOOL_ERROR);
        assertThat(ToolCallOutcome.of(HttpStatus.PAYLOAD_TOO_LARGE)).isEqualTo(ToolCallOutcome.TOOL_ERROR);
        assertThat(ToolCallOutcome.of(HttpStatus.FORBIDDEN)).isEqualTo(ToolCallOutcome.REFUSED_BY_SCOPE);
        assertThat(ToolCallOutcome.of(HttpStatus.TOO_MANY_REQUESTS)).isEqualTo(ToolCallOutcome.RATE_LIMITED);
        assertThat(ToolCallOutcome.of(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo(ToolCallOutcome.UNAVAILABLE);
        assertThat(ToolCallOutcome.of(HttpStatus.GATEWAY_TIMEOUT)).isEqualTo(ToolCallOutcome.UNAVAILABLE);
        assertThat(ToolCallOutcome.of(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo(ToolCallOutcome.SERVER_ERROR);
    }

    @Test
    void theTagsShouldBeFewLowerCaseAndDistinct() {
        assertThat(Arrays.stream(ToolCallOutcome.values()).map(ToolCallOutcome::tag))
                .doesNotHaveDuplicates()
                .allMatch(tag -> tag.matches("[a-z_]+"));
    }
}
