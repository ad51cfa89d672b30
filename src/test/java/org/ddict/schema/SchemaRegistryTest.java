package org.ddict.schema;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading from the classpath, caching and thread safety of {@link Schemas}. */
class SchemaRegistryTest {

    @Test
    void everyDocumentHasItsSchemaOnTheClasspath() throws Exception {
        for (DdiDocument document : DdiDocument.values()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(Schemas.CLASSPATH_FOLDER + document.fileName())) {
                assertThat(in).as(document.fileName()).isNotNull();
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).contains("\"$id\": \"" + Schemas.ID_PREFIX + document.fileName() + "\"")
                        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"")
                        .contains("\"title\"").contains("\"description\"");
            }
            assertThat(document.label()).isNotBlank();
        }
    }

    @Test
    void sharedInstance() {
        assertThat(Schemas.fromClasspath()).isSameAs(Schemas.fromClasspath());
    }

    @Test
    void parallelValidationGivesTheSameResults() throws Exception {
        Schemas schemas = Schemas.fromClasspath();
        String valid = SchemaSampleFiles.bundled("deploymentBase.json");
        String invalid = valid.replace("\"attempt\"", "\"ATTEMPT\"");
        List<SchemaViolation> expected = schemas.validate(DdiDocument.DEPLOYMENT_BASE, invalid);
        assertThat(expected).isNotEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean odd = i % 2 == 1;
                results.add(pool.submit(() -> odd
                        ? schemas.validate(DdiDocument.DEPLOYMENT_BASE, invalid).equals(expected)
                        : schemas.validate(DdiDocument.DEPLOYMENT_BASE, valid).isEmpty()));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
