package org.ddict.conformance.support;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Req;
import org.ddict.config.Redaction;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.HttpCall;

/**
 * A server behaviour that breaks a requirement, charged to exactly that requirement. The message reads
 * Requirement / Expected / Received / Request (a curl line, secrets masked) / Response.
 */
public class ConformanceFailure extends AssertionError {

    private final Set<Req> requirements;
    private final String expected;
    private final String received;
    private final transient Exchange evidence;

    public ConformanceFailure(Set<Req> requirements, String expected, String received, Exchange evidence) {
        this(requirements, expected, received, evidence, null);
    }

    /** A request that got no complete answer: the evidence is the request alone. */
    public static ConformanceFailure noAnswer(Req requirement, String expected, String received, HttpCall request) {
        return new ConformanceFailure(EnumSet.of(requirement), expected, received, null, request);
    }

    private ConformanceFailure(Set<Req> requirements, String expected, String received, Exchange evidence, HttpCall request) {
        super(format(requirements, Redaction.apply(expected), Redaction.apply(received), evidence, request));
        this.requirements = Collections.unmodifiableSet(EnumSet.copyOf(requirements));
        this.expected = Redaction.apply(expected);
        this.received = Redaction.apply(received);
        this.evidence = evidence;
    }

    public ConformanceFailure(Req requirement, String expected, String received, Exchange evidence) {
        this(EnumSet.of(requirement), expected, received, evidence);
    }

    public Set<Req> requirements() {
        return requirements;
    }

    public String expected() {
        return expected;
    }

    public String received() {
        return received;
    }

    public Optional<Exchange> evidence() {
        return Optional.ofNullable(evidence);
    }

    /** The one-line reason used in summaries: {@code expected …, received …}. */
    public String reason() {
        return "expected " + expected + "; received " + received;
    }

    private static String format(Set<Req> reqs, String expected, String received, Exchange evidence, HttpCall request) {
        StringBuilder sb = new StringBuilder();
        sb.append(reqs.stream().map(r -> r.id() + " (" + r.level() + ") " + r.title()).collect(Collectors.joining("; ")));
        sb.append("\n  Expected: ").append(expected);
        sb.append("\n  Received: ").append(received);
        if (evidence != null) {
            sb.append("\n  Request:  ").append(evidence.call().curl());
            sb.append("\n  Response: ").append(evidence.describe());
        } else if (request != null) {
            sb.append("\n  Request:  ").append(request.curl());
            sb.append("\n  Response: (no complete HTTP answer)");
        }
        reqs.forEach(r -> sb.append("\n  ").append(r.id()).append(": ").append(r.statement()));
        return sb.toString();
    }
}
