package org.ddict.operator;

import java.util.List;

/** What a check needs installed: modules (by type key) with their artifacts, bundled as one distribution set. */
public record SoftwareSpec(String name, String setType, List<ModuleSpec> modules, boolean requiredMigrationStep) {

    public SoftwareSpec(String name, String setType, List<ModuleSpec> modules) {
        this(name, setType, modules, false);
    }

    /** The same set marked as a required migration step (an action that a later assignment does not supersede). */
    public SoftwareSpec asMigrationStep() {
        return new SoftwareSpec(name, setType, modules, true);
    }

    public record ModuleSpec(String typeKey, String name, String version, List<ArtifactSpec> artifacts,
            List<Metadata> metadata, boolean encrypted) {

        public ModuleSpec(String typeKey, String name, String version, List<ArtifactSpec> artifacts) {
            this(typeKey, name, version, artifacts, List.of(), false);
        }
    }

    /** Module metadata (R-SM-META); only {@code targetVisible} entries may reach the device. */
    public record Metadata(String key, String value, boolean targetVisible) {
    }

    public record ArtifactSpec(String filename, byte[] bytes) {
    }
}
