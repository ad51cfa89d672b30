package org.ddict.config;

/** Bad user input or configuration: reported as one clear line, exit code 2. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
