package com.classifiedbilling.billing;

import java.math.BigDecimal;

/**
 * One summary row that differs from a recount of the rows it sums up.
 *
 * @param summary the summary's table, e.g. {@code invoice_totals}
 * @param key the row's key within the workspace, e.g. {@code Due USD}
 * @param expectedCount what a recount gives (0 when the recount has no such row)
 * @param keptCount what the summary holds (0 when it has no such row)
 * @param expectedAmount the recounted sum, {@code null} for a summary of counts only
 * @param keptAmount the kept sum, {@code null} for a summary of counts only
 */
public record SummaryDrift(
        String summary,
        String workspaceId,
        String key,
        long expectedCount,
        long keptCount,
        BigDecimal expectedAmount,
        BigDecimal keptAmount) {

    @Override
    public String toString() {
        String amounts = expectedAmount == null
                ? ""
                : ", amount " + keptAmount.toPlainString() + " kept, " + expectedAmount.toPlainString() + " counted";
        return summary + " " + workspaceId + " " + key + ": " + keptCount + " kept, " + expectedCount + " counted"
                + amounts;
    }
}
