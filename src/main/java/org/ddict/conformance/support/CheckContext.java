package org.ddict.conformance.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.ddict.catalogue.Divergence;
import org.ddict.catalogue.Req;
import org.ddict.config.Dialect;
import org.ddict.config.Redaction;
import org.ddict.ddi.Exchange;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.qameta.allure.Allure;

/**
 * One running check: its requirements, its verdict helpers (MUST → failure, SHOULD → warning) and bounded waiting.
 * Failures and warnings are built here, in one place, so that every one of them names its requirement.
 */
public final class CheckContext {

    private final ExtensionContext extension;
    private final RunContext run;
    private final List<Req> requirements;
    private final List<Warning> warnings = Collections.synchronizedList(new ArrayList<>());

    CheckContext(ExtensionContext extension, RunContext run, List<Req> requirements) {
        this.extension = extension;
        this.run = run;
        this.requirements = List.copyOf(requirements);
    }

    public RunContext run() {
        return run;
    }

    public List<Req> requirements() {
        return requirements;
    }

    /** The requirement an unexpected error of this check is charged to. */
    public Req primary() {
        return requirements.get(0);
    }

    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    /** A fresh device: a new controller registered through the operator, with its own target token. */
    public Device newDevice() {
        return device(run.newControllerId());
    }

    /** A device for a given controllerId, registered through the operator. */
    public Device device(String controllerId) {
        return Device.registered(this, run.operator().registerController(controllerId));
    }

    /** Fails the check: the server broke {@code req}. */
    public ConformanceFailure fail(Req req, String expected, String received, Exchange evidence) {
        throw new ConformanceFailure(req, expected, received, evidence);
    }

    /** A MUST: fails the check when {@code ok} is false. */
    public void require(Req req, boolean ok, String expected, Supplier<String> received, Exchange evidence) {
        if (!ok) {
            fail(req, expected, received.get(), evidence);
        }
    }

    /** A SHOULD (or a known divergence): records a warning when {@code ok} is false and goes on. */
    public void should(Req req, boolean ok, String expected, Supplier<String> received, Exchange evidence) {
        if (!ok) {
            warn(req, "expected " + expected + "; received " + received.get()
                    + (evidence == null ? "" : " — " + evidence.call().curl()));
        }
    }

    /**
     * A request the server must refuse. Any 5xx breaks DDI-ERROR-10 (client errors never produce 5xx); a status that
     * {@code must} rejects breaks {@code req}; an allowed status other than {@code preferred} is a warning.
     */
    public void refused(Req req, Exchange e, String mustText, IntPredicate must, Integer preferred) {
        if (e.is5xx()) {
            fail(Req.DDI_ERROR_10, "a 4xx client error for " + e.call().method() + " " + e.call().url().getRawPath()
                    + " (" + req.id() + ": " + mustText + ")", "HTTP " + e.status(), e);
        }
        require(req, must.test(e.status()), mustText, e::describe, e);
        if (preferred != null) {
            should(req, e.status() == preferred, "HTTP " + preferred, () -> "HTTP " + e.status(), e);
        }
    }

    /**
     * One of hawkBit's known divergences from the published table ({@link Divergence}): records what the server did
     * as a specification ambiguity, then judges it by the run's dialect. Under {@code hawkbit} either reading passes
     * and any other behaviour warns (the SHOULD of the published table); under {@code published} only the published
     * table's reading passes.
     */
    public void divergence(Divergence d, boolean published, boolean hawkbit, Supplier<String> observed, Exchange evidence) {
        Divergence.Reading followed = published ? Divergence.Reading.PUBLISHED
                : hawkbit ? Divergence.Reading.HAWKBIT : Divergence.Reading.NEITHER;
        String what = Redaction.apply(observed.get());
        Ambiguity a = new Ambiguity(d, followed, what);
        extension.publishReportEntry(Ambiguity.ENTRY_PREFIX + d.id(), a.entryValue());
        if (Allure.getLifecycle().getCurrentTestCase().isPresent()) {
            String text = "Specification ambiguity " + d.id() + " (" + d.requirement().id() + "): published table — " + d.published()
                    + "; hawkBit — " + d.hawkbit() + "; this server: " + what + " (" + followed.name().toLowerCase()
                    + " reading; dialect " + run.dialect() + ")";
            Allure.step(text);
            // a passing check keeps this message, so the Allure category "Specification ambiguity" finds it
            Allure.getLifecycle().updateTestCase(r -> r.setStatusDetails(new io.qameta.allure.model.StatusDetails().setMessage(text)));
        }
        if (run.dialect() == Dialect.PUBLISHED && !published) {
            fail(d.requirement(), "published table (" + d.id() + ", --dialect published): " + d.published(),
                    what + (hawkbit ? " — hawkBit's reading, not accepted under --dialect published" : ""), evidence);
        }
        if (followed == Divergence.Reading.NEITHER) {
            warn(d.requirement(), "expected the published table's reading (" + d.published() + ") or hawkBit's (" + d.hawkbit()
                    + ", " + d.id() + "); received " + what + (evidence == null ? "" : " — " + evidence.call().curl()));
        }
    }

    public void warn(Req req, String text) {
        String message = Redaction.apply(text);
        Warning w = new Warning(req, message);
        warnings.add(w);
        extension.publishReportEntry(Warning.ENTRY_PREFIX + req.id(), message);
        if (extension.getConfigurationParameter(ConformanceExtension.WARNINGS_TO_STDOUT).map(Boolean::parseBoolean).orElse(true)) {
            System.out.println("WARN " + req.id() + " (" + req.levelText() + "): " + message);
        }
        if (Allure.getLifecycle().getCurrentTestCase().isPresent()) {
            String line = "WARN " + req.id() + " (" + req.levelText() + "): " + message;
            Allure.step(line);
            // the warning also becomes the check's status message, so the report's categories can sort it
            Allure.getLifecycle().updateTestCase(result -> {
                io.qameta.allure.model.StatusDetails details = result.getStatusDetails() == null
                        ? new io.qameta.allure.model.StatusDetails() : result.getStatusDetails();
                details.setMessage(details.getMessage() == null ? line : details.getMessage() + "\n" + line);
                result.setStatusDetails(details);
            });
        }
    }

    /**
     * Waits, bounded by the run's timeout, until {@code condition} holds for the value {@code probe} returns; the
     * probe runs in the check's own thread, so its requests stay attached to this check. Returns the last value.
     */
    public <T> T await(Callable<T> probe, Predicate<T> condition, Duration atMost) {
        List<T> last = new ArrayList<>(1);
        try {
            Awaitility.await().atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).ignoreNoExceptions()
                    .until(() -> {
                        T value = probe.call();
                        last.clear();
                        last.add(value);
                        return condition.test(value);
                    });
        } catch (ConditionTimeoutException e) {
            // the caller judges the last observed value
        }
        return last.isEmpty() ? null : last.get(0);
    }

    public Duration timeout() {
        return run.config().timeout();
    }
}
