package org.stargatekg.web;

/** A resource as a page shows it: its IRI, a human label, where to click and whether it is one of ours. */
public record Link(String iri, String label, String href, boolean local) {

    /** The text to show on hover: the full IRI. */
    public String title() {
        return iri;
    }
}
