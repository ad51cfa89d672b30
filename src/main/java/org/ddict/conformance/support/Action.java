package org.ddict.conformance.support;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ddict.catalogue.Req;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Feedback;
import org.ddict.operator.ActionState;
import org.ddict.operator.CancelOutcome;
import org.ddict.operator.OperatorException;
import org.ddict.operator.SoftwareSet;
import org.ddict.operator.StatusEntry;

import static org.ddict.catalogue.Req.DDI_STATE_14;

/** An action of a device, with the catalogue's verification procedures (V-STATUS, V-OPEN, V-CLOSED). */
public final class Action {

    private final Device device;
    private final long id;
    private final SoftwareSet software;

    Action(Device device, long id, SoftwareSet software) {
        this.device = device;
        this.id = id;
        this.software = software;
    }

    public long id() {
        return id;
    }

    public SoftwareSet software() {
        return software;
    }

    public Device device() {
        return device;
    }

    private CheckContext check() {
        return device.check();
    }

    /** R-ACTION: the back office's view of this action. */
    public ActionState state() {
        return check().run().operator().action(device.controllerId(), id);
    }

    public List<StatusEntry> history() {
        return check().run().operator().statusHistory(device.controllerId(), id);
    }

    /**
     * V-STATUS: the status entry recorded for {@code feedback}, found by its marker. A server that drops device
     * details is judged by its newest entry instead, and warned under DDI-STATE-14.
     */
    public StatusEntry recorded(Feedback feedback) {
        List<StatusEntry> history = history();
        Optional<StatusEntry> marked = history.stream().filter(s -> s.mentions(feedback.marker())).findFirst();
        if (marked.isPresent()) {
            return marked.get();
        }
        if (history.isEmpty()) {
            throw new OperatorException("the status history of action " + id + " is empty");
        }
        check().warn(DDI_STATE_14, "no status entry carries the details sent with " + feedback
                + "; judged by the newest entry " + history.get(0));
        return history.get(0);
    }

    /** Whether a status entry carries the marker of {@code feedback} (without the STATE-14 fallback). */
    public boolean hasEntryFor(Feedback feedback) {
        return history().stream().anyMatch(s -> s.mentions(feedback.marker()));
    }

    /** The entry recorded for {@code feedback} must have one of {@code types} (lower case, hawkBit's words). */
    public StatusEntry expectRecorded(Req req, Feedback feedback, String... types) {
        StatusEntry entry = recorded(feedback);
        check().require(req, Arrays.asList(types).contains(entry.type()),
                "feedback " + feedback + " recorded as " + String.join(" or ", types),
                () -> "recorded as '" + entry.type() + "' (" + entry + ")", null);
        return entry;
    }

    /** V-OPEN for the update flow: the back office says active and the next poll offers deploymentBase for it. */
    public void expectOpen(Req req) {
        expectOffered(req, "deploymentBase");
    }

    /** The action is active and the next poll offers {@code rel} for it. */
    public void expectOffered(Req req, String rel) {
        ActionState state = state();
        check().require(req, state.active(), "action " + id + " still open (active)", state::toString, null);
        ControllerBase poll = device.poll();
        check().require(req, poll.link(rel).map(l -> l.actionId().orElse(-1) == id).orElse(false),
                "the poll offers " + rel + " for action " + id, poll::describeLinks, poll.exchange());
    }

    /** V-CLOSED: the back office says inactive and the next poll offers no action link for it. */
    public void expectClosed(Req req) {
        ActionState state = state();
        check().require(req, !state.active(), "action " + id + " closed (not active)", state::toString, null);
        ControllerBase poll = device.poll();
        check().require(req, !poll.offersAction(id), "no action link for action " + id, poll::describeLinks, poll.exchange());
    }

    /** R-CANCEL as a precondition: the back office must accept it, or the check cannot be arranged. */
    public void requestCancel() {
        CancelOutcome outcome = check().run().operator().cancel(device.controllerId(), id, false);
        if (!outcome.accepted()) {
            throw new OperatorException("R-CANCEL of action " + id + " refused: " + outcome.evidence());
        }
    }

    @Override
    public String toString() {
        return "action " + id + " of " + device.controllerId();
    }
}
