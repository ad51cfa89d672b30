package org.ddict.operator;

import java.util.List;

/** A distribution set the operator created, with the ids the server gave its parts and the artifacts' bytes. */
public record SoftwareSet(long id, String name, String version, List<Module> modules) {

    public record Module(long id, String typeKey, String name, String version, List<Artifact> artifacts) {
    }

    public record Artifact(String filename, byte[] bytes, String sha1, String md5, String sha256) {
        public long size() {
            return bytes.length;
        }
    }

    public Module module(String typeKey) {
        return modules.stream().filter(m -> m.typeKey().equals(typeKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module of type " + typeKey));
    }
}
