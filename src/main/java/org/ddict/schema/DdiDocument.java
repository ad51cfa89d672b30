package org.ddict.schema;

/**
 * The JSON documents of the DDI API v1 for which the suite has a schema (catalogue §3 "Schema resources",
 * field rules in Appendix A). Each constant names its schema file under {@code schemas/ddi/} on the classpath.
 */
public enum DdiDocument {
    CONTROLLER_BASE("controller-base.schema.json", "controller base"),
    DEPLOYMENT_BASE("deployment-base.schema.json", "deployment base"),
    CANCEL("cancel.schema.json", "cancel action"),
    CONFIRMATION_BASE("confirmation-base.schema.json", "confirmation base"),
    CONFIRMATION_BASE_ACTION("confirmation-base-action.schema.json", "confirmation base action"),
    ARTIFACT_LIST("artifact-list.schema.json", "artifact list"),
    EXCEPTION_INFO("exception-info.schema.json", "error body (ExceptionInfo)"),
    ACTION_FEEDBACK_REQUEST("action-feedback.request.schema.json", "action feedback request"),
    CONFIG_DATA_REQUEST("config-data.request.schema.json", "config data request"),
    CONFIRMATION_FEEDBACK_REQUEST("confirmation-feedback.request.schema.json", "confirmation feedback request"),
    ACTIVATE_AUTO_CONFIRMATION_REQUEST("activate-auto-confirmation.request.schema.json", "activate auto-confirmation request"),
    ASSIGNED_VERSION_REQUEST("assigned-version.request.schema.json", "assigned version request");

    private final String fileName;
    private final String label;

    DdiDocument(String fileName, String label) {
        this.fileName = fileName;
        this.label = label;
    }

    /** The schema file name, e.g. {@code controller-base.schema.json}. */
    public String fileName() {
        return fileName;
    }

    /** A human-readable name of the document, e.g. {@code controller base}. */
    public String label() {
        return label;
    }
}
