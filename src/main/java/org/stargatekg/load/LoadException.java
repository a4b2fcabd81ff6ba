package org.stargatekg.load;

/** A load step found a problem in the ontology or data; the message says where and what, readable by a person. */
public class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names the file or resource at fault. */
    public LoadException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
