package org.ddict.operator;

/**
 * A read-only run ({@code --read-only}) was asked for a step that changes the server's data: the check that needs it is
 * skipped with this message as its reason, never failed.
 */
public final class ReadOnlyException extends OperatorException {

    public ReadOnlyException(String message) {
        super(message);
    }

    /** A back-office step of the operator SPI. */
    public static ReadOnlyException step(String step) {
        return new ReadOnlyException("read-only run: needs " + step + " (a state-changing Management API request)");
    }
}
