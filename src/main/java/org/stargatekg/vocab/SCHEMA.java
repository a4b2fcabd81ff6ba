package org.stargatekg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms the code names, in the {@code https://schema.org/} namespace the data uses (Jena's own
 * {@code SchemaDO} names the older {@code http://schema.org/}).
 */
public final class SCHEMA {

    private SCHEMA() {}

    /** The namespace. */
    public static final String NS = "https://schema.org/";

    /** The name of the item. */
    public static final Property name = property("name");

    /** A description of the item. */
    public static final Property description = property("description");

    /** The subject matter of the content. */
    public static final Property about = property("about");

    /** Something the content mentions. */
    public static final Property mentions = property("mentions");

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
