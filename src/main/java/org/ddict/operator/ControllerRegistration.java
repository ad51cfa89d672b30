package org.ddict.operator;

import org.ddict.config.Secret;

/** A controller the operator created, with its target token. */
public record ControllerRegistration(String controllerId, Secret token) {
}
