package org.stargatekg.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Runs the forward rules of {@code rules/materialize.rules} over ontology and data and keeps only the new facts
 * about the data: nothing whose subject is a term of the ontology, nothing already asserted, no trivial types.
 */
final class Materializer {

    /** Classpath location of the rule set. */
    static final String RULES = "rules/materialize.rules";

    private static final Set<Node> TRIVIAL_TYPES = Set.of(OWL.Thing.asNode(), RDFS.Resource.asNode());

    private final List<Rule> rules;

    /** Reads the rule set from the classpath. */
    Materializer() {
        this.rules = readRules();
    }

    /** The triples the rules add to ontology ∪ data, filtered as the class javadoc says. */
    Graph infer(Graph ontology, Graph data) {
        Graph asserted = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(asserted, ontology);
        GraphUtil.addInto(asserted, data);

        GenericRuleReasoner reasoner = new GenericRuleReasoner(rules);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfGraph inf = reasoner.bind(asserted);
        inf.prepare();

        Set<Node> ontologyTerms = ontology.find().mapWith(Triple::getSubject).toSet();
        Graph inferred = GraphFactory.createDefaultGraph();
        inf.getDeductionsGraph().find().forEach(t -> {
            if (keep(t, ontologyTerms, asserted))
                inferred.add(t);
        });
        inf.close();
        return inferred;
    }

    private static boolean keep(Triple t, Set<Node> ontologyTerms, Graph asserted) {
        Node s = t.getSubject();
        if (!(s.isURI() || s.isBlank()) || !t.getPredicate().isURI())
            return false;
        if (ontologyTerms.contains(s) || asserted.contains(t))
            return false;
        if (t.getPredicate().equals(RDF.type.asNode()) && TRIVIAL_TYPES.contains(t.getObject()))
            return false;
        boolean hierarchy = t.getPredicate().equals(RDFS.subClassOf.asNode()) || t.getPredicate().equals(RDFS.subPropertyOf.asNode());
        return !(hierarchy && s.equals(t.getObject()));
    }

    private static List<Rule> readRules() {
        InputStream in = Materializer.class.getClassLoader().getResourceAsStream(RULES);
        if (in == null)
            throw new IllegalStateException("Rule set not on the classpath: " + RULES);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Rule.parseRules(Rule.rulesParserFromReader(reader));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
