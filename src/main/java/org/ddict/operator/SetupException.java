package org.ddict.operator;

/** A problem with the run's setup, found before any check runs: one line for the user and an exit code. */
public class SetupException extends RuntimeException {

    /** Why the run cannot start; the exit code follows the kind. */
    public enum Kind {
        UNREACHABLE(3), BAD_CREDENTIALS(2), NOT_DDI(2), AUTH_DISABLED(2), BAD_CONFIGURATION(2);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public SetupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
