package org.stargatekg.web;

/** One RDF or HTML representation of a resource: its media type, file suffix and a short name for links. */
public record Format(String name, String mediaType, String suffix) {
}
