package org.stargatekg.load;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.SG;

import static org.apache.jena.riot.out.NodeFmtLib.strNT;

/**
 * The rule that keeps two article folders from claiming the same thing: a resource typed (in its folder) as an
 * article ({@code nif:Context}), an evidence passage ({@code sg:EvidencePassage}) or something the article reports
 * ({@code sg:Reported}: statements and facts), or any subclass of these, belongs to that one folder, and no other
 * folder may state anything about it. People, organizations, places and other entities may be described by several
 * articles, whose statements about them add up.
 */
final class ArticleOwnership {

    private final Set<Node> ownedClasses;
    private final Map<Node, ArticleFolder> owners = new LinkedHashMap<>();
    private final List<ArticleFolder> folders = new ArrayList<>();

    /** A rule whose owned classes are the three roots and their subclasses in the ontology. */
    ArticleOwnership(Graph ontology) {
        this.ownedClasses = subClassClosure(ontology, List.of(NIF.Context,
                SG.EvidencePassage.asNode(), SG.Reported.asNode()));
    }

    /** Records the resources a folder owns, failing if another folder already owns one of them. */
    void add(ArticleFolder folder) {
        Graph merged = folder.merged();
        List<String> clashes = new ArrayList<>();
        for (Node cls : ownedClasses) {
            for (Triple t : merged.find(Node.ANY, RDF.type.asNode(), cls).toList()) {
                ArticleFolder previous = owners.putIfAbsent(t.getSubject(), folder);
                if (previous != null && previous != folder)
                    clashes.add(clash(t.getSubject(), previous, folder));
            }
        }
        folders.add(folder);
        fail(clashes);
    }

    /** Fails if any folder states something about a resource another folder owns. */
    void check() {
        List<String> clashes = new ArrayList<>();
        for (ArticleFolder folder : folders) {
            Set<Node> subjects = new HashSet<>();
            folder.merged().find().forEach(t -> subjects.add(t.getSubject()));
            for (Node s : subjects) {
                ArticleFolder owner = owners.get(s);
                if (owner != null && owner != folder)
                    clashes.add(clash(s, owner, folder));
            }
        }
        fail(clashes.stream().distinct().toList());
    }

    private static void fail(List<String> clashes) {
        if (!clashes.isEmpty())
            throw new LoadException("Two article folders describe the same resource (" + clashes.size() + "):\n  "
                                    + String.join("\n  ", clashes)
                                    + "\nArticles, evidence passages, statements and facts belong to one article folder only;"
                                    + " give the second one its own IRI. People, organizations and places may be shared.");
    }

    private static String clash(Node subject, ArticleFolder owner, ArticleFolder other) {
        return strNT(subject) + " belongs to article folder '" + owner.name() + "' (" + fileOf(subject, owner)
               + ") but article folder '" + other.name() + "' also describes it (" + fileOf(subject, other) + ")";
    }

    private static String fileOf(Node subject, ArticleFolder folder) {
        for (Map.Entry<Path, List<Triple>> e : folder.files().entrySet())
            if (ArticleFolder.states(e.getValue(), subject, Node.ANY))
                return SourceFiles.describe(e.getKey());
        return SourceFiles.describe(folder.dir());
    }

    private static Set<Node> subClassClosure(Graph ontology, List<Node> roots) {
        Set<Node> closure = new HashSet<>(roots);
        Deque<Node> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Node cls = todo.pop();
            ontology.find(Node.ANY, RDFS.subClassOf.asNode(), cls).forEach(t -> {
                if (closure.add(t.getSubject()))
                    todo.push(t.getSubject());
            });
        }
        return closure;
    }
}
