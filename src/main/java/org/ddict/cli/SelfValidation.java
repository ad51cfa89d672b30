package org.ddict.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import org.ddict.config.Dialect;
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
        return run(defects, parallelism, false, null, null, Dialect.HAWKBIT, null);
    }

    /**
     * A verdicts-only run of the checks selected by {@code only} (all when {@code null}) against the reference server
     * with {@code defects}, recording cancel feedback per the published table when {@code publishedTable}, judged by
     * {@code profile}, {@code dialect} and {@code waivers}.
     */
    public static Summary run(Collection<Defect> defects, int parallelism, boolean publishedTable, String only, String profile,
            Dialect dialect, Path waivers) {
        try (ReferenceServer server = ReferenceServer.start(ReferenceServer.Options.defaults().withDefects(defects)
                .withPublishedTable(publishedTable))) {
            ReferenceServer.Options o = server.options();
            SuiteConfig config = new SuiteConfig(server.baseUri(), o.tenant(), server.baseUri(), o.mgmtUser(),
                    new Secret(o.mgmtPassword()), Optional.empty(), "hawkbit", Duration.ofSeconds(10), parallelism,
                    RunPrefix.generate(), Path.of("target", "self-validation")).judgedBy(profile, dialect, waivers);
            return SuiteRunner.run(new SuiteRunner.Options(config, only, false, true, null, false, java.util.Set.of()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the reference server", e);
        }
    }
}
