package org.ddict.reference;

/** One metadata entry of a software module; only {@code targetVisible} entries reach the device's chunk. */
record ModuleMetadata(String key, String value, boolean targetVisible) {
}
