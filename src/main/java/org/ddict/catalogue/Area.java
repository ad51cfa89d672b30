package org.ddict.catalogue;

/** Requirement areas, in the catalogue's order. */
public enum Area {
    BASE, SCHEMA, DEPLOY, STATE, CANCEL, HISTORY, CTRLID, AUTH, DOWNLOAD, CONFIG, INSTALLED, CONFIRM, ERROR
}
