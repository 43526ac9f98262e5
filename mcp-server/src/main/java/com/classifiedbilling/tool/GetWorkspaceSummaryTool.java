package com.classifiedbilling.tool;

import com.classifiedbilling.billing.WorkspaceService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code get_workspace_summary}: counts and the invoice breakdown of one workspace. */
@Component
final class GetWorkspaceSummaryTool implements BillingTool<WorkspaceInput, GetWorkspaceSummaryResult> {

    private final WorkspaceService workspaces;

    GetWorkspaceSummaryTool(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public String name() {
        return "get_workspace_summary";
    }

    @Override
    public String title() {
        return "Workspace summary";
    }

    @Override
    public String description() {
        return "Returns one workspace's counts of customers, invoices, service items and team members, and how many "
                + "of its invoices are Due and how many Paid.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<WorkspaceInput> inputType() {
        return WorkspaceInput.class;
    }

    @Override
    public Mono<GetWorkspaceSummaryResult> call(ToolCall call, WorkspaceInput input) {
        return workspaces.summary(call.userId(), input.workspaceId()).map(GetWorkspaceSummaryResult::of);
    }
}
