package arrivals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.AsCompleted;
import arrivals.Gather;
import arrivals.Options;
import arrivals.Task;
import arrivals.simulate.Delays;
import arrivals.simulate.Fetcher;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LiveTest {
    static final List<Task<String>> TASKS = Fetcher.scaled(0.02).quiet().tasks(5, Delays.uniformSeconds(1, 5, 3));

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void aLiveChartHandsOverAFreshPictureAfterEveryArrival() throws Exception {
        List<BufferedImage> shown = new CopyOnWriteArrayList<>();
        List<Integer> pointsWhenShown = new ArrayList<>();
        AtomicReference<LiveChart> self = new AtomicReference<>();
        LiveChart live = LiveChart.arrivals(image -> {
            shown.add(image);
            pointsWhenShown.add(self.get().recorder().runs().getLast().completions().size());
        });
        self.set(live);
        try (var results = AsCompleted.of(TASKS, live.options())) {
            results.forEach(done -> { });
        }
        assertEquals(TASKS.size(), shown.size(), "one picture per arrival");
        assertEquals(List.of(1, 2, 3, 4, 5), pointsWhenShown, "each picture includes the newest result");
        assertTrue(shown.stream().allMatch(image -> image.getWidth() == 800));

        Gather.settled(TASKS, live.options());
        assertEquals(2 * TASKS.size(), shown.size(), "gather's results arrive, and are drawn, all at the end");
        assertEquals(2, live.recorder().runs().size());
    }

    @Test
    void aThrottledLiveChartStillDrawsTheFinalPicture() {
        List<BufferedImage> shown = new CopyOnWriteArrayList<>();
        LiveChart live = LiveChart.timeline(shown::add).atMostEvery(Duration.ofHours(1));
        try (var results = AsCompleted.of(TASKS, live.options())) {
            results.forEach(done -> { });
        }
        assertEquals(2, shown.size(), "the first arrival, then the end of the run");
        assertEquals(TASKS.size(), live.recorder().last().completions().size());
        assertThrows(IllegalArgumentException.class, () -> live.atMostEvery(Duration.ofMillis(-1)));
        assertEquals(800, LiveChart.blank().getWidth());
    }

    @Test
    void theTextBarPrintsALineEachTimeItGrows() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextProgress bar = TextProgress.lines().width(10).printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (int done = 1; done <= 100; done++) {
            bar.update(done, 100);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(11, lines.size(), "the first result, then each of the 10 cells: " + lines);
        assertEquals("[----------]   1/100   1%", lines.getFirst());
        assertEquals("[##########] 100/100 100%", lines.getLast());
        assertEquals("[#####-----]  5/10  50%", TextProgress.bar(5, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> TextProgress.bar(11, 10, 10));
    }

    @Test
    void theTerminalBarRedrawsOneLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var options = Options.defaults().onProgress(
                TextProgress.terminal().width(4).printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        Gather.all(TASKS, options);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(TASKS.size(), out.chars().filter(c -> c == '\r').count());
        assertTrue(out.endsWith("[####] 5/5 100%" + System.lineSeparator()), out);
    }
}
