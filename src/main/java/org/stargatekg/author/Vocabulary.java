package org.stargatekg.author;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;

/** The ontology's classes and properties as the authoring server needs them: super-classes, labels, domains and ranges. */
final class Vocabulary {

    private final Graph ontology;

    Vocabulary(Graph ontology) {
        this.ontology = ontology;
    }

    Graph graph() {
        return ontology;
    }

    /** The class and every class it is a sub-class of, nearest first. */
    Set<Node> superClasses(Node cls) {
        return closure(cls, RDFS.subClassOf.asNode(), false);
    }

    /** The class and every class below it. */
    Set<Node> subClasses(Node cls) {
        return closure(cls, RDFS.subClassOf.asNode(), true);
    }

    /** The property and every property it is a sub-property of. */
    Set<Node> superProperties(Node property) {
        return closure(property, RDFS.subPropertyOf.asNode(), false);
    }

    /** Every class the types given are instances of, through rdfs:subClassOf. */
    Set<Node> allTypes(List<Node> types) {
        Set<Node> out = new LinkedHashSet<>();
        types.forEach(t -> out.addAll(superClasses(t)));
        return out;
    }

    /** The term's English label, else its local name. */
    String label(Node term) {
        for (Triple t : ontology.find(term, RDFS.label.asNode(), Node.ANY).toList())
            if (t.getObject().isLiteral())
                return t.getObject().getLiteralLexicalForm();
        return term.isURI() ? term.getLocalName() : term.toString();
    }

    /** The classes the ontology declares, in label order. */
    List<Node> classes() {
        List<Node> out = new ArrayList<>(ontology.find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).mapWith(Triple::getSubject)
                                                 .filterKeep(Node::isURI).toList());
        out.sort((a, b) -> label(a).compareToIgnoreCase(label(b)));
        return out;
    }

    /** Properties whose rdfs:domain is one of the classes. */
    List<Node> propertiesOf(Set<Node> classes) {
        List<Node> out = new ArrayList<>();
        for (Node c : classes)
            ontology.find(Node.ANY, RDFS.domain.asNode(), c).forEachRemaining(t -> {
                if (!out.contains(t.getSubject()))
                    out.add(t.getSubject());
            });
        return out;
    }

    /** The property's rdfs:range, or null. */
    Node range(Node property) {
        List<Triple> found = ontology.find(property, RDFS.range.asNode(), Node.ANY).toList();
        return found.isEmpty() ? null : found.get(0).getObject();
    }

    /** Whether the property is an owl:DatatypeProperty. */
    boolean isDatatypeProperty(Node property) {
        return ontology.contains(property, RDF.type.asNode(), OWL.DatatypeProperty.asNode());
    }

    private Set<Node> closure(Node start, Node link, boolean down) {
        Set<Node> seen = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Node n = todo.removeFirst();
            if (!seen.add(n))
                continue;
            List<Triple> next = down ? ontology.find(Node.ANY, link, n).toList() : ontology.find(n, link, Node.ANY).toList();
            for (Triple t : next)
                todo.addLast(down ? t.getSubject() : t.getObject());
        }
        return seen;
    }
}
