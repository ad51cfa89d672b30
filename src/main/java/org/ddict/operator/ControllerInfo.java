package org.ddict.operator;

import java.util.Optional;

/** The back office's view of a controller: its id exactly as stored and its state word ({@code registered}, …). */
public record ControllerInfo(String controllerId, String state, Optional<Long> lastRequestAt) {
}
