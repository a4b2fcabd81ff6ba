package org.stargatekg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.stargatekg.draft.CorpusScore;
import org.stargatekg.draft.DataPrefixes;
import org.stargatekg.draft.DraftScore;
import org.stargatekg.draft.Drafting;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.LoadException;
import org.stargatekg.load.Sentences;
import org.stargatekg.vocab.Namespaces;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code draft} subcommand: a first, unreviewed graph of a new article, written as an article folder that loads. */
@Command(name = "draft",
         mixinStandardHelpOptions = true,
         versionProvider = VersionProvider.class,
         description = {"Drafts an article folder from a text file: the article (title, keywords), its sentences, quotations with",
                        "their speakers, amounts, durations and dates, mentions linked to entities of the graph or proposed as new,",
                        "and statements, each on a passage given by its words and marked not reviewed; then loads the folder",
                        "with the shipped data to check it. With --compare, scores the draft against a hand-made folder; with --corpus,",
                        "scores drafts of a folder of articles against their gold files. Needs Stanford CoreNLP in nlp/ beside the jar."})
final class DraftCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ARTICLE.txt", description = "The article's text, UTF-8: its first line is the title.")
    private Path article;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The article folder to write (created if absent); its name names the article's graph and prefixes its IRIs.")
    private Path out;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = {"Instead of drafting one article: draft every NAME.txt of DIR that has a NAME.gold.tsv beside it and print",
                           "precision and recall of quotations, speakers, amounts, people and organizations (docs/drafting.md)."})
    private Path corpus;

    @Option(names = "--details", description = "With --corpus, also print what differed, article by article.")
    private boolean details;

    @Option(names = "--name", paramLabel = "NAME", description = "The name that prefixes every IRI the draft mints (default: the folder's name).")
    private String name;

    @Mixin
    private DataOptions data;

    @Option(names = "--compare", paramLabel = "DIR",
            description = "A hand-made article folder of the same text: print precision and recall of the draft against it.")
    private Path compare;

    /** Drafts, writes, loads back, optionally scores; 0, or 1 naming what failed. */
    @Override
    public Integer call() {
        List<Path> extra = data.extraArticles();
        Namespaces ns = data.namespaces();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (corpus != null) {
            if (article != null || out != null || compare != null)
                throw new ParameterException(spec.commandLine(), "--corpus drafts a whole folder: give no ARTICLE.txt, --out or --compare with it");
            if (!Files.isDirectory(corpus))
                throw new ParameterException(spec.commandLine(), "--corpus is not a folder: " + corpus.toAbsolutePath());
        } else {
            if (article == null || out == null)
                throw new ParameterException(spec.commandLine(), "Missing ARTICLE.txt or --out=DIR (or give --corpus=DIR)");
            if (!Files.isRegularFile(article))
                throw new ParameterException(spec.commandLine(), "ARTICLE.txt is not a file: " + article.toAbsolutePath());
            if (Files.exists(out) && !Files.isDirectory(out))
                throw new ParameterException(spec.commandLine(), "--out is not a folder: " + out.toAbsolutePath());
            if (compare != null && !Files.isDirectory(compare))
                throw new ParameterException(spec.commandLine(), "--compare is not a folder: " + compare.toAbsolutePath());
        }
        String missing = Drafting.nlpMissing();
        if (missing != null) {
            err.println(missing);
            err.flush();
            return 1;
        }
        if (corpus != null) {
            CorpusScore score = Drafting.corpus(corpus, extra, ns);
            stdout.println("Drafts of " + score.articles() + " articles of " + corpus + " against their gold files:");
            stdout.print(score.report());
            if (details)
                stdout.println(score.details());
            stdout.flush();
            return 0;
        }
        Drafting.Result result;
        try {
            Drafting drafting = Drafting.of(article, out).namespace(ns);
            if (name != null)
                drafting.name(name);
            extra.forEach(drafting::with);
            result = drafting.write();
        } catch (LoadException ex) {
            err.println("The draft was written to " + out.toAbsolutePath() + " but does not load:\n" + ex.getMessage());
            err.flush();
            return 1;
        } catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.flush();
            return 1;
        }
        var d = result.draft();
        stdout.printf("Drafted %s into %s: %d sentences, %d passages, %d entities (%d new), %d statements, %d amounts, %d times%n",
                      article, out.toAbsolutePath(), Sentences.split(d.text).size(), d.passages.size(),
                      d.entities().size(), d.entities().stream().filter(e -> !e.known()).count(), d.statements.size(),
                      d.amounts.size(), d.times.size());
        if (!d.unattributed.isEmpty())
            stdout.printf("%d quotation(s) without a speaker the draft could tell, listed as comments in %s%n", d.unattributed.size(),
                          d.statements.isEmpty() ? "article.ttl" : "statements.ttl");
        stdout.println("The folder loads with the shipped data: " + result.loaded());
        stdout.println("Every proposal is marked sg:NotReviewed: review it, then serve with --data " + out);
        if (compare != null) {
            KnowledgeGraph gold = Drafting.loadAlone(compare);
            DataPrefixes prefixes = DataPrefixes.of(List.of(compare));
            DraftScore score = DraftScore.of(d, gold.dataset().asDatasetGraph(), prefixes.resolved("sg", ns.namespace()));
            stdout.println("Draft against " + compare + ":");
            stdout.print(score.report());
        }
        stdout.flush();
        return 0;
    }
}
