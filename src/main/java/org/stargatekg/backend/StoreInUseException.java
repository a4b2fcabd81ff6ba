package org.stargatekg.backend;

/** A store folder that another process is using; nothing in it was read or changed. */
public final class StoreInUseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    StoreInUseException(String message) {
        super(message);
    }
}
