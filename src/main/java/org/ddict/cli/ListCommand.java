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

/** {@code list requirements|defects|features|faults}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the requirement catalogue, the optional features, or the reference server's defects and faults.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "requirements | defects | features | faults")
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
            default -> {
                spec.commandLine().getErr().println("error: unknown list '" + what + "' (requirements | defects | features | faults)");
                return Main.BAD_USAGE;
            }
        }
        return 0;
    }
}
