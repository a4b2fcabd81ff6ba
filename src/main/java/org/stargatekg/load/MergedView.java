package org.stargatekg.load;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * What an article folder says and its outside enrichment read as one graph without copying either: a find gives the
 * first graph's matches, then the second's that the first does not hold, so each triple once, as a merged copy would;
 * an added triple goes to the first graph.
 */
final class MergedView extends GraphBase {

    private final Graph first;
    private final Graph second;

    MergedView(Graph first, Graph second) {
        this.first = first;
        this.second = second;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return first.find(pattern).andThen(second.find(pattern).filterDrop(first::contains));
    }

    @Override
    public void performAdd(Triple t) {
        first.add(t);
    }
}
