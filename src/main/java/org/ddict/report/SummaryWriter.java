package org.ddict.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Priority;
import org.ddict.catalogue.Req;
import org.ddict.report.RequirementResult.Status;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code summary.json} (read by CI gates), {@code summary.md} (read by people) and the console table. */
public final class SummaryWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SummaryWriter() {
    }

    public static void write(Summary summary, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.json"), json(summary), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.md"), markdown(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + dir, e);
        }
    }

    public static String json(Summary s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", s.verdict().name());
        root.putObject("suite").put("name", "DDI Conformance Suite").put("version", s.suiteVersion())
                .put("catalogue", "REQUIREMENTS.md 1.1");
        ObjectNode server = root.putObject("server").put("url", s.server().url()).put("tenant", s.server().tenant())
                .put("mgmtUrl", s.server().mgmtUrl()).put("operator", s.server().operator())
                .put("embeddedReference", s.server().embedded());
        ArrayNode features = server.putArray("features");
        s.server().features().forEach(f -> features.add(f.name()));
        root.putObject("run").put("prefix", s.run().prefix()).put("startedAt", s.run().startedAt())
                .put("durationMs", s.run().durationMillis()).put("requests", s.run().requests())
                .put("serverTimeMs", s.run().serverMillis()).put("retries", s.run().retries())
                .put("limits", s.run().limits()).put("stopped", s.run().stopped())
                .put("readOnly", s.run().readOnly());
        Summary.Assessment a = s.assessment();
        root.putObject("judging").put("profile", a.profile()).put("profileDescription", a.profileDescription())
                .put("dialect", a.dialect().key()).put("date", a.date().toString());
        ObjectNode counts = root.putObject("counts");
        s.counts().forEach((k, v) -> counts.put(k.name().toLowerCase(), v));
        ObjectNode checkCounts = root.putObject("checkCounts");
        s.checkCounts().forEach((k, v) -> checkCounts.put(k.name().toLowerCase(), v));
        ArrayNode reqs = root.putArray("requirements");
        for (RequirementResult r : s.requirements()) {
            ObjectNode n = reqs.addObject().put("id", r.requirement().id()).put("title", r.requirement().title())
                    .put("level", r.requirement().level().name()).put("levelText", r.requirement().levelText())
                    .put("area", r.requirement().area().name()).put("scope", r.requirement().scope())
                    .put("priority", r.requirement().priority().name()).put("status", r.status().name());
            r.checks().forEach(n.putArray("checks")::add);
            if (r.reason() != null) {
                n.put("reason", r.reason());
            }
        }
        ArrayNode ambiguities = root.putArray("ambiguities");
        for (Summary.AmbiguityReport amb : a.ambiguities()) {
            ObjectNode n = ambiguities.addObject().put("id", amb.divergence().id())
                    .put("requirement", amb.divergence().requirement().id()).put("status", amb.status().name());
            n.putObject("readings").put("published", amb.divergence().published()).put("hawkbit", amb.divergence().hawkbit());
            n.put("followed", amb.followed());
            ArrayNode did = n.putArray("server");
            amb.observations().forEach(o -> did.addObject().put("check", o.check()).put("followed", o.followed().name().toLowerCase())
                    .put("observed", o.observed()));
        }
        ArrayNode waivers = root.putArray("waivers");
        a.waivers().forEach(w -> waivers.addObject().put("requirement", w.waiver().requirement().id())
                .put("state", w.state().name()).put("requirementStatus", w.requirementStatus().name())
                .put("reason", w.waiver().reason()).put("owner", w.waiver().owner()).put("expires", w.waiver().expires().toString()));
        ArrayNode stale = root.putArray("staleWaivers");
        a.waivers(Summary.WaiverOutcome.State.STALE).forEach(w -> stale.add(w.waiver().requirement().id()));
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : s.checks()) {
            ObjectNode n = checks.addObject().put("name", c.name()).put("area", c.area().name())
                    .put("outcome", c.outcome().name()).put("durationMs", c.millis());
            c.requirements().forEach(r -> n.withArray("requirements").add(r.id()));
            c.charged().forEach(r -> n.withArray("failedRequirements").add(r.id()));
            if (c.reason() != null) {
                n.put("reason", c.reason());
            }
            c.warnings().forEach(w -> n.withArray("warnings").addObject().put("requirement", w.requirement().id())
                    .put("message", w.message()));
        }
        return JSON.writeValueAsString(root);
    }

    public static String markdown(Summary s) {
        StringBuilder md = new StringBuilder();
        md.append("# DDI conformance: ").append(s.verdict().name().replace('_', '-'))
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Server | ").append(s.server().url()).append(" (tenant ").append(s.server().tenant())
                .append(s.server().embedded() ? ", embedded reference server" : "").append(") |\n");
        md.append("| Operator | ").append(s.server().operator()).append(" at ").append(s.server().mgmtUrl()).append(" |\n");
        md.append("| Optional features | ").append(s.server().features().isEmpty() ? "none declared"
                : s.server().features().stream().map(f -> "Opt:" + f).collect(java.util.stream.Collectors.joining(", "))).append(" |\n");
        md.append("| Judged by | profile ").append(escape(s.assessment().profileDescription())).append(", dialect ")
                .append(s.assessment().dialect().key()).append(s.assessment().waivers().isEmpty() ? ""
                        : ", " + s.assessment().waivers().size() + " waiver(s) on " + s.assessment().date()).append(" |\n");
        md.append("| Suite | ").append(s.suiteVersion()).append(", catalogue REQUIREMENTS.md 1.1 |\n");
        md.append("| Run | ").append(s.run().prefix()).append(", started ").append(s.run().startedAt()).append(", ")
                .append(s.run().durationMillis()).append(" ms, ").append(s.run().requests()).append(" requests (")
                .append(s.run().retries()).append(" retried), limits: ").append(s.run().limits())
                .append(s.run().stopped() == null ? "" : "; **stopped early: " + s.run().stopped() + "**")
                .append(s.run().readOnly() ? "; read-only (checks that need a state change are skipped)" : "").append(" |\n");
        Map<Status, Long> c = s.counts();
        md.append("| Requirements | ").append(c.get(Status.PASS)).append(" pass, ").append(c.get(Status.FAIL)).append(" fail, ")
                .append(c.get(Status.WARN)).append(" warn, ").append(c.get(Status.SKIP)).append(" skip, ")
                .append(c.get(Status.WAIVED)).append(" waived |\n\n");
        md.append("Only a failed MUST requirement makes a server non-conformant; a broken SHOULD or MAY is a warning; a broken "
                + "requirement with an unexpired waiver is WAIVED. hawkBit's known divergences from the published mapping table "
                + "are listed under *Specification ambiguities* and judged by the dialect.\n\n");
        List<RequirementResult> failed = s.requirements().stream().filter(r -> r.status() == Status.FAIL).toList();
        if (!failed.isEmpty()) {
            md.append("## Failures\n\n");
            failed.forEach(r -> md.append("- **").append(r.requirement().id()).append("** ").append(r.requirement().title())
                    .append(": ").append(escape(r.reason())).append("\n"));
            md.append("\n");
        }
        List<RequirementResult> waived = s.requirements().stream().filter(r -> r.status() == Status.WAIVED).toList();
        if (!waived.isEmpty()) {
            md.append("## Waived\n\n");
            waived.forEach(r -> md.append("- **").append(r.requirement().id()).append("** ").append(r.requirement().title())
                    .append(": ").append(escape(r.reason())).append("\n"));
            md.append("\n");
        }
        List<Summary.WaiverOutcome> stale = s.assessment().waivers(Summary.WaiverOutcome.State.STALE);
        if (!stale.isEmpty()) {
            md.append("## Stale waivers\n\nThese waivers waive nothing: the requirement is not broken in this run.\n\n");
            stale.forEach(w -> md.append("- **").append(w.waiver().requirement().id()).append("** is ").append(w.requirementStatus())
                    .append(": waiver ").append(escape(w.waiver().describe()))
                    .append(w.waiver().validOn(s.assessment().date()) ? "" : ", expired").append("\n"));
            md.append("\n");
        }
        if (!s.assessment().ambiguities().isEmpty()) {
            md.append("## Specification ambiguities\n\nhawkBit's known divergences from the published mapping table "
                    + "(catalogue §5.1), judged by the dialect `").append(s.assessment().dialect().key()).append("` (")
                    .append(escape(s.assessment().dialect().description())).append(").\n\n")
                    .append("| Id | Requirement | Published table | hawkBit | This server | Status |\n|---|---|---|---|---|---|\n");
            for (Summary.AmbiguityReport amb : s.assessment().ambiguities()) {
                String did = amb.observations().stream().map(o -> o.observed() + " (" + o.followed().name().toLowerCase() + ")")
                        .distinct().collect(java.util.stream.Collectors.joining("; "));
                md.append("| ").append(amb.divergence().id()).append(" | ").append(amb.divergence().requirement().id()).append(" | ")
                        .append(escape(amb.divergence().published())).append(" | ").append(escape(amb.divergence().hawkbit()))
                        .append(" | ").append(escape(did)).append(" | ").append(amb.status()).append(" |\n");
            }
            md.append("\n");
        }
        md.append("## Requirements by area\n\n");
        for (Area area : Area.values()) {
            List<RequirementResult> rows = s.requirements().stream().filter(r -> r.requirement().area() == area).toList();
            md.append("### ").append(area).append("\n\n| ID | Level | Priority | Status | Title | Reason |\n|---|---|---|---|---|---|\n");
            for (RequirementResult r : rows) {
                Req q = r.requirement();
                md.append("| ").append(q.id()).append(" | ").append(q.level()).append(" | ").append(q.priority()).append(" | ")
                        .append(icon(r.status())).append(' ').append(r.status()).append(" | ").append(escape(q.title())).append(" | ")
                        .append(r.reason() == null ? "" : escape(r.reason())).append(" |\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    /** The short table printed at the end of a run: requirements per area (P0 first, all priorities counted). */
    public static void table(Summary s, PrintWriter out) {
        out.printf("%n%-10s %5s %5s %5s %5s %6s%n", "area", "pass", "fail", "warn", "skip", "waived");
        for (Area area : Area.values()) {
            List<RequirementResult> rows = s.requirements().stream().filter(r -> r.requirement().area() == area).toList();
            out.printf("%-10s %5d %5d %5d %5d %6d%n", area, count(rows, Status.PASS), count(rows, Status.FAIL),
                    count(rows, Status.WARN), count(rows, Status.SKIP), count(rows, Status.WAIVED));
        }
        Map<Status, Long> c = s.counts();
        out.printf("%-10s %5d %5d %5d %5d %6d%n", "total", c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.WARN),
                c.get(Status.SKIP), c.get(Status.WAIVED));
        long p0 = s.requirements().stream().filter(r -> r.requirement().priority() == Priority.P0).count();
        long p0pass = s.requirements().stream().filter(r -> r.requirement().priority() == Priority.P0 && r.status() == Status.PASS).count();
        out.printf("P0: %d of %d pass.  Verdict: %s%n", p0pass, p0, s.verdict());
        s.requirements().stream().filter(r -> r.status() == Status.FAIL)
                .forEach(r -> out.println("  FAIL " + r.requirement().id() + " " + r.requirement().title() + " — " + cut(r.reason())));
        s.requirements().stream().filter(r -> r.status() == Status.WAIVED)
                .forEach(r -> out.println("  WAIVED " + r.requirement().id() + " " + r.requirement().title() + " — " + cut(r.reason())));
        s.assessment().waivers(Summary.WaiverOutcome.State.STALE).forEach(w -> out.println("warning: stale waiver "
                + w.waiver().describe() + ": " + w.waiver().requirement().id() + " is " + w.requirementStatus() + " in this run"));
        s.assessment().ambiguities().forEach(a -> out.println("  AMBIGUITY " + a.divergence().id() + " "
                + a.divergence().requirement().id() + ": the server follows the " + a.followed() + " reading → " + a.status()
                + " (dialect " + s.assessment().dialect().key() + ")"));
    }

    private static long count(List<RequirementResult> rows, Status s) {
        return rows.stream().filter(r -> r.status() == s).count();
    }

    private static String icon(Status s) {
        return switch (s) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case WARN -> "⚠️";
            case SKIP -> "⏭️";
            case WAIVED -> "🛡️";
        };
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
