package org.ddict.operator;

import java.util.List;

/** What a check needs installed: modules (by type key) with their artifacts, bundled as one distribution set. */
public record SoftwareSpec(String name, String setType, List<ModuleSpec> modules) {

    public record ModuleSpec(String typeKey, String name, String version, List<ArtifactSpec> artifacts) {
    }

    public record ArtifactSpec(String filename, byte[] bytes) {
    }
}
