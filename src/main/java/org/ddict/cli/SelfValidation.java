package org.ddict.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.reference.Defect;
import org.ddict.reference.ReferenceServer;
import org.ddict.report.Summary;

/** Runs the whole suite against a fresh embedded reference server, faithful or with chosen defects. */
public final class SelfValidation {

    private SelfValidation() {
    }

    /** A verdicts-only run (no report files) against the reference server with {@code defects}. */
    public static Summary run(Collection<Defect> defects, int parallelism) {
        try (ReferenceServer server = ReferenceServer.start(ReferenceServer.Options.defaults().withDefects(defects))) {
            ReferenceServer.Options o = server.options();
            SuiteConfig config = new SuiteConfig(server.baseUri(), o.tenant(), server.baseUri(), o.mgmtUser(),
                    new Secret(o.mgmtPassword()), Optional.empty(), "hawkbit", Duration.ofSeconds(10), parallelism,
                    RunPrefix.generate(), Path.of("target", "self-validation"));
            return SuiteRunner.run(SuiteRunner.Options.verdictsOnly(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the reference server", e);
        }
    }
}
