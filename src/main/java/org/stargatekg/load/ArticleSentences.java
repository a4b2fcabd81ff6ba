package org.stargatekg.load;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stargatekg.vocab.NIF;

/**
 * The sentences of an article as NIF 2.0: each a {@code nif:Sentence} named {@code <article IRI>/sentence/N} (so its
 * IRI follows the article's, whatever namespace that is in), with its offsets and words, linked to the next sentence,
 * and every evidence passage of the article linked by {@code nif:sentence} to each sentence it overlaps.
 */
final class ArticleSentences {

    private ArticleSentences() {}

    /** The sentence IRI for the n-th sentence (from 1) of an article. */
    static Node sentenceIri(Node article, int n) {
        return NodeFactory.createURI(article.getURI() + "/sentence/" + n);
    }

    /** The triples describing the article's sentences and which passages lie in them; none for an article without an IRI. */
    static List<Triple> of(Node article, ArticleText text, Graph passages) {
        List<Triple> out = new ArrayList<>();
        if (!article.isURI())
            return out;
        String s = text.text();
        List<Sentences.Span> spans = Sentences.split(s);
        List<Placed> placed = passageSpans(article, passages);
        Node title = passages.find(article, RDFS.label.asNode(), Node.ANY).mapWith(Triple::getObject).nextOptional().orElse(null);
        String of = title != null && title.isLiteral() ? " of \u201C" + title.getLiteralLexicalForm() + "\u201D" : "";
        Node previous = null;
        for (int i = 0; i < spans.size(); i++) {
            Sentences.Span span = spans.get(i);
            Node sentence = sentenceIri(article, i + 1);
            int begin = s.codePointCount(0, span.begin());
            int end = begin + s.codePointCount(span.begin(), span.end());
            out.add(Triple.create(sentence, RDF.type.asNode(), NIF.Sentence));
            out.add(Triple.create(sentence, RDFS.label.asNode(), NodeFactory.createLiteralLang("Sentence " + (i + 1) + of, "en")));
            out.add(Triple.create(sentence, NIF.referenceContext, article));
            out.add(Triple.create(sentence, NIF.beginIndex, offset(begin)));
            out.add(Triple.create(sentence, NIF.endIndex, offset(end)));
            out.add(Triple.create(sentence, NIF.anchorOf, NodeFactory.createLiteralString(span.in(s))));
            // Only the forward link: ^nif:nextSentence gives the previous one, and every triple here is one more per
            // sentence of every article.
            if (previous != null)
                out.add(Triple.create(previous, NIF.nextSentence, sentence));
            for (Placed p : placed)
                if (p.begin() < end && p.end() > begin)
                    out.add(Triple.create(p.node(), NIF.sentence, sentence));
            previous = sentence;
        }
        return out;
    }

    /** A passage of the article with its checked offsets. */
    private record Placed(Node node, int begin, int end) {}

    /** Every passage of the article with offsets (sentences are added after this, so none is among them). */
    private static List<Placed> passageSpans(Node article, Graph graph) {
        List<Placed> out = new ArrayList<>();
        for (Triple t : graph.find(Node.ANY, NIF.referenceContext, article).toList()) {
            Node p = t.getSubject();
            Node b = graph.find(p, NIF.beginIndex, Node.ANY).mapWith(Triple::getObject).nextOptional().orElse(null);
            Node e = graph.find(p, NIF.endIndex, Node.ANY).mapWith(Triple::getObject).nextOptional().orElse(null);
            if (b != null && e != null)
                out.add(new Placed(p, Integer.parseInt(b.getLiteralLexicalForm().trim()), Integer.parseInt(e.getLiteralLexicalForm().trim())));
        }
        return out;
    }

    private static Node offset(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDnonNegativeInteger);
    }
}
