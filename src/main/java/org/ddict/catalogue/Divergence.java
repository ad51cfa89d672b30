package org.ddict.catalogue;

import static org.ddict.catalogue.Req.DDI_CANCEL_05;
import static org.ddict.catalogue.Req.DDI_CANCEL_07;
import static org.ddict.catalogue.Req.DDI_CANCEL_08;

/**
 * hawkBit's known divergences from the published DDI mapping table (catalogue §5.1): two readings of one point, judged
 * by the run's {@link org.ddict.config.Dialect} and always reported as a specification ambiguity.
 */
public enum Divergence {
    HB_DEV_01(DDI_CANCEL_07, "`canceled` on cancelAction/{A}/feedback is recorded as CANCELED (confirms the cancellation)",
            "`canceled` on cancelAction/{A}/feedback is recorded as WARNING and the action stays CANCELING (ISS-952)"),
    HB_DEV_02(DDI_CANCEL_05, "`rejected` on cancelAction/{A}/feedback is recorded as WARNING",
            "`rejected` on cancelAction/{A}/feedback is recorded as CANCEL_REJECTED (the action goes back to RUNNING)"),
    HB_DEV_03(DDI_CANCEL_08, "`download` / `downloaded` on cancelAction/{A}/feedback are recorded as DOWNLOAD / DOWNLOADED",
            "`download` / `downloaded` on cancelAction/{A}/feedback are recorded as RUNNING");

    private final Req requirement;
    private final String published;
    private final String hawkbit;

    Divergence(Req requirement, String published, String hawkbit) {
        this.requirement = requirement;
        this.published = published;
        this.hawkbit = hawkbit;
    }

    /** {@code HB-DEV-01}. */
    public String id() {
        return name().replace('_', '-');
    }

    /** The requirement whose recorded-type part the two readings disagree on. */
    public Req requirement() {
        return requirement;
    }

    /** What the published mapping table says. */
    public String published() {
        return published;
    }

    /** What hawkBit 1.x does. */
    public String hawkbit() {
        return hawkbit;
    }

    public static java.util.Optional<Divergence> byId(String id) {
        return java.util.Arrays.stream(values()).filter(d -> d.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Which reading a server's behaviour followed. */
    public enum Reading {
        PUBLISHED, HAWKBIT, NEITHER
    }
}
