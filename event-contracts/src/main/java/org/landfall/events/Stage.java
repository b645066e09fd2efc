package org.landfall.events;

/** The lifecycle stages of a project, as the contract names them. */
public enum Stage {
    SIGNED, STARTED, OPERATIONAL, SUSPENDED, CANCELLED
}
