package org.stargatekg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stargatekg.describe.ExtensionFunctions;

/**
 * Builds the SPARQL editor's page: the examples, the prefixes a new query starts with, what the editor completes (our
 * prefixes, the terms the served ontology declares or aligns to, the extension functions) and the functions beyond
 * SPARQL 1.1 grouped by namespace.
 */
final class EditorPages {

    private static final Map<Node, String> KINDS = Map.of(
            OWL.Class.asNode(), "class", RDFS.Class.asNode(), "class",
            OWL.ObjectProperty.asNode(), "property", OWL.DatatypeProperty.asNode(), "property",
            OWL.AnnotationProperty.asNode(), "property", RDF.Property.asNode(), "property",
            OWL.NamedIndividual.asNode(), "individual");

    private static final Map<Node, String> ALIGNMENTS = Map.of(
            RDFS.subClassOf.asNode(), "class", OWL.equivalentClass.asNode(), "class",
            RDFS.subPropertyOf.asNode(), "property", OWL.equivalentProperty.asNode(), "property");

    private final Site site;
    private final ExtensionFunctions functions;

    EditorPages(Site site, ExtensionFunctions functions) {
        this.site = site;
        this.functions = functions;
    }

    /** The page, reading the ontology graph (call inside a read transaction). */
    EditorPage page(List<Examples.Example> examples) {
        String prefixes = Examples.prefixes(site.namespaces());
        String initial = prefixes + "\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n}\nLIMIT 25\n";
        return new EditorPage(prefixes, examples, initial, completions().toString(), functionGroups());
    }

    /** Every prefix the editor knows: ours and the standard ones, then those of the function namespaces. */
    PrefixMapping prefixMapping() {
        PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(site.prefixes());
        ExtensionFunctions.PREFIXES.getNsPrefixMap().forEach((p, iri) -> {
            if (pm.getNsURIPrefix(iri) == null && pm.getNsPrefixURI(p) == null)
                pm.setNsPrefix(p, iri);
        });
        return pm;
    }

    /**
     * The terms the served ontology declares (classes, properties, individuals) and the standard terms it aligns them
     * to, each that a known prefix abbreviates, with label and definition; by prefixed name.
     */
    Map<String, Term> terms() {
        PrefixMapping pm = prefixMapping();
        Graph ontology = site.dataset().getGraph(site.namespaces().ontologyGraph());
        Labels labels = site.labels();
        Map<String, Term> out = new TreeMap<>();
        for (Triple t : ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
            String kind = KINDS.get(t.getObject());
            if (kind != null)
                add(out, pm, labels, ontology, t.getSubject(), kind);
        }
        ALIGNMENTS.forEach((p, kind) -> ontology.find(Node.ANY, p, Node.ANY).toList()
                .forEach(t -> add(out, pm, labels, ontology, t.getObject(), kind)));
        // The data's own resources complete too (id:elon… gives id:elon-musk), with their description.
        String instances = site.namespaces().instances();
        for (Triple t : site.union().find(Node.ANY, RDF.type.asNode(), Node.ANY).toList())
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(instances))
                add(out, pm, labels, site.union(), t.getSubject(), "instance", Terms.SCHEMA_DESCRIPTION);
        return out;
    }

    /** One completion: prefixed name, IRI, kind, label and definition (or null). */
    record Term(String name, String iri, String kind, String label, String definition) {}

    private static void add(Map<String, Term> out, PrefixMapping pm, Labels labels, Graph ontology, Node node, String kind) {
        add(out, pm, labels, ontology, node, kind, Terms.SKOS_DEFINITION);
    }

    private static void add(Map<String, Term> out, PrefixMapping pm, Labels labels, Graph ontology, Node node, String kind,
                            Node definedBy) {
        if (!node.isURI())
            return;
        String name = pm.qnameFor(node.getURI());
        if (name == null || out.containsKey(name))
            return;
        var definition = ontology.find(node, definedBy, Node.ANY);
        String text = definition.hasNext() ? definition.next().getObject().getLiteralLexicalForm() : null;
        definition.close();
        out.put(name, new Term(name, node.getURI(), kind, labels.label(node), text));
    }

    private JsonObject completions() {
        PrefixMapping pm = prefixMapping();
        JsonObject json = new JsonObject();
        JsonObject prefixes = new JsonObject();
        new TreeMap<>(pm.getNsPrefixMap()).forEach(prefixes::put);
        json.put("prefixes", prefixes);
        JsonArray terms = new JsonArray();
        for (Term t : terms().values()) {
            JsonObject o = new JsonObject();
            o.put("name", t.name());
            o.put("iri", t.iri());
            o.put("kind", t.kind());
            o.put("label", t.label());
            if (t.definition() != null)
                o.put("definition", t.definition());
            terms.add(o);
        }
        for (ExtensionFunctions.Extension f : functions.all()) {
            String name = pm.qnameFor(f.iri());
            if (name == null)
                continue;
            JsonObject o = new JsonObject();
            o.put("name", name);
            o.put("iri", f.iri());
            o.put("kind", f.property() ? "property function" : "function");
            terms.add(o);
        }
        json.put("terms", terms);
        return json;
    }

    /** The extension functions by namespace, each named by prefix where one is known. */
    private List<EditorPage.FunctionGroup> functionGroups() {
        PrefixMapping pm = prefixMapping();
        Map<String, List<EditorPage.Function>> byNamespace = new LinkedHashMap<>();
        for (ExtensionFunctions.Extension f : functions.all()) {
            String iri = f.iri();
            int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
            String name = pm.qnameFor(iri);
            byNamespace.computeIfAbsent(iri.substring(0, cut), k -> new ArrayList<>())
                       .add(new EditorPage.Function(name != null ? name : "<" + iri + ">", iri, f.property()));
        }
        List<EditorPage.FunctionGroup> groups = new ArrayList<>();
        byNamespace.forEach((ns, list) -> groups.add(new EditorPage.FunctionGroup(pm.getNsURIPrefix(ns), ns, list)));
        return groups;
    }
}
