package org.stargatekg.author;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.stargatekg.vocab.SG;

/**
 * The fields of the form that adds a fact or statement of a class: each property the SHACL shapes of the class (and of
 * its super-classes) constrain, required ones (sh:minCount of at least one) first, then the properties the ontology
 * gives the class as domain; a class range (sh:class or rdfs:range) is picked from the graph's entities, an amount is
 * asked as a number and a currency. A property that another field's property is a sub-property of (sg:party under
 * sg:plaintiff and sg:defendant) is left out: the loader infers it.
 */
final class ShapeForms {

    private static final Set<Node> NOT_ASKED = Set.of(RDFS.label.asNode(), SG.evidence.asNode(), SG.reviewStatus.asNode(),
                                                      SG.describedIn.asNode());

    private final Graph shapes;
    private final Vocabulary vocabulary;

    ShapeForms(Graph shapes, Vocabulary vocabulary) {
        this.shapes = shapes;
        this.vocabulary = vocabulary;
    }

    /** One field: its property, label, bounds, and what its values are. */
    record Field(Node property, String name, int minCount, int maxCount, Node cls, Node datatype, String message) {
        boolean required() {
            return minCount >= 1;
        }
    }

    /** The form's fields for a class, required ones first. */
    List<Field> fields(Node cls) {
        Set<Node> classes = vocabulary.superClasses(cls);
        Map<Node, Field> byPath = new LinkedHashMap<>();
        for (Node c : classes)
            for (Triple target : shapes.find(Node.ANY, SHACL.targetClass, c).toList())
                for (Triple prop : shapes.find(target.getSubject(), SHACL.property, Node.ANY).toList()) {
                    Node b = prop.getObject();
                    Node path = one(b, SHACL.path);
                    if (path == null || !path.isURI() || NOT_ASKED.contains(path))
                        continue;
                    Field f = new Field(path, vocabulary.label(path), integer(one(b, SHACL.minCount), 0), integer(one(b, SHACL.maxCount), -1),
                                        or(one(b, SHACL.class_), rangeClass(path)), or(one(b, SHACL.datatype), rangeDatatype(path)),
                                        one(b, SHACL.message) == null ? null : one(b, SHACL.message).getLiteralLexicalForm());
                    byPath.merge(path, f, (a, n) -> a.minCount() >= n.minCount() ? a : n);
                }
        for (Node p : vocabulary.propertiesOf(classes))
            if (!NOT_ASKED.contains(p) && !byPath.containsKey(p))
                byPath.put(p, new Field(p, vocabulary.label(p), 0, -1, rangeClass(p), rangeDatatype(p), null));
        List<Field> out = new ArrayList<>();
        for (Field f : byPath.values()) {
            boolean inferred = byPath.keySet().stream().anyMatch(o -> !o.equals(f.property()) && vocabulary.superProperties(o).contains(f.property()));
            if (!inferred)
                out.add(f);
        }
        out.sort(Comparator.comparing((Field f) -> !f.required()));
        return out;
    }

    /** The form as JSON for the page. */
    JsonArray json(Node cls, Prefixes prefixes) {
        JsonArray out = new JsonArray();
        for (Field f : fields(cls)) {
            JsonObject o = new JsonObject();
            o.put("property", f.property().getURI());
            o.put("short", prefixes.shorten(f.property()));
            o.put("name", f.name());
            o.put("required", f.required());
            o.put("minCount", f.minCount());
            o.put("maxCount", f.maxCount());
            o.put("kind", kind(f));
            if (f.cls() != null) {
                o.put("class", f.cls().getURI());
                o.put("className", vocabulary.label(f.cls()));
            }
            if (f.datatype() != null)
                o.put("datatype", f.datatype().getURI());
            if (f.message() != null)
                o.put("message", f.message());
            out.add(o);
        }
        return out;
    }

    private static String kind(Field f) {
        if (f.cls() != null)
            return f.cls().equals(SG.MonetaryAmount.asNode()) ? "amount" : "entity";
        if (f.datatype() != null) {
            String dt = f.datatype().getURI();
            if (dt.equals(XSD.decimal.getURI()) || dt.equals(XSD.integer.getURI()) || dt.equals(XSD.nonNegativeInteger.getURI()))
                return "number";
            if (dt.equals(XSD.date.getURI()))
                return "date";
            if (dt.equals(XSD.xboolean.getURI()))
                return "boolean";
        }
        return "text";
    }

    private Node rangeClass(Node property) {
        Node r = vocabulary.range(property);
        return r != null && r.isURI() && !r.getURI().startsWith(XSD.NS) && !r.equals(RDFS.Literal.asNode()) ? r : null;
    }

    private Node rangeDatatype(Node property) {
        Node r = vocabulary.range(property);
        return r != null && r.isURI() && (r.getURI().startsWith(XSD.NS) || r.equals(RDFS.Literal.asNode())) ? r : null;
    }

    private Node one(Node s, Node p) {
        List<Triple> found = shapes.find(s, p, Node.ANY).toList();
        return found.isEmpty() ? null : found.get(0).getObject();
    }

    private static int integer(Node n, int otherwise) {
        return n == null || !n.isLiteral() ? otherwise : Integer.parseInt(n.getLiteralLexicalForm());
    }

    private static Node or(Node a, Node b) {
        return a != null ? a : b;
    }
}
