package org.ddict.operator;

/** The back office's answer to a cancel request: accepted, or refused with the evidence. */
public record CancelOutcome(boolean accepted, int httpStatus, String evidence) {
}
