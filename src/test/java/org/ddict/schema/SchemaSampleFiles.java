package org.ddict.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Which recorded sample belongs to which schema (file-name conventions of {@code shared/ddi/samples/}). */
final class SchemaSampleFiles {

    static final String BUNDLED = "samples/hawkbit-1.1.0";
    static final Path SHARED = Path.of("../shared/ddi/samples");

    private SchemaSampleFiles() {
    }

    /** The schema of a DDI sample, or empty for Management API samples and other files. */
    static Optional<DdiDocument> documentFor(String fileName) {
        if (!fileName.endsWith(".json")) {
            return Optional.empty();
        }
        if (fileName.startsWith("controllerBase-")) {
            return Optional.of(DdiDocument.CONTROLLER_BASE);
        }
        if (fileName.startsWith("deploymentBase") || fileName.startsWith("installedBase")) {
            return Optional.of(DdiDocument.DEPLOYMENT_BASE);
        }
        if (fileName.startsWith("cancelAction")) {
            return Optional.of(DdiDocument.CANCEL);
        }
        if (fileName.startsWith("confirmationBase-action")) {
            return Optional.of(DdiDocument.CONFIRMATION_BASE_ACTION);
        }
        if (fileName.startsWith("confirmationBase")) {
            return Optional.of(DdiDocument.CONFIRMATION_BASE);
        }
        if (fileName.startsWith("softwaremodule-artifacts")) {
            return Optional.of(DdiDocument.ARTIFACT_LIST);
        }
        return Optional.empty();
    }

    static boolean isChecksumFile(String fileName) {
        return fileName.endsWith(".MD5SUM.txt");
    }

    static Path bundledFolder() {
        URL url = SchemaSampleFiles.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new IllegalStateException("test resource folder missing: " + BUNDLED);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bundled(String fileName) {
        return read(bundledFolder().resolve(fileName));
    }
}
