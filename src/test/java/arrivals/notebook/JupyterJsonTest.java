package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON written the way Jupyter writes notebooks. */
class JupyterJsonTest {

    @Test
    void multilineKeepsLineEndsAndJoinsBack() {
        for (String text : List.of("", "one", "one\n", "one\ntwo", "one\n\ntwo\n")) {
            assertEquals(text, JupyterJson.joinMultiline(JupyterJson.multiline(text)));
        }
        assertEquals(List.of("a\n", "b"), listOf(JupyterJson.multiline("a\nb")));
    }

    @Test
    void layoutMatchesJupyter() {
        ObjectNode node = JupyterJson.object();
        node.put("b", 1);
        node.putArray("a");
        node.putObject("c").putArray("d").add("x");
        assertEquals("{\n \"a\": [],\n \"b\": 1,\n \"c\": {\n  \"d\": [\n   \"x\"\n  ]\n }\n}\n", JupyterJson.write(node));
    }

    private static List<String> listOf(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> items = new java.util.ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items;
    }
}
