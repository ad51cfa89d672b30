package org.ddict.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.ddict.catalogue.Req;
import org.ddict.reference.Defect;
import org.ddict.reference.Fault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list requirements|defects|features|faults|profiles|dialects}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the requirement catalogue, the optional features, "
        + "the profiles and dialects, or the reference server's defects and faults.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "requirements | defects | features | faults | profiles | dialects")
    String what;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case "requirements" -> {
                var index = org.ddict.report.CheckIndex.discover();
                out.printf("%-16s %-6s %-3s %-14s %-58s %s%n", "ID", "LEVEL", "PRI", "SCOPE", "TITLE", "CHECKS");
                for (Req r : Req.values()) {
                    String title = r.title().length() > 58 ? r.title().substring(0, 57) + "…" : r.title();
                    out.printf("%-16s %-6s %-3s %-14s %-58s %s%n", r.id(), r.level(), r.priority(), r.scope(), title,
                            String.join(", ", index.getOrDefault(r, java.util.List.of("(none yet)"))));
                }
                long covered = java.util.Arrays.stream(Req.values()).filter(index::containsKey).count();
                out.printf("%d of %d requirements have a check.%n", covered, Req.values().length);
            }
            case "defects" -> {
                out.printf("%-38s %-36s %s%n", "DEFECT", "BREAKS", "WHAT IT DOES");
                for (Defect d : Defect.values()) {
                    out.printf("%-38s %-36s %s%n", d.key(), Main.joined(d.targets().toArray()), d.description());
                }
            }
            case "faults" -> {
                out.printf("%-20s %-40s %s%n", "FAULT", "HITS (2xx answers of)", "WHAT IT DOES");
                for (Fault f : Fault.values()) {
                    out.printf("%-20s %-40s %s%n", f.key(), f.scope().resource(), f.description());
                }
            }
            case "features" -> {
                out.printf("%-12s %s%n", "FEATURE", "REQUIREMENTS (--capabilities +FEATURE / -FEATURE)");
                for (org.ddict.catalogue.Feature f : org.ddict.catalogue.Feature.values()) {
                    out.printf("%-12s %s%n", f, Main.joined(java.util.Arrays.stream(Req.values())
                            .filter(r -> r.feature().filter(f::equals).isPresent()).map(Req::id).toArray()));
                }
            }
            case "profiles" -> {
                out.printf("%-22s %s%n", "PROFILE", "CLAIMS (--profile NAME, modules joined by '+', or a JSON/properties file)");
                for (org.ddict.config.Profile p : org.ddict.config.Profile.builtIns()) {
                    out.printf("%-22s %s%n", p.name(), p.describe());
                }
                out.printf("%nMODULES%n");
                org.ddict.config.Profile.modules().values().forEach(m -> out.printf("%-22s areas %s; features %s%n", m.name(),
                        m.areas().isEmpty() ? "-" : Main.joined(m.areas().toArray()),
                        m.features().isEmpty() ? "-" : Main.joined(m.features().toArray())));
                out.println("A Core requirement is claimed when its area is, an Opt: requirement when its feature is.");
            }
            case "dialects" -> {
                out.printf("%-10s %s%n", "DIALECT", "JUDGES hawkBit's known divergences from the published table (--dialect)");
                for (org.ddict.config.Dialect d : org.ddict.config.Dialect.values()) {
                    out.printf("%-10s %s%n", d.key(), d.description());
                }
                out.printf("%n%-10s %-14s %s%n", "DIVERGENCE", "REQUIREMENT", "PUBLISHED TABLE / HAWKBIT");
                for (org.ddict.catalogue.Divergence d : org.ddict.catalogue.Divergence.values()) {
                    out.printf("%-10s %-14s published: %s%n%-25s hawkbit:   %s%n", d.id(), d.requirement().id(), d.published(), "", d.hawkbit());
                }
            }
            default -> {
                spec.commandLine().getErr().println("error: unknown list '" + what
                        + "' (requirements | defects | features | faults | profiles | dialects)");
                return Main.BAD_USAGE;
            }
        }
        return 0;
    }
}
