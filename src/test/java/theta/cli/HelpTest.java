package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The help reads well: whole sentences, no hard line breaks inside a paragraph, unknown commands refused. */
class HelpTest {
    /** Every command, nested ones included, except picocli's own help command. */
    private static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandSpec> all) {
        if (!cl.getCommandName().equals("help")) {
            all.add(cl.getCommandSpec());
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @Test
    void mainHelpListsEveryCommandWithOneWholeSentence() {
        WorkflowTest.Run r = WorkflowTest.run("--help");
        assertEquals(0, r.code());
        String list = r.out().substring(r.out().indexOf("Commands:") + "Commands:".length());
        // "  name   summary" lines, continuation lines indented further.
        Matcher m = Pattern.compile("(?m)^  (\\S+)\\s+(.*(?:\\n {4,}.*)*)").matcher(list);
        int seen = 0;
        while (m.find()) {
            String summary = m.group(2).replaceAll("\\s+", " ").strip();
            assertTrue(summary.endsWith("."), m.group(1) + ": '" + summary + "' is not a whole sentence");
            assertFalse(summary.substring(0, summary.length() - 1).matches(".*[.:;] [A-Z].*"),
                    m.group(1) + ": '" + summary + "' is more than one sentence");
            seen++;
        }
        assertEquals(Main.commandLine().getSubcommands().size(), seen, list);
    }

    @Test
    void everyCommandHasAOneSentenceHeaderAndWholeParagraphs() {
        for (CommandSpec c : commands()) {
            String name = c.qualifiedName();
            if (!name.equals("theta")) {
                assertEquals(1, c.usageMessage().header().length, name + ": one header line");
                assertTrue(c.usageMessage().header()[0].endsWith("."), name + ": header is a sentence");
            }
            for (String paragraph : c.usageMessage().description()) {
                assertTrue(paragraph.endsWith("."), name + ": '" + paragraph + "' ends mid-sentence");
            }
            for (OptionSpec o : c.options()) {
                assertTrue(o.description().length <= 1, name + " " + o.longestName() + ": one paragraph");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch", "nosuch --help", "nosuch -h", "nosuch train", "data nosuch --help"})
    void anUnknownCommandIsAnErrorWhateverFollowsIt(String args) {
        WorkflowTest.Run r = WorkflowTest.run(args.split(" "));
        assertEquals(2, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("theta: nosuch: unknown command; commands of '"), err);
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void helpOfAKnownCommandStillWorks() {
        WorkflowTest.Run r = WorkflowTest.run("data", "show", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Draws example N of a split as text, with its label."), r.out());
    }
}
