package com.classifiedbilling.tool;

import com.classifiedbilling.billing.WorkspaceService;
import com.classifiedbilling.tool.ListWorkspacesResult.WorkspaceView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code list_workspaces}: the workspaces the caller owns or is a member of. */
@Component
final class ListWorkspacesTool implements BillingTool<ListWorkspacesInput, ListWorkspacesResult> {

    private final WorkspaceService workspaces;

    ListWorkspacesTool(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public String name() {
        return "list_workspaces";
    }

    @Override
    public String title() {
        return "List workspaces";
    }

    @Override
    public String description() {
        return "Lists the billing workspaces the user owns or belongs to, with each one's ID, title and business "
                + "details. Every other tool takes one of these IDs as workspace_id.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<ListWorkspacesInput> inputType() {
        return ListWorkspacesInput.class;
    }

    @Override
    public Mono<ListWorkspacesResult> call(ToolCall call, ListWorkspacesInput input) {
        return workspaces
                .accessible(call.userId())
                .map(WorkspaceView::of)
                .collectList()
                .map(list -> new ListWorkspacesResult(list, list.size()));
    }
}
