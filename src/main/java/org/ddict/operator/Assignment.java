package org.ddict.operator;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * R-ASSIGN in full: the mode, and optionally a force time (time-forced), a maintenance window, whether the device must
 * consent first, and the action's weight.
 */
public record Assignment(AssignMode mode, Optional<Instant> forceTime, Optional<MaintenanceWindow> maintenanceWindow,
        boolean confirmationRequired, OptionalInt weight) {

    public static Assignment of(AssignMode mode) {
        return new Assignment(mode, Optional.empty(), Optional.empty(), false, OptionalInt.empty());
    }

    /** Soft until {@code forceTime}, forced afterwards (DDI-DEPLOY-04). */
    public static Assignment timeForced(Instant forceTime) {
        return new Assignment(AssignMode.TIME_FORCED, Optional.of(forceTime), Optional.empty(), false, OptionalInt.empty());
    }

    public Assignment withMaintenanceWindow(MaintenanceWindow window) {
        return new Assignment(mode, forceTime, Optional.of(window), confirmationRequired, weight);
    }

    public Assignment withConfirmationRequired(boolean required) {
        return new Assignment(mode, forceTime, maintenanceWindow, required, weight);
    }

    public Assignment withWeight(int w) {
        return new Assignment(mode, forceTime, maintenanceWindow, confirmationRequired, OptionalInt.of(w));
    }
}
