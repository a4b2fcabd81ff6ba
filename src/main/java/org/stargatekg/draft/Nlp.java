package org.stargatekg.draft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

/**
 * Stanford CoreNLP's English pipeline (tokens, sentences, parts of speech, lemmas and the three-class named entities
 * person, organization, location), loaded once per JVM on first use. CoreNLP and its models are on the draft's class
 * path only ({@code target/nlp/}, named by the jar's Class-Path): {@link #missing()} says so before anything loads.
 */
final class Nlp {

    /** One token: [begin, end) in the text (UTF-16 indexes), its words, part of speech, lemma and entity tag. */
    record Token(int begin, int end, String word, String pos, String lemma, String ner) {
        /** Whether the part of speech is a proper noun. */
        boolean proper() {
            return pos.startsWith("NNP");
        }
    }

    /** One sentence as CoreNLP splits it, with its tokens. */
    record Sentence(int begin, int end, List<Token> tokens) {}

    private static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    private static final String GENDERS = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";
    /** Longer sentences are left untagged rather than let the tagger run for minutes on text with no full stops. */
    private static final String MAX_SENTENCE = "250";

    private static StanfordCoreNLP pipeline;
    private static Map<String, String> genders;

    private Nlp() {}

    /** Null when CoreNLP and its English models can be loaded, else a sentence saying what is missing and how to get it. */
    static String missing() {
        ClassLoader loader = Nlp.class.getClassLoader();
        boolean code;
        try {
            Class.forName("edu.stanford.nlp.pipeline.StanfordCoreNLP", false, loader);
            code = true;
        } catch (ClassNotFoundException | LinkageError ex) {
            code = false;
        }
        if (code && loader.getResource(NER_MODEL) != null)
            return null;
        return "The draft command needs Stanford CoreNLP " + (code ? "'s English models" : "and its English models")
               + " (stanford-corenlp-4.5.10.jar and stanford-corenlp-4.5.10-models.jar) in the folder nlp/ beside the jar; "
               + "`mvn -B -q package -DskipTests` puts them in target/nlp/. Only the draft command uses them.";
    }

    /** The pipeline, built on first use (about 3 s and 1 GB of heap): tokenize, ssplit, pos, lemma, ner. */
    static synchronized StanfordCoreNLP pipeline() {
        if (pipeline == null) {
            String why = missing();
            if (why != null)
                throw new IllegalStateException(why);
            Properties p = new Properties();
            p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
            // Keep every character, say nothing about the ones it cannot tokenize; keep quotes as they are written.
            p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=true,splitHyphenated=true");
            p.setProperty("ssplit.newlineIsSentenceBreak", "two");
            p.setProperty("pos.maxlen", MAX_SENTENCE);
            p.setProperty("ner.maxlen", MAX_SENTENCE);
            p.setProperty("ner.model", NER_MODEL);
            // Dates and money stay rules (Times, Money); the fine-grained and numeric layers cost seconds for nothing here.
            p.setProperty("ner.useSUTime", "false");
            p.setProperty("ner.applyNumericClassifiers", "false");
            p.setProperty("ner.applyFineGrained", "false");
            p.setProperty("ner.buildEntityMentions", "false");
            pipeline = new StanfordCoreNLP(p);
        }
        return pipeline;
    }

    /** The sentences and tokens of a text. */
    static List<Sentence> annotate(String text) {
        Annotation doc = new Annotation(text);
        pipeline().annotate(doc);
        List<Sentence> out = new ArrayList<>();
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<Token> tokens = new ArrayList<>();
            for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
                String pos = t.tag() == null ? "X" : t.tag();
                String ner = t.ner() == null ? "O" : t.ner();
                tokens.add(new Token(t.beginPosition(), t.endPosition(), t.originalText(), pos,
                                     t.lemma() == null ? t.word() : t.lemma(), ner));
            }
            if (!tokens.isEmpty())
                out.add(new Sentence(tokens.get(0).begin(), tokens.get(tokens.size() - 1).end(), tokens));
        }
        return out;
    }

    /** "MALE", "FEMALE" or null for a first name, from the name list that ships with CoreNLP's models. */
    static synchronized String gender(String firstName) {
        if (genders == null) {
            genders = new HashMap<>();
            InputStream in = Nlp.class.getClassLoader().getResourceAsStream(GENDERS);
            if (in != null)
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String[] parts = line.split("\t");
                        if (parts.length == 2)
                            genders.put(parts[0], parts[1]);
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
        }
        return genders.get(firstName.toLowerCase(Locale.ROOT));
    }
}
