package org.stargatekg.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a project's README.md and docs/ as Markdown and lists what they point to that is not there: relative links
 * (files, folders and {@code #anchors} into headings of Markdown files) and repository paths named in code spans.
 */
final class DocumentationCheck {

    /** Code spans that name a repository path: no spaces, a slash, and one of the project's top folders first. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("(src|ontology|data|docs|\\.ci)/\\S*");

    /** A link with a scheme (https:, mailto:) or protocol-relative leaves the repository: not ours to check. */
    private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//).*");

    /** Tables as GitHub reads them, so that a cell's links and code spans are parsed as GitHub shows them. */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
                                               .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private final Path root;
    private boolean allowMissingImages;
    private Set<String> pendingFiles = Set.of();
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private DocumentationCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A check of the documentation under this project folder. */
    static DocumentationCheck of(Path root) {
        return new DocumentationCheck(root);
    }

    /** Lets images under docs/images/ be missing (screenshots not made yet); they are listed by {@link #skipped()}. */
    DocumentationCheck allowMissingImages(boolean allow) {
        this.allowMissingImages = allow;
        return this;
    }

    /** Lets these repository paths be missing (files another branch is writing); they are listed by {@link #skipped()}. */
    DocumentationCheck pendingFiles(Set<String> paths) {
        this.pendingFiles = Set.copyOf(paths);
        return this;
    }

    /** README.md and every Markdown file under docs/, relative to the project folder. */
    List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        Path dir = root.resolve("docs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().map(root::relativize).forEach(docs::add);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return docs;
    }

    /** Every relative link or image of every document whose file, folder or heading does not exist, one line each. */
    List<String> brokenLinks() {
        List<String> problems = new ArrayList<>();
        for (Path doc : documents()) {
            parse(doc).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    checkLink(doc, link, link.getDestination(), problems);
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    checkLink(doc, image, image.getDestination(), problems);
                    visitChildren(image);
                }
            });
        }
        return problems;
    }

    /** Every code span of every document that names a repository path which does not exist, one line each. */
    List<String> missingPaths() {
        List<String> problems = new ArrayList<>();
        for (Path doc : documents()) {
            parse(doc).accept(new AbstractVisitor() {
                @Override
                public void visit(Code code) {
                    String text = code.getLiteral().trim();
                    if (REPOSITORY_PATH.matcher(text).matches() && !exists(text))
                        problems.add(where(doc, code) + ": `" + text + "` names a path that does not exist");
                }
            });
        }
        return problems;
    }

    /** What was let through as missing by {@link #allowMissingImages} or {@link #pendingFiles}, one line each. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** The anchors GitHub gives the headings of a Markdown file: lower case, punctuation dropped, spaces as hyphens. */
    Set<String> anchors(Path markdown) {
        return anchorsByFile.computeIfAbsent(markdown.normalize(), file -> {
            Set<String> anchors = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            parse(file).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    String slug = slug(plainText(heading));
                    int n = seen.merge(slug, 1, Integer::sum);
                    anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
                }
            });
            return anchors;
        });
    }

    /** GitHub's heading anchor for this heading text. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }

    private void checkLink(Path doc, Node node, String destination, List<String> problems) {
        if (destination == null || destination.isEmpty() || EXTERNAL.matcher(destination).matches())
            return;
        int hash = destination.indexOf('#');
        String target = URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : URLDecoder.decode(destination.substring(hash + 1), StandardCharsets.UTF_8);
        Path file;
        if (target.isEmpty())
            file = doc;
        else if (target.startsWith("/"))
            file = Path.of(target.substring(1));
        else
            file = parentOf(doc).resolve(target).normalize();
        String relative = file.toString().replace('\\', '/');
        if (!exists(relative)) {
            if (allowMissingImages && relative.startsWith("docs/images/") && relative.endsWith(".png")) {
                skipped.add(where(doc, node) + ": image " + relative + " (docs.allowMissingImages)");
                return;
            }
            if (pendingFiles.contains(relative)) {
                skipped.add(where(doc, node) + ": " + relative + " (docs.pendingFiles)");
                return;
            }
            problems.add(where(doc, node) + ": link (" + destination + ") points to " + relative + ", which does not exist");
            return;
        }
        if (fragment.isEmpty())
            return;
        if (!relative.endsWith(".md")) {
            problems.add(where(doc, node) + ": link (" + destination + ") has an anchor into " + relative + ", which is not Markdown");
            return;
        }
        Set<String> anchors = anchors(file);
        if (!anchors.contains(fragment))
            problems.add(where(doc, node) + ": link (" + destination + ") names #" + fragment + ", not a heading of " + relative
                         + " (its headings: " + String.join(", ", anchors) + ")");
    }

    private static Path parentOf(Path doc) {
        Path parent = doc.getParent();
        return parent == null ? Path.of("") : parent;
    }

    private boolean exists(String relative) {
        if (relative.startsWith("..") || Path.of(relative).isAbsolute())
            return false; // outside the repository: a clone would not have it
        return Files.exists(root.resolve(relative));
    }

    private Node parse(Path doc) {
        try {
            return PARSER.parse(Files.readString(root.resolve(doc), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + doc, ex);
        }
    }

    private static String where(Path doc, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        String file = doc.toString().replace('\\', '/');
        return spans.isEmpty() ? file : file + ":" + (spans.get(0).getLineIndex() + 1);
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
