package org.stargatekg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms of the NIF 2.0 core vocabulary that the loader and tests use to tie evidence passages to article text. */
public final class NIF {

    /** The NIF 2.0 core namespace. */
    public static final String NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";

    // Classes

    /** The whole text of a document, against which passages are positioned. */
    public static final Node Context = term("Context");

    /** A sentence of a context, positioned by offsets like any other string of it. */
    public static final Node Sentence = term("Sentence");

    /** A string of a context positioned by begin and end offsets. */
    public static final Node OffsetBasedString = term("OffsetBasedString");

    // Properties

    /** The full text of a context. */
    public static final Node isString = term("isString");

    /** The context a passage points into. */
    public static final Node referenceContext = term("referenceContext");

    /** Zero-based offset of the first character of a passage. */
    public static final Node beginIndex = term("beginIndex");

    /** Zero-based offset just past the last character of a passage. */
    public static final Node endIndex = term("endIndex");

    /** The exact text of a passage. */
    public static final Node anchorOf = term("anchorOf");

    /** The words just before a string in its context: used to tell apart words that occur more than once. */
    public static final Node before = term("before");

    /** The words just after a string in its context: used to tell apart words that occur more than once. */
    public static final Node after = term("after");

    /** The sentence a string lies in. */
    public static final Node sentence = term("sentence");

    /** The sentence that follows a sentence in its context. */
    public static final Node nextSentence = term("nextSentence");

    private NIF() {}

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }
}
