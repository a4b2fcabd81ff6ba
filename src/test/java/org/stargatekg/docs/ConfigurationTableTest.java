package org.stargatekg.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.stargatekg.cli.Main;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's configuration table lists exactly the options the server command declares. */
class ConfigurationTableTest {

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Test
    void the_configuration_table_names_every_option_of_the_server_command_and_no_other() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (OptionSpec option : new CommandLine(new Main()).getCommandSpec().options())
            declared.add(option.longestName());
        Set<String> documented = optionsInTable(Files.readString(Path.of("README.md")));
        assertFalse(documented.isEmpty(), "no table with options under the README's \"Configuration\" heading");
        assertEquals(declared, documented,
                "options the server command declares (expected) against those the first column of the README's Configuration table names (actual)");
    }

    /** The options named in the first column of the tables under the README's "Configuration" heading. */
    private static Set<String> optionsInTable(String markdown) {
        Set<String> options = new TreeSet<>();
        boolean inSection = false;
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() <= 2)
                inSection = heading.getLevel() == 2 && "Configuration".equals(text(heading));
            else if (inSection && block instanceof TableBlock table)
                for (Node part = table.getFirstChild(); part != null; part = part.getNext())
                    if (part instanceof TableBody body)
                        for (Node row = body.getFirstChild(); row != null; row = row.getNext())
                            options.addAll(optionsIn(row.getFirstChild()));
        }
        return options;
    }

    private static Set<String> optionsIn(Node cell) {
        Set<String> options = new TreeSet<>();
        cell.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                Matcher m = OPTION.matcher(code.getLiteral());
                while (m.find())
                    options.add(m.group());
            }
        });
        return options;
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
