package org.ddict.operator;

/** An action as the back office reports it: open or closed ({@code active}), and its own status word. */
public record ActionState(long id, boolean active, String status, String type) {

    @Override
    public String toString() {
        return "action " + id + " active=" + active + " status=" + status + " type=" + type;
    }
}
