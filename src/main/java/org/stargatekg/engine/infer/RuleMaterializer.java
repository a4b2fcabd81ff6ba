package org.stargatekg.engine.infer;

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
 * The materializer as it was before the single-pass closure: Jena's RETE forward engine running
 * {@code rules/materialize.rules}, with the same filter. The reference {@link Materializer} must match, and what the
 * loader runs when {@link org.stargatekg.engine.EnginePatch#MATERIALIZER} is left out.
 */
public final class RuleMaterializer {

    private static final Set<Node> TRIVIAL_TYPES = Set.of(OWL.Thing.asNode(), RDFS.Resource.asNode());

    private RuleMaterializer() {}

    /** The triples the rules infer from the ontology and the data that neither states, without trivial ones. */
    public static Graph infer(Graph ontology, Graph data) {
        Graph asserted = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(asserted, ontology);
        GraphUtil.addInto(asserted, data);

        GenericRuleReasoner reasoner = new GenericRuleReasoner(readRules());
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
        InputStream in = RuleMaterializer.class.getClassLoader().getResourceAsStream(Materializer.RULES);
        if (in == null)
            throw new IllegalStateException("Rule set not on the classpath: " + Materializer.RULES);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Rule.parseRules(Rule.rulesParserFromReader(reader));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
