package io.camstream.core.variant;

/** Thrown when a variant cannot be given; the message says why and what is allowed. */
public final class VariantRefusedException extends RuntimeException {

    /** Why a variant was refused. */
    public enum Reason {
        /** The width is not one the camera offers (now: the picture may have turned out smaller than configured). */
        NOT_OFFERED,
        /** The camera already encodes {@code max-variants} others. */
        LIMIT
    }

    private final Reason reason;

    VariantRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
