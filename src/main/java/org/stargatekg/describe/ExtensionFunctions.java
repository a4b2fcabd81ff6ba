package org.stargatekg.describe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.function.library.localname;
import org.apache.jena.sparql.pfunction.PropertyFunction;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.pfunction.library.strSplit;
import org.apache.jena.sys.JenaSystem;

/**
 * The functions and property functions a query may call beyond standard SPARQL 1.1, as Jena's registries hold them:
 * every IRI registered in {@link FunctionRegistry} and {@link PropertyFunctionRegistry} (XPath {@code fn:} and
 * {@code math:}, {@code afn:}, {@code list:}, {@code text:query}, …), plus the {@code afn:} and {@code apf:} ones
 * (such as {@code apf:splitIRI}) that Jena loads by name from its function libraries on first use, each kept only if
 * the registry resolves it. The XSD casts and the {@code sparql:} names of the built-ins are standard and left out, and
 * so are the {@link #UNGUARDED} ones. The endpoint lets a query call exactly these and the standard ones.
 */
public final class ExtensionFunctions {

    /** Namespaces whose functions are standard SPARQL 1.1: the XSD casts and the SPARQL names of built-ins. */
    private static final Set<String> STANDARD = Set.of("http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/ns/sparql#");

    /**
     * Library functions left out because a client could hold a thread or fill the log with them:
     * {@code apf:strSplit} splits on a regular expression outside the query's deadline (a backtracking pattern held a
     * thread past the timeout), {@code afn:wait} sleeps as long as asked, {@code afn:print} writes a client's text
     * into the server log (log forging, issue 23).
     */
    public static final Set<String> UNGUARDED = Set.of(ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit",
                                                       ARQConstants.ARQFunctionLibraryURI + "wait",
                                                       ARQConstants.ARQFunctionLibraryURI + "print");

    /** The usual prefixes of the function namespaces, as Jena's documentation writes them. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("fn", "http://www.w3.org/2005/xpath-functions#")
            .setNsPrefix("math", "http://www.w3.org/2005/xpath-functions/math#")
            .setNsPrefix("afn", ARQConstants.ARQFunctionLibraryURI)
            .setNsPrefix("apf", ARQConstants.ARQPropertyFunctionLibraryURI)
            .setNsPrefix("list", "http://jena.apache.org/ARQ/list#")
            .setNsPrefix("text", "http://jena.apache.org/text#")
            .setNsPrefix("cdt", "http://w3id.org/awslabs/neptune/SPARQL-CDTs/")
            .lock();

    /** A function or property function by IRI. */
    public record Extension(String iri, boolean property) {}

    private static final ExtensionFunctions NONE = new ExtensionFunctions(List::of);

    /** Jena's, read once per JVM on first use: the registries are global, and reading the libraries takes a moment. */
    private static final ExtensionFunctions JENA = new ExtensionFunctions(ExtensionFunctions::readJena);

    private final Supplier<List<Extension>> source;
    private volatile List<Extension> all;

    private ExtensionFunctions(Supplier<List<Extension>> source) {
        this.source = source;
    }

    /** None: for a store we only pass queries to, whose own functions we do not know. */
    public static ExtensionFunctions none() {
        return NONE;
    }

    /** What Jena's registries resolve, read when first asked for (after jena-text has registered text:query). */
    public static ExtensionFunctions ofJena() {
        return JENA;
    }

    private static List<Extension> readJena() {
        JenaSystem.init();
        Set<String> functions = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        FunctionRegistry.get().keys().forEachRemaining(functions::add);
        PropertyFunctionRegistry.get().keys().forEachRemaining(properties::add);
        // afn: and apf: functions are classes of Jena's libraries loaded by name, so the registries list them only after use.
        for (String name : libraryNames(localname.class, Function.class))
            functions.add(ARQConstants.ARQFunctionLibraryURI + name);
        for (String name : libraryNames(strSplit.class, PropertyFunction.class))
            properties.add(ARQConstants.ARQPropertyFunctionLibraryURI + name);
        functions.removeAll(UNGUARDED);
        properties.removeAll(UNGUARDED);
        List<Extension> out = new ArrayList<>();
        functions.stream().filter(ExtensionFunctions::beyondStandard).filter(iri -> FunctionRegistry.get().get(iri) != null)
                 .forEach(iri -> out.add(new Extension(iri, false)));
        properties.stream().filter(ExtensionFunctions::beyondStandard).filter(iri -> PropertyFunctionRegistry.get().get(iri) != null)
                  .forEach(iri -> out.add(new Extension(iri, true)));
        return List.copyOf(out);
    }

    private List<Extension> list() {
        List<Extension> l = all;
        if (l == null) {
            synchronized (this) {
                if (all == null)
                    all = source.get();
                l = all;
            }
        }
        return l;
    }

    /** Filter and expression functions, sorted by IRI. */
    public List<Extension> functions() {
        return list().stream().filter(e -> !e.property()).toList();
    }

    /** Both kinds, functions first. */
    public List<Extension> all() {
        return list().stream().sorted(Comparator.comparing(Extension::property)).toList();
    }

    private static boolean beyondStandard(String iri) {
        return STANDARD.stream().noneMatch(iri::startsWith);
    }

    /**
     * The simple names of the public classes of a sample class's package that implement the given interface and are
     * named as Jena names its library functions (lower case first: {@code localname}, {@code strSplit}).
     */
    static List<String> libraryNames(Class<?> sample, Class<?> kind) {
        String pkg = sample.getPackageName();
        String folder = pkg.replace('.', '/') + "/";
        List<String> out = new ArrayList<>();
        for (String entry : entries(sample, folder)) {
            String simple = entry.substring(folder.length(), entry.length() - ".class".length());
            if (simple.contains("/") || simple.contains("$") || !Character.isLowerCase(simple.charAt(0)))
                continue;
            try {
                Class<?> c = Class.forName(pkg + "." + simple, false, sample.getClassLoader());
                if (kind.isAssignableFrom(c) && java.lang.reflect.Modifier.isPublic(c.getModifiers())
                    && !java.lang.reflect.Modifier.isAbstract(c.getModifiers()))
                    out.add(simple);
            } catch (ClassNotFoundException | LinkageError ex) {
                // not loadable here, so not callable either
            }
        }
        out.sort(null);
        return out;
    }

    /** The class files under a folder of the jar (or class directory) a sample class was loaded from. */
    private static List<String> entries(Class<?> sample, String folder) {
        Path location;
        try {
            location = Path.of(sample.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException ex) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(folder))) {
                    files.map(p -> folder + p.getFileName()).filter(n -> n.endsWith(".class")).forEach(out::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Iterator<JarEntry> it = jar.entries().asIterator(); it.hasNext(); ) {
                        String name = it.next().getName();
                        if (name.startsWith(folder) && name.endsWith(".class"))
                            out.add(name);
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
