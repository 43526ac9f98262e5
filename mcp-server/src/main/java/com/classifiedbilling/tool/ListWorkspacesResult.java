package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Workspace;
import java.util.List;

/** The workspaces a user can work in, shaped as the API page shows them. */
public record ListWorkspacesResult(List<WorkspaceView> workspaces, int total) {

    /** One workspace. */
    public record WorkspaceView(
            String id, String title, String description, String workspaceUrlSlug, BusinessDetails businessDetails) {

        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(
                    w.id(),
                    w.title(),
                    w.description(),
                    w.urlSlug(),
                    new BusinessDetails(w.businessName(), w.businessEmail()));
        }
    }

    /** The business behind a workspace. */
    public record BusinessDetails(String businessName, String businessEmail) {}
}
