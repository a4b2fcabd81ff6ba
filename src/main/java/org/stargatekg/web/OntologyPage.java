package org.stargatekg.web;

import java.util.List;

/**
 * The ontology documented for people, in the manner of Widoco or pyLODE: metadata, the class hierarchy with a
 * diagram, every class, property and named individual with its definition, alignments, domain, range and inverse.
 */
public record OntologyPage(Link self, String title, String description, List<PropertyRow> metadata,
                           List<ClassDoc> classes, List<PropertyDoc> properties, List<TermDoc> individuals,
                           Diagram diagram) {

    /** A class: its place in the hierarchy, definition, our superclasses and subclasses, standard terms it aligns to. */
    public record ClassDoc(Link term, int depth, String definition, List<Link> superClasses, List<Link> subClasses,
                           List<Link> alignments, String anchor) {}

    /** A property: kind and characteristics, definition, domain, range, inverse, parents. */
    public record PropertyDoc(Link term, String kind, String definition, List<Link> domain, List<Link> range,
                              List<Link> inverse, List<Link> superProperties, List<String> characteristics,
                              String anchor) {}

    /** A named individual such as a stance or status, with its class. */
    public record TermDoc(Link term, List<Link> types, String definition, String anchor) {}

    /** A drawing of the class hierarchy: boxes placed left to right by depth, lines from each class to its parent. */
    public record Diagram(int width, int height, List<Box> boxes, List<Line> lines) {}

    /** A class box in the diagram. */
    public record Box(int x, int y, int width, String label, String href) {}

    /** A subclass line from (x1,y1) to (x2,y2). */
    public record Line(int x1, int y1, int x2, int y2) {}
}
