package org.ddict.catalogue;

/** Optional features (catalogue §0.1 scope tags {@code Opt:<feature>}). */
public enum Feature {
    PNP, TOKEN, GWTOKEN, CERTHDR, ANON, CONFIRM, MW, DLONLY, TIMEFORCED, FORCEQUIT, RANGE, CBOR, OFFLINE, HISTORY, ETAG, META, INSTALLED
}
